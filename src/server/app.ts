import { join } from 'node:path';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { formatBytes } from '../engine/inputs/options.js';
import { parallaxPackage } from '../engine/package-root.js';
import { reportSchema } from '../engine/validate-report.js';
import { packageVersion } from '../engine/version.js';
import type { StoryRepository } from '../engine/storage/story-repository.js';
import type { StreamRepository } from '../engine/storage/stream-repository.js';
import type { RatingsIndex } from '../core/stream/coverage-split.js';
import { StoryService, type StoryLimits } from '../engine/stories.js';
import type { AnalysisPool } from '../engine/workers/analysis-pool.js';
import type { PoolOptions } from '../engine/workers/budget-options.js';
import { poolFor } from '../engine/workers/shared-pool.js';
import { ApiError } from './api-error.js';
import { backPressure } from './back-pressure.js';
import { createErrorHandler, type ErrorLogger } from './error-handler.js';
import { hostCheck } from './host-check.js';
import { buildOpenApiDocument } from './openapi.js';
import { ReportResponseCache } from './report-cache.js';
import { queueHealth, queueRoutes, type QueueView } from './routes/queue.js';
import { articleRoutes } from './routes/articles.js';
import { feedRoutes } from './routes/feeds.js';
import { searchRoutes } from './routes/search.js';
import { streamStoryRoutes } from './routes/stream-stories.js';
import { sameOriginCheck } from './same-origin-check.js';
import { storyRoutes } from './routes/stories.js';
import { securityHeaders } from './security-headers.js';
import { staticWebUi } from './static-web-ui.js';
import { markTokenProtected, tokenAuth } from './token-auth.js';

/** Default size limit of a JSON request body: 10 MB. */
export const DEFAULT_MAX_JSON_BYTES = 10 * 1024 * 1024;
/** Default size limit of a multipart (upload) request body: 25 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The server's limits: request bodies here, articles in the story service. Every field has a default. */
export interface ServerLimits extends StoryLimits {
  /** Size limit of a JSON body in bytes (default 10 MB). */
  maxJsonBytes: number;
  /** Size limit of a multipart body (all uploads and fields together) in bytes (default 25 MB). */
  maxUploadBytes: number;
}

/**
 * How to build the app. Analysis runs on worker threads under per-job budgets (`workers`, `jobTimeoutMs`,
 * `jobMemoryMb`, see docs/security.md), or on the caller's `pool` (which the caller closes).
 */
export interface AppOptions extends PoolOptions {
  repo: StoryRepository;
  /** The stream of the same library: adds the feed, article and stream story routes (absent: they answer 404). */
  stream?: StreamRepository;
  /** Outlet ratings (the user's file, `--ratings`): stories then carry their coverage by lean. */
  ratings?: RatingsIndex;
  limits?: Partial<ServerLimits>;
  /** The worker pool analysis runs on (default: a shared pool for the budgets given here). */
  pool?: AnalysisPool;
  /** Analysis requests that may wait while every worker is busy (default 8); past it they get 503 + Retry-After. */
  maxQueue?: number;
  /** Folder of the built web page (default `web/dist` of the package). */
  webRoot?: string;
  /** Version reported by `/api/health` and written into reports (default: the package's). */
  version?: string;
  /** Where unexpected errors go (default `console.error`). */
  logError?: ErrorLogger;
  /** Clock for story timestamps (tests pin it). */
  now?: () => Date;
  /** Fetch URLs on private, loopback and other non-public addresses too (default false: they are refused). */
  allowPrivateUrls?: boolean;
  /** Non-public addresses or CIDR ranges that may be fetched all the same (default none). */
  allowPrivateRanges?: readonly string[];
  /** The host the server listens on (`--host`); it is answered to besides `localhost`, `127.0.0.1` and `[::1]`. */
  boundHost?: string;
  /** More host names to answer to (`--allowed-host`): `NAME` at any port, `NAME:PORT` at that port. */
  allowedHosts?: readonly string[];
  /** When set, every API request but `GET /api/health` needs `Authorization: Bearer <token>`. */
  token?: string;
  /** The job queue (a library on PostgreSQL): `/api/queue` shows it and `/api/health` sums it up. */
  queue?: QueueView;
}

/** The default folder of the built web page: `web/dist` at the package root. */
export function defaultWebRoot(): string {
  return join(parallaxPackage().root, 'web', 'dist');
}

/** The report JSON Schema for the OpenAPI document, or undefined when the package has none. */
function loadReportSchema(): object | undefined {
  try {
    return reportSchema();
  } catch {
    return undefined;
  }
}

