import { parseCidr } from './cidr.js';

/**
 * The stored form of an allowlist: canonical CIDRs, first occurrence kept. The contract has
 * already refused bad entries, so one here is a programming error.
 */
export function normaliseAllowlist(entries: readonly string[]): string[] {
  const canonical = entries.map((entry) => {
    const parsed = parseCidr(entry);
    if (!parsed.ok) throw new Error(`unvalidated allowlist entry: ${parsed.message}`);
    return parsed.cidr;
  });
  return [...new Set(canonical)];
}
