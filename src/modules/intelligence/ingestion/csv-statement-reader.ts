import { StringDecoder } from 'node:string_decoder';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

enum State {
  /** Before a cell: leading spaces are skipped, a quote opens a quoted cell. */
  CellStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted cell: a second one is an escaped quote, anything else closes it. */
  QuoteInQuoted,
  /** After a closing quote: only spaces until the comma or the end of the record. */
  AfterQuoted,
  /** The record is bad: its rest is skipped up to its end. */
  Skip,
}

/**
 * Reads a CSV statement as it streams in (RFC 4180: comma-separated cells, optionally in double
 * quotes with `""` for a quote, records ending in LF, CRLF or CR), handing each record's cells to
 * `onRecord` with the line it starts on. Unquoted cells are trimmed and spaces around a quoted cell
 * ignored; a leading byte-order mark and empty lines are skipped. A record that cannot be read — a
 * quote inside an unquoted cell, text after a closing quote, a quote still open at the end, another
 * number of cells than the header's — goes to `onBadRecord` with its line, and reading goes on with
 * the next record.
 *
 * Why not csv-parse (used before, for the same rules): its per-record hook builds two info objects
 * for every record and its field buffer decodes each cell on its own; with them it was about a
 * third of a CSV upload's time in `npm run bench:intelligence`. As with the JSON reader, a small
 * reader of exactly the format accepted is several times cheaper; `csv-statement-reader.test.ts`
 * checks it against csv-parse on generated documents cut into random chunks.
 */
export class CsvStatementReader {
  private readonly decoder = new StringDecoder('utf8');
  private state = State.CellStart;
  private cells: string[] = [];
  private cell = '';
  /** Whether the current cell was quoted (its text is kept as is, spaces included). */
  private quoted = false;
  private line = 1;
  private recordLine = 1;
  /** The header's number of cells, once read. */
  private width = -1;
  private skipReason = '';
  /** The last character consumed was a CR: an LF right after it ends nothing more. */
  private afterCr = false;
  private started = false;

  constructor(
    private readonly onRecord: (cells: string[], line: number) => void,
    private readonly onBadRecord: (line: number, message: string) => void,
  ) {}

  write(chunk: Uint8Array): void {
    this.feed(this.decoder.write(chunk as Buffer));
  }

  /** The body has ended: the last record (without a final newline) is handed over too. */
  end(): void {
    this.feed(this.decoder.end());
    if (this.state === State.Quoted) {
      this.onBadRecord(this.recordLine, 'A quoted cell is not closed before the end of the file.');
      return;
    }
    if (this.state === State.Skip) {
      this.onBadRecord(this.recordLine, this.skipReason);
      return;
    }
    if (this.state !== State.CellStart || this.cells.length > 0 || this.cell !== '' || this.quoted) {
      this.endRecord();
    }
  }

  private feed(text: string): void {
    const length = text.length;
    let i = 0;
    if (!this.started && length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    while (i < length) {
      switch (this.state) {
        case State.CellStart:
          i = this.cellStart(text, i);
          break;
        case State.Unquoted:
          i = this.unquoted(text, i);
          break;
        case State.Quoted:
          i = this.quotedText(text, i);
          break;
        case State.QuoteInQuoted:
          i = this.quoteInQuoted(text, i);
          break;
        case State.AfterQuoted:
          i = this.afterQuoted(text, i);
          break;
        case State.Skip:
          i = this.skip(text, i);
          break;
      }
    }
  }

  private cellStart(text: string, i: number): number {
    const char = text.charCodeAt(i);
    if (char === LF && this.afterCr) {
      this.afterCr = false;
      return i + 1;
    }
    this.afterCr = false;
    if (char === SPACE || char === TAB) return i + 1;
    if (char === QUOTE) {
      this.quoted = true;
      this.state = State.Quoted;
      return i + 1;
    }
    if (char === COMMA || char === LF || char === CR) return this.terminate(char, i);
    this.state = State.Unquoted;
    return i;
  }

  private unquoted(text: string, from: number): number {
    let i = from;
    const length = text.length;
    let char = 0;
    while (i < length) {
      char = text.charCodeAt(i);
      if (char === COMMA || char === LF || char === CR || char === QUOTE) break;
      i++;
    }
    this.cell += text.slice(from, i);
    if (i === length) return i;
    if (char === QUOTE) {
      return this.fail(
        text,
        i,
        'A quote inside an unquoted cell: quote the whole cell and double the quote.',
      );
    }
    return this.terminate(char, i);
  }

  private quotedText(text: string, from: number): number {
    const quote = text.indexOf('"', from);
    const end = quote < 0 ? text.length : quote;
    this.countBreaks(text, from, end);
    this.cell += text.slice(from, end);
    if (quote < 0) return end;
    this.state = State.QuoteInQuoted;
    return quote + 1;
  }

  private quoteInQuoted(text: string, i: number): number {
    this.afterCr = false;
    this.state = State.AfterQuoted;
    if (text.charCodeAt(i) !== QUOTE) return i;
    this.cell += '"';
    this.state = State.Quoted;
    return i + 1;
  }

  private afterQuoted(text: string, i: number): number {
    const char = text.charCodeAt(i);
    if (char === SPACE || char === TAB) return i + 1;
    if (char === COMMA || char === LF || char === CR) return this.terminate(char, i);
    return this.fail(text, i, 'Text after the closing quote of a cell.');
  }

  /** A comma ends the cell; a line break ends the record. */
  private terminate(char: number, i: number): number {
    if (char === COMMA) {
      this.endCell();
      return i + 1;
    }
    this.endRecord();
    this.nextLine(char);
    return i + 1;
  }

  /** After a record's line break: the next record starts on the next line. */
  private nextLine(char: number): void {
    this.afterCr = char === CR;
    this.line++;
    this.recordLine = this.line;
  }

  private endCell(): void {
    this.cells.push(this.quoted ? this.cell : this.cell.trimEnd());
    this.cell = '';
    this.quoted = false;
    this.state = State.CellStart;
  }

  /** Hands the record over, unless it is an empty line. */
  private endRecord(): void {
    this.endCell();
    const cells = this.cells;
    this.cells = [];
    if (!(cells.length === 1 && cells[0] === '')) this.hand(cells);
  }

  private hand(cells: string[]): void {
    if (this.width < 0) this.width = cells.length;
    if (cells.length === this.width) {
      this.onRecord(cells, this.recordLine);
      return;
    }
    this.onBadRecord(this.recordLine, `The header has ${this.width} columns; this row has ${cells.length}.`);
  }

  private fail(text: string, i: number, reason: string): number {
    this.skipReason = reason;
    this.state = State.Skip;
    this.cells = [];
    this.cell = '';
    this.quoted = false;
    return this.skip(text, i);
  }

  /** Skips to the end of the bad record's line, then reports it. */
  private skip(text: string, from: number): number {
    let i = from;
    const length = text.length;
    while (i < length) {
      const char = text.charCodeAt(i);
      if (char === LF || char === CR) {
        this.onBadRecord(this.recordLine, this.skipReason);
        this.state = State.CellStart;
        this.nextLine(char);
        return i + 1;
      }
      i++;
    }
    return i;
  }

  /** Line breaks inside a quoted cell: CR, LF or CRLF, each one line. */
  private countBreaks(text: string, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const char = text.charCodeAt(i);
      if (char === CR) {
        this.line++;
        this.afterCr = true;
      } else {
        if (char === LF && !this.afterCr) this.line++;
        this.afterCr = false;
      }
    }
  }
}
