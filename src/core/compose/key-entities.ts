import type { Article, EntityType, Span } from '../model.js';
import { analyzeText, type Token } from '../nlp/wink.js';
import type { RunContext } from '../run-context.js';
import type { AnalyzedStory } from '../stage-types.js';

/** An entity the framing looks at, with its mentions per article. */
export interface KeyEntity {
  id: string;
  name: string;
  /** The entity type when the entity stage knows it. */
  type: EntityType | null;
  mentions: (Span & { articleId: string })[];
}

const DEFAULT_LIMIT = 8;
const CALENDAR =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

function rank(entities: KeyEntity[], limit: number): KeyEntity[] {
  const score = (e: KeyEntity): number => new Set(e.mentions.map((m) => m.articleId)).size * 1000 + e.mentions.length;
  return entities
    .filter((e) => new Set(e.mentions.map((m) => m.articleId)).size >= 2)
    .sort((a, b) => score(b) - score(a) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

/** Proper-noun runs of an article (wink PROPN tags) with their offsets, used when the entity stage found nothing. */
function properNames(article: Article, ctx: RunContext): { name: string; start: number; end: number }[] {
  const names: { name: string; start: number; end: number }[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    if (run.length > 0 && run.length <= 3) {
      const start = run[0]!.start;
      const end = run.at(-1)!.end;
      names.push({ name: article.text.slice(start, end), start, end });
    }
    run = [];
  };
  for (const t of analyzeText(article.text, ctx).tokens) {
    if (t.pos === 'PROPN' && /^\p{Lu}/u.test(t.value) && !CALENDAR.test(t.value)) run.push(t);
    else flush();
  }
  flush();
  return names;
}

/** Entities from proper-noun runs: one per distinct name, with the runs as mentions (linear in the text size). */
function fallbackEntities(articles: readonly Article[], ctx: RunContext): KeyEntity[] {
  const byName = new Map<string, KeyEntity>();
  for (const article of articles)
    for (const run of properNames(article, ctx)) {
      if (run.name.length <= 2) continue;
      const entity = byName.get(run.name) ?? {
        id: `name:${run.name.toLowerCase()}`,
        name: run.name,
        type: null,
        mentions: [],
      };
      entity.mentions.push({ articleId: article.id, start: run.start, end: run.end });
      byName.set(run.name, entity);
    }
  return [...byName.values()];
}

/** The entities named in most articles (from the entity stage, else from proper-noun runs), most present first. */
export function keyEntities(story: AnalyzedStory, ctx: RunContext, limit: number = DEFAULT_LIMIT): KeyEntity[] {
  const fromStage = story.entities
    .filter((e) => e.type !== 'place')
    .map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions.filter((m) => !m.inferred) }));
  return rank(fromStage.length > 0 ? fromStage : fallbackEntities(story.articles, ctx), limit);
}
