import type { Pool } from '../../../kernel/db/pool.js';

/**
 * Each key's last use (time and address), kept in memory and written in one statement per flush
 * instead of one per request. A key used in several processes gets the latest time: the update
 * never moves `last_used_at` backwards.
 */
export class UsageBuffer {
  private pending = new Map<string, { at: number; ip: string | null }>();

  record(keyId: string, ip: string | null): void {
    this.pending.set(keyId, { at: Date.now(), ip });
  }

  async flush(pool: Pool): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const ids: string[] = [];
    const times: Date[] = [];
    const ips: (string | null)[] = [];
    for (const [id, use] of batch) {
      ids.push(id);
      times.push(new Date(use.at));
      ips.push(use.ip);
    }
    try {
      await pool.query(
        `UPDATE api_keys k SET last_used_at = u.at, last_used_ip = u.ip
           FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS u(id, at, ip)
          WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at)`,
        [ids, times, ips],
      );
    } catch (error) {
      // Keep what failed for the next flush, unless a newer use replaced it meanwhile.
      for (const [id, use] of batch) if (!this.pending.has(id)) this.pending.set(id, use);
      throw error;
    }
  }
}
