import type { Context } from 'hono';
import type { AppServices } from '../../../kernel/context.js';
import { listenForChanges } from '../../../kernel/db/changes.js';
import { clientIp } from '../../../kernel/http/actor.js';
import type { AppEnv, Principal } from '../../../kernel/http/route.js';
import { toPublicId } from '../../../kernel/ids/public-id.js';
import type { ModuleRuntime } from '../../../kernel/module.js';
import { hashSecret, isWellFormedKey } from '../services/secret.js';
import { type AddressCheck, addressCheck } from './ip-allowlist.js';
import { KeyCache } from './key-cache.js';
import { type KeyRecord, loadKeyRecord } from './key-record.js';
import { RateLimits, type RateWindow } from './rate-limits.js';
import { UsageBuffer } from './usage-buffer.js';

/** Keys kept in memory per process (a record is about 1 KB). */
const CACHE_MAX_KEYS = 10_000;
/** Unknown (well-formed, never issued) hashes remembered, so garbage cannot hammer the database. */
const CACHE_MAX_UNKNOWN = 10_000;
/** A safety net: announced changes drop entries at once, this bounds a missed announcement. */
const CACHE_TTL_MS = 5 * 60_000;
const UNKNOWN_TTL_MS = 30_000;
/** How often the last use of keys is written. */
const USAGE_FLUSH_MS = 10_000;

/** A cached key as the gateway uses it: the principal is built once, not per request. */
export interface GatewayKey {
  record: KeyRecord;
  principal: Principal;
  allows: AddressCheck;
  publicIds: { app: string; tenant: string };
}

interface Gateway {
  cache: KeyCache;
  usage: UsageBuffer;
  limits: RateLimits;
  keys: WeakMap<KeyRecord, GatewayKey>;
  byPrincipal: WeakMap<Principal, GatewayKey>;
}

declare module 'hono' {
  interface ContextVariableMap {
    /**
     * The rate-limit window a keyed request counted against, for `/v1/me`. A context variable, not
     * a WeakMap keyed by the request: an entry per request in a weak map is work for every minor GC.
     */
    rateWindow: RateWindow;
  }
}

const gateways = new WeakMap<AppServices, Gateway>();

/** The keys module's process-lifetime work: the key cache, its invalidation, the usage buffer. */
export async function startGateway(services: AppServices): Promise<ModuleRuntime> {
  const { pool, log } = services;
  const gateway: Gateway = {
    cache: new KeyCache({
      max: CACHE_MAX_KEYS,
      maxUnknown: CACHE_MAX_UNKNOWN,
      ttlMs: CACHE_TTL_MS,
      negativeTtlMs: UNKNOWN_TTL_MS,
      load: (hash) => loadKeyRecord(pool, hash),
    }),
    usage: new UsageBuffer(),
    limits: new RateLimits(services.config.ATRIUM_PLAN_REQUESTS_PER_MINUTE),
    keys: new WeakMap(),
    byPrincipal: new WeakMap(),
  };
  const unlisten = await listenForChanges(
    services.notifier,
    (change) => gateway.cache.apply(change),
    () => gateway.cache.clear(),
  );
  gateways.set(services, gateway);
  const flush = () =>
    gateway.usage.flush(pool).catch((error) => log.warn({ err: error }, 'writing API keys’ last use failed'));
  const timer = setInterval(flush, USAGE_FLUSH_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      unlisten();
      await flush();
      gateways.delete(services);
    },
  };
}

function gatewayOf(services: AppServices): Gateway {
  const gateway = gateways.get(services);
  if (!gateway) throw new Error('the keys module was not started for these services');
  return gateway;
}

/** Writes the buffered last uses now (tests; otherwise every 10 s and on stop). */
export function flushKeyUsage(services: AppServices): Promise<void> {
  return gatewayOf(services).usage.flush(services.pool);
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The caller of `Authorization: Bearer atr_…`, from the in-process cache (one query on a miss):
 * the key's tenant and its scopes as permissions. A key already in memory was issued — the cache
 * and the database are keyed by its SHA-256, which no other text shares — so it needs no more
 * checks; anything else must be well formed (its checksum right) before any lookup. An unknown,
 * revoked, expired or past-grace key, or one of a suspended tenant, is refused. Keys are not
 * cookies a browser sends on its own, so no CSRF check applies.
 */
export function keyPrincipal(c: Context<AppEnv>): Principal | undefined | Promise<Principal | undefined> {
  const header = c.req.header('authorization');
  const secret = header ? BEARER.exec(header)?.[1] : undefined;
  if (!secret) return undefined;
  const gateway = gatewayOf(c.env.services);
  const hash = hashSecret(secret);
  // From memory, synchronously: the hot path awaits nothing.
  const cached = gateway.cache.cached(hash);
  if (cached) return accept(c, gateway, cached);
  if (!isWellFormedKey(secret)) return undefined;
  const found = gateway.cache.get(hash);
  if (!(found instanceof Promise)) return accept(c, gateway, found);
  return found.then((record) => accept(c, gateway, record));
}

function accept(c: Context<AppEnv>, gateway: Gateway, record: KeyRecord | undefined): Principal | undefined {
  if (!record?.tenantActive || !acceptsAt(record, Date.now())) return undefined;
  gateway.usage.record(record.id, clientIp(c));
  return gatewayKey(gateway, record).principal;
}

/** The key behind a principal this gateway made, or undefined for sessions. */
export function keyOfPrincipal(services: AppServices, principal: Principal): GatewayKey | undefined {
  return principal.kind === 'api_key' ? gatewayOf(services).byPrincipal.get(principal) : undefined;
}

export function rateLimitsOf(services: AppServices): RateLimits {
  return gatewayOf(services).limits;
}

/** Whether the key authenticates at `now` (epoch ms): not revoked, not expired, within any grace. */
export function acceptsAt(record: KeyRecord, now: number): boolean {
  if (record.revokedAt !== null && record.revokedAt <= now) return false;
  if (record.expiresAt !== null && record.expiresAt <= now) return false;
  return record.graceUntil === null || record.graceUntil > now;
}

function gatewayKey(gateway: Gateway, record: KeyRecord): GatewayKey {
  let key = gateway.keys.get(record);
  if (key) return key;
  const principal: Principal = {
    kind: 'api_key',
    id: toPublicId('key', record.id),
    label: record.label,
    tenantId: record.tenantId,
    permissions: new Set(record.scopes),
    keyId: record.id,
    appId: record.appId,
  };
  key = {
    record,
    principal,
    allows: addressCheck(record.ipAllowlist),
    publicIds: { app: toPublicId('app', record.appId), tenant: toPublicId('tenant', record.tenantId) },
  };
  gateway.keys.set(record, key);
  gateway.byPrincipal.set(principal, key);
  return key;
}
