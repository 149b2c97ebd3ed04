import { describe, expect, it } from 'vitest';
import {
  PUBLIC_ONLY,
  addressPolicy,
  classifyAddress,
  isAddressAllowed,
  isPublicAddress,
  parseAddressRanges,
  type AddressClass,
} from '../src/engine/net/address-policy.js';

// [address as written, class]: every spelling an attacker could use for an address that must not be reached, and
// public addresses (including ones that carry a public IPv4) that must stay reachable.
const TABLE: [string, AddressClass][] = [
  // IPv4 loopback in the spellings inet_aton and the WHATWG URL parser accept.
  ['127.0.0.1', 'loopback'],
  ['127.1', 'loopback'],
  ['127.0.1', 'loopback'],
  ['2130706433', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['0x7f.1', 'loopback'],
  ['0x7f.0x0.0x0.0x1', 'loopback'],
  ['017700000001', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  // Unspecified and "this network".
  ['0.0.0.0', 'unspecified'],
  ['0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  // RFC 1918, CGNAT.
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.168.1.1', 'private'],
  ['3232235777', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.254', 'private'],
  // Link-local (cloud metadata lives here), multicast, broadcast.
  ['169.254.169.254', 'link-local'],
  ['0xa9fea9fe', 'link-local'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  // Reserved and documentation ranges.
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['198.51.100.7', 'reserved'],
  ['203.0.113.9', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['192.88.99.1', 'reserved'],
  // Public IPv4 (just outside the private ranges too).
  ['93.184.216.34', 'public'],
  ['8.8.8.8', 'public'],
  ['172.32.0.1', 'public'],
  ['100.128.0.1', 'public'],
  ['11.0.0.1', 'public'],
  // IPv6 special addresses and ranges.
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['2001::1', 'reserved'],
  ['100::1', 'reserved'],
  ['64:ff9b:1::a00:1', 'private'],
  ['3fff::1', 'reserved'],
  // IPv4 inside IPv6: mapped, translated, compatible, NAT64, 6to4.
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['[::ffff:127.0.0.1]', 'loopback'],
  ['0:0:0:0:0:ffff:127.0.0.1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:0:127.0.0.1', 'loopback'],
  ['::127.0.0.1', 'reserved'],
  ['::8.8.8.8', 'reserved'],
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'link-local'],
  ['2002:7f00:1::', 'loopback'],
  ['2002:c0a8:101::1', 'private'],
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::808:808', 'public'],
  ['2002:808:808::1', 'public'],
  // Public IPv6.
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
  // Not addresses at all.
  ['localhost', 'invalid'],
  ['example.com', 'invalid'],
  ['1.2.3.4.5', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['', 'invalid'],
  [':::1', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(TABLE)('classifies %s as %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it('calls only public addresses public', () => {
    for (const [address, expected] of TABLE) expect(isPublicAddress(address)).toBe(expected === 'public');
  });
});

describe('isAddressAllowed', () => {
  it('allows only public addresses by default', () => {
    for (const [address, expected] of TABLE) {
      expect(isAddressAllowed(address, PUBLIC_ONLY), address).toBe(expected === 'public');
    }
  });

  it('allows every address (but text that is no address) when private ones are allowed', () => {
    const all = addressPolicy({ allowPrivate: true });
    for (const [address, expected] of TABLE) expect(isAddressAllowed(address, all)).toBe(expected !== 'invalid');
  });

  it('allows the ranges the operator names and nothing next to them', () => {
    const intranet = addressPolicy({ allowRanges: ['127.0.0.1', '10.1.0.0/16', 'fd00::/8'] });
    expect(isAddressAllowed('127.0.0.1', intranet)).toBe(true);
    expect(isAddressAllowed('::ffff:127.0.0.1', intranet)).toBe(true);
    expect(isAddressAllowed('127.0.0.2', intranet)).toBe(false);
    expect(isAddressAllowed('::1', intranet)).toBe(false);
    expect(isAddressAllowed('10.1.200.3', intranet)).toBe(true);
    expect(isAddressAllowed('10.2.0.1', intranet)).toBe(false);
    expect(isAddressAllowed('fd00::5', intranet)).toBe(true);
    expect(isAddressAllowed('fc00::5', intranet)).toBe(false);
    expect(isAddressAllowed('169.254.169.254', intranet)).toBe(false);
    expect(isAddressAllowed('8.8.8.8', intranet)).toBe(true);
  });
});

describe('parseAddressRanges', () => {
  it('reads addresses and CIDR ranges of both families', () => {
    const ranges = parseAddressRanges(['10.0.0.0/8', ' 192.168.4.7 ', '::1', 'fd00::/8']);
    expect(ranges.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual([
      '10.0.0.0/8',
      '192.168.4.7/32',
      '::1/128',
      'fd00::/8',
    ]);
  });

  it.each(['intranet', '10.0.0.0/33', '10.0.0.0/', 'fd00::/129', ''])('rejects "%s" with a clear message', (entry) => {
    expect(() => parseAddressRanges([entry])).toThrow(`"${entry}" is not an IP address or CIDR range`);
  });
});
