import { PoliteFetcher } from '../fetch/polite-fetcher.js';
import { parallaxUserAgent } from '../fetch/user-agent.js';
import { packageVersion } from '../version.js';
import type { ResolvedStreamOptions } from './stream-options.js';

/** The polite fetcher of feeds and pages with the stream's settings (user agent, limits, robots.txt, addresses). */
export function streamFetcher(opt: ResolvedStreamOptions, version: string = packageVersion()): PoliteFetcher {
  return new PoliteFetcher({
    userAgent: opt.userAgent ?? parallaxUserAgent({ version }),
    timeoutMs: opt.timeoutMs,
    maxBytes: Math.max(opt.maxFeedBytes, opt.maxPageBytes),
    hostLimits: opt.hostLimits,
    retry: opt.retry,
    respectRobots: opt.respectRobots,
    ...(opt.allowPrivate ? { allowPrivate: true } : {}),
    ...(opt.allowRanges.length > 0 ? { allowRanges: opt.allowRanges } : {}),
  });
}
