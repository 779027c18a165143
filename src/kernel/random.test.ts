import { describe, expect, it } from 'vitest';
import { pickWeighted, seededRandom } from './random.js';

describe('seeded random', () => {
  it('gives the same stream for the same seed, another for another, always in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('picks each option about as often as its weight says, never a weightless one', () => {
    const random = seededRandom(1);
    const options = [
      { name: 'often', weight: 3 },
      { name: 'never', weight: 0 },
      { name: 'seldom', weight: 1 },
    ];
    const counts = new Map<string, number>();
    for (let index = 0; index < 40_000; index++) {
      const { name } = pickWeighted(random, options);
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    expect(counts.get('never')).toBeUndefined();
    expect((counts.get('often') ?? 0) / (counts.get('seldom') ?? 1)).toBeCloseTo(3, 0);
  });
});
