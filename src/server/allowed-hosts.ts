import {
  LOOPBACK_NAMES,
  canonicalHostname,
  isUnspecifiedHost,
  parseHost,
  sameHost,
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

/** A host the server answers to: the port null means any port. */
interface Rule {
  hostname: string;
  port: number | null;
}

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
  private readonly fixed: Rule[];
  private readonly added: Rule[];

  /** @throws Error when an allowed host is not a host name (the CLI checks entries first with allowedHostProblem) */
  constructor(options: AllowedHostsOptions = {}) {
    const bound = options.boundHost === undefined ? null : canonicalHostname(options.boundHost.trim());
    const named = [...LOOPBACK_NAMES, ...(bound !== null && !isUnspecifiedHost(bound) ? [bound] : [])];
    this.fixed = named.map((hostname) => ({ hostname, port: null }));
    this.added = (options.allowedHosts ?? []).map((entry) => {
      const parsed = parseHost(entry.trim());
      if (parsed === null) throw new Error(`allowed host: ${allowedHostProblem(entry)}`);
      return parsed;
    });
  }

  /**
   * True when the server answers to this host: a loopback name, the bound host or the address the connection arrived
   * at, on the port it arrived at (any port when there is no socket, as in `app.request`), or a host the operator added.
   */
  allows(host: HostAndPort, local: LocalEnd = {}): boolean {
    const port = host.port ?? 80;
    const localAddress = local.address === undefined ? null : canonicalHostname(local.address);
    const own = localAddress === null ? this.fixed : [...this.fixed, { hostname: localAddress, port: null }];
    if (own.some((rule) => sameHost(rule.hostname, host.hostname)) && (local.port === undefined || port === local.port))
      return true;
    return this.added.some(
      (rule) =>
        sameHost(rule.hostname, host.hostname) &&
        (rule.port === null || rule.port === port || (host.port === null && DEFAULT_PORTS.includes(rule.port))),
    );
  }
}
