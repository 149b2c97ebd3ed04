/**
 * robots.txt, read once per site and kept for a while (RFC 9309): a 2xx answer gives the rules (parsed by
 * robots-parser), a 4xx answer means no rules (everything allowed), and a 5xx answer, a 429 or no answer means the site
 * cannot say, so nothing is fetched from it until robots.txt is tried again after a shorter wait.
 */
import robotsParserModule from 'robots-parser';
import type { Clock } from './clock.js';
import { ROBOTS_TOKEN } from './user-agent.js';

/** The parsed rules of one robots.txt (the package's `Robot`). */
export interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS whose types declare an ES default export; at run time the default import is the function.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => RobotsRules;

/** What a site's robots.txt says, as remembered. */
export type RobotsEntry =
  | { kind: 'rules'; rules: RobotsRules; expiresAt: number }
  | { kind: 'allow-all'; status: number; expiresAt: number }
  | { kind: 'unreachable'; reason: string; expiresAt: number };

/** The answer to "may this URL be fetched?". */
export type RobotsVerdict =
  | { allowed: true; crawlDelayMs: number | null }
  | { allowed: false; reason: 'disallowed' | 'unreachable'; message: string; retryAt: number | null };

/** What fetching a robots.txt gave: a response, or a failure to get one. */
export type RobotsFetchResult = { status: number; body: Uint8Array } | { failed: string };

/** Settings of the robots cache. */
export interface RobotsOptions {
  /** Fetches a robots.txt URL (through the polite fetcher, so it counts against its host). */
  fetchRobots: (robotsUrl: string) => Promise<RobotsFetchResult>;
  clock: Clock;
  /** How long rules (or their absence) are kept (default 24 h, the RFC's ceiling). */
  ttlMs?: number;
  /** How long a site whose robots.txt could not be read is left alone before trying again (default 15 min). */
  unreachableTtlMs?: number;
  /** The product token matched against User-agent lines (default "Parallax"). */
  token?: string;
  /** Longest Crawl-delay honoured; a longer one is capped (default 60 s). */
  maxCrawlDelayMs?: number;
  /** Sites remembered at most (default 10,000; the oldest are forgotten first). */
  maxEntries?: number;
}

/** The robots.txt address for a URL's site (scheme, host and port). */
export function robotsUrlOf(url: URL): string {
  return `${url.origin}/robots.txt`;
}

/** Reads a robots.txt answer into an entry (pure: the time comes in). */
export function robotsEntry(input: {
  robotsUrl: string;
  result: RobotsFetchResult;
  now: number;
  ttlMs: number;
  unreachableTtlMs: number;
}): RobotsEntry {
  const { robotsUrl, result, now } = input;
  if ('failed' in result)
    return { kind: 'unreachable', reason: result.failed, expiresAt: now + input.unreachableTtlMs };
  const { status } = result;
  if (status >= 200 && status < 300) {
    const text = new TextDecoder('utf-8').decode(result.body);
    return { kind: 'rules', rules: robotsParser(robotsUrl, text), expiresAt: now + input.ttlMs };
  }
  if (status === 429 || status >= 500) {
    return {
      kind: 'unreachable',
      reason: `robots.txt answered HTTP ${status}`,
      expiresAt: now + input.unreachableTtlMs,
    };
  }
  // 4xx (and anything else that is not an answer with rules): the site states no rules.
  return { kind: 'allow-all', status, expiresAt: now + input.ttlMs };
}

/** Decides from an entry whether a URL may be fetched (pure). */
export function robotsVerdict(entry: RobotsEntry, url: string, token: string, maxCrawlDelayMs: number): RobotsVerdict {
  if (entry.kind === 'unreachable') {
    const message = `robots.txt could not be read (${entry.reason}); the site is left alone until it can`;
    return { allowed: false, reason: 'unreachable', message, retryAt: entry.expiresAt };
  }
  if (entry.kind === 'allow-all') return { allowed: true, crawlDelayMs: null };
  if (entry.rules.isAllowed(url, token) === false) {
    return { allowed: false, reason: 'disallowed', message: 'robots.txt disallows this address', retryAt: null };
  }
  const delay = entry.rules.getCrawlDelay(token);
  const crawlDelayMs = typeof delay === 'number' && delay > 0 ? Math.min(delay * 1000, maxCrawlDelayMs) : null;
  return { allowed: true, crawlDelayMs };
}

/** robots.txt per site, fetched on first need and again when expired; one fetch per site at a time. */
export class RobotsCache {
  private readonly entries = new Map<string, RobotsEntry>();
  private readonly pending = new Map<string, Promise<RobotsEntry>>();
  private readonly settings: Required<Omit<RobotsOptions, 'fetchRobots' | 'clock'>>;

  constructor(private readonly options: RobotsOptions) {
    this.settings = {
      ttlMs: options.ttlMs ?? 24 * 3600_000,
      unreachableTtlMs: options.unreachableTtlMs ?? 15 * 60_000,
      token: options.token ?? ROBOTS_TOKEN,
      maxCrawlDelayMs: options.maxCrawlDelayMs ?? 60_000,
      maxEntries: options.maxEntries ?? 10_000,
    };
  }

  /** May `url` be fetched, and with what delay? */
  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entryFor(robotsUrlOf(url));
    return robotsVerdict(entry, url.href, this.settings.token, this.settings.maxCrawlDelayMs);
  }

  private async entryFor(robotsUrl: string): Promise<RobotsEntry> {
    const known = this.entries.get(robotsUrl);
    if (known && known.expiresAt > this.options.clock.now()) return known;
    const running = this.pending.get(robotsUrl);
    if (running) return running;
    const load = this.load(robotsUrl).finally(() => this.pending.delete(robotsUrl));
    this.pending.set(robotsUrl, load);
    return load;
  }

  private async load(robotsUrl: string): Promise<RobotsEntry> {
    const result = await this.options.fetchRobots(robotsUrl);
    const entry = robotsEntry({ robotsUrl, result, now: this.options.clock.now(), ...this.settings });
    this.entries.delete(robotsUrl);
    this.entries.set(robotsUrl, entry);
    // Maps keep insertion order: the first key is the site read longest ago.
    if (this.entries.size > this.settings.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
