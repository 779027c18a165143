import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { Pool } from '../../../kernel/db/pool.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { ProblemError } from '../../../kernel/http/problem.js';
import type { AppEnv } from '../../../kernel/http/route.js';
import type { RouteLayer } from '../../../kernel/module.js';

const HEADER = 'idempotency-key';
/** Printable ASCII, 1 to 255 characters (as Stripe and the IETF draft allow). */
const VALID_KEY = /^[\x20-\x7e]{1,255}$/;
const KEEP_HOURS = 24;
/** A request still `pending` after this long died with its process: a retry may take it over. */
const ABANDONED_AFTER = '5 minutes';
/** Headers that describe this one exchange, not the stored answer. */
const NOT_REPLAYED = new Set(['set-cookie', 'x-request-id', 'retry-after', 'cache-control']);

interface Stored {
  fingerprint: string;
  state: 'pending' | 'done';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
}

/**
 * `Idempotency-Key` on Public API POSTs (an inner layer: it runs once the key is accepted, right
 * before the handler). The first request with a key runs and its answer (below 500) is stored for
 * 24 hours; a retry with the same key and the same method, path and body gets that answer again,
 * marked `Idempotent-Replayed: true`. The same key with another body is a 422, and while the
 * first request still runs a duplicate is a 409. A 5xx or a thrown error stores nothing, so a
 * retry runs again. Keys are per tenant.
 */
export const idempotencyLayer: RouteLayer = {
  name: 'idempotency',
  stage: 'inner',
  applies: (definition) => definition.route.method === 'post' && definition.route.path.startsWith('/v1/'),
  middleware: idempotency(),
};

function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(HEADER);
    if (key === undefined) return next();
    if (!VALID_KEY.test(key) || key.trim() === '') {
      throw new ProblemError(
        'validation_failed',
        'The Idempotency-Key header must be 1 to 255 printable ASCII characters.',
        {
          reason: 'invalid_idempotency_key',
          errors: [{ path: 'header.idempotency-key', message: '1 to 255 printable ASCII characters.' }],
        },
      );
    }
    const tenantId = c.get('principal')?.tenantId;
    if (!tenantId) return next();
    const { pool } = c.env.services;
    const fingerprint = new Fingerprint(c);
    if (!(await claim(pool, tenantId, key))) {
      return answerFromStore(pool, tenantId, key, () => fingerprint.ofWholeBody());
    }
    let stored = false;
    try {
      // The handler reads the body through the hash: a statement upload streams as it would
      // without a key, and its fingerprint is ready when the handler is done.
      fingerprint.hashWhileRead();
      await next();
      if (c.res.status < 500 && !c.error) {
        const digest = await fingerprint.finish();
        // A body the handler gave up on (read no further) cannot be fingerprinted: nothing is
        // stored, and a retry runs again, which is what it would need anyway.
        if (digest !== undefined) {
          await store(pool, tenantId, key, digest, c.res);
          stored = true;
        }
      }
    } finally {
      if (!stored) await release(pool, tenantId, key);
    }
  };
}

/**
 * SHA-256 of the method, path, query and body. The body is hashed as its bytes pass, never held:
 * either on its way to the handler (`hashWhileRead`, then `finish` hashes what it left unread),
 * or read to its end for a retry compared with the stored answer (`ofWholeBody`).
 */
class Fingerprint {
  private readonly hash = createHash('sha256');
  /** The body's own reader while the handler reads through the hash, and how far it got. */
  private source: ReadableStreamDefaultReader<Uint8Array> | undefined;
  private state: 'unread' | 'reading' | 'complete' | 'broken' = 'unread';

  constructor(private readonly c: Context<AppEnv>) {
    const url = new URL(c.req.url);
    this.hash.update(`${c.req.method}\n${url.pathname}${url.search}\n`);
  }

