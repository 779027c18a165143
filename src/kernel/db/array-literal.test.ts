import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/harness/test-app.js';
import { plainArrayLiteral, textArrayLiteral } from './array-literal.js';

describe('array literals', () => {
  it('quotes text, escapes quotes and backslashes, and writes NULL for null', () => {
    expect(textArrayLiteral(['a', 'b c', null, 'say "hi"', 'C:\\x', ''])).toBe(
      '{"a","b c",NULL,"say \\"hi\\"","C:\\\\x",""}',
    );
    expect(textArrayLiteral([])).toBe('{}');
    expect(plainArrayLiteral([1, 2.5, '2026-01-31'])).toBe('{1,2.5,2026-01-31}');
  });

  it('round-trips awkward text through PostgreSQL unchanged', async () => {
    const t = await createTestApp();
    try {
      const awkward = [
        'plain',
        'comma, brace } { and "quotes"',
        'back\\slash',
        'NULL',
        '  spaced  ',
        'é ✓',
        null,
        '',
      ];
      const { rows } = await t.services.pool.query<{ value: string | null }>(
        'SELECT value FROM unnest($1::text[]) WITH ORDINALITY AS x(value, n) ORDER BY n',
        [textArrayLiteral(awkward)],
      );
      expect(rows.map((row) => row.value)).toEqual(awkward);
      const numbers = await t.services.pool.query<{ value: string }>(
        'SELECT value::text FROM unnest($1::numeric[]) AS x(value)',
        [plainArrayLiteral(['-12.50', '3'])],
      );
      expect(numbers.rows.map((row) => row.value)).toEqual(['-12.50', '3']);
    } finally {
      await t.close();
    }
  });
});
