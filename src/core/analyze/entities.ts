import type { Article, Entity } from '../model.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { buildEntity } from './entities/build-entity.js';
import { findCandidates, type NameCandidate, type TitleMention } from './entities/find-candidates.js';
import { linkAliases } from './entities/link-aliases.js';
import { mergeNames } from './entities/merge-names.js';
import { rankEntities } from './entities/rank-entities.js';
import { resolveTitles } from './entities/resolve-titles.js';
import { foldHeadNames, resolveShortForms, type ShortForm } from './entities/resolve-short-forms.js';

/** A single capitalized word seen once with no evidence of what it names: noise, not an entity. */
function isStrayWord(e: Omit<Entity, 'id'>): boolean {
  return e.type === 'other' && e.mentions.length === 1 && !/\s/.test(e.name);
}

/**
 * Finds people, organizations and places, one entity per referent across the story. Passes: name candidates per
 * article (capitalized runs typed by titles, apposition, speech verbs, gazetteers, compromise's lexicon); story-level
 * merge (exact names, then surnames to the full name); known names at positions the finder skipped; titles standing
 * for a person ("the president", inferred); places and organizations named by their head word ("the Strip", "the Post", inferred); salience order.
 */
export function findEntities(articles: readonly Article[], ctx: RunContext = createRunContext()): Entity[] {
  const names: NameCandidate[] = [];
  const titles: TitleMention[] = [];
  const shortForms: ShortForm[] = [];
  for (const article of articles) {
    const found = findCandidates(article, ctx);
    names.push(...found.names);
    titles.push(...found.titles);
    shortForms.push(...found.shortForms);
  }
  const merged = mergeNames(names)
    .map(buildEntity)
    .filter((e) => !isStrayWord(e));
  const linked = linkAliases(articles, merged, ctx);
  const resolved = foldHeadNames(resolveShortForms(resolveTitles(articles, linked, titles, ctx), shortForms));
  return rankEntities(
    resolved,
    articles.map((a) => a.id),
  );
}
