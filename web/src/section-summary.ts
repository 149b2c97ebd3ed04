/**
 * The neutral summary: the headline it opens with, then its sentences as one paragraph, each followed by chips for
 * the source text it rests on.
 */
import type { Summary } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h } from './dom.js';
import type { StoryContext } from './story-context.js';

type SummarySentence = Summary['sentences'][number];

function same(a: string, b: string): boolean {
  const norm = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

function sentence(ctx: StoryContext, s: SummarySentence, className = 'summary-sentence'): HTMLElement {
  return h(
    'span',
    { class: className },
    h('span', { class: 'summary-text' }, s.text),
    ' ',
    citationChips(ctx, s.citations),
    ' ',
  );
}

/** The summary block of the overview (headline, then the sentences), or a note when there is none. */
export function summaryBlock(ctx: StoryContext): HTMLElement {
  const summary = ctx.report.summary;
  const sentences = summary?.sentences ?? [];
  if (sentences.length === 0) {
    const text = summary?.text.trim();
    return h('div', { class: 'summary' }, text ? h('p', {}, text) : emptyState('No summary has been written yet.'));
  }
  const first = sentences[0]!;
  const headline = summary?.headline?.trim() ?? '';
  // The headline is the summary's first sentence: shown as the headline, with its chips, and not again below.
  const opensWithHeadline = headline !== '' && same(first.text, headline);
  const rest = opensWithHeadline ? sentences.slice(1) : sentences;
  return h(
    'div',
    { class: 'summary' },
    opensWithHeadline
      ? h('p', { class: 'summary-headline' }, sentence(ctx, first, 'summary-sentence headline-sentence'))
      : headline
        ? h('p', { class: 'summary-headline' }, headline)
        : null,
    rest.length > 0
      ? h(
          'p',
          { class: 'summary-body' },
          rest.map((s) => sentence(ctx, s)),
        )
      : null,
  );
}
