import * as chrono from 'chrono-node';
import { boundParserLookBacks, boundRefinerLookBacks } from '../../nlp/bound-chrono-scans.js';
import { dropUnlikelyDates } from './drop-unlikely-dates.js';
import { yearReferenceParser } from './parse-year-references.js';
import { resolveWeekdays } from './resolve-weekdays.js';
import { skipParsersWithoutCues } from './skip-parsers-without-cues.js';

/**
 * The one parser of the process: a stateless library object (its parse reads only the text and the reference instant
 * given per call), built on first use; per-run data never lives here.
 */
let instance: chrono.Chrono | undefined;

/**
 * The news date parser: chrono's casual English configuration, cloned so that the shared default stays untouched, plus
 * a parser for bare years and refiners that read weekdays backward and drop phrases that are not dates. Parsers whose
 * pattern cannot match a text (none of the words it needs occurs) are skipped for that text.
 */
export function newsDateParser(): chrono.Chrono {
  if (instance) return instance;
  const parser = chrono.casual.clone();
  parser.parsers.push(yearReferenceParser);
  parser.parsers = skipParsersWithoutCues(boundParserLookBacks(parser.parsers));
  parser.refiners = boundRefinerLookBacks(parser.refiners);
  parser.refiners.push(dropUnlikelyDates, resolveWeekdays);
  instance = parser;
  return parser;
}
