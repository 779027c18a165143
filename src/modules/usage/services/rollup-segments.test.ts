import { describe, expect, it } from 'vitest';
import { segmentsOf } from './rollups.js';

const at = (iso: string) => new Date(iso);
const view = (segments: ReturnType<typeof segmentsOf>) =>
  segments.map(
    (s) =>
      `${s.table.replace('request_rollups_', '')} ${new Date(s.from).toISOString().slice(5, 13)}→${new Date(s.to).toISOString().slice(5, 13)}`,
  );

describe('rollup segments', () => {
  it('reads whole days from the day rollups and the partial edges from the hour rollups', () => {
    const segments = segmentsOf({ from: at('2026-03-01T15:00:00Z'), to: at('2026-03-08T15:00:00Z') }, []);
    expect(view(segments)).toEqual([
      'hour 03-01T15→03-02T00',
      'day 03-02T00→03-08T00',
      'hour 03-08T00→03-08T15',
    ]);
  });

  it('never lets a day straddle a cut, so the two periods of one query stay apart', () => {
    const segments = segmentsOf({ from: at('2026-03-01T15:00:00Z'), to: at('2026-03-15T15:00:00Z') }, [
      at('2026-03-08T15:00:00Z'),
    ]);
    expect(view(segments)).toEqual([
      'hour 03-01T15→03-02T00',
      'day 03-02T00→03-08T00',
      'hour 03-08T00→03-08T15',
      'hour 03-08T15→03-09T00',
      'day 03-09T00→03-15T00',
      'hour 03-15T00→03-15T15',
    ]);
  });

  it('keeps a range shorter than a whole day on the hour rollups, and a day-grain scope on the day rollups', () => {
    expect(
      view(segmentsOf({ from: at('2026-03-01T15:00:00Z'), to: at('2026-03-02T10:00:00Z') }, [])),
    ).toEqual(['hour 03-01T15→03-02T10']);
    const days = segmentsOf(
      { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-31T00:00:00Z'), grain: 'day' },
      [],
    );
    expect(view(days)).toEqual(['day 03-01T00→03-31T00']);
  });
});
