/**
 * CIDR blocks for app IP allowlists: strict parsing and one canonical spelling (network address,
 * RFC 5952 for IPv6), so a network is stored once and compares equal however a user typed it.
 * node:net can tell an address from garbage but neither masks networks nor spells them
 * canonically, and it accepts zone ids (`fe80::1%eth0`) that mean nothing in an allowlist. Pure
 * code with no Node API, so the contract's validation can use it as well.
 */
export type CidrResult = { ok: true; cidr: string; version: 4 | 6 } | { ok: false; message: string };

const IPV4_PART = /^(0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/;
const PREFIX = /^(0|[1-9]\d{0,2})$/;

/** An IP address or CIDR block in canonical form; a bare address becomes a /32 or /128. */
export function parseCidr(input: string): CidrResult {
  const text = input.trim().toLowerCase();
  const slash = text.indexOf('/');
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);

  const v4 = parseIpv4(addressText);
  const bytes = v4 ?? parseIpv6(addressText);
  if (!bytes) return { ok: false, message: 'Not an IPv4 or IPv6 address or CIDR block.' };
  const version = v4 ? 4 : 6;
  const maxPrefix = bytes.length * 8;

  let prefix = maxPrefix;
  if (prefixText !== undefined) {
    if (!PREFIX.test(prefixText) || Number(prefixText) > maxPrefix) {
      return { ok: false, message: `The prefix length must be a whole number from 0 to ${maxPrefix}.` };
    }
    prefix = Number(prefixText);
  }

  const network = maskBytes(bytes, prefix);
  const canonical = `${formatAddress(network)}/${prefix}`;
  if (network.some((byte, index) => byte !== bytes[index])) {
    return { ok: false, message: `Host bits are set after /${prefix}; the network is ${canonical}.` };
  }
  return { ok: true, cidr: canonical, version };
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so "010" is ambiguous.
    if (!IPV4_PART.test(part) || Number(part) > 255) return undefined;
    bytes.push(Number(part));
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  if (!text.includes(':')) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const written = head.length + tail.length;
  if (halves.length === 1 ? written !== 8 : written > 7) return undefined;
  const groups = [...head, ...Array<number>(8 - written).fill(0), ...tail];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** The 16-bit groups of one side of "::"; a trailing dotted IPv4 counts as two. */
function groupsOf(text: string): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      continue;
    }
    if (!HEX_GROUP.test(part)) return undefined;
    groups.push(Number.parseInt(part, 16));
  }
  return groups;
}

function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((byte, index) => {
    const keep = Math.min(8, Math.max(0, prefix - index * 8));
    return byte & ((0xff << (8 - keep)) & 0xff);
  });
}

function formatAddress(bytes: number[]): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  // RFC 5952 §5: IPv4-mapped addresses keep the dotted form people recognise.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  return compressIpv6(groups);
}

/** RFC 5952 §4: lowercase, no leading zeros, the longest run (first on a tie, ≥ 2 groups) as "::". */
function compressIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (groups[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
    start += length;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
