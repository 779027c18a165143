// Test support: reads a Server-Sent Events response message by message.

export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

export interface SseReader {
  /** Resolves with the first message (from now on, or already received and not yet taken) that matches. */
  next: (matches?: (message: SseMessage) => boolean) => Promise<SseMessage>;
  /** Every message received so far, in order. */
  received: SseMessage[];
  /** Comment lines received so far (heartbeats, `connected`). */
  comments: string[];
  close: () => Promise<void>;
}

export function readSse(response: Response): SseReader {
  if (!response.body) throw new Error('the response has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const received: SseMessage[] = [];
  const comments: string[] = [];
  const taken = new Set<SseMessage>();
  const waiters = new Set<() => void>();
  let buffer = '';
  let closed = false;

  const pump = async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const message: SseMessage = { data: '' };
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim());
          else if (line.startsWith('data: ')) data.push(line.slice(6));
          else if (line.startsWith('id: ')) message.id = line.slice(4);
          else if (line.startsWith('event: ')) message.event = line.slice(7);
        }
        if (data.length) {
          message.data = data.join('\n');
          received.push(message);
        }
        end = buffer.indexOf('\n\n');
      }
      for (const wake of [...waiters]) wake();
    }
    closed = true;
    for (const wake of [...waiters]) wake();
  };
  void pump();

  return {
    received,
    comments,
    next: (matches = () => true) =>
      new Promise<SseMessage>((resolve, reject) => {
        const check = () => {
          const found = received.find((message) => !taken.has(message) && matches(message));
          if (found) {
            taken.add(found);
            waiters.delete(check);
            resolve(found);
          } else if (closed) {
            waiters.delete(check);
            reject(new Error('the stream ended'));
          }
        };
        waiters.add(check);
        check();
      }),
    close: async () => {
      await reader.cancel().catch(() => undefined);
    },
  };
}
