import {
  LOOPBACK_NAMES,
  canonicalHostname,
  hostKey,
  isUnspecifiedHost,
  parseHost,
  type HostAndPort,
} from './host-names.js';

/** Which hosts the server answers to, beyond the loopback names it always answers to. */
export interface AllowedHostsOptions {
  /** The host the server listens on (`--host`): allowed at the port the request arrived on. */
  boundHost?: string;
  /** Names the operator adds (`--allowed-host`): `NAME` at any port (a proxy's), or `NAME:PORT` at that port only. */
  allowedHosts?: readonly string[];
}

/** The local end of the connection a request arrived on, when the server runs on a real socket. */
export interface LocalEnd {
  address?: string | undefined;
  port?: number | undefined;
}

/** A host the server answers to, by its key (see hostKey): the port null means any port. */
interface Rule {
  key: string;
  port: number | null;
}

/** How many local addresses to remember the key of (a machine has a handful). */
const LOCAL_KEY_CACHE = 64;

/** The default port of a `Host` header that names none (plain HTTP; 443 when a TLS proxy forwards it unchanged). */
const DEFAULT_PORTS = [80, 443];

/** Checks an `--allowed-host` entry; returns why it is not usable, or null when it is. */
export function allowedHostProblem(entry: string): string | null {
  if (parseHost(entry.trim()) !== null) return null;
  return `"${entry}" is not a host name, address or NAME:PORT (no scheme, path or spaces)`;
}

/**
 * The hosts this server answers to. A `Host` header naming anything else is a DNS-rebinding attempt (a page of another
 * site whose name now resolves to this machine) or a misrouted request, and gets nothing.
 */
export class AllowedHosts {
  /** Keys of the names answered to at the connection's own port. */
  private readonly own: Set<string>;
  private readonly added: Rule[];
  /** The keys of the local addresses seen, so a request costs no address parsing beyond its own Host. */
  private readonly localKeys = new Map<string, string | null>();

  /** @throws Error when an allowed host is not a host name (the CLI checks entries first with allowedHostProblem) */
  constructor(options: AllowedHostsOptions = {}) {
    const bound = options.boundHost === undefined ? null : canonicalHostname(options.boundHost.trim());
    const named = [...LOOPBACK_NAMES, ...(bound !== null && !isUnspecifiedHost(bound) ? [bound] : [])];
    this.own = new Set(named.map(hostKey));
    this.added = (options.allowedHosts ?? []).map((entry) => {
      const parsed = parseHost(entry.trim());
      if (parsed === null) throw new Error(`allowed host: ${allowedHostProblem(entry)}`);
      return { key: hostKey(parsed.hostname), port: parsed.port };
    });
  }

  /**
   * True when the server answers to this host: a loopback name, the bound host or the address the connection arrived
   * at, on the port it arrived at (any port when there is no socket, as in `app.request`), or a host the operator added.
   */
  allows(host: HostAndPort, local: LocalEnd = {}): boolean {
    const port = host.port ?? 80;
    const key = hostKey(host.hostname);
    const ownHost = this.own.has(key) || (local.address !== undefined && this.localKey(local.address) === key);
    if (ownHost && (local.port === undefined || port === local.port)) return true;
    return this.added.some(
      (rule) =>
        rule.key === key &&
        (rule.port === null || rule.port === port || (host.port === null && DEFAULT_PORTS.includes(rule.port))),
    );
  }

  private localKey(address: string): string | null {
    let key = this.localKeys.get(address);
    if (key === undefined) {
      const hostname = canonicalHostname(address);
      key = hostname === null ? null : hostKey(hostname);
      if (this.localKeys.size >= LOCAL_KEY_CACHE) this.localKeys.clear();
      this.localKeys.set(address, key);
    }
    return key;
  }
}
