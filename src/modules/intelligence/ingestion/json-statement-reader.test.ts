import { describe, expect, it } from 'vitest';
import { JsonStatementReader, MalformedJson } from './json-statement-reader.js';

const DOCUMENT = {
  transactions: [
    {
      date: '2025-01-02',
      amount: -12.5,
      description: 'CAFÉ "LE \\\\ BRÛLOT" {night}',
      nested: { list: [1, [2, { a: '}' }]] },
    },
    { date: '2025-01-03', amount: 1e3, description: 'emoji 🎉 and \\u escapes \u00e9 \n newline', tags: [] },
    'a bare string',
    42,
    null,
    true,
  ],
  customer: { externalRef: 'CUST "quoted" \\ ref', birthYear: 1987 },
  ignored: [{ deep: { deeper: ['x'] } }],
};

/** Feeds the text in chunks of `size` bytes and returns what the reader saw. */
function readInChunks(text: string, size: number) {
  const bytes = new TextEncoder().encode(text);
  const seen: unknown[] = [];
  const reader = new JsonStatementReader((value, index) => {
    expect(index).toBe(seen.length);
    seen.push(value);
  });
  for (let start = 0; start < bytes.length; start += size) reader.write(bytes.slice(start, start + size));
  reader.end();
  return {
    transactions: seen,
    customer: reader.members.get('customer'),
    ignored: reader.members.get('ignored'),
  };
}

describe('JsonStatementReader', () => {
  it('reads every element and member exactly as JSON.parse does, however the bytes are split', () => {
    for (const text of [
      JSON.stringify(DOCUMENT),
      JSON.stringify(DOCUMENT, null, 2),
      `\ufeff${JSON.stringify(DOCUMENT)}`,
    ]) {
      for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
        expect(readInChunks(text, size), `chunks of ${size}`).toEqual(DOCUMENT);
      }
    }
  });

  it('accepts an empty transactions array and members in any order', () => {
    expect(readInChunks('{"customer":{"externalRef":"A"},"transactions":[]}', 4)).toEqual({
      transactions: [],
      customer: { externalRef: 'A' },
      ignored: undefined,
    });
  });

  it('refuses what is not a statement document', () => {
    const cases = [
      '[1, 2]',
      '{"transactions": {"a": 1}}',
      '{"transactions": [{"a": 1} {"b": 2}]}',
      '{"transactions": [{"a": 1},]}',
      '{"transactions": [], }',
      '{"transactions": [{"a": }]}',
      '{"customer": {}}',
      '{"transactions": []} trailing',
      '{"transactions": [{"a": 1}',
      '{transactions: []}',
    ];
    for (const text of cases) {
      expect(() => readInChunks(text, 3), text).toThrow(MalformedJson);
    }
  });
});
