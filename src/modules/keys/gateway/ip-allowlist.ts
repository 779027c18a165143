import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { parseCidr } from '../../tenancy/index.js';

/** True when the address may call; built once per cached key from the app's canonical CIDRs. */
export type AddressCheck = (address: string | null) => boolean;

const anyAddress: AddressCheck = () => true;

/**
 * An app's IP allowlist as a matcher: empty allows every address; otherwise the address must be
 * in one of the CIDR blocks (IPv4 and IPv6). The blocks are tenancy's canonical CIDRs, matched with
 * Node's BlockList. An IPv4 address a dual-stack socket reports as `::ffff:a.b.c.d` is matched as
 * IPv4; an unknown address (no socket) is refused.
 */
export function addressCheck(allowlist: readonly string[]): AddressCheck {
  if (allowlist.length === 0) return anyAddress;
  const blocks = new BlockList();
  for (const entry of allowlist) {
    const parsed = parseCidr(entry);
    if (!parsed.ok) continue;
    const [network, prefix] = parsed.cidr.split('/') as [string, string];
    blocks.addSubnet(network, Number(prefix), parsed.version === 4 ? 'ipv4' : 'ipv6');
  }
  const check = (address: string): boolean => {
    const plain = address.startsWith('::ffff:') && isIPv4(address.slice(7)) ? address.slice(7) : address;
    if (isIPv4(plain)) return blocks.check(plain, 'ipv4');
    return isIPv6(plain) && blocks.check(plain, 'ipv6');
  };
  // A key is called from a few addresses: remember their answers (bounded), BlockList is slow-ish.
  const seen = new Map<string, boolean>();
  return (address) => {
    if (!address) return false;
    let allowed = seen.get(address);
    if (allowed === undefined) {
      allowed = check(address);
      if (seen.size >= MAX_REMEMBERED) seen.clear();
      seen.set(address, allowed);
    }
    return allowed;
  };
}

const MAX_REMEMBERED = 256;