  hashWhileRead(): void {
    const raw = this.c.req.raw;
    if (!raw.body) return;
    const source = raw.body.getReader();
    this.source = source;
    this.state = 'reading';
    const body = new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        try {
          const { done, value } = await source.read();
          if (done) {
            this.state = 'complete';
            controller.close();
            return;
          }
          this.hash.update(value);
          controller.enqueue(value);
        } catch (error) {
          this.state = 'broken';
          controller.error(error);
        }
      },
      cancel: (reason) => {
        this.state = 'broken';
        return source.cancel(reason);
      },
    });
    // As Hono's own body limit does: the request the handler sees reads through this stream.
    this.c.req.raw = new Request(raw, { body, duplex: 'half' } as RequestInit);
  }

  /** The digest once every byte is hashed (what the handler left is read here); undefined if the body broke. */
  async finish(): Promise<string | undefined> {
    if (this.state === 'reading' && this.source) {
      this.state = (await drainInto(this.source, this.hash)) ? 'complete' : 'broken';
    }
    return this.state === 'broken' ? undefined : this.hash.digest('hex');
  }

  async ofWholeBody(): Promise<string> {
    const body = this.c.req.raw.body;
    if (body) await drainInto(body.getReader(), this.hash);
    return this.hash.digest('hex');
  }
}

async function drainInto(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  hash: ReturnType<typeof createHash>,
) {
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      hash.update(value);
    }
  } catch {
    return false;
  }
}

/**
 * Takes the key for this request; false when another request holds or held it. The fingerprint is
 * written with the answer (the body is hashed as the handler reads it): empty while pending.
 */
async function claim(pool: Pool, tenantId: string, key: string): Promise<boolean> {
  return withTenant(pool, tenantId, async (tx) => {
    const { rowCount } = await tx.client.query(
      `INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state, expires_at)
       VALUES ($1, $2, '', 'pending', now() + make_interval(hours => $3))
       ON CONFLICT (tenant_id, key) DO UPDATE
          SET fingerprint = '', state = 'pending', response_status = NULL,
              response_headers = NULL, response_body = NULL, created_at = now(),
              expires_at = EXCLUDED.expires_at
        WHERE idempotency_keys.expires_at <= now()
           OR (idempotency_keys.state = 'pending'
               AND idempotency_keys.created_at < now() - interval '${ABANDONED_AFTER}')`,
      [tenantId, key, KEEP_HOURS],
    );
    return rowCount === 1;
  });
}

async function answerFromStore(
  pool: Pool,
  tenantId: string,
  key: string,
  fingerprintOf: () => Promise<string>,
): Promise<Response> {
  const found = await withTenant(pool, tenantId, async (tx) => {
    const { rows } = await tx.client.query<Stored>(
      `SELECT fingerprint, state, response_status, response_headers, response_body
         FROM idempotency_keys WHERE tenant_id = $1 AND key = $2`,
      [tenantId, key],
    );
    return rows[0];
  });
  if (!found) {
    // The first request failed and let go of the key between our claim and this read.
    throw new ProblemError('conflict', 'A request with this Idempotency-Key just failed; retry it.', {
      reason: 'idempotency_key_in_use',
    });
  }
  if (found.state !== 'done' || found.response_status === null) {
    throw new ProblemError(
      'conflict',
      'A request with this Idempotency-Key is still being processed; retry once it has finished.',
      { reason: 'idempotency_key_in_use' },
    );
  }
  if (found.fingerprint !== (await fingerprintOf())) {
    throw new ProblemError(
      'unprocessable',
      'This Idempotency-Key was used for a request with another method, path or body; use a new key for a new request.',
      { reason: 'idempotency_key_reused' },
    );
  }
  return new Response(found.response_body, {
    status: found.response_status,
    headers: { ...found.response_headers, 'idempotent-replayed': 'true' },
  });
}

async function store(
  pool: Pool,
  tenantId: string,
  key: string,
  fingerprint: string,
  response: Response,
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!NOT_REPLAYED.has(name) && !name.startsWith('ratelimit-')) headers[name] = value;
  });
  const body = await response.clone().text();
  await withTenant(pool, tenantId, (tx) =>
    tx.client.query(
      `UPDATE idempotency_keys
          SET state = 'done', fingerprint = $6, response_status = $3, response_headers = $4, response_body = $5
        WHERE tenant_id = $1 AND key = $2`,
      [tenantId, key, response.status, JSON.stringify(headers), body, fingerprint],
    ),
  );
}

async function release(pool: Pool, tenantId: string, key: string): Promise<void> {
  await withTenant(pool, tenantId, (tx) =>
    tx.client.query(`DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND state = 'pending'`, [
      tenantId,
      key,
    ]),
  );
}

/** Deletes answers past their 24 hours (the scheduled job). */
export async function purgeIdempotencyKeys(pool: Pool): Promise<number> {
  const { rowCount } = await pool.query('DELETE FROM idempotency_keys WHERE expires_at <= now()');
  return rowCount ?? 0;
}
