import { isLoopbackHost } from './host-names.js';

/** Whether the server may listen on a host, and what to tell the operator. */
export type BindDecision =
  /** Allowed; `notice` is a one-line remark for the operator when the server is reachable from other machines. */
  | { allowed: true; notice: string | null }
  /** Refused, with the reason and the way out. */
  | { allowed: false; reason: string };

/**
 * The listening rule: loopback (`localhost`, 127.0.0.0/8, `::1`) is always allowed; any other host makes the server
 * reachable from other machines, where anyone could read and change the library, so it needs an API token.
 */
export function decideBind(options: { host: string; hasToken: boolean }): BindDecision {
  if (isLoopbackHost(options.host)) return { allowed: true, notice: null };
  if (!options.hasToken) {
    return {
      allowed: false,
      reason:
        `refusing to listen on ${options.host} without an access token: other machines could read and change the ` +
        'library. Set one with --token TOKEN or PARALLAX_TOKEN (e.g. openssl rand -hex 32), or listen on 127.0.0.1',
    };
  }
  return {
    allowed: true,
    notice:
      `listening on ${options.host}, reachable from other machines: every API request needs the token; ` +
      'put a TLS proxy in front before it crosses an untrusted network',
  };
}

/** Thrown by `startServer` when asked to listen beyond loopback with an app that has no token. */
export class BindRefusedError extends Error {
  override name = 'BindRefusedError';
}
