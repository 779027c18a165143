import { randomUUID } from 'node:crypto';

/**
 * RFC 9562 UUIDv7: a 48-bit Unix millisecond timestamp, then version, variant and 74 random bits,
 * so ids sort by creation time (good B-tree locality). Node 20 has no built-in, and PostgreSQL's
 * `uuidv7()` exists only from version 18. `ms` backdates the id (imported or seeded history).
 */
export function uuidv7(ms: number = Date.now()): string {
  // randomUUID draws from an entropy cache (one syscall per 128 ids, where randomBytes makes one
  // per call): its v4 layout already has the variant bits; the time and version replace the rest.
  const random = randomUUID();
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

/** The Unix millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(uuid: string): number {
  return Number.parseInt(uuid.replaceAll('-', '').slice(0, 12), 16);
}
