/**
 * The feed and source parser (`parseSource`): RSS, RDF, Atom, JSON Feed, OPML, sitemaps, URL lists and JSON Lines
 * streams, seeded with the repository's invented feed fixtures and mutated (nesting, entities, CDATA, broken XML).
 * Checks: only a FeedParseError with a clear message is thrown; warnings are clear; every address it returns is an
 * absolute http(s) address, as its contract says (they are fetched next).
 */
import { parseSource } from '../../../src/engine/feeds/parse-source.js';
import { FeedParseError, type ParsedSource } from '../../../src/engine/feeds/types.js';
import { fixtureRefs } from '../corpus.js';
import { OK, problem, type Verdict } from '../verdict.js';
import { textParserTarget } from './text-parser.js';

/** The name the source goes by in messages. */
const SOURCE = 'https://news.example/feed';

/** What the target returns: the parse, or its error as a failure to check. */
type Parsed = { source: ParsedSource; failures: []; notes: { source: string; message: string }[] };

/** Parses the text as a fetched source; a FeedParseError is that source's failure, anything else a crash. */
function parse(text: string): Parsed | { failures: { source: string; message: string }[] } {
  try {
    const source = parseSource(Buffer.from(text, 'utf8'), { url: SOURCE, name: SOURCE });
    // Warnings are about the source already named by the caller: they need only be clear.
    return { source, failures: [], notes: source.warnings.map((w) => ({ source: '', message: w.message })) };
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    return { failures: [{ source: SOURCE, message: error.message }] };
  }
}

/** True for an absolute http(s) address. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.href === value;
  } catch {
    return false;
  }
}

/** Every address of the parse is absolute http(s) (entries may have none). */
function checkAddresses(parsed: Parsed | { failures: unknown[] }): Verdict {
  if (!('source' in parsed)) return OK;
  const { entries, feeds } = parsed.source;
  const bad =
    entries.find((e) => e.url !== null && !isWebAddress(e.url))?.url ??
    feeds.find((f) => !isWebAddress(f.url) || (f.siteUrl !== null && !isWebAddress(f.siteUrl)))?.url;
  return bad === undefined
    ? OK
    : problem('invalid-output', `an address that is not absolute http(s): ${bad.slice(0, 200)}`);
}

/** The feeds target. */
export const feedsTarget = textParserTarget({
  name: 'feeds',
  weight: 2,
  seedRefs: fixtureRefs('feeds'),
  parse,
  check: checkAddresses,
});
