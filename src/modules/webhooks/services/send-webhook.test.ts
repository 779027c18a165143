import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendWebhook } from './send-webhook.js';
import { parseAllowlist } from './url-guard.js';

// A receiver that answers the first request on each connection and drops any later one unanswered:
// what a receiver closing an idle kept-alive socket looks like to the sender reusing it.
let server: Server;
let url = '';
const answered: string[] = [];
beforeAll(async () => {
  const served = new WeakMap<object, number>();
  server = createServer((request, response) => {
    const count = (served.get(request.socket) ?? 0) + 1;
    served.set(request.socket, count);
    if (count > 1) {
      request.socket.destroy();
      return;
    }
    answered.push(String(request.headers['webhook-id']));
    request.resume();
    request.on('end', () => response.writeHead(200, { connection: 'keep-alive' }).end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

const delivery = (messageId: string) => ({
  url,
  messageId,
  body: '{"type":"webhook.test"}',
  secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
  headers: {},
  timestamp: new Date(),
});

describe('sendWebhook on kept-alive connections', () => {
  it('sends again on a new socket when a reused one was closed before any answer', async () => {
    const allow = parseAllowlist('127.0.0.1');
    const first = await sendWebhook(delivery('msg_first'), allow);
    expect(first).toMatchObject({ ok: true, statusCode: 200 });
    // The next request goes out on the kept-alive socket, which the receiver drops.
    const second = await sendWebhook(delivery('msg_second'), allow);
    expect(second).toMatchObject({ ok: true, statusCode: 200, error: null });
    expect(answered).toEqual(['msg_first', 'msg_second']);
  });
});
