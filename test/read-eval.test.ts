import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readArticle } from '../src/core/read/read-article.js';
import { describeShared, SHARED_DIR } from './helpers/shared.js';

interface Item {
  title: string | null;
  text: string;
}

/** Stories of an evaluation file as lists of articles. */
function stories(file: string, group: (row: Record<string, unknown>) => Item[] | string): Item[][] {
  const rows = readFileSync(join(SHARED_DIR, 'eval', file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const byKey = new Map<string, Item[]>();
  const out: Item[][] = [];
  for (const row of rows) {
    const g = group(row);
    if (typeof g !== 'string') out.push(g);
    else byKey.set(g, [...(byKey.get(g) ?? []), row as unknown as Item]);
  }
  return [...out, ...byKey.values()];
}

/** Reads every non-empty article (with and without its title) and collects anything removed or any failure. */
function losses(groups: Item[][]): { read: number; lost: string[] } {
  const lost: string[] = [];
  let read = 0;
  for (const articles of groups) {
    const context = articles.map((a) => a.text);
    for (const a of articles) {
      if (a.text.trim() === '') continue;
      for (const meta of [{}, a.title ? { title: a.title } : {}]) {
        read++;
        const r = readArticle(
          { id: 'e', source: 'eval', format: 'text', content: a.text, meta },
          { storyContext: context },
        );
        if (!r.ok) lost.push(`failed: ${r.failure.message} ${a.text.slice(0, 40)}`);
        else for (const x of r.value.removed) lost.push(`${x.reason}: ${x.text.slice(0, 50)}`);
        if (r.ok && !('title' in meta)) expect(r.value.title, a.text.slice(0, 40)).toBeNull();
      }
    }
  }
  return { read, lost };
}

describeShared('clean real articles lose nothing', () => {
  it('NeuS validation articles: no line removed, no failure, no body sentence taken as title', () => {
    const result = losses(stories('neus/val.jsonl', (row) => row.articles as Item[]));
    expect(result.read).toBeGreaterThan(1800);
    expect(result.lost).toEqual([]);
  });

  it('clustering stream snippets: no line removed, no failure', () => {
    const result = losses(stories('clustering/allsides-stream-2021-apr-jul.jsonl', (row) => String(row.event_id)));
    expect(result.read).toBeGreaterThan(1600);
    expect(result.lost).toEqual([]);
  });
});
