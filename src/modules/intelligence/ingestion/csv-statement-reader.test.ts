import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../kernel/random.js';
import { CsvStatementReader } from './csv-statement-reader.js';

interface Read {
  records: { cells: string[]; line: number }[];
  bad: { line: number; message: string }[];
}

/** Feeds `text` to a reader in chunks cut at the given byte offsets (multi-byte characters too). */
function read(text: string, cuts: number[] = []): Read {
  const result: Read = { records: [], bad: [] };
  const reader = new CsvStatementReader(
    (cells, line) => result.records.push({ cells, line }),
    (line, message) => result.bad.push({ line, message }),
  );
  const bytes = Buffer.from(text);
  let from = 0;
  for (const cut of [...cuts.filter((at) => at > 0 && at < bytes.length)].sort((a, b) => a - b)) {
    reader.write(bytes.subarray(from, cut));
    from = cut;
  }
  reader.write(bytes.subarray(from));
  reader.end();
  return result;
}

const CELLS = [
  'plain',
  'two words',
  '  padded  ',
  '12.50',
  '-42.00',
  'café ☕ 北京',
  '',
  '"quoted, with comma"',
  '"with ""quotes"" inside"',
  '"line\nbreak"',
  '"crlf\r\ninside"',
  '  "spaced quoted"  ',
  '"  kept spaces  "',
  '""',
];

/** A valid document of `rows` records of four cells, in one line-break style. */
function document(random: () => number, rows: number): string {
  const newline = random() < 0.5 ? '\n' : '\r\n';
  const lines = ['date,amount,currency,description'];
  for (let row = 0; row < rows; row++) {
    if (random() < 0.05) lines.push('');
    lines.push(Array.from({ length: 4 }, () => CELLS[Math.floor(random() * CELLS.length)]).join(','));
  }
  const bom = random() < 0.2 ? '\uFEFF' : '';
  return `${bom}${lines.join(newline)}${random() < 0.5 ? newline : ''}`;
}

describe('CsvStatementReader', () => {
  it('reads what csv-parse reads (trim, BOM, empty lines skipped), however the bytes are cut', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 300; round++) {
      const text = document(random, 1 + Math.floor(random() * 12));
      const expected = parse(text, { bom: true, trim: true, skip_empty_lines: true }) as string[][];
      const length = Buffer.byteLength(text);
      const cuts = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * length));
      const got = read(text, cuts);
      expect(got.bad, text).toEqual([]);
      expect(
        got.records.map((record) => record.cells),
        JSON.stringify({ text, cuts }),
      ).toEqual(expected);
    }
  });

  it('gives each record the line it starts on, counting breaks inside quoted cells', () => {
    const text = 'a,b\r\n1,"two\r\nlines"\r\n\r\n3,"x\ny"\n4,5';
    expect(read(text).records).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['1', 'two\r\nlines'], line: 2 },
      { cells: ['3', 'x\ny'], line: 5 },
      { cells: ['4', '5'], line: 7 },
    ]);
    // A CRLF cut between its two characters is still one line.
    expect(read(text, [text.indexOf('\n')]).records.at(-1)?.line).toBe(7);
  });

  it('reports an unreadable record with its line and goes on with the next', () => {
    const text = ['a,b,c', '1,2,3', '1,2', '1,x"y,3', '1,"2"z,3', '1,2,3,4', '7,8,9', '1,"open,3'].join('\n');
    const got = read(text);
    expect(got.records.map((record) => record.line)).toEqual([1, 2, 7]);
    expect(got.bad.map((bad) => bad.line)).toEqual([3, 4, 5, 6, 8]);
    expect(got.bad[0]?.message).toBe('The header has 3 columns; this row has 2.');
    expect(got.bad[1]?.message).toContain('quote inside an unquoted cell');
    expect(got.bad[2]?.message).toContain('after the closing quote');
    expect(got.bad[4]?.message).toContain('not closed');
  });

  it('hands over a last record without a final line break, and nothing for an empty body', () => {
    expect(read('a,b\n1,2').records.map((record) => record.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(read('a,b\n1,"2"').records.at(-1)?.cells).toEqual(['1', '2']);
    expect(read('')).toEqual({ records: [], bad: [] });
    expect(read('\n\n  \n')).toEqual({ records: [], bad: [] });
  });
});
