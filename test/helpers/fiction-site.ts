/**
 * A real local HTTP server (127.0.0.1, a free port) serving fictional feeds and pages from a route table that a test
 * changes as it goes: ETags answered with 304, redirects, slow and failing paths. It counts the requests per path.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One path's answer. */
export interface Route {
  status?: number;
  body?: string;
  contentType?: string;
  /** Sent as ETag; a request with the same If-None-Match gets 304. */
  etag?: string;
  /** Sent as Location (with a 301 unless `status` says otherwise). */
  redirect?: string;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Answers by hand instead (the hit number counts from 1). */
  handle?: (req: IncomingMessage, res: ServerResponse, hit: number) => void;
}

/** A local site with a mutable route table. */
export class FictionSite {
  private server: Server | null = null;
  /** `http://127.0.0.1:PORT`. */
  base = '';
  readonly routes = new Map<string, Route>();
  readonly hits = new Map<string, number>();
  /** Request headers, in order. */
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];

  /** Starts listening on a free port. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Stops, cutting open connections. */
  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((done) => this.server!.close(done));
    this.server = null;
  }

  /** The absolute address of a path on this site. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** Sets a path's answer. */
  set(path: string, route: Route): void {
    this.routes.set(path, route);
  }

  /** Requests made to a path so far. */
  hitsOf(path: string): number {
    return this.hits.get(path) ?? 0;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0]!;
    const hit = (this.hits.get(path) ?? 0) + 1;
    this.hits.set(path, hit);
    this.requests.push({ path, headers: req.headers });
    const route = this.routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
      return;
    }
    const send = () => {
      if (route.handle) return route.handle(req, res, hit);
      if (route.redirect) {
        res.writeHead(route.status ?? 301, { location: route.redirect }).end();
        return;
      }
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      res
        .writeHead(route.status ?? 200, {
          'content-type': route.contentType ?? 'text/html; charset=utf-8',
          ...(route.etag ? { etag: route.etag } : {}),
        })
        .end(route.body ?? '');
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  }
}
