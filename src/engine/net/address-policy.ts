/**
 * Which IP addresses an outbound request may connect to. Only public unicast addresses are reachable by default;
 * loopback, private, link-local, multicast, unspecified, broadcast and every reserved or special-purpose range are
 * refused, in every spelling (IPv4 short/decimal/octal/hex forms, IPv4 embedded in IPv6). The operator may open all
 * of them (`allowPrivate`) or name some (`allowRanges`, for an intranet).
 */
import ipaddr from 'ipaddr.js';

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/** What kind of address this is, as far as reaching it from a server is concerned. */
export type AddressClass =
  'public' | 'loopback' | 'private' | 'link-local' | 'multicast' | 'unspecified' | 'broadcast' | 'reserved' | 'invalid';

/** An address range as a parsed CIDR (a single address is a range of full prefix length). */
export type AddressRange = [Ip, number];

/** Which non-public addresses may be reached; public ones always may. */
export interface AddressPolicy {
  /** Every address is reachable (the user opted in with `--allow-private-urls`). */
  allowPrivate: boolean;
  /** Non-public addresses that are reachable all the same (an intranet the operator names). */
  allowRanges: readonly AddressRange[];
}

/** The default policy: public addresses only. */
export const PUBLIC_ONLY: AddressPolicy = { allowPrivate: false, allowRanges: [] };

const IPV4_CLASSES: Record<string, AddressClass> = {
  unicast: 'public',
  loopback: 'loopback',
  private: 'private',
  carrierGradeNat: 'private',
  linkLocal: 'link-local',
  multicast: 'multicast',
  unspecified: 'unspecified',
  broadcast: 'broadcast',
};

const IPV6_CLASSES: Record<string, AddressClass> = {
  loopback: 'loopback',
  uniqueLocal: 'private',
  deprecatedSiteLocal: 'private',
  linkLocal: 'link-local',
  multicast: 'multicast',
  unspecified: 'unspecified',
};

// Global unicast space (2000::/3): an IPv6 address outside it is not a public host address, whatever else it is.
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
// The well-known NAT64 prefix carries a public IPv4 address; the local-use one (64:ff9b:1::/48) is a private network.
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

/** Parses an address in any spelling ipaddr.js accepts (IPv4 short forms, IPv6 with or without brackets); null if none. */
export function parseAddress(text: string): Ip | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  try {
    return ipaddr.parse(bare.includes(':') ? hexTail(bare) : bare);
  } catch {
    return null;
  }
}

/**
 * Rewrites the dotted IPv4 tail of an IPv6 address as two hex groups. ipaddr.js reads `::a.b.c.d` as the
 * IPv4-mapped `::ffff:a.b.c.d`, but sockets read it as the IPv4-compatible `::a.b:c.d`, which is another address.
 */
function hexTail(text: string): string {
  const match = /^(.*:)(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(%.*)?$/.exec(text);
  if (!match) return text;
  if (!ipaddr.IPv4.isValidFourPartDecimal(match[2] ?? '')) throw new Error('not an IPv6 address');
  const [a = 0, b = 0, c = 0, d = 0] = ipaddr.IPv4.parse(match[2] ?? '').octets;
  return `${match[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}${match[3] ?? ''}`;
}

/** Classifies an address given as text; text that is not an address is `invalid`. */
export function classifyAddress(text: string): AddressClass {
  const address = parseAddress(text);
  return address ? classifyParsed(address) : 'invalid';
}

function classifyParsed(address: Ip): AddressClass {
  if (address.kind() === 'ipv4') return IPV4_CLASSES[address.range()] ?? 'reserved';
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded) return classifyParsed(embedded);
  const range = v6.range();
  // What is left of the NAT64 ranges is the local-use prefix 64:ff9b:1::/48: a private network.
  if (range === 'rfc6052') return 'private';
  if (range === 'unicast') return v6.match(GLOBAL_UNICAST) ? 'public' : 'reserved';
  return IPV6_CLASSES[range] ?? 'reserved';
}

/**
 * The IPv4 address an IPv6 address stands for, when it carries one a packet would really go to: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), well-known NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:AABB:CCDD::).
 */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  const p = address.parts;
  if (range === 'ipv4Mapped' || range === 'rfc6145' || (range === 'rfc6052' && address.match(NAT64_WELL_KNOWN))) {
    return fromWords(p[6] ?? 0, p[7] ?? 0);
  }
  if (range === '6to4') return fromWords(p[1] ?? 0, p[2] ?? 0);
  return null;
}

function fromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** True when an address is a public unicast address. */
export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === 'public';
}

/**
 * Parses the operator's list of reachable private addresses: single addresses or CIDR ranges, IPv4 or IPv6.
 * Throws a TypeError naming the first entry that is neither.
 */
export function parseAddressRanges(entries: readonly string[]): AddressRange[] {
  return entries.map((entry) => {
    const text = entry.trim();
    try {
      if (text.includes('/')) return ipaddr.parseCIDR(text);
      const address = ipaddr.parse(text);
      return [address, address.kind() === 'ipv4' ? 32 : 128];
    } catch {
      throw new TypeError(`"${entry}" is not an IP address or CIDR range (such as 10.0.0.0/8 or fd00::/8)`);
    }
  });
}

/** Builds a policy from the options' form (a flag and a list of address ranges as text). */
export function addressPolicy(options: { allowPrivate?: boolean; allowRanges?: readonly string[] }): AddressPolicy {
  return { allowPrivate: options.allowPrivate ?? false, allowRanges: parseAddressRanges(options.allowRanges ?? []) };
}

/** True when the policy lets a connection go to this address; text that is not an address never may. */
export function isAddressAllowed(text: string, policy: AddressPolicy): boolean {
  const address = parseAddress(text);
  if (!address) return false;
  if (policy.allowPrivate || classifyParsed(address) === 'public') return true;
  // An IPv4-mapped IPv6 address is the same host as its IPv4 form: match the operator's ranges on that.
  const v6 = address.kind() === 'ipv6' ? (address as ipaddr.IPv6) : null;
  const plain = v6?.isIPv4MappedAddress() ? v6.toIPv4Address() : address;
  return policy.allowRanges.some(([base, bits]) => plain.kind() === base.kind() && plain.match(base, bits));
}
