/**
 * Reads a JSON statement (`{ "customer": {…}, "transactions": [ {…}, … ] }`) as it streams in,
 * handing each element of `transactions` to `onTransaction` as soon as its last byte arrives, so
 * 50,000 rows never sit in memory as one parsed document.
 *
 * Why not a general streaming JSON parser: a token-by-token parser written in JavaScript
 * (`@streamparser/json` was measured) runs about ten times slower than `JSON.parse`, which would
 * cost most of the ingestion budget. This reader only walks the two outer levels byte by byte
 * (keys, colons, commas, brackets, strictly), cuts each value out of the stream and gives it to
 * the engine's `JSON.parse`, which validates the inside. See ARCHITECTURE.md, Decisions.
 */
export class JsonStatementReader {
  private state: State = State.Start;
  /** The key whose value is being read at the top level. */
  private key = '';
  private index = 0;
  private readonly value = new ValueCapture();
  private readonly keyCapture = new ValueCapture();
  /** Other top-level members (`customer`), parsed. */
  readonly members = new Map<string, unknown>();
  private sawTransactions = false;

  constructor(private readonly onTransaction: (value: unknown, index: number) => void) {}

  /** Feeds the next chunk; throws `MalformedJson` at the first byte that cannot be right. */
  write(chunk: Uint8Array): void {
    let i = 0;
    const length = chunk.length;
    while (i < length) {
      if (this.state === State.Key) {
        const end = this.keyCapture.feed(chunk, i);
        if (end < 0) return;
        this.key = this.keyCapture.parse() as string;
        this.state = State.Colon;
        i = end;
        continue;
      }
      if (this.state === State.Value || this.state === State.Element) {
        const end = this.value.feed(chunk, i);
        if (end < 0) return;
        this.valueDone(this.value.parse());
        i = end;
        continue;
      }
      const byte = chunk[i] as number;
      i++;
      if (isWhitespace(byte)) continue;
      this.structural(byte, chunk, i - 1);
      // A value or key starts at this byte: the capture reads it from there, in this chunk.
      if (this.capturing()) i--;
    }
  }

  /** The body has ended: the document must be complete and hold `transactions`. */
  end(): void {
    if (this.state !== State.Done) throw new MalformedJson('The JSON document ends before it is complete.');
    if (!this.sawTransactions) throw new MalformedJson('The JSON document has no "transactions" array.');
  }

  private capturing(): boolean {
    return this.state === State.Key || this.state === State.Value || this.state === State.Element;
  }

  private structural(byte: number, chunk: Uint8Array, at: number): void {
    switch (this.state) {
      case State.Start:
        if (byte === BOM_FIRST) {
          this.skipBom();
          return;
        }
        if (byte !== OPEN_BRACE) throw new MalformedJson('The JSON body must be an object.');
        this.state = State.FirstKey;
        return;
      case State.Bom:
        this.skipBom(byte);
        return;
      case State.FirstKey:
        if (byte === CLOSE_BRACE) {
          this.state = State.Done;
          return;
        }
        this.startKey(byte, chunk, at);
        return;
      case State.NextKey:
        this.startKey(byte, chunk, at);
        return;
      case State.Colon:
        if (byte !== COLON) throw new MalformedJson(`Expected ":" after "${this.key}".`);
        this.state = State.BeforeValue;
        return;
      case State.BeforeValue:
        if (this.key === 'transactions') {
          if (byte !== OPEN_BRACKET) throw new MalformedJson('"transactions" must be an array.');
          this.sawTransactions = true;
          this.state = State.FirstElement;
          return;
        }
        this.startValue(State.Value, chunk, at);
        return;
      case State.AfterMember:
        if (byte === COMMA) this.state = State.NextKey;
        else if (byte === CLOSE_BRACE) this.state = State.Done;
        else throw new MalformedJson(`Expected "," or "}" after the value of "${this.key}".`);
        return;
      case State.FirstElement:
        if (byte === CLOSE_BRACKET) {
          this.state = State.AfterMember;
          return;
        }
        this.startValue(State.Element, chunk, at);
        return;
      case State.NextElement:
        this.startValue(State.Element, chunk, at);
        return;
      case State.AfterElement:
        if (byte === COMMA) this.state = State.NextElement;
        else if (byte === CLOSE_BRACKET) this.state = State.AfterMember;
        else throw new MalformedJson(`Expected "," or "]" after transactions[${this.index - 1}].`);
        return;
      case State.Done:
        throw new MalformedJson('Unexpected content after the JSON document.');
      default:
        throw new MalformedJson('Unexpected JSON structure.');
    }
  }

