import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';
import { Notifier, notify, ringDoorbell } from './notifier.js';
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

  it('rings a doorbell after commit only', async () => {
    const rings: string[] = [];
    await other.listen('atrium_test_doorbell', (payload) => rings.push(payload));
    await withTransaction(t.services.pool, async (tx) => {
      tx.ringAfterCommit('atrium_test_doorbell');
      throw new Error('roll back');
    }).catch(() => undefined);
    const rung = nextMessage(other, 'atrium_test_doorbell');
    await withTransaction(t.services.pool, async (tx) => tx.ringAfterCommit('atrium_test_doorbell'));
    expect(await rung).toBe('');
    expect(rings).toEqual(['']);
  });

  it('coalesces the rings made while one is on its way into one more', async () => {
    const sent: unknown[][] = [];
    let answer: () => void = () => undefined;
    const connection = {
      query: (_text: string, values?: unknown[]) => {
        sent.push(values ?? []);
        return new Promise<void>((resolve) => {
          answer = resolve;
        });
      },
    };
    for (let index = 0; index < 10; index++) ringDoorbell(connection, 'atrium_bell');
    expect(sent).toEqual([['atrium_bell', '']]);
    answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(2);
    answer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toHaveLength(2);
  });

  it('refuses a channel name that is not snake_case', async () => {
    await expect(notify(t.services.pool, 'bad-channel; DROP', 'x')).rejects.toThrow(/snake_case/);
    expect(() => ringDoorbell(t.services.pool, 'bad-channel; DROP')).toThrow(/snake_case/);
  });
});
