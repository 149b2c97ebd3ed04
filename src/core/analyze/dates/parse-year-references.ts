import type { Parser, ParsingContext } from 'chrono-node';

/**
 * A bare year is a date only in a date-like slot: after a preposition or determiner ("in 2014", "since 1997",
 * "the 2014 war"). A four-digit number elsewhere ("2000 people") is a count, so the prefix is required, and counted
 * nouns right after it rule it out.
 */
const YEAR_PATTERN =
  /\b(in|since|by|until|till|before|after|during|from|through|around|circa|of|early|late|mid-|the|and|to|between|his|her|their|its|our|my|this|that)\s+((?:1[6-9]|20)\d{2})(?:['’]s)?\b(?![-/–]\d)(?![,.]\d)(?!\s+(?:people|persons|others|more|of|men|women|children|troops|soldiers|rockets|votes|homes|dollars|euros|pounds)\b)/i;

/** Prefixes kept in the expression ("since 1997"); the others ("the 2014 war") only locate it. */
export const KEPT_YEAR_PREFIX = /^(?:in|since|by|until|till|before|after|during|from|through|around|circa)\s/i;

/**
 * A chrono parser for bare year references ("in 2014", "since 1997", "the 2014 war"), precision year. The match
 * carries its prefix so that chrono's filter of bare numbers leaves it alone; `trimDateSpan` drops the prefixes that
 * are not part of the expression.
 */
export const yearReferenceParser: Parser = {
  pattern(): RegExp {
    return YEAR_PATTERN;
  },
  extract(context: ParsingContext, match: RegExpMatchArray) {
    const result = context.createParsingResult(match.index ?? 0, match[0], { year: Number(match[2]) });
    result.addTag('parser/yearReference');
    return result;
  },
};