/** Builds the Parallax HTTP app (API + web page) over a story library. It opens no port: see `startServer`. */
export function createApp(options: AppOptions) {
  const version = options.version ?? packageVersion();
  // A server's workers yield the CPU to the thread that answers requests, unless the caller says otherwise.
  const pool = poolFor({ ...options, lowPriority: options.lowPriority ?? true });
  const service = storyService(options, version, pool);
  const limits = {
    ...service.limits,
    maxJsonBytes: options.limits?.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES,
    maxUploadBytes: options.limits?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  };
  const openApi = openApiJson(options, version, limits);
  const app = guardedApp(options);
  const admit = admission(options, pool);
  const { stream, queue } = options;
  const ratings = options.ratings ?? null;
  const storyOptions = { service, cache: new ReportResponseCache(), bodyLimit: limitBody(limits), admit, ratings };
  const resolveAlias = stream ? (id: string) => stream.resolveStory(id) : undefined;
  const now = options.now ?? (() => new Date());
  // One chain, so that the app's type carries every route (`AppType`, read by the web page's typed client). Routes of
  // a part the library lacks (no stream, no queue) are left out at run time and answer 404 below.
  const api = app
    .get('/api/health', healthRoute(version, queue))
    .route('/api/queue', queue ? queueRoutes(queue) : absent<typeof queueRoutes>())
    .get('/api/openapi.json', (c) => c.body(openApi, 200, { 'Content-Type': 'application/json; charset=UTF-8' }))
    .route('/api/stories', storyRoutes({ ...storyOptions, resolveAlias }))
    .route('/api/search', searchRoutes(service))
    .route(
      '/api/feeds',
      stream ? feedRoutes({ stream, bodyLimit: limitBody(limits), now }) : absent<typeof feedRoutes>(),
    )
    .route('/api/articles', stream ? articleRoutes(stream) : absent<typeof articleRoutes>())
    .route('/api/stream/stories', stream ? streamStoryRoutes({ stream, ratings }) : absent<typeof streamStoryRoutes>());
  api.all('/api/*', () => {
    throw new ApiError(404, 'not-found', 'no such API route');
  });
  api.use(staticWebUi(options.webRoot ?? defaultWebRoot()));
  return api;
}

/** The type of the Parallax HTTP app: every API route with its parameters and answers, for `hc<AppType>`. */
export type AppType = ReturnType<typeof createApp>;

/** Admits requests that analyze while the workers and their queue have room (503 + Retry-After past it). */
function admission(options: AppOptions, pool: AnalysisPool): MiddlewareHandler {
  return backPressure({
    workers: pool.settings.workers,
    ...(options.maxQueue !== undefined ? { maxQueue: options.maxQueue } : {}),
  });
}

/** The story service of the app, over its library and worker pool. */
function storyService(options: AppOptions, version: string, pool: AnalysisPool): StoryService {
  return new StoryService({
    repo: options.repo,
    version,
    pool,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.allowPrivateUrls !== undefined ? { allowPrivateUrls: options.allowPrivateUrls } : {}),
    ...(options.allowPrivateRanges ? { allowPrivateRanges: options.allowPrivateRanges } : {}),
  });
}

/** The OpenAPI document of this app, serialized once. */
function openApiJson(options: AppOptions, version: string, limits: ServerLimits): string {
  return JSON.stringify(
    buildOpenApiDocument({
      version,
      limits,
      tokenRequired: options.token !== undefined,
      queue: options.queue !== undefined,
      stream: options.stream !== undefined,
      ...withReportSchema(loadReportSchema()),
    }),
  );
}

/**
 * An app with the checks of who may drive the server, run before any route reads a body: the host it was reached by,
 * the page a state-changing request comes from, and the token.
 */
function guardedApp(options: AppOptions): Hono {
  const app = new Hono();
  app.use(securityHeaders());
  app.onError(createErrorHandler(options.logError ?? ((error) => console.error(error))));
  app.use(hostCheck(pickHosts(options)));
  app.use(sameOriginCheck());
  if (options.token !== undefined) {
    app.use('/api/*', tokenAuth(options.token));
    markTokenProtected(app);
  }
  return app;
}

/** `GET /api/health`: up, and with a queue the database answering is part of being up (a 503 without detail). */
function healthRoute(version: string, queue: QueueView | undefined) {
  return async (c: Context) => {
    if (!queue) return c.json({ ok: true as const, version }, 200);
    const stats = await queue.stats().catch(() => null);
    if (!stats) return c.json({ ok: false as const, version, error: 'the database does not answer' }, 503);
    return c.json({ ok: true as const, version, queue: queueHealth(stats) }, 200);
  };
}

/**
 * Routes of a part the library lacks (a stream, a queue): nothing is mounted, so they answer 404, while the app's
 * type still carries them as the API contract does.
 */
function absent<Build extends (...args: never[]) => Hono>(): ReturnType<Build> {
  return new Hono() as ReturnType<Build>;
}

/** Rejects bodies over the limit of their kind (multipart uploads have a larger one than JSON). */
function limitBody(limits: ServerLimits): MiddlewareHandler {
  const tooLarge = (kind: string, limit: number) => () => {
    const message = `the ${kind} body is over the size limit of ${formatBytes(limit)}`;
    throw new ApiError(413, 'payload-too-large', message, { limit });
  };
  const json = bodyLimit({ maxSize: limits.maxJsonBytes, onError: tooLarge('JSON', limits.maxJsonBytes) });
  const upload = bodyLimit({ maxSize: limits.maxUploadBytes, onError: tooLarge('multipart', limits.maxUploadBytes) });
  return function limitRequestBody(c, next) {
    const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
    return (multipart ? upload : json)(c, next);
  };
}

function pickHosts(options: AppOptions): { boundHost?: string; allowedHosts?: readonly string[] } {
  return {
    ...(options.boundHost === undefined ? {} : { boundHost: options.boundHost }),
    ...(options.allowedHosts === undefined ? {} : { allowedHosts: options.allowedHosts }),
  };
}

function withReportSchema(schema: object | undefined): { reportSchema?: object } {
  return schema ? { reportSchema: schema } : {};
}
