import type { Article, EntityMention, Mention } from '../../model.js';
import { articleUnits } from './article-units.js';
import { findNameRuns } from './find-name-runs.js';
import { introducedByRole, roleAfter, roleBefore } from './find-roles.js';
import { canonicalKey } from './name-key.js';
import { splitTitle } from './split-title.js';
import { mentionVotes, type TypeVotes } from './type-votes.js';
import { wordUnits, type WordUnit } from './word-units.js';
import type { ShortForm } from './resolve-short-forms.js';
import { entityRule, type EntityRule } from './entity-rules.js';
import { PLACE_HEADS } from '../../lexicon/institutions.js';
import { PLACE_NAMES } from '../../lexicon/places.js';
import type { RunContext } from '../../run-context.js';

/** One name mention of one article, before the story-level merge. */
export interface NameCandidate {
  articleId: string;
  /** The mention as written, title included ("President Joe Biden"). */
  mention: EntityMention;
  /** The name without its title ("Joe Biden"). */
  name: string;
  key: string;
  roles: FoundRole[];
  votes: TypeVotes;
}

/** A role read next to a name, with the rule that read it. */
export interface FoundRole {
  text: string;
  rule: EntityRule;
}

/** A title standing alone ("the President"), to be resolved to a titled person later (its provenance comes then). */
export type TitleMention = Omit<Mention, 'provenance'>;

/** Verbs of speech that show their subject is a speaker (for typing names; the quote finder has the full list). */
const SPEAKING = new Set(
  'said says told tells added adds tweeted wrote writes stated asked noted explained argued insisted warned'.split(' '),
);

/** True when the name at `first..last` is the subject of a speech verb, before it ("Price said") or after it. */
function isSpeaker(units: readonly WordUnit[], first: number, last: number): boolean {
  const next = units[last + 1];
  const after = units[last + 2];
  if (next && SPEAKING.has(next.lower)) return true;
  if (next && /^(also|later|has|had)$/.test(next.lower) && after && SPEAKING.has(after.lower)) return true;
  const prev = units[first - 1];
  const before = units[first - 2];
  return Boolean(prev && SPEAKING.has(prev.lower) && before && /^[,"“”']$/.test(before.value));
}

/** True when a one-word run is a place's head word standing for its full name ("the Strip", "the District"). */
function isShortForm(units: readonly WordUnit[], first: number, last: number): boolean {
  const lower = units[first]!.lower;
  return first === last && PLACE_HEADS.has(lower) && !PLACE_NAMES.has(lower);
}

/**
 * The roles read around a name run: a title inside it ("President Joe Biden"), joined to a role before it ("Israeli
 * Prime Minister"), and a role in apposition after it ("Ned Price, a State Department spokesman").
 */
function rolesAround(
  text: string,
  units: readonly WordUnit[],
  run: { first: number; last: number },
  split: { nameFirst: number; hasTitle: boolean },
): { roles: FoundRole[]; before: string | null; after: string | null } {
  const title = split.hasTitle ? text.slice(units[run.first]!.start, units[split.nameFirst - 1]!.end) : null;
  const before = roleBefore(text, units, run.first);
  const after = roleAfter(text, units, run.last);
  const roles: FoundRole[] = [];
  if (before) roles.push({ text: title ? `${before} ${title}`.trim() : before, rule: 'entities/role-before' });
  else if (title) roles.push({ text: title, rule: 'entities/title-in-name' });
  if (after) roles.push({ text: after, rule: 'entities/role-apposition' });
  return { roles, before, after };
}

/** Finds name candidates, stand-alone titles and places named by their head word alone in one article. */
export function findCandidates(
  article: Article,
  ctx: RunContext,
): {
  names: NameCandidate[];
  titles: TitleMention[];
  shortForms: ShortForm[];
} {
  const text = article.text;
  const units = wordUnits(text, ctx);
  const { sentences, paragraphs } = articleUnits(article);
  const runs = findNameRuns({
    text,
    units,
    sentences,
    lines: paragraphs,
    isCue: (i) => SPEAKING.has(units[i]?.lower ?? ''),
  });
  const names: NameCandidate[] = [];
  const titles: TitleMention[] = [];
  const shortForms: ShortForm[] = [];
  for (const run of runs) {
    const start = units[run.first]!.start;
    const end = units[run.last]!.end;
    if (isShortForm(units, run.first, run.last)) {
      shortForms.push({
        articleId: article.id,
        start,
        end,
        text: text.slice(start, end),
        head: units[run.first]!.lower,
      });
      continue;
    }
    const split = splitTitle(units, run.first, run.last);
    if (split.nameFirst === null) {
      titles.push({ articleId: article.id, start, end, text: text.slice(start, end) });
      continue;
    }
    const nameFirst = split.nameFirst;
    const name = text.slice(units[nameFirst]!.start, end).replace(/^the\s+/i, '');
    const key = canonicalKey(name);
    const { roles, before, after } = rolesAround(text, units, run, { nameFirst, hasTitle: split.hasTitle });
    const votes = mentionVotes(
      {
        units,
        first: nameFirst,
        last: run.last,
        titled: split.hasTitle || before !== null,
        apposedRole: after !== null || introducedByRole(units, run.first),
        spokenBy: isSpeaker(units, run.first, run.last),
        sentenceInitial: run.sentenceInitial,
      },
      key,
    );
    names.push({
      articleId: article.id,
      mention: {
        articleId: article.id,
        start,
        end,
        text: text.slice(start, end),
        provenance: entityRule('entities/name-run'),
      },
      name,
      key,
      roles,
      votes,
    });
  }
  return { names, titles, shortForms };
}
