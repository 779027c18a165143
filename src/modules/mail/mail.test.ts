import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { withTransaction } from '../../kernel/db/transaction.js';
import { deliverMail } from './services/deliver-mail.js';
import { listMailbox } from './services/list-mailbox.js';
import { queueMail } from './services/queue-mail.js';

const message = { to: 'ada@example.com', subject: 'Your sign-in link', text: 'Open https://atrium.test/x' };

describe('mail without SMTP: the development mailbox', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('keeps a queued message once the worker runs, and nothing from a rolled-back change', async () => {
    await expect(
      withTransaction(t.services.pool, async (tx) => {
        await queueMail(t.services, tx, { ...message, subject: 'Never sent' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await withTransaction(t.services.pool, (tx) => queueMail(t.services, tx, message));
    await t.services.queue.work(
      t.services.modules.flatMap((module) => module.jobs),
      t.services,
    );

    await expect
      .poll(async () => (await listMailbox(t.services.db, { limit: 10 })).map((mail) => mail.subject), {
        timeout: 15_000,
      })
      .toEqual(['Your sign-in link']);
    const [kept] = await listMailbox(t.services.db, { limit: 1 });
    expect(kept).toMatchObject({
      to: 'ada@example.com',
      text: message.text,
      from: t.services.config.MAIL_FROM,
    });
  });

  it('refuses a message with an invalid address before anything is queued', async () => {
    await expect(
      withTransaction(t.services.pool, (tx) =>
        queueMail(t.services, tx, { ...message, to: 'not-an-address' }),
      ),
    ).rejects.toThrow();
  });
});

describe('mail through a real SMTP server', () => {
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let data = '';
      stream.on('data', (chunk) => {
        data += chunk;
      });
      stream.on('end', () => {
        received.push(data);
        callback();
      });
    },
  });
  let t: TestApp;

  beforeAll(async () => {
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Atrium <atrium@example.com>',
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends through SMTP and keeps nothing in the mailbox', async () => {
    const delivery = await deliverMail(t.services, { ...message, html: '<p>Open the link</p>' });
    expect(delivery.via).toBe('smtp');
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('Subject: Your sign-in link');
    expect(received[0]).toContain('To: ada@example.com');
    expect(received[0]).toContain('From: Atrium <atrium@example.com>');
    expect(await listMailbox(t.services.db, { limit: 10 })).toEqual([]);
  });
});
