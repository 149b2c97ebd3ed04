import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import { readArticles } from '../src/core/pipeline.js';
import { SHARED_DIR } from '../test/helpers/shared.js';
import { storyRaws } from './golden/who.js';

const texts: { id: string; content: string }[] = [];
for (const f of readdirSync(join(SHARED_DIR, 'seeds'))) texts.push({ id: f, content: readFileSync(join(SHARED_DIR, 'seeds', f), 'utf8') });
for (const f of readdirSync('examples/sample-story')) texts.push({ id: f, content: readFileSync(join('examples/sample-story', f), 'utf8') });
const raws = [
  ...texts.map((t) => ({ id: t.id, source: t.id, format: (t.id.endsWith('.html') ? 'html' : 'text') as 'text', content: t.content, meta: {} })),
  ...(['polnear-stealth-over-health', 'polnear-black-lawmakers', 'neus-val-0'] as const).flatMap((n) => storyRaws(n)),
];
for (const raw of raws) {
  const { articles } = readArticles([raw]);
  const entities = findEntities(articles);
  const quotes = findQuotes(articles, entities);
  for (const q of quotes) {
    if (q.provenance.rule !== 'quotes/learned-cue') continue;
    const a = articles.find((x) => x.id === q.articleId)!;
    const ctx = a.text.slice(Math.max(0, q.start - 90), q.start).replace(/\s+/g, ' ');
    console.log(`${raw.id.slice(0, 12)}\t[${q.cue}] spk=${q.speaker?.name ?? '-'}\t…${ctx}⟦${q.text.replace(/\s+/g, ' ')}⟧`);
  }
}
