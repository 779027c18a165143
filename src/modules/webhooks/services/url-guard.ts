import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { ProblemError } from '../../../kernel/http/problem.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** What ATRIUM_WEBHOOK_ALLOWED_HOSTS lets through although it is internal. */
export interface HostAllowlist {
  hostnames: ReadonlySet<string>;
  ranges: readonly [Address, number][];
}

export function parseAllowlist(value: string | undefined): HostAllowlist {
  const hostnames = new Set<string>();
  const ranges: [Address, number][] = [];
  for (const entry of (value ?? '').split(',').map((part) => part.trim().toLowerCase())) {
    if (!entry) continue;
    if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
    else if (ipaddr.isValid(entry)) {
      const address = ipaddr.parse(entry);
      ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else hostnames.add(entry);
  }
  return { hostnames, ranges };
}

// Everything but ordinary public unicast: loopback, RFC 1918, CGNAT, link-local (cloud metadata at
// 169.254.169.254), unspecified, broadcast, multicast, documentation and reserved blocks.
const BLOCKED_V4 = new Set([
  'unspecified',
  'broadcast',
  'multicast',
  'linkLocal',
  'loopback',
  'carrierGradeNat',
  'private',
  'reserved',
]);
// IPv6 ranges that reach IPv4 space (6to4, Teredo, NAT64) are refused whole: they can tunnel to any
// of the above.
const BLOCKED_V6 = new Set([
  'unspecified',
  'linkLocal',
  'multicast',
  'loopback',
  'uniqueLocal',
  'deprecatedSiteLocal',
  'discard',
  'rfc6145',
  'rfc6052',
  '6to4',
  'teredo',
  'reserved',
]);

/** Why an address may not receive webhooks, or undefined when it may. */
export function blockedRange(text: string): string | undefined {
  if (!ipaddr.isValid(text)) return 'not an IP address';
  let address: Address = ipaddr.parse(text);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  const range = address.range();
  const blocked = address.kind() === 'ipv4' ? BLOCKED_V4 : BLOCKED_V6;
  return blocked.has(range) ? range : undefined;
}

function allowedAddress(text: string, allow: HostAllowlist): boolean {
  if (!ipaddr.isValid(text)) return false;
  const address = ipaddr.process(text);
  return allow.ranges.some(
    ([network, bits]) => address.kind() === network.kind() && address.match(network, bits),
  );
}

/** The addresses a host may be reached at, or the reason it may not (DNS failure, internal address). */
export async function checkHost(
  hostname: string,
  allow: HostAllowlist,
): Promise<{ addresses: LookupAddress[] } | { refused: string }> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let addresses: LookupAddress[];
  if (allow.hostnames.has(host)) {
    try {
      return { addresses: await resolve(host) };
    } catch {
      return { refused: `The host ${host} does not resolve.` };
    }
  }
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      return { refused: `The host ${host} does not resolve.` };
    }
  }
  for (const { address } of addresses) {
    if (allowedAddress(address, allow)) continue;
    const range = blockedRange(address);
    if (range) {
      return {
        refused: `The host ${host} resolves to ${address}, an internal address (${range}); webhooks may only go to public addresses unless the operator allows it (ATRIUM_WEBHOOK_ALLOWED_HOSTS).`,
      };
    }
  }
  return { addresses };
}

function resolve(host: string): Promise<LookupAddress[]> {
  return new Promise((resolvePromise, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolvePromise(addresses),
    ),
  );
}

/**
 * An endpoint URL Atrium may deliver to: http(s), no credentials in it, `https` for a production
 * app, a host that resolves to public addresses only (or is allowed). Anything else is a 400 on
 * `body.url`.
 */
export async function assertDeliverableUrl(
  text: string,
  options: { production: boolean; allow: HostAllowlist },
): Promise<URL> {
  const refuse = (message: string) =>
    new ProblemError('validation_failed', `body.url: ${message}`, {
      errors: [{ path: 'body.url', message }],
    });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw refuse('Not a URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('Only http and https URLs.');
  if (options.production && url.protocol !== 'https:')
    throw refuse('A production app’s endpoint must use https.');
  if (url.username || url.password) throw refuse('Put credentials in custom headers, not in the URL.');
  const checked = await checkHost(url.hostname, options.allow);
  if ('refused' in checked) throw refuse(checked.refused);
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for node:http that refuses internal addresses at connection time: the address checked
 * is the address connected to, so a DNS answer that changed since the endpoint was saved (DNS
 * rebinding) cannot reach an internal service.
 */
export function guardedLookup(allow: HostAllowlist) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    checkHost(hostname, allow).then(
      (checked) => {
        if ('refused' in checked) {
          callback(Object.assign(new Error(checked.refused), { code: 'EADDRNOTALLOWED' }), '', 0);
          return;
        }
        const [first] = checked.addresses;
        if (options.all) callback(null, checked.addresses);
        else if (first) callback(null, first.address, first.family);
        else callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
