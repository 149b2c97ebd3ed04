import type { Embed, Removal } from '../model.js';
import { runLineRules } from './clean/run-line-rules.js';
import type { LineDecision } from './clean/rule.js';
import { extractEmbeds } from './embeds.js';
import { codePoints, countLetters } from './count-letters.js';
import { detectLanguage } from './language.js';
import { lineFeatures, tagLines } from './line-features.js';
import { splitLines, type Line } from './lines.js';
import type { StoryTerms } from './story-context.js';
import type { RunContext } from '../run-context.js';

/** Options of the line cleaner. */
export interface CleanOptions {
  /** Content-stem counts of the other articles of the story. */
  storyTerms: StoryTerms;
  knownTitle: string | null;
  /** The run's context (its memo of line stems). */
  ctx: RunContext;
}

/** The cleaned body and everything taken out of it, line by line. */
export interface CleanedText {
  /** Kept lines joined as paragraphs ("\n\n"). */
  text: string;
  removed: Removal[];
  embeds: Embed[];
  /** Removed lines by reason, in input order (for metadata: title, byline, stamps, outlet signals). */
  removedLines: { line: Line; decision: LineDecision }[];
}

/** Everything but letters of the Latin script. */
const NOT_LATIN_LETTERS = /[^\p{Script=Latin}]+|[^\p{L}]+/gu;

/** True when the body is English, or of unknown language but in Latin script (the tagger's verbs can be trusted). */
function isEnglish(body: string): boolean {
  const language = detectLanguage(body);
  if (language !== null) return language === 'en';
  const letters = countLetters(body);
  const latin = codePoints(body.replace(NOT_LATIN_LETTERS, ''));
  return letters === 0 || latin / letters >= 0.9;
}

/**
 * Cleans a plain-text body: splits it into lines, takes out embedded posts, runs the line rules, and joins the kept
 * lines into paragraphs. Every input line ends up either in `text` or in `removed`.
 */
export function cleanText(body: string, options: CleanOptions): CleanedText {
  const lines = splitLines(body);
  const english = isEnglish(body);
  const tagged = english ? tagLines(lines, options.ctx) : [];
  const features = lines.map((l, k) => lineFeatures(l, english, tagged[k], options.ctx));
  const { embeds, decisions: initial } = extractEmbeds(lines);
  const decisions = runLineRules({
    lines,
    features,
    initial,
    storyTerms: options.storyTerms,
    knownTitle: options.knownTitle,
    ctx: options.ctx,
  });
  const kept: string[] = [];
  const removed: Removal[] = [];
  const removedLines: CleanedText['removedLines'] = [];
  for (const line of lines) {
    const decision = decisions.get(line.index);
    if (!decision) {
      kept.push(line.text);
      continue;
    }
    removed.push({ text: line.text, reason: decision.reason, rule: decision.rule, detail: decision.detail });
    removedLines.push({ line, decision });
  }
  return { text: kept.join('\n\n'), removed, embeds, removedLines };
}
