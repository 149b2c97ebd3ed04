import ipaddr from 'ipaddr.js';

/** A host as HTTP names it: a lower-case name or address literal (IPv6 in brackets), and a port when one is named. */
export interface HostAndPort {
  hostname: string;
  /** The port, or null when none is written (the scheme's default applies). */
  port: number | null;
}

/**
 * What a `Host` header (or an `--allowed-host` entry) may look like: a name or IPv4 address of letters, digits, dots,
 * hyphens and underscores, or an IPv6 address in brackets, then an optional port. Checked before the value reaches
 * the URL parser, which would read `evil.example@localhost` as "localhost".
 */
const HOST_SYNTAX = /^(?:\[[0-9a-f:.]{2,45}\]|[a-z0-9_](?:[a-z0-9._-]{0,252}[a-z0-9_.])?)(?::(\d{1,5}))?$/i;

/** The names a browser on this machine reaches a loopback server by. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Parses a `Host` header value or an `--allowed-host` entry into its canonical host name (lower case, no trailing dot,
 * IPv4 in dotted-quad form, IPv6 compressed in brackets) and port, or returns null when it is not a plain host.
 */
export function parseHost(value: string): HostAndPort | null {
  const match = HOST_SYNTAX.exec(value);
  if (!match) return null;
  const port = match[1] === undefined ? null : Number(match[1]);
  if (port !== null && port > 65535) return null;
  const hostname = canonicalHostname(port === null ? value : value.slice(0, -(match[1]!.length + 1)));
  return hostname === null ? null : { hostname, port };
}

/**
 * The canonical form of a host name or address as the WHATWG URL parser writes it (so `LOCALHOST.` and `localhost`,
 * `[0:0::1]` and `[::1]` compare equal), or null when it is not one. A bare IPv6 address (as given to `--host`) is
 * accepted too.
 */
export function canonicalHostname(name: string): string | null {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  let hostname: string;
  try {
    hostname = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}

/** The address literal inside a canonical host name (`[::1]` gives `::1`), or null when the host is a name. */
function addressOf(hostname: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const literal = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return /^[0-9a-f:.]+$/i.test(literal) && ipaddr.isValid(literal) ? ipaddr.process(literal) : null;
}

/**
 * What identifies a canonical host name: the name itself, or for an address literal its address in one spelling
 * (an IPv4-mapped IPv6 address is its IPv4 address), so that two hosts are the same exactly when their keys are equal.
 */
export function hostKey(hostname: string): string {
  const address = addressOf(hostname);
  return address === null ? hostname : `${address.kind()}:${address.toString()}`;
}

/** True when two canonical host names name the same address, or are the same name. */
export function sameHost(a: string, b: string): boolean {
  return a === b || hostKey(a) === hostKey(b);
}

/**
 * True when a listening host keeps the server on this machine: `localhost`, an address in 127.0.0.0/8, or `::1`
 * (IPv4-mapped forms included). A name other than `localhost` counts as beyond loopback whatever it resolves to,
 * since what it resolves to can change.
 */
export function isLoopbackHost(host: string): boolean {
  const hostname = canonicalHostname(host.trim());
  if (hostname === null) return false;
  if (hostname === 'localhost') return true;
  return addressOf(hostname)?.range() === 'loopback';
}

/** True for the addresses that mean "every interface" (`0.0.0.0`, `::`): no client names the server by them. */
export function isUnspecifiedHost(host: string): boolean {
  const hostname = canonicalHostname(host.trim());
  return hostname !== null && addressOf(hostname)?.range() === 'unspecified';
}
