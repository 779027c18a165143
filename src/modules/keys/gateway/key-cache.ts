import { LRUCache } from 'lru-cache';
import type { Change } from '../../../kernel/db/changes.js';
import type { KeyRecord } from './key-record.js';

export interface KeyCacheOptions {
  /** Most keys kept; the least recently used go first. */
  max: number;
  /** Most unknown hashes kept, apart from the keys, so a flood of garbage cannot evict real keys. */
  maxUnknown: number;
  /** A safety net only: changes are announced and drop entries at once. */
  ttlMs: number;
  /** How long an unknown (well-formed, never issued) hash is remembered as unknown. */
  negativeTtlMs: number;
  load: (secretHash: string) => Promise<KeyRecord | undefined>;
}

/**
 * Secret hash → key record, in process memory, so that verifying a key costs no query after its
 * first use. Bounded (LRU), with announced changes (revoke, rotate, app or tenant changes)
 * dropping entries across processes within a second, and a TTL as a safety net. A miss loads once
 * however many requests wait for it; a load that raced with a change is neither kept nor shared
 * with requests that arrive after the change.
 */
export class KeyCache {
  private readonly entries: LRUCache<string, KeyRecord>;
  private readonly unknown: LRUCache<string, true>;
  private readonly loading = new Map<string, Promise<KeyRecord | undefined>>();
  /** Bumped by every change: a load that started before one may hold stale data. */
  private generation = 0;

  constructor(private readonly options: KeyCacheOptions) {
    this.entries = new LRUCache<string, KeyRecord>({ max: options.max, ttl: options.ttlMs });
    this.unknown = new LRUCache<string, true>({ max: options.maxUnknown, ttl: options.negativeTtlMs });
  }

  /** The key with this hash when it is in memory (whatever its state); never loads. */
  cached(secretHash: string): KeyRecord | undefined {
    return this.entries.get(secretHash);
  }

  /** The key with this hash (whatever its state), or undefined when there is none. */
  get(secretHash: string): KeyRecord | undefined | Promise<KeyRecord | undefined> {
    const hit = this.cached(secretHash);
    if (hit) return hit;
    if (this.unknown.has(secretHash)) return undefined;
    return this.loading.get(secretHash) ?? this.load(secretHash);
  }

  /** Drops every key the change concerns; unknown hashes stay unknown (no change makes one known). */
  apply(change: Change): void {
    this.generation++;
    this.loading.clear();
    for (const [hash, record] of this.entries.entries()) {
      const hit =
        (change.kind === 'key' && record.id === change.id) ||
        (change.kind === 'app' && record.appId === change.id) ||
        (change.kind === 'tenant' && record.tenantId === change.id);
      if (hit) this.entries.delete(hash);
    }
  }

  /** Forgets everything (after missed notifications). */
  clear(): void {
    this.generation++;
    this.loading.clear();
    this.entries.clear();
    this.unknown.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private async load(secretHash: string): Promise<KeyRecord | undefined> {
    const generation = this.generation;
    const pending = this.options.load(secretHash);
    this.loading.set(secretHash, pending);
    try {
      const record = await pending;
      if (generation === this.generation) {
        if (record) this.entries.set(secretHash, record);
        else this.unknown.set(secretHash, true);
      }
      return record;
    } finally {
      if (this.loading.get(secretHash) === pending) this.loading.delete(secretHash);
    }
  }
}
