/**
 * The articles of a story the stream found, in the order they arrived, each with why it belongs (the reason the
 * stream stored when it placed the article, as a sentence, with the numbers on demand) and, for an article edited in
 * place, what changed between its versions. Fetched when the section is built.
 */
import { getArticleDiff, getStreamStory, type ArticleDiff, type StreamMember, type StreamStory } from './api.js';
import { emptyState, h, on, safeHref, section } from './dom.js';
import { expandableList } from './expandable.js';
import { formatDate, plural } from './format.js';
import { hostOf } from './lean.js';
import { reasonNumbers, reasonSentence, percent } from './reason-text.js';
import type { StoryContext } from './story-context.js';
import { versionDiffView } from './version-diff-view.js';

/** Members shown before "Show N more". */
const VISIBLE_MEMBERS = 8;

/** The numbers behind the reason, built when opened. */
function numbersDetails(member: StreamMember): HTMLElement {
  const details = h('details', { class: 'reason-numbers' }, h('summary', {}, 'The numbers'));
  let built = false;
  on(details, 'toggle', () => {
    if (!details.open || built) return;
    built = true;
    details.append(
      h(
        'dl',
        { class: 'meta' },
        reasonNumbers(member.reason).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
    );
  });
  return details;
}

/** A select of the version pairs (each version against the one before), the latest first. */
function versionPairs(count: number): { from: number; to: number }[] {
  const pairs: { from: number; to: number }[] = [];
  for (let to = count; to >= 2; to--) pairs.push({ from: to - 1, to });
  return pairs;
}

/** "What changed" of an article with several versions: fetched when opened, one pair of versions at a time. */
function changesDetails(member: StreamMember): HTMLElement {
  const body = h('div', { class: 'details-body', 'aria-live': 'polite' });
  const details = h(
    'details',
    { class: 'member-changes', 'data-article': member.articleId },
    h('summary', {}, `What changed: ${plural(member.versions, 'version')}`),
    body,
  );
  const show = async (pair: { from: number; to: number }, target: HTMLElement): Promise<void> => {
    target.replaceChildren(h('p', { class: 'section-pending' }, 'Loading what changed…'));
    let answer: ArticleDiff;
    try {
      answer = await getArticleDiff(member.articleId, pair);
    } catch (err) {
      target.replaceChildren(
        h(
          'p',
          { class: 'form-error', role: 'alert' },
          `Could not load what changed: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
      return;
    }
    target.replaceChildren(versionDiffView(answer));
  };
  let built = false;
  on(details, 'toggle', () => {
    if (!details.open || built) return;
    built = true;
    const pairs = versionPairs(member.versions);
    const result = h('div', { class: 'diff-result' });
    if (pairs.length > 1) {
      const select = h(
        'select',
        { 'aria-label': 'Versions to compare' },
        pairs.map((p, i) => h('option', { value: i }, `Version ${p.from} → ${p.to}`)),
      );
      on(select, 'change', () => void show(pairs[Number(select.value)] ?? pairs[0]!, result));
      body.append(h('p', { class: 'diff-pick' }, select));
    }
    body.append(result);
    void show(pairs[0] ?? { from: 1, to: 1 }, result);
  });
  return details;
}

function memberItem(ctx: StoryContext, storyId: string, member: StreamMember): HTMLElement {
  const inReport = ctx.articles.get(member.articleId);
  const name = member.outlet?.trim() || hostOf(member.url) || 'Unknown outlet';
  const href = safeHref(member.url);
  const read = inReport
    ? on(h('button', { type: 'button', class: 'link-button' }, 'Read it here'), 'click', (e) =>
        ctx.showSource(member.articleId, e.currentTarget as HTMLElement),
      )
    : null;
  return h(
    'li',
    { class: 'member', 'data-article': member.articleId, 'data-decision': member.decision },
    h(
      'p',
      { class: 'member-head' },
      h('span', { class: 'member-outlet' }, name),
      member.title
        ? [' · ', href ? h('a', { href, rel: 'noopener noreferrer nofollow' }, member.title) : member.title]
        : null,
    ),
    h(
      'p',
      { class: 'member-when' },
      `arrived ${formatDate(member.arrivedAt, 'time')}`,
      member.publishedAt ? ` · published ${formatDate(member.publishedAt, 'time')}` : '',
      member.versions > 1 ? ` · edited: ${plural(member.versions, 'version')}` : '',
      read ? ' · ' : '',
      read,
    ),
    h('p', { class: 'member-reason' }, reasonSentence(member, storyId)),
    member.wire
      ? h(
          'p',
          { class: 'member-wire' },
          `Wire copy: ${percent(member.wire.overlap)} of its text is copied from another article.`,
        )
      : null,
    numbersDetails(member),
    member.versions > 1 ? changesDetails(member) : null,
  );
}

function membersList(ctx: StoryContext, storyId: string, stream: StreamStory): HTMLElement[] {
  const edited = stream.members.filter((m) => m.versions > 1).length;
  const intro = h(
    'p',
    { class: 'section-intro' },
    `${plural(stream.members.length, 'article')} in the order the stream read them, each with why it was placed in this story`,
    edited > 0 ? `; ${plural(edited, 'article')} edited in place since (open “What changed”)` : '',
    stream.mergedFrom.length > 0
      ? `. ${plural(stream.mergedFrom.length, 'story', 'stories')} found apart were merged into this one when an article bridged them`
      : '',
    '.',
  );
  if (stream.members.length === 0) return [intro, emptyState('The stream has no articles in this story any more.')];
  return [
    intro,
    expandableList({
      tag: 'ol',
      className: 'members',
      items: stream.members,
      initial: VISIBLE_MEMBERS,
      render: (m) => memberItem(ctx, storyId, m),
      moreLabel: (n) => `Show ${n} more articles`,
      label: 'Articles in arrival order',
    }),
  ];
}

/** The section; its articles arrive after it is on the page. */
export function membersSection(ctx: StoryContext, storyId: string): HTMLElement {
  const body = h('div', { class: 'members-body' }, h('p', { class: 'section-pending' }, 'Loading the articles…'));
  void getStreamStory(storyId).then(
    (stream) => body.replaceChildren(...membersList(ctx, stream.story.id, stream)),
    (err: unknown) =>
      body.replaceChildren(
        h(
          'p',
          { class: 'form-error', role: 'alert' },
          `Could not load the articles: ${err instanceof Error ? err.message : String(err)}`,
        ),
      ),
  );
  return section('members', 'Why these belong together', body);
}
