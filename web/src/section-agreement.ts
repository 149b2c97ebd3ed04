/** What the sources agree on: facts reported by several outlets, with the outlets that report each. */
import type { Fact } from '../../src/core/model.js';
import { citationChips } from './citation-chip.js';
import { emptyState, h, section } from './dom.js';
import { expandableList, lazyDetails } from './expandable.js';
import { plural } from './format.js';
import type { StoryContext } from './story-context.js';

function factItem(ctx: StoryContext, fact: Fact): HTMLElement {
  const copies = fact.articleIds.length - fact.independentSources;
  return h(
    'li',
    { class: 'fact', 'data-fact': fact.id },
    h('p', { class: 'fact-statement' }, fact.statement),
    h(
      'p',
      { class: 'fact-meta' },
      `Reported by ${plural(fact.articleIds.length, 'article')}`,
      copies > 0 ? `, ${plural(fact.independentSources, 'independent source')}: the rest look like copies` : '',
      ' ',
      citationChips(ctx, fact.citations),
    ),
  );
}

/** Facts sorted by how many articles report them, most first. */
export function factsByReach(facts: readonly Fact[]): Fact[] {
  let sorted = sortedFacts.get(facts);
  if (!sorted) {
    sorted = [...facts].sort(
      (a, b) => b.articleIds.length - a.articleIds.length || b.independentSources - a.independentSources,
    );
    sortedFacts.set(facts, sorted);
  }
  return sorted;
}

/** Sorted once per report: the agreement and coverage sections both need the order (a long story has 30,000 facts). */
const sortedFacts = new WeakMap<readonly Fact[], Fact[]>();

/** Shared facts shown before "Show all". */
const INITIAL_FACTS = 5;

/** Builds the agreement section: the most widely reported facts first, single-source facts collapsed below. */
export function agreementSection(ctx: StoryContext): HTMLElement {
  const facts = factsByReach(ctx.report.facts ?? []);
  const shared = facts.filter((f) => f.articleIds.length > 1);
  const single = facts.filter((f) => f.articleIds.length <= 1);
  return section(
    'agreement',
    'What the sources agree on',
    shared.length > 0
      ? expandableList({
          tag: 'ol',
          className: 'facts',
          items: shared,
          initial: INITIAL_FACTS,
          render: (f) => factItem(ctx, f),
          moreLabel: (n) => `Show ${n} more shared facts`,
        })
      : emptyState('No fact is reported by more than one source yet.'),
    single.length > 0
      ? lazyDetails(
          `Reported by one source only: ${plural(single.length, 'fact')}`,
          () =>
            h(
              'ol',
              { class: 'facts' },
              single.map((f) => factItem(ctx, f)),
            ),
          'single-facts',
        )
      : null,
  );
}
