import type { AddressInfo } from 'node:net';
import { type HttpBindings, serve } from '@hono/node-server';
import type { FetchHandler } from '../kernel/http/edge.js';
import { PresettableResponse } from '../kernel/http/middleware/response-headers.js';

export interface HttpServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), then closes sockets. */
  close: (timeoutMs: number) => Promise<void>;
}

export function listen(fetch: FetchHandler, options: { port: number; host: string }): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      // Atrium serves HTTP/1.1 (TLS and HTTP/2 terminate at the proxy in front of it).
      {
        fetch: (request, env) => fetch(request, env as HttpBindings),
        port: options.port,
        hostname: options.host,
        // Headers preset while a request is handled are merged into its head (response-headers.ts).
        serverOptions: { ServerResponse: PresettableResponse },
      },
      (info: AddressInfo) => {
        resolve({ port: info.port, close: (timeoutMs) => drain(server, timeoutMs) });
      },
    );
    server.once('error', reject);
  });
}

type NodeServer = ReturnType<typeof serve>;

function drain(server: NodeServer, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    // Keep-alive sockets with no request in flight would hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}
