import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage } from 'node:http';
import { AllowedHosts, type AllowedHostsOptions, type LocalEnd } from './allowed-hosts.js';
import { ApiError } from './api-error.js';
import { parseHost, type HostAndPort } from './host-names.js';

/** The Node request behind a Hono context on `@hono/node-server`; absent for in-process `app.request` calls. */
function incomingOf(c: Context): IncomingMessage | undefined {
  const env: unknown = c.env;
  if (typeof env !== 'object' || env === null || !('incoming' in env)) return undefined;
  return env.incoming as IncomingMessage;
}

/**
 * The `Host` the client sent, raw: from the socket's request when there is one (the request URL may come from an
 * absolute-form target instead), else from the request.
 */
export function rawHostOf(c: Context): string {
  return incomingOf(c)?.headers.host ?? c.req.header('host') ?? new URL(c.req.url).host;
}

/** Where the request's connection arrived (address and port), when it came over a socket. */
function localEndOf(c: Context): LocalEnd {
  const socket = incomingOf(c)?.socket;
  return socket ? { address: socket.localAddress, port: socket.localPort } : {};
}

/** The parsed `Host` of a request that passed the host check. */
export function requestHostOf(c: Context): HostAndPort | null {
  return parseHost(rawHostOf(c));
}

/**
 * Answers 421 to a request whose `Host` header names a host this server does not answer to, before anything (API or
 * web page) is served: this is what defeats DNS rebinding, where a page on `evil.example` re-points its name at this
 * machine and then reads the library as "same-origin".
 */
export function hostCheck(options: AllowedHostsOptions = {}): MiddlewareHandler {
  const allowed = new AllowedHosts(options);
  return async function checkHost(c, next) {
    const raw = rawHostOf(c);
    const host = parseHost(raw);
    if (host === null || !allowed.allows(host, localEndOf(c))) {
      const shown = JSON.stringify(raw.length > 100 ? `${raw.slice(0, 100)}…` : raw);
      throw new ApiError(
        421,
        'host-not-allowed',
        `this server does not answer to the host ${shown}; ` +
          'its operator can add the name with --allowed-host (or PARALLAX_ALLOWED_HOSTS)',
      );
    }
    await next();
  };
}
