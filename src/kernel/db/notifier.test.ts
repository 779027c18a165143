import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { Notifier, notify } from './notifier.js';
import { withTransaction } from './transaction.js';

let t: TestApp;
let other: Notifier;

beforeAll(async () => {
  t = await createTestApp();
  // A second listener on its own connection stands in for another Atrium process.
  other = new Notifier(t.services.config.DATABASE_URL ?? '', t.services.log);
  await other.start();
});
afterAll(async () => {
  await other?.stop();
  await t?.close();
});

function nextMessage(notifier: Notifier, channel: string): Promise<string> {
  return new Promise((resolve) => {
    let unsubscribe: () => void = () => undefined;
    notifier
      .listen(channel, (payload) => {
        unsubscribe();
        resolve(payload);
      })
      .then((stop) => {
        unsubscribe = stop;
      });
  });
}

describe('Notifier (LISTEN/NOTIFY)', () => {
  it('reaches another connection only when the sending transaction commits', async () => {
    const received: string[] = [];
    await other.listen('atrium_test_channel', (payload) => received.push(payload));
    await withTransaction(t.services.pool, async (tx) => {
      await notify(tx.client, 'atrium_test_channel', 'rolled-back');
      throw new Error('roll back');
    }).catch(() => undefined);
    const committed = nextMessage(other, 'atrium_test_channel');
    await withTransaction(t.services.pool, (tx) => notify(tx.client, 'atrium_test_channel', 'committed'));
    expect(await committed).toBe('committed');
    expect(received).toEqual(['committed']);
  });

  it('refuses a channel name that is not snake_case', async () => {
    await expect(notify(t.services.pool, 'bad-channel; DROP', 'x')).rejects.toThrow(/snake_case/);
  });
});
