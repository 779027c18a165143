// Test support: a tenant with an app, and a real HTTP receiver on 127.0.0.1.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ownerAndViewer, send, type TenantAccounts } from '../../../test/harness/tenant-accounts.js';
import type { TestApp } from '../../../test/harness/test-app.js';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** What the next requests are answered with (status and body). */
  answer: { status: number; body: string; headers?: Record<string, string> };
  close: () => Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const receiver = { answer: { status: 200, body: 'ok' } } as Receiver;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(receiver.answer.status, receiver.answer.headers ?? {});
      response.end(receiver.answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.received = received;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

export interface TenantWithApps extends TenantAccounts {
  appIds: string[];
}

/** A tenant with its Owner and Viewer and `apps` sandbox apps in one project. */
export async function tenantWithApps(t: TestApp, name: string, apps = 1): Promise<TenantWithApps> {
  const accounts = await ownerAndViewer(t, name);
  const project = await send<{ id: string }>(
    t,
    'POST',
    '/partner/projects',
    { name: 'Webhooks' },
    accounts.owner,
  );
  const appIds: string[] = [];
  for (let index = 0; index < apps; index++) {
    const app = await send<{ id: string }>(
      t,
      'POST',
      '/partner/apps',
      { projectId: project.body.id, name: `App ${index}`, environment: 'sandbox' },
      accounts.owner,
    );
    appIds.push(app.body.id);
  }
  return { ...accounts, appIds };
}
