import { Hono } from 'hono';
import { diffVersions } from '../../core/stream/version-diff.js';
import type { StreamRepository } from '../../engine/storage/stream-repository.js';
import { ApiError, badRequest } from '../api-error.js';
import { queryOf } from '../query-params.js';

/** Longest cleaned text a diff is computed for (it runs on the request's thread; news articles are far shorter). */
export const MAX_DIFF_CHARS = 400_000;

/** `/api/articles`: a stream article with its versions and addresses, one version, and what changed between two. */
export function articleRoutes(stream: StreamRepository) {
  const requireArticle = async (id: string) => {
    const article = await stream.getArticle(id);
    if (!article) throw new ApiError(404, 'not-found', `no article with id "${id}"`);
    return article;
  };

  const versionParam = (value: string | undefined, name: string, fallback: number): number => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 1) throw badRequest(`"${name}" must be a version number (1, 2, ...)`);
    return n;
  };

  return new Hono()
    .get('/:id', async (c) => c.json({ article: await requireArticle(c.req.param('id')) }))
    .get('/:id/versions/:version', queryOf<'raw'>(), async (c) => {
      const id = c.req.param('id');
      const number = versionParam(c.req.param('version'), 'version', 1);
      const version = await stream.getVersion(id, number);
      if (!version) throw new ApiError(404, 'not-found', `article "${id}" has no version ${number}`);
      // The raw page is large and rarely wanted: only on request.
      const { content: _content, ...rest } = version;
      return c.json({ articleId: id, version: c.req.query('raw') === '1' ? version : rest });
    })
    .get('/:id/diff', queryOf<'from' | 'to'>(), async (c) => {
      const article = await requireArticle(c.req.param('id'));
      const latest = article.versions.at(-1)?.version ?? 1;
      const to = versionParam(c.req.query('to'), 'to', latest);
      const from = versionParam(c.req.query('from'), 'from', Math.max(1, to - 1));
      const [older, newer] = await Promise.all([
        stream.getVersion(article.id, from),
        stream.getVersion(article.id, to),
      ]);
      if (!older || !newer) throw new ApiError(404, 'not-found', `article "${article.id}" has versions 1 to ${latest}`);
      if (older.text.length > MAX_DIFF_CHARS || newer.text.length > MAX_DIFF_CHARS) {
        throw new ApiError(
          413,
          'payload-too-large',
          `the versions are too long to compare (over ${MAX_DIFF_CHARS} characters)`,
        );
      }
      const side = (v: typeof older) => ({ version: v.version, fetchedAt: v.fetchedAt, title: v.title });
      return c.json({
        articleId: article.id,
        from: side(older),
        to: side(newer),
        diff: diffVersions({ title: older.title, text: older.text }, { title: newer.title, text: newer.text }),
      });
    });
}
