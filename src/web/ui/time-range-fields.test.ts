import { describe, expect, it } from 'vitest';
import { readFilterForm } from './time-range-fields';

function formOf(entries: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
}

describe('readFilterForm', () => {
  it('keeps the named keys that hold something, times as ISO 8601', () => {
    const next = readFilterForm(
      formOf({ status: '5xx', path: '  ', from: '2026-01-02T03:04', ignored: 'x' }),
      ['status', 'path', 'from'],
    );
    expect(next).toEqual({ status: '5xx', from: new Date('2026-01-02T03:04').toISOString() });
  });

  it('lets a quick range set from relative to now and clear to', () => {
    const before = Date.now();
    const next = readFilterForm(formOf({ range: '24h', to: '2026-01-02T03:04' }), ['from', 'to']);
    expect(next.to).toBeUndefined();
    const from = Date.parse(next.from ?? '');
    expect(from).toBeGreaterThanOrEqual(before - 86_400_000);
    expect(from).toBeLessThanOrEqual(Date.now() - 86_400_000);
  });
});
