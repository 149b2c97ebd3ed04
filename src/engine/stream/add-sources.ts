/**
 * What the user hands the stream: addresses and files. An address is a feed to poll (a page that links its feeds is
 * replaced by them at its first poll); a subscription list (OPML) or a sitemap index adds its feeds; a file of
 * addresses, one a line, may list feeds or article pages, so each is probed (fetched once: a feed becomes a feed to
 * poll, a page an article); a feed file, a news sitemap or a JSON Lines article stream queues its articles. Each
 * source's problems are reported for that source and the others go on.
 */
import { stat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { canonicalUrl } from '../../core/stream/canonical-url.js';
import { parseSource } from '../feeds/parse-source.js';
import { FeedParseError, type FeedRef, type ParsedSource } from '../feeds/types.js';
import { formatBytes } from '../inputs/options.js';
import type { QueueEntry, StreamRepository } from '../storage/stream-repository.js';
import { addressEntry } from './entry-keys.js';
import { newFeeds } from './new-feeds.js';
import { queueEntries } from './queue-entries.js';

/** Largest source file read (a JSON Lines stream of many articles). */
export const MAX_SOURCE_FILE_BYTES = 512 * 1024 * 1024;
/** Most entries read from one source file. */
export const MAX_SOURCE_FILE_ENTRIES = 1_000_000;
/** Entries queued per transaction. */
const QUEUE_BATCH = 1_000;

/** A problem with one source (it was skipped or partly read). */
export interface SourceProblem {
  source: string;
  level: 'error' | 'warning';
  message: string;
}

/** What adding sources did. */
export interface AddedSources {
  feedsAdded: string[];
  /** Articles and addresses queued. */
  queued: number;
  /** Entries skipped: already stored and unchanged, already queued, or given up on before. */
  skipped: number;
  problems: SourceProblem[];
}

/** How sources are added. */
export interface AddSourcesOptions {
  repo: StreamRepository;
  /** Folder relative paths start from. */
  cwd: string;
  now: number;
}

/** True for an http(s) address. */
function isAddress(spec: string): boolean {
  return /^https?:\/\//i.test(spec.trim());
}

/** An address as a feed's: absolute http(s) without credentials (its spelling kept), or null. */
function feedAddress(spec: string): string | null {
  try {
    const url = new URL(spec.trim());
    return url.username || url.password ? null : url.href;
  } catch {
    return null;
  }
}

/** The probe queue entry of an address the user gave. */
function probeEntry(url: string, source: string): QueueEntry | null {
  const key = canonicalUrl(url);
  if (key === null) return null;
  const entry = addressEntry(url);
  return { urlKey: key, kind: 'probe', feedId: null, source, entry, useEntryContent: false, signature: 'probe' };
}

/** Adds the user's sources to the stream. */
export async function addSources(specs: readonly string[], options: AddSourcesOptions): Promise<AddedSources> {
  const result: AddedSources = { feedsAdded: [], queued: 0, skipped: 0, problems: [] };
  const probes: QueueEntry[] = [];
  const at = new Date(options.now).toISOString();
  const addFeeds = async (refs: readonly Pick<FeedRef, 'url' | 'title'>[]) => {
    const { added } = await options.repo.addFeeds(newFeeds(refs, options.now));
    result.feedsAdded.push(...added.map((f) => f.url));
  };
  const queue = async (entries: readonly QueueEntry[]) => {
    for (let i = 0; i < entries.length; i += QUEUE_BATCH) {
      result.queued += await options.repo.enqueue(entries.slice(i, i + QUEUE_BATCH), at);
    }
  };
  for (const spec of specs) {
    if (isAddress(spec)) {
      const url = feedAddress(spec);
      if (url) await addFeeds([{ url, title: null }]);
      else result.problems.push({ source: spec, level: 'error', message: `${spec}: not a valid address` });
      continue;
    }
    const source = await readSourceFile(spec, options.cwd).catch((error: unknown) => {
      const message =
        error instanceof FeedParseError || error instanceof SourceFileError ? error.message : String(error);
      result.problems.push({ source: spec, level: 'error', message });
      return null;
    });
    if (!source) continue;
    for (const w of source.warnings)
      result.problems.push({ source: spec, level: 'warning', message: `${spec}: ${w.message}` });
    if (source.kind === 'opml' || source.kind === 'sitemap-index') await addFeeds(source.feeds);
    else if (source.kind === 'url-list') {
      for (const e of source.entries) {
        const probe = e.url ? probeEntry(e.url, spec) : null;
        if (probe) probes.push(probe);
      }
    } else {
      const entries = await queueEntries(options.repo, source.entries, {
        feedId: null,
        source: spec,
        kind: source.kind,
        now: options.now,
      });
      result.skipped += entries.skipped;
      await queue(entries.queue);
    }
  }
  await queue(await unknownProbes(options.repo, probes, result));
  return result;
}

/** Probes of addresses that are neither feeds nor articles already. */
async function unknownProbes(
  repo: StreamRepository,
  probes: readonly QueueEntry[],
  result: AddedSources,
): Promise<QueueEntry[]> {
  const feedUrls = new Set((await repo.listFeeds()).map((f) => f.url));
  const known = await repo.findAddresses(probes.map((p) => p.urlKey));
  const fresh = probes.filter((p) => !feedUrls.has(p.entry.url ?? '') && !known.has(p.urlKey));
  result.skipped += probes.length - fresh.length;
  return fresh;
}

/** A source file that cannot be read at all. */
export class SourceFileError extends Error {
  override name = 'SourceFileError';
}

/** Reads and parses a source file (checked to be a regular file within the size limit). */
async function readSourceFile(path: string, cwd: string): Promise<ParsedSource> {
  const full = resolve(cwd, path);
  let size: number;
  try {
    const info = await stat(full);
    if (!info.isFile()) throw new SourceFileError(`${path}: not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof SourceFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new SourceFileError(`${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'cannot be read')}`);
  }
  if (size > MAX_SOURCE_FILE_BYTES) {
    throw new SourceFileError(
      `${path}: ${formatBytes(size)} is over the size limit of ${formatBytes(MAX_SOURCE_FILE_BYTES)}`,
    );
  }
  const bytes = await readFile(full);
  return parseSource(bytes, {
    name: path,
    limits: { maxBytes: MAX_SOURCE_FILE_BYTES, maxEntries: MAX_SOURCE_FILE_ENTRIES },
  });
}
