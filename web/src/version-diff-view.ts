/**
 * What changed between two versions of an article edited in place: the headline, the figures and quotes that changed,
 * the sentences reworded (old and new wording side by side), added and removed. Deleted words are `<del>`, inserted
 * ones `<ins>`, each labelled for screen readers.
 */
import type { ArticleDiff, ChangedValues, DiffSentence } from './api.js';
import { h } from './dom.js';
import { expandableList } from './expandable.js';
import { formatDate, plural } from './format.js';

/** Sentences of one kind shown before "Show N more". */
const VISIBLE = 5;

function removedText(text: string): HTMLElement {
  return h('del', {}, h('span', { class: 'visually-hidden' }, 'removed: '), text);
}

function addedText(text: string): HTMLElement {
  return h('ins', {}, h('span', { class: 'visually-hidden' }, 'added: '), text);
}

/** "5,000 → 4,321" lines of values that changed (a value only before, only after, or both). */
function valueChanges(label: string, values: ChangedValues): HTMLElement | null {
  if (values.before.length === 0 && values.after.length === 0) return null;
  return h(
    'p',
    { class: 'diff-values' },
    h('strong', {}, `${label}: `),
    values.before.length > 0 ? removedText(values.before.join(', ')) : null,
    values.before.length > 0 && values.after.length > 0 ? ' → ' : null,
    values.after.length > 0 ? addedText(values.after.join(', ')) : null,
  );
}

function sentenceList(
  kind: 'added' | 'removed',
  sentences: readonly DiffSentence[],
  mark: (text: string) => HTMLElement,
): HTMLElement | null {
  if (sentences.length === 0) return null;
  return h(
    'div',
    { class: `diff-group diff-${kind}` },
    h(
      'h4',
      {},
      kind === 'added'
        ? `Added: ${plural(sentences.length, 'sentence')}`
        : `Removed: ${plural(sentences.length, 'sentence')}`,
    ),
    expandableList({
      tag: 'ul',
      className: 'diff-sentences',
      items: sentences,
      initial: VISIBLE,
      render: (s) => h('li', {}, mark(s.text)),
      moreLabel: (n) => `Show ${n} more ${kind}`,
    }),
  );
}

/** The diff of two versions as a block of the page. */
export function versionDiffView(answer: ArticleDiff): HTMLElement {
  const { diff, from, to } = answer;
  const side = (s: ArticleDiff['from']): string => `version ${s.version} (fetched ${formatDate(s.fetchedAt, 'time')})`;
  const counts = [
    diff.added.length > 0 ? `${plural(diff.added.length, 'sentence')} added` : null,
    diff.removed.length > 0 ? `${diff.removed.length} removed` : null,
    diff.changed.length > 0 ? `${diff.changed.length} reworded` : null,
    `${diff.unchanged} unchanged`,
  ].filter(Boolean);
  const nothing =
    !diff.headline && diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0
      ? h('p', {}, 'The text is the same apart from spacing and punctuation.')
      : null;
  return h(
    'div',
    { class: 'version-diff' },
    h('p', { class: 'diff-sides' }, `From ${side(from)} to ${side(to)}: ${counts.join(', ')}.`),
    diff.rewritten
      ? h('p', { class: 'diff-note' }, 'The article was rewritten: too much changed to match it sentence by sentence.')
      : null,
    diff.headline
      ? h(
          'p',
          { class: 'diff-headline' },
          h('strong', {}, 'Headline: '),
          diff.headline.before ? removedText(diff.headline.before) : '(none)',
          ' → ',
          diff.headline.after ? addedText(diff.headline.after) : '(none)',
        )
      : null,
    valueChanges('Figures', diff.figures),
    valueChanges('Quotes', diff.quotes),
    diff.changed.length > 0
      ? h(
          'div',
          { class: 'diff-group diff-changed' },
          h('h4', {}, `Reworded: ${plural(diff.changed.length, 'sentence')}`),
          expandableList({
            tag: 'ul',
            className: 'diff-sentences',
            items: diff.changed,
            initial: VISIBLE,
            render: (c) =>
              h(
                'li',
                { class: 'diff-pair' },
                h('p', { class: 'diff-before' }, removedText(c.before.text)),
                h('p', { class: 'diff-after' }, addedText(c.after.text)),
                valueChanges('Figures', c.figures),
                valueChanges('Quotes', c.quotes),
              ),
            moreLabel: (n) => `Show ${n} more reworded`,
          }),
        )
      : null,
    sentenceList('added', diff.added, addedText),
    sentenceList('removed', diff.removed, removedText),
    nothing,
  );
}
