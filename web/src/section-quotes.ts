/** Quotes grouped by speaker; the same words carried by several outlets are shown once with all of them. */
import type { Citation, Quote } from '../../src/core/model.js';
import { citationChip, citationChips } from './citation-chip.js';
import { speakerSearchCitation, speakerSearchNote } from '../../src/core/render/speaker-search.js';
import { emptyState, h, section } from './dom.js';
import { plural } from './format.js';
import { entityName, type StoryContext } from './story-context.js';

/** One wording, with every outlet that carries it. */
interface MergedQuote {
  text: string;
  kind: Quote['kind'];
  inferred: boolean;
  citations: Citation[];
  /** For a quote with no speaker: why none was found, and the text searched. */
  search: { note: string; citation: Citation } | null;
}

/** Quotes said by one speaker, with identical wordings merged. */
interface SpeakerGroup {
  name: string;
  quotes: MergedQuote[];
}

function speakerKey(q: Quote): string {
  if (!q.speaker) return 'unattributed';
  return q.speaker.entityId ? `e:${q.speaker.entityId}` : `n:${q.speaker.name.toLowerCase()}`;
}

function wordingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function quoteCitation(q: Quote): Citation {
  return q.embed === undefined
    ? { articleId: q.articleId, start: q.start, end: q.end }
    : { articleId: q.articleId, start: q.start, end: q.end, embed: q.embed };
}

/** Groups quotes by speaker, most-quoted speaker first. */
export function groupQuotes(ctx: StoryContext, quotes: readonly Quote[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup & { byWording: Map<string, MergedQuote> }>();
  for (const q of quotes) {
    const key = speakerKey(q);
    const name = q.speaker ? entityName(ctx, q.speaker.entityId, q.speaker.name) : 'Unattributed';
    const group = groups.get(key) ?? { name, quotes: [], byWording: new Map<string, MergedQuote>() };
    groups.set(key, group);
    const wording = wordingKey(q.text);
    const existing = group.byWording.get(wording);
    if (existing) {
      existing.citations.push(quoteCitation(q));
      existing.inferred &&= q.speaker?.inferred ?? false;
    } else {
      const note = speakerSearchNote(q);
      const searched = speakerSearchCitation(q);
      const item: MergedQuote = {
        text: q.text,
        kind: q.kind,
        inferred: q.speaker?.inferred ?? false,
        citations: [quoteCitation(q)],
        search: note && searched ? { note, citation: searched } : null,
      };
      group.byWording.set(wording, item);
      group.quotes.push(item);
    }
  }
  return [...groups.values()]
    .map(({ name, quotes: list }) => ({ name, quotes: list }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
}

/** Builds the quotes section. */
export function quotesSection(ctx: StoryContext): HTMLElement {
  const groups = groupQuotes(ctx, ctx.report.quotes ?? []);
  return section(
    'quotes',
    'Who said what',
    groups.length === 0
      ? emptyState('No attributed quotes were found.')
      : h(
          'ul',
          { class: 'speakers' },
          groups.map((g) =>
            h(
              'li',
              { class: 'speaker' },
              h('h3', {}, g.name, h('span', { class: 'count' }, ` · ${plural(g.quotes.length, 'quote')}`)),
              h(
                'ul',
                { class: 'quotes' },
                g.quotes.map((q) =>
                  h(
                    'li',
                    { class: `quote quote-${q.kind}` },
                    h('blockquote', {}, q.kind === 'direct' ? `“${q.text}”` : q.text),
                    h(
                      'p',
                      { class: 'quote-meta' },
                      q.kind === 'indirect' ? 'paraphrased' : q.kind === 'partial' ? 'partial quote' : 'direct quote',
                      q.inferred ? ' · speaker inferred from context' : '',
                      ` · carried by ${plural(new Set(q.citations.map((c) => c.articleId)).size, 'outlet')}`,
                    ),
                    citationChips(ctx, q.citations),
                    q.search
                      ? h(
                          'p',
                          { class: 'quote-search' },
                          `${q.search.note} · looked for in `,
                          citationChip(ctx, q.search.citation, { label: 'the text searched' }),
                        )
                      : null,
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}
