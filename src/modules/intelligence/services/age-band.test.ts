import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBandOf, birthYearsOf } from './age-band.js';

describe('age bands', () => {
  it('places ages on band edges', () => {
    expect(ageBandOf(2008, 2026)).toBe('18-24');
    expect(ageBandOf(2002, 2026)).toBe('18-24');
    expect(ageBandOf(2001, 2026)).toBe('25-34');
    expect(ageBandOf(1961, 2026)).toBe('65+');
    expect(ageBandOf(2010, 2026)).toBeNull();
    expect(ageBandOf(null, 2026)).toBeNull();
  });

  it('turns each band back into the birth years it covers', () => {
    for (const band of AGE_BANDS) {
      const { from, to } = birthYearsOf(band, 2026);
      expect(ageBandOf(from, 2026)).toBe(band);
      expect(ageBandOf(to, 2026)).toBe(band);
      if (band !== '65+') expect(ageBandOf(from - 1, 2026)).not.toBe(band);
      expect(ageBandOf(to + 1, 2026)).not.toBe(band);
    }
  });
});
