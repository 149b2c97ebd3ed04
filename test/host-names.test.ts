import { describe, expect, it } from 'vitest';
import { AllowedHosts } from '../src/server/allowed-hosts.js';
import { hostKey, isLoopbackHost, isUnspecifiedHost, parseHost } from '../src/server/host-names.js';

describe('parseHost', () => {
  it('gives the canonical name and the port of plain hosts', () => {
    expect(parseHost('LOCALHOST.:8787')).toEqual({ hostname: 'localhost', port: 8787 });
    expect(parseHost('example.org')).toEqual({ hostname: 'example.org', port: null });
    expect(parseHost('[0:0::1]:80')).toEqual({ hostname: '[::1]', port: 80 });
    expect(parseHost('2130706433:1')).toEqual({ hostname: '127.0.0.1', port: 1 });
    expect(parseHost('0x7f.1')).toEqual({ hostname: '127.0.0.1', port: null });
  });

  it('refuses what is not a plain host: user info, paths, spaces, bad ports and brackets', () => {
    for (const value of [
      '',
      'evil.example@localhost',
      'localhost/path',
      'local host',
      'localhost:',
      'localhost:99999',
      'localhost:8787:1',
      '[::1',
      '::1',
      'http://localhost',
      'localhost\r\nX: y',
      `${'a'.repeat(300)}.example`,
    ]) {
      expect(parseHost(value), JSON.stringify(value)).toBeNull();
    }
  });
});

describe('host keys', () => {
  it('are equal for every spelling of one address, and differ between names and addresses', () => {
    expect(hostKey('[::ffff:127.0.0.1]')).toBe(hostKey('127.0.0.1'));
    expect(hostKey('[0:0:0:0:0:0:0:1]')).toBe(hostKey('[::1]'));
    expect(hostKey('localhost')).not.toBe(hostKey('127.0.0.1'));
    expect(hostKey('[::1]')).not.toBe(hostKey('127.0.0.1'));
  });
});

describe('loopback and unspecified listening hosts', () => {
  it('knows loopback from everything else', () => {
    expect(['localhost', '127.0.0.1', '127.255.0.1', '::1', '[::1]', '::ffff:127.0.0.1'].map(isLoopbackHost)).toEqual(
      Array(6).fill(true),
    );
    expect(['0.0.0.0', '::', '10.0.0.1', 'fe80::1', 'localhost.example', 'host', ''].map(isLoopbackHost)).toEqual(
      Array(7).fill(false),
    );
    expect(['0.0.0.0', '::', '[::]'].map(isUnspecifiedHost)).toEqual([true, true, true]);
    expect(isUnspecifiedHost('127.0.0.1')).toBe(false);
  });
});

describe('AllowedHosts', () => {
  const host = (value: string) => parseHost(value)!;

  it('answers to the loopback names and the connection address at the connection port only', () => {
    const allowed = new AllowedHosts({ boundHost: '::' });
    const local = { address: '::ffff:192.0.2.10', port: 8787 };
    expect(allowed.allows(host('localhost:8787'), local)).toBe(true);
    expect(allowed.allows(host('192.0.2.10:8787'), local)).toBe(true);
    expect(allowed.allows(host('[::ffff:c000:20a]:8787'), local)).toBe(true);
    expect(allowed.allows(host('192.0.2.11:8787'), local)).toBe(false);
    expect(allowed.allows(host('localhost:8788'), local)).toBe(false);
    expect(allowed.allows(host('[::]:8787'), local)).toBe(false);
  });

  it('answers to a bound name, and to added names at any port or at their own', () => {
    const allowed = new AllowedHosts({
      boundHost: 'my-laptop.lan',
      allowedHosts: ['proxy.example', 'alt.example:8443'],
    });
    const local = { address: '10.1.2.3', port: 8787 };
    expect(allowed.allows(host('my-laptop.lan:8787'), local)).toBe(true);
    expect(allowed.allows(host('my-laptop.lan:80'), local)).toBe(false);
    expect(allowed.allows(host('Proxy.Example'), local)).toBe(true);
    expect(allowed.allows(host('proxy.example:12345'), local)).toBe(true);
    expect(allowed.allows(host('alt.example:8443'), local)).toBe(true);
    expect(allowed.allows(host('alt.example:8444'), local)).toBe(false);
    expect(allowed.allows(host('evil.example:8787'), local)).toBe(false);
  });

  it('refuses to be built with an entry that is not a host', () => {
    expect(() => new AllowedHosts({ allowedHosts: ['https://proxy.example/'] })).toThrow(/not a host name/);
  });
});
