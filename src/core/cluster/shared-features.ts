import { CANONICAL_FORMS } from '../lexicon/places.js';
import { FEATURE_PREFIX, type RawFeature } from './article-features.js';
import type { ArticleVector, StoryState } from './story-profile.js';
import type { SharedFeatures } from './types.js';

/** An empty list of shared features (an article that started a story shares nothing yet). */
export function noSharedFeatures(): SharedFeatures {
  return { people: [], organizations: [], places: [], otherNames: [], terms: [], numbers: [] };
}

/** The list of `SharedFeatures` a feature is shown in. */
function listOf(feature: RawFeature): keyof SharedFeatures {
  if (feature.kind === 'term' || feature.kind === 'phrase') return 'terms';
  if (feature.kind === 'number') return 'numbers';
  switch (feature.nameKind) {
    case 'person':
      return 'people';
    case 'organization':
      return 'organizations';
    case 'place':
      return 'places';
    default:
      return 'otherNames';
  }
}

/**
 * What an article shares with a story: the features in both, heaviest contribution to their similarity first, at
 * most `limit` of each kind, shown as the article writes them.
 */
export function sharedFeatures(
  article: { vector: ArticleVector; features: ReadonlyMap<string, RawFeature> },
  story: StoryState,
  limit: number,
): SharedFeatures {
  const shared = article.vector.entries
    .map(([key, w]) => [key, w * (story.profile.get(key) ?? 0)] as const)
    .filter(([, contribution]) => contribution > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const out = noSharedFeatures();
  const features = shared.map(([key]) => article.features.get(key)).filter((f): f is RawFeature => f !== undefined);
  // Names first: a term that is a word of a shared name ("biden" of "Joe Biden") says nothing more.
  const names = features.filter((f) => f.kind === 'name');
  const nameWords = new Set([
    ...names.flatMap((f) => f.display.toLowerCase().split(/\s+/)),
    ...names.map((f) => f.key.slice(FEATURE_PREFIX.name.length)),
  ]);
  const inName = (word: string): boolean => nameWords.has(CANONICAL_FORMS.get(word) ?? word);
  for (const feature of features) {
    if (feature.kind !== 'name' && feature.display.split(' ').every(inName)) continue;
    const list = out[listOf(feature)];
    if (list.length < limit && !list.includes(feature.display)) list.push(feature.display);
  }
  return out;
}
