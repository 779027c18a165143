import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresettableResponse, presetHeaders } from './response-headers.js';

type Respond = (response: ServerResponse) => void;

const PRESETS = [
  ['x-content-type-options', 'nosniff'],
  ['cache-control', 'no-store'],
] as const;

// Each request names the way its handler writes the head; every one has the presets.
const ways: Record<string, Respond> = {
  plain: (response) => {
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end('plain');
  },
  'own-wins': (response) => {
    response.writeHead(200, { 'Cache-Control': 'public, max-age=60', 'content-type': 'text/plain' });
    response.end('own');
  },
  'with-reason': (response) => {
    response.writeHead(201, 'Made', { 'content-type': 'text/plain' });
    response.end('reason');
  },
  'set-header': (response) => {
    response.setHeader('cache-control', 'private');
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('set');
  },
  implicit: (response) => {
    response.setHeader('content-type', 'text/plain');
    response.end('implicit');
  },
  'raw-list': (response) => {
    response.writeHead(200, ['Cache-Control', 'max-age=5', 'Set-Cookie', 'a=1', 'Set-Cookie', 'b=2']);
    response.end('raw');
  },
};

let url = '';
/** What each response reports as sent, by way (headerRecord, read after the head is written). */
const records = new Map<string, Record<string, unknown>>();
const server = createServer(
  { ServerResponse: PresettableResponse },
  (request: IncomingMessage, response: ServerResponse) => {
    expect(presetHeaders(response, PRESETS)).toBe(true);
    presetHeaders(response, [['x-request-id', 'req_test']]);
    const way = request.url?.slice(1) ?? '';
    ways[way]?.(response);
    records.set(way, (response as PresettableResponse).headerRecord());
  },
);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(way: string) {
  const response = await fetch(`${url}/${way}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('PresettableResponse', () => {
  it('merges the presets into a head written with a header object', async () => {
    const { status, headers, body } = await get('plain');
    expect([status, body]).toEqual([200, 'plain']);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-request-id')).toBe('req_test');
    expect(headers.get('content-type')).toBe('text/plain');
    expect(records.get('plain')).toEqual({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-request-id': 'req_test',
      'content-type': 'text/plain',
    });
  });

  it("lets the response's own header win, whatever its case, and sends it once", async () => {
    const { headers } = await get('own-wins');
    expect(headers.get('cache-control')).toBe('public, max-age=60');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps a reason phrase', async () => {
    const response = await fetch(`${url}/with-reason`);
    expect([response.status, response.statusText]).toEqual([201, 'Made']);
    expect(response.headers.get('x-request-id')).toBe('req_test');
  });

  it('lets a header set with setHeader win, and works when the head is implicit', async () => {
    expect((await get('set-header')).headers.get('cache-control')).toBe('private');
    const implicit = await get('implicit');
    expect(implicit.body).toBe('implicit');
    expect(implicit.headers.get('x-content-type-options')).toBe('nosniff');
    expect(implicit.headers.get('content-type')).toBe('text/plain');
  });

  it('keeps repeated names in a raw header list and still adds the presets', async () => {
    const { headers } = await get('raw-list');
    expect(headers.get('cache-control')).toBe('max-age=5');
    expect(headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(headers.get('x-request-id')).toBe('req_test');
    expect(records.get('raw-list')).toMatchObject({
      'cache-control': 'max-age=5',
      'x-request-id': 'req_test',
    });
    expect(records.get('set-header')).toMatchObject({
      'cache-control': 'private',
      'content-type': 'text/plain',
    });
  });

  it('refuses presets where the response is not one of Atrium’s server', () => {
    expect(presetHeaders(undefined, PRESETS)).toBe(false);
  });
});
