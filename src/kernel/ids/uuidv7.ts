import { randomUUID } from 'node:crypto';

/** The last millisecond an id of "now" was made in, and its 12-bit sequence (RFC 9562 §6.2). */
let lastMs = -1;
let sequence = 0;

/**
 * RFC 9562 UUIDv7: a 48-bit Unix millisecond timestamp, then version, variant and 74 random bits,
 * so ids sort by creation time (good B-tree locality). Node 20 has no built-in, and PostgreSQL's
 * `uuidv7()` exists only from version 18. `ms` backdates the id (imported or seeded history).
 *
 * Ids of "now" made by this process are strictly increasing, also within one millisecond: the 12
 * bits after the version are a sequence (method 1 of RFC 9562 §6.2) that starts at a random value
 * below 2048 each millisecond and counts up; past 4095 the id borrows the next millisecond. So
 * "newest first" by id is creation order, not chance, for rows made in the same millisecond.
 */
export function uuidv7(ms?: number): string {
  // randomUUID draws from an entropy cache (one syscall per 128 ids, where randomBytes makes one
  // per call): its v4 layout already has the variant bits; the time and version replace the rest.
  const random = randomUUID();
  let time: number;
  let counter: number;
  if (ms === undefined) {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      sequence = Number.parseInt(random.slice(15, 18), 16) & 0x7ff;
    } else if (sequence < 0xfff) {
      sequence += 1;
    } else {
      lastMs += 1;
      sequence = 0;
    }
    time = lastMs;
    counter = sequence;
  } else {
    time = ms;
    counter = Number.parseInt(random.slice(15, 18), 16);
  }
  const hex = time.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${random.slice(19)}`;
}

/** The Unix millisecond timestamp a UUIDv7 carries. */
export function uuidv7Time(uuid: string): number {
  return Number.parseInt(uuid.replaceAll('-', '').slice(0, 12), 16);
}
