// Lists suspicious entities and roles found over a corpus, by class, so that a change to the entity finder can be
// judged by how many of each class it removes (and which new ones it brings). Not a score: every hit is a suspicion
// for a person to read.
//
// Usage: npx tsx scripts/audit-entities.ts [--corpus seeds|polnear|neus|stream|all] [--limit N] [--show N] [--json]
// Defaults: all corpora, every article, 8 examples of each class. Reads ../shared (seeds and eval/).
//
// Classes:
//   cut-run         a mention that starts right after a capitalized word of the same run ("York Post" in "The New
//                   York Post"): the name lost its first word
//   common-place    a one-word place that is a common noun ("Strip", "Valley", "Hill"): the short form of a longer name
//   common-name     a one-word person or organization that is a common noun of the lexicon ("Party", "Court")
//   verb-role       a role ending in a verb or a cue word ("reporter asked", "officials said")
//   lowercase-name  a name whose last word is lower case ("Bernie or"): a run that swallowed a function word
//   outlet-typed    a known outlet (PolNeAR publishers, stream outlets) typed as a person or a place
//   fragment        a name of one letter ("C." from "(D-S.C.)"): a piece of an abbreviation
//   verb-descriptor a framing descriptor (src/core/compose/descriptors.ts, read here, not changed) ending in a verb
//                   ("reporter asked" for Joe Biden in "A reporter asked Biden")
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../src/core/analyze/entities.js';
import { wordUnits } from '../src/core/analyze/entities/word-units.js';
import { createRunContext } from '../src/core/run-context.js';
import { lexiconClass } from '../src/core/analyze/entities/lexicon-lookup.js';
import { articleFromText } from '../src/core/article-from-text.js';
import type { Article, Entity } from '../src/core/model.js';

type Mention = Entity['mentions'][number];
import { COGNITION_CUES, SPEECH_CUES } from '../src/core/lexicon/cue-verbs.js';
import { findDescriptors } from '../src/core/compose/descriptors.js';
import { INSTITUTION_NAMES } from '../src/core/lexicon/institutions.js';
import { PLACE_NAMES } from '../src/core/lexicon/places.js';
import { SHARED_DIR } from '../test/helpers/shared.js';

interface Hit {
  cls: string;
  article: string;
  what: string;
  context: string;
}

