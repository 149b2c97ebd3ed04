/** The neutral summary: each sentence followed by chips for the source text it rests on. */
import { emptyState, h, section } from './dom.js';
import { citationChips } from './citation-chip.js';
import type { StoryContext } from './story-context.js';

/** Builds the summary section. */
export function summarySection(ctx: StoryContext): HTMLElement {
  const sentences = ctx.report.summary?.sentences ?? [];
  if (sentences.length === 0) {
    const text = ctx.report.summary?.text.trim();
    return section('summary', 'Summary', text ? h('p', {}, text) : emptyState('No summary has been written yet.'));
  }
  return section(
    'summary',
    'Summary',
    h(
      'div',
      { class: 'summary' },
      sentences.map((s) =>
        h(
          'p',
          { class: 'summary-sentence' },
          h('span', { class: 'summary-text' }, s.text),
          ' ',
          citationChips(ctx, s.citations),
        ),
      ),
    ),
  );
}
