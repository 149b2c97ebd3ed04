/** Reads the article object of a page's JSON-LD (`NewsArticle`, `Article`, ... also inside `@graph` arrays). */

/** The article fields Parallax uses from JSON-LD. */
export interface JsonLdArticle {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  articleBody: string | null;
  inLanguage: string | null;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** schema.org types whose objects describe an article (CreativeWork subtypes used by news sites). */
const ARTICLE_TYPE = /^(\w*Article|BlogPosting|LiveBlogPosting|Report|WebPage)$/;

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:]/, ''));
}

/** Replaces raw control characters (invalid inside JSON strings) with spaces. */
function blankControlChars(text: string): string {
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) < 32 ? ' ' : ch;
  return out;
}

/** Parses one script's JSON, tolerating raw control characters inside strings that some sites emit. */
function parseLenient(source: string): Json | undefined {
  const trimmed = source.trim().replace(/^<!--|-->$/g, '');
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    try {
      return JSON.parse(blankControlChars(trimmed)) as Json;
    } catch {
      return undefined;
    }
  }
}

/** Every object in a JSON-LD value: top-level arrays and `@graph` arrays flattened. */
function flatten(value: Json | undefined, out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) for (const v of value) flatten(v, out);
  else if (isObject(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) flatten(value['@graph'], out);
  }
  return out;
}

function text(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, ' ').trim();
    return s || null;
  }
  if (Array.isArray(v)) return text(v[0]);
  return null;
}

/** Resolves a `{"@id": ...}` reference against the other objects of the page. */
function resolve(v: Json | undefined, byId: ReadonlyMap<string, JsonObject>): Json | undefined {
  if (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1) return byId.get(v['@id']) ?? v;
  return v;
}

function names(v: Json | undefined, byId: ReadonlyMap<string, JsonObject>): string[] {
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const out: string[] = [];
  for (const item of list) {
    const r = resolve(item, byId);
    const name = typeof r === 'string' ? text(r) : isObject(r) ? text(r['name']) : null;
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/** Chooses the most article-like object: a typed article with a body or headline beats a plain WebPage. */
function pickArticle(objects: readonly JsonObject[]): JsonObject | null {
  let best: JsonObject | null = null;
  let bestScore = 0;
  for (const obj of objects) {
    const types = typesOf(obj);
    if (!types.some((t) => ARTICLE_TYPE.test(t))) continue;
    const score =
      (types.some((t) => t !== 'WebPage') ? 4 : 1) + (obj['articleBody'] ? 2 : 0) + (obj['headline'] ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [obj, score];
  }
  return best;
}

/**
 * Reads the page's JSON-LD scripts (its `script[type="application/ld+json"]` elements, see `PageIndex`) and returns
 * its article object's fields, or null when there is none.
 */
export function readJsonLd(scripts: readonly Element[]): JsonLdArticle | null {
  const objects: JsonObject[] = [];
  for (const script of scripts) {
    flatten(parseLenient(script.textContent ?? ''), objects);
  }
  const byId = new Map<string, JsonObject>();
  for (const o of objects) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  const article = pickArticle(objects);
  if (!article) return null;
  const publisher = resolve(article['publisher'], byId);
  const lang = article['inLanguage'];
  return {
    headline: text(article['headline']) ?? text(article['name']),
    authors: names(article['author'], byId),
    datePublished: text(article['datePublished']) ?? text(article['dateCreated']),
    publisher: isObject(publisher) ? text(publisher['name']) : text(publisher),
    articleBody: typeof article['articleBody'] === 'string' ? article['articleBody'] : null,
    inLanguage: isObject(lang) ? text(lang['name']) : text(lang),
  };
}