const QUALIFIERS =
  /^(former|senior|top|acting|interim|then|ex|late|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/;

const CLASSES = [
  'cut-run',
  'common-place',
  'common-name',
  'verb-role',
  'lowercase-name',
  'outlet-typed',
  'fragment',
  'verb-descriptor',
] as const;

/** Outlet names the corpora state (PolNeAR publishers, stream outlets), lower-cased, for the outlet-typed class. */
const OUTLETS = new Set([
  'breitbart',
  'huffington post',
  'new york times',
  'washington post',
  'politico',
  'usa today',
  'western journal',
  'associated press',
  'reuters',
  'fox news',
  'cnn',
  'nbc news',
  'abc news',
  'cbs news',
  'npr',
  'bbc news',
  'the hill',
  'wall street journal',
  'new york post',
  'daily mail',
  'washington examiner',
  'newsweek',
  'axios',
  'bloomberg',
  'the guardian',
  'national review',
  'vox',
  'slate',
]);

function context(text: string, start: number, end: number): string {
  return `${text.slice(Math.max(0, start - 40), start)}[${text.slice(start, end)}]${text.slice(end, end + 40)}`.replace(
    /\s+/g,
    ' ',
  );
}

/** One article's audit: its text, its word units, and the hits found so far. */
interface Audit {
  article: Article;
  units: ReturnType<typeof wordUnits>;
  /** The index of the word unit starting at an offset. */
  unitAt: Map<number, number>;
  push: (cls: string, what: string, start: number, end: number) => void;
}

/** The suspicious findings of one article's entities. */
export function auditArticle(article: Article, entities: readonly Entity[]): Hit[] {
  const units = wordUnits(article.text, createRunContext());
  const hits: Hit[] = [];
  const audit: Audit = {
    article,
    units,
    unitAt: new Map(units.map((u, i) => [u.start, i])),
    push: (cls, what, start, end) => {
      hits.push({ cls, article: article.id, what, context: context(article.text, start, end) });
    },
  };
  for (const e of entities) {
    const first = e.mentions.find((m) => m.articleId === article.id && !m.inferred);
    if (!first) continue;
    auditName(audit, e, first);
    auditRoles(audit, e, first);
    auditCutRuns(audit, e);
  }
  auditDescriptors(audit, entities);
  return hits;
}

/** A name that is a common noun, ends in a lower-case word, is a fragment, or is an outlet typed as a person or place. */
function auditName(audit: Audit, e: Entity, first: Mention): void {
  const push = (cls: string, what: string) => audit.push(cls, what, first.start, first.end);
  const words = e.name.split(/\s+/);
  const lower = e.name.toLowerCase();
  const common = words.length === 1 && isCommonNoun(e.name);
  if (common && e.type === 'place') push('common-place', e.name);
  if (common && (e.type === 'person' || e.type === 'organization')) push('common-name', e.name);
  if (/^\p{Ll}/u.test(words.at(-1) ?? '')) push('lowercase-name', e.name);
  if (/^\p{L}\.?$/u.test(e.name)) push('fragment', e.name);
  if (OUTLETS.has(lower.replace(/^the /, '')) && (e.type === 'person' || e.type === 'place')) {
    push('outlet-typed', `${e.name} (${e.type})`);
  }
}

/** A word the lexicon calls common, and not a known place, institution or abbreviation. */
function isCommonNoun(name: string): boolean {
  const lower = name.toLowerCase();
  const known = PLACE_NAMES.has(lower) || INSTITUTION_NAMES.has(lower) || /^[A-Z.]{2,}$/.test(name);
  return !known && lexiconClass(lower) === 'common';
}

/** Roles that end in a verb or a cue word. */
function auditRoles(audit: Audit, e: Entity, first: Mention): void {
  for (const role of e.roles) {
    // A role ends in a noun; a lower-case verb or cue word at its end is a clause caught with it ("reporter asked").
    const last = role.split(/\s+/).at(-1) ?? '';
    const verb =
      SPEECH_CUES.has(last) || COGNITION_CUES.has(last) || wordUnits(role, createRunContext()).at(-1)?.pos === 'VERB';
    if (/^\p{Ll}/u.test(last) && verb) audit.push('verb-role', `${role} (${e.name})`, first.start, first.end);
  }
}

/** Mentions that start right after a capitalized word of the same run: the name lost its first word. */
function auditCutRuns(audit: Audit, e: Entity): void {
  const { article, units } = audit;
  const text = article.text;
  for (const m of e.mentions) {
    if (m.articleId !== article.id || m.inferred) continue;
    const i = audit.unitAt.get(m.start);
    const prev = i === undefined ? undefined : units[i - 1];
    // A capitalized word of a name (not a sentence-opening "The", "But", "In") right before the mention.
    // Qualifiers and dates before a name are left out of it on purpose ("Former [Gov. Jeb Bush]").
    if (!prev || prev.type !== 'word' || !/^[A-Z]/.test(prev.value) || !/^(PROPN|NOUN|ADJ)$/.test(prev.pos)) continue;
    if (QUALIFIERS.test(prev.lower)) continue;
    if (/^[\s-]+$/.test(text.slice(prev.end, m.start)) || text.slice(prev.end, m.start) === ' ') {
      audit.push('cut-run', `${prev.value} + ${m.text}`, m.start, m.end);
    }
  }
}

/** Framing descriptors that end in a verb (a clause, not a description). */
function auditDescriptors(audit: Audit, entities: readonly Entity[]): void {
  const keyed = entities.map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions }));
  for (const d of findDescriptors(audit.article, keyed)) {
    d.terms.forEach((term, k) => {
      const c = d.citations[k] ?? d.citations[0]!;
      const last = audit.units.filter((u) => u.start < c.end && u.end <= c.end && u.type === 'word').at(-1);
      const verb = last && /^\p{Ll}/u.test(last.value) && (last.pos === 'VERB' || SPEECH_CUES.has(last.lower));
      // A lone participle is an adjective ("the loathed MSM"); a noun and a verb are a clause ("reporter asked").
      if (verb && /\s/.test(term)) audit.push('verb-descriptor', `${term} (${d.entityId})`, c.start, c.end);
    });
  }
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** The articles of a corpus (each read as its own one-article story). */
function corpus(name: string, limit: number): Article[] {
  const eval_ = join(SHARED_DIR, 'eval');
  const out: Article[] = [];
  const add = (id: string, text: string): void => {
    if (out.length < limit && text.trim()) out.push(articleFromText(id, text));
  };
  if (name === 'seeds') {
    for (const f of [
      '000_901d79ce762213ae',
      '001_fd4e380777e72e7a',
      '002_ea2461e2e1cff537',
      '003_987b99459388331d',
      '004_54e095bef68fefdb',
    ]) {
      add(f, readFileSync(join(SHARED_DIR, 'seeds', `${f}.txt`), 'utf8'));
    }
  }
  if (name === 'polnear') {
    const seen = new Set<string>();
    for (const split of ['train', 'dev']) {
      for (const l of lines(join(eval_, 'quotes', `polnear-${split}.jsonl`))) {
        const d = JSON.parse(l) as { id: string; text: string };
        if (!seen.has(d.id)) add(d.id, d.text);
        seen.add(d.id);
      }
    }
  }
  if (name === 'neus') {
    for (const l of lines(join(eval_, 'neus', 'val.jsonl'))) {
      const s = JSON.parse(l) as { id: string; articles: { text: string }[] };
      s.articles.forEach((a, k) => add(`${s.id}#${k}`, a.text));
    }
  }
  if (name === 'stream') {
    for (const l of lines(join(eval_, 'clustering', 'allsides-stream-2021-apr-jul.jsonl'))) {
      const d = JSON.parse(l) as { id: string; text: string };
      add(d.id, d.text);
    }
  }
  return out;
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const which = option(args, '--corpus') ?? 'all';
  const limit = Number(option(args, '--limit') ?? Infinity);
  const show = Number(option(args, '--show') ?? 8);
  const names = which === 'all' ? ['seeds', 'polnear', 'neus', 'stream'] : [which];
  const hits: Hit[] = [];
  let articles = 0;
  for (const name of names) {
    for (const article of corpus(name, limit)) {
      articles++;
      hits.push(...auditArticle(article, findEntities([article])));
    }
  }
  if (args.includes('--json')) {
    console.log(JSON.stringify(hits, null, 2));
    return;
  }
  console.log(`${articles} articles (${names.join(', ')})`);
  for (const cls of CLASSES) {
    const of = hits.filter((h) => h.cls === cls);
    console.log(`\n${cls}: ${of.length}`);
    for (const h of of.slice(0, show)) console.log(`  ${h.what}  — ${h.article}: ${h.context}`);
  }
}

main();
