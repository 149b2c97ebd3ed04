/**
 * The safety and well-formedness checks an XML source passes before its parser sees it. Entities declared in a DOCTYPE
 * are never expanded (feedsmith and our sitemap reader leave them as text, which defeats "billion laughs" and
 * quadratic blow-up); a declaration of an external entity (a file or a URL the parser would be asked to read) refuses
 * the source outright. Well-formedness is checked with fast-xml-parser's validator: a feed that breaks the rules may
 * still be read by the lenient parser, and the problem is then a warning rather than an error.
 */
import { XMLValidator } from 'fast-xml-parser';
import { parserReason } from './parser-reason.js';
import { FeedParseError } from './types.js';
import type { WarningLog } from './warning-log.js';

/** How much of the start of a source is searched for DOCTYPEs. */
const DOCTYPE_SEARCH_CHARS = 256 * 1024;
const DOCTYPE = /<!DOCTYPE/gi;
const SUBSET_OPEN_OR_END = /[[>]/g;
const SUBSET_CLOSE = /\]\s*>/g;

/**
 * The internal subsets (`[...]`) of the DOCTYPEs near the start of the text, each found by searching forward from the
 * last: one pass over the text. (One regular expression such as `/<!DOCTYPE[^[>]*\[([\s\S]*?)\]\s*>/` rescans the
 * rest of the text from every `<!DOCTYPE ... [` that is never closed: 16,000 of them took 2 s.)
 */
function* internalSubsets(text: string): Generator<string> {
  const head = text.slice(0, DOCTYPE_SEARCH_CHARS);
  DOCTYPE.lastIndex = 0;
  for (let doctype = DOCTYPE.exec(head); doctype; doctype = DOCTYPE.exec(head)) {
    SUBSET_OPEN_OR_END.lastIndex = DOCTYPE.lastIndex;
    const open = SUBSET_OPEN_OR_END.exec(head);
    if (!open) return;
    if (open[0] === '>') {
      DOCTYPE.lastIndex = open.index + 1;
      continue;
    }
    SUBSET_CLOSE.lastIndex = open.index + 1;
    const close = SUBSET_CLOSE.exec(head);
    // A subset never closed: no later one can close either.
    if (!close) return;
    yield head.slice(open.index + 1, close.index);
    DOCTYPE.lastIndex = SUBSET_CLOSE.lastIndex;
  }
}
const ENTITY = /<!ENTITY\s+(%\s+)?([^\s>]+)\s+(SYSTEM|PUBLIC)?/gi;

/** The well-formedness problem of an XML text ("line 3, column 7: ..."), or null when it is well-formed. */
function xmlProblem(text: string): string | null {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (result === true) return null;
  const { line, col, msg } = result.err;
  return `line ${line}, column ${col}: ${parserReason(msg)}`;
}

/**
 * Refuses external and parameter entities, and notes internal ones as ignored. Only the start of the text is
 * searched: a DOCTYPE comes before the root element.
 */
function checkEntities(text: string, source: string, log: WarningLog): void {
  let count = 0;
  for (const m of [...internalSubsets(text)].flatMap((subset) => [...subset.matchAll(ENTITY)])) {
    if (m[1] || m[3]) {
      const what = m[1] ? 'a parameter entity' : 'an external entity';
      throw new FeedParseError(
        'external-entity',
        `${source}: declares ${what} (${m[2]}) in its DOCTYPE; such sources are refused (they can make a parser read files or addresses)`,
      );
    }
    count++;
  }
  if (count > 0) {
    log.noteSource(
      'entity-declarations-ignored',
      `declares ${count} entit${count === 1 ? 'y' : 'ies'} in its DOCTYPE; they are not expanded (left as written)`,
    );
  }
}

/**
 * The checks of an XML source before parsing: entities (refused or noted) and well-formedness. Returns the
 * well-formedness problem, for the caller to name in its error when the parser fails too; `noteRecovered` records it
 * as a warning when the parser succeeds anyway.
 */
export function checkXmlSource(text: string, source: string, log: WarningLog): string | null {
  checkEntities(text, source, log);
  return xmlProblem(text);
}

/** Notes that a malformed source was read all the same (nothing when it was well-formed). */
export function noteRecovered(log: WarningLog, problem: string | null): void {
  if (problem) log.noteSource('malformed-xml-recovered', `the XML is malformed (${problem}); read what could be read`);
}
