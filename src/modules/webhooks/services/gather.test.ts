import { describe, expect, it } from 'vitest';
import { gather } from './gather.js';

describe('gather (group commit)', () => {
  it('runs a lone item at once, and items arriving during a run together in the next one', async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const double = gather<number, number>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => item * 2);
    });
    const first = double(1);
    await expect.poll(() => runs.length).toBe(1);
    const later = [double(2), double(3), double(4)];
    release();
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it('gives every item of a failed run the error, and carries on with the next items', async () => {
    let fail = true;
    const check = gather<string, string>(async (items) => {
      if (fail) throw new Error('database down');
      return items.map((item) => item.toUpperCase());
    });
    const failed = [check('a'), check('b')];
    await expect(Promise.all(failed)).rejects.toThrow('database down');
    await expect(failed[1]).rejects.toThrow('database down');
    fail = false;
    expect(await check('c')).toBe('C');
  });
});
