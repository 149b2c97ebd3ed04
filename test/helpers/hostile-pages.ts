import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of a local test web server. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** Pages that test a fetcher's limits: one that never answers, an endless body, and a lying Content-Length. */
export const LIMIT_ROUTES: Record<'/slow' | '/endless' | '/declared-huge', Route> = {
  '/slow': () => {
    // Never answers: the client's time limit must end the request.
  },
  '/endless': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const push = (): void => {
      if (!res.destroyed && res.write(chunk)) setImmediate(push);
      else if (!res.destroyed) res.once('drain', push);
    };
    push();
  },
  '/declared-huge': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
    res.write('<p>start</p>');
  },
};

/** A port on 127.0.0.1 that nothing listens on (it was just free), for refused connections. */
export async function closedPort(): Promise<number> {
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((done) => closed.close(done));
  return port;
}
