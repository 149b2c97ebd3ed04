import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { BindRefusedError, decideBind } from './bind-policy.js';
import { isTokenProtected } from './token-auth.js';

/** Where to listen. */
export interface ListenOptions {
  /** Port; 0 picks a free one (default 0). */
  port?: number;
  /** Interface to bind (default 127.0.0.1: only this machine can connect). */
  host?: string;
}

/** A listening server: its base URL and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Starts an HTTP server for the app and resolves once it listens. Rejects when the port is taken, and with a
 * BindRefusedError when the host is beyond loopback and the app was built without a token (see `decideBind`).
 */
export function startServer(app: Hono, options: ListenOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const decision = decideBind({ host, hasToken: isTokenProtected(app) });
  if (!decision.allowed) return Promise.reject(new BindRefusedError(decision.reason));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, (info: AddressInfo) => {
      server.off('error', reject);
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close((error) => (error ? fail(error) : done()));
          }),
      });
    });
    server.once('error', reject);
  });
}
