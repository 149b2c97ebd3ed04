import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parallax</title></head>
<body><main><h1>Parallax</h1>
<p>The web page is not built yet. Run <code>npx vite build web</code> (or <code>npm start</code>), then reload.</p>
<p>The API is up: <a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</main></body></html>`;

/**
 * Serves the built web page (`web/dist`) for every non-API GET. The folder is looked up per request until it exists,
 * so a build made after the server started is picked up; until then `/` explains how to build it.
 */
export function staticWebUi(root: string): MiddlewareHandler {
  let serve: MiddlewareHandler | null = null;
  return async function serveWebUi(c, next) {
    if (c.req.path.startsWith('/api/')) return next();
    if (!serve && existsSync(join(root, 'index.html'))) serve = serveStatic({ root });
    if (serve) return serve(c, next);
    if (c.req.path === '/' || c.req.path === '/index.html') return c.html(NOT_BUILT_PAGE);
    return next();
  };
}
