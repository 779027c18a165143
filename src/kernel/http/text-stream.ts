import type { Logger } from '../logger.js';

/**
 * A download body pulled from text chunks as the client reads (an export never holds the whole
 * set). A failure mid-way cuts the download — the status line is gone by then — and is logged
 * with `what` so the log says why.
 */
export function textStream(
  chunks: AsyncGenerator<string>,
  log: Logger,
  what: string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        log.error({ err: error }, `${what} failed`);
        controller.error(error);
      }
    },
  });
}
