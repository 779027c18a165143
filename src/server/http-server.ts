import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../kernel/http/route.js';

export interface HttpServer {
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), then closes sockets. */
  close: (timeoutMs: number) => Promise<void>;
}

export function listen(
  app: OpenAPIHono<AppEnv>,
  options: { port: number; host: string },
): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
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