  private bomBytes = 0;
  /** A UTF-8 byte order mark (EF BB BF) before the document is tolerated. */
  private skipBom(byte?: number): void {
    if (byte === undefined) {
      this.state = State.Bom;
      this.bomBytes = 1;
      return;
    }
    const expected = this.bomBytes === 1 ? 0xbb : 0xbf;
    if (byte !== expected) throw new MalformedJson('The JSON body must be an object.');
    this.bomBytes++;
    if (this.bomBytes === 3) this.state = State.Start;
  }

  private startKey(byte: number, chunk: Uint8Array, at: number): void {
    if (byte !== QUOTE) throw new MalformedJson('Expected a member name in double quotes.');
    this.keyCapture.begin(chunk, at);
    this.state = State.Key;
  }

  private startValue(next: State.Value | State.Element, chunk: Uint8Array, at: number): void {
    this.value.begin(chunk, at);
    this.state = next;
  }

  private valueDone(parsed: unknown): void {
    if (this.state === State.Element) {
      this.onTransaction(parsed, this.index);
      this.index++;
      this.state = State.AfterElement;
      return;
    }
    this.members.set(this.key, parsed);
    this.state = State.AfterMember;
  }
}

/** The body is not well-formed JSON (or not the statement's shape at the top two levels). */
export class MalformedJson extends Error {}

enum State {
  Start,
  Bom,
  FirstKey,
  NextKey,
  Key,
  Colon,
  BeforeValue,
  Value,
  AfterMember,
  FirstElement,
  NextElement,
  Element,
  AfterElement,
  Done,
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const BOM_FIRST = 0xef;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Cuts one JSON value out of the stream, possibly across chunks: an object or array (to its
 * matching close, strings skipped), a string (to its closing quote) or a bare literal (to the
 * next delimiter). Only ASCII delimiters end a value, so UTF-8 sequences are never split.
 */
class ValueCapture {
  private pieces: Uint8Array[] = [];
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A number, `true`, `false` or `null`: ends before a delimiter, which is not consumed. */
  private bare = false;

  begin(chunk: Uint8Array, at: number): void {
    this.pieces = [];
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.bare = false;
    const first = chunk[at];
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE) this.bare = true;
  }

  private slashChunk: Uint8Array | undefined;
  /** The next backslash in `slashChunk` at or after the read position; -1 for none, -2 unknown. */
  private slashAt = -2;

  /** Reads from `from`; the index just after the value, or -1 when the chunk ended first. */
  feed(chunk: Uint8Array, from: number): number {
    const begin = from;
    let i = from;
    const length = chunk.length;
    if (this.bare) {
      for (; i < length; i++) {
        const byte = chunk[i] as number;
        if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isWhitespace(byte)) {
          this.pieces.push(chunk.subarray(begin, i));
          return i;
        }
      }
      this.pieces.push(chunk.slice(begin, length));
      return -1;
    }
    // Inside strings (most of the bytes) the next quote and backslash are found natively; the
    // next backslash's position is kept per chunk, so a chunk without one is searched once.
    if (this.slashChunk !== chunk) {
      this.slashChunk = chunk;
      this.slashAt = -2;
    }
    while (i < length) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          i++;
          continue;
        }
        if (this.slashAt !== -1 && this.slashAt < i) this.slashAt = chunk.indexOf(BACKSLASH, i);
        const quoteAt = chunk.indexOf(QUOTE, i);
        if (this.slashAt !== -1 && (quoteAt === -1 || this.slashAt < quoteAt)) {
          this.escaped = true;
          i = this.slashAt + 1;
          continue;
        }
        if (quoteAt === -1) break;
        this.inString = false;
        i = quoteAt + 1;
        if (this.depth === 0) {
          this.pieces.push(chunk.subarray(begin, i));
          return i;
        }
        continue;
      }
      const byte = chunk[i] as number;
      i++;
      if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          this.pieces.push(chunk.subarray(begin, i));
          return i;
        }
      }
    }
    // The chunk may be reused by the stream's producer: keep a copy of what is still open.
    this.pieces.push(chunk.slice(begin, length));
    return -1;
  }

  parse(): unknown {
    const only = this.pieces.length === 1 ? this.pieces[0] : undefined;
    const bytes = only
      ? Buffer.from(only.buffer, only.byteOffset, only.byteLength)
      : Buffer.concat(this.pieces);
    const text = bytes.toString('utf8');
    this.pieces = [];
    try {
      return JSON.parse(text);
    } catch {
      throw new MalformedJson(`Not valid JSON: ${text.length > 80 ? `${text.slice(0, 80)}…` : text}`);
    }
  }
}
