import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http';

export type HeaderList = readonly (readonly [string, string])[];

/**
 * Node's response for Atrium's server (`createServer({ ServerResponse })`): headers preset while
 * the request is handled are merged into the head when it is written, one header object handed
 * to Node, and the response's own headers win on conflict, whatever their case. Node's
 * `setHeader` would do the same, but each call validates, and once one has been made Node's
 * `writeHead` takes its slow path and sets the response's own headers one by one as well — on
 * every answer, since every answer carries a request id.
 */
export class PresettableResponse<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  presets: HeaderList[] = [];
  /** The header object or raw list the head was written with. */
  #head: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined;

  // biome-ignore lint/suspicious/noExplicitAny: Node's overloads (status[, reason][, headers]) pass through.
  override writeHead(statusCode: number, ...rest: any[]): this {
    if (this.presets.length === 0) return super.writeHead(statusCode, ...rest);
    const hasReason = typeof rest[0] === 'string';
    const own: OutgoingHttpHeaders | OutgoingHttpHeader[] | undefined = hasReason ? rest[1] : rest[0];
    const presets = this.#presetsNotSet();
    const merged = Array.isArray(own) ? withPresetsRaw(presets, own) : withPresets(presets, own);
    this.#head = merged;
    return hasReason ? super.writeHead(statusCode, rest[0], merged) : super.writeHead(statusCode, merged);
  }

  /**
   * Every header of the response, names in lower case: those set with `setHeader` and those the
   * head was written with. Node's `getHeaders()` only knows the former.
   */
  headerRecord(): OutgoingHttpHeaders {
    const record: OutgoingHttpHeaders = {};
    const head = this.#head ?? this.#presetsNotSet();
    if (Array.isArray(head)) {
      for (let index = 0; index + 1 < head.length; index += 2) {
        record[String(head[index]).toLowerCase()] = head[index + 1];
      }
    } else {
      for (const name in head) record[name.toLowerCase()] = head[name];
    }
    return Object.assign(record, this.getHeaders());
  }

  /** The presets, less any the handler set itself with `setHeader`. */
  #presetsNotSet(): OutgoingHttpHeaders {
    const merged: OutgoingHttpHeaders = {};
    for (const list of this.presets) for (const [name, value] of list) merged[name] = value;
    for (const name of this.getHeaderNames()) delete merged[name];
    return merged;
  }
}

/** The response's own headers over the presets; presets are lower-case, own names may not be. */
function withPresets(
  presets: OutgoingHttpHeaders,
  own: OutgoingHttpHeaders | undefined,
): OutgoingHttpHeaders {
  for (const name in own) {
    const lower = name.toLowerCase();
    // Only when there is one to drop: deleting a property slows the object down for V8.
    if (lower !== name && lower in presets) delete presets[lower];
    presets[name] = own[name];
  }
  return presets;
}

/** A raw [name, value, …] list may repeat a name (set-cookie): the presets go first, unless named. */
function withPresetsRaw(presets: OutgoingHttpHeaders, own: OutgoingHttpHeader[]): OutgoingHttpHeader[] {
  const named = new Set(own.filter((_, index) => index % 2 === 0).map((name) => String(name).toLowerCase()));
  const added: OutgoingHttpHeader[] = [];
  for (const [name, value] of Object.entries(presets))
    if (value !== undefined && !named.has(name)) added.push(name, value);
  return [...added, ...own];
}

/**
 * Adds headers to whatever response the request ends with, when Atrium's own server answers it:
 * they are merged when the head is written (see PresettableResponse). Touching the Response's
 * headers afterwards instead turns @hono/node-server's lightweight response into a full one
 * (measured ~30% slower on a trivial route). Returns false elsewhere (tests through `fetch`,
 * other runtimes): the caller then adds them afterwards with `addMissingHeaders`.
 */
export function presetHeaders(outgoing: ServerResponse | undefined, headers: HeaderList): boolean {
  if (!(outgoing instanceof PresettableResponse) || outgoing.headersSent) return false;
  outgoing.presets.push(headers);
  return true;
}

/** The headers a Node response was (or will be) sent with; presets included. */
export function sentHeaders(outgoing: ServerResponse): OutgoingHttpHeaders {
  return outgoing instanceof PresettableResponse ? outgoing.headerRecord() : outgoing.getHeaders();
}

export function addMissingHeaders(response: Response, headers: HeaderList): void {
  for (const [name, value] of headers) if (!response.headers.has(name)) response.headers.set(name, value);
}
