/** The sources: every cleaned article as a line that opens into its text, rendered a part at a time. */
import { emptyState, h, section } from './dom.js';
import { expandButton } from './expandable.js';
import { plural } from './format.js';
import { SourceView } from './source-view.js';
import type { StoryContext } from './story-context.js';

export { sourceDomId } from './source-view.js';

/** Articles listed before "Show all". */
const INITIAL_ARTICLES = 8;

/** Builds the sources section and wires `ctx.jump` and `ctx.showSource` to its source views. */
export function sourcesSection(ctx: StoryContext): HTMLElement {
  const views = new Map<string, SourceView>();
  let current: SourceView | null = null;
  for (const ref of ctx.articleList) views.set(ref.article.id, new SourceView(ref, ctx.texts));
  const all = [...views.values()];
  // Many articles: the first lines are listed, the rest wait behind a button (a jump to one of them adds them all).
  const shown = all.length <= INITIAL_ARTICLES + 1 ? all.length : INITIAL_ARTICLES;
  const list = h(
    'div',
    { class: 'sources' },
    all.slice(0, shown).map((v) => v.element),
  );
  const more =
    shown < all.length
      ? expandButton(`Show all ${plural(all.length, 'article')}`, () =>
          list.append(...all.slice(shown).map((v) => v.element)),
        )
      : null;
  const attach = (view: SourceView): void => {
    if (!view.element.isConnected) more?.click();
  };
  ctx.jump = (citation, origin) => {
    const view = views.get(citation.articleId);
    if (!view) return;
    attach(view);
    if (current && current !== view) current.unhighlight();
    current = view;
    void view.show(citation, origin);
  };
  ctx.showSource = (articleId) => {
    const view = views.get(articleId);
    if (!view) return;
    attach(view);
    view.reveal();
  };
  const intro = h(
    'p',
    { class: 'section-intro' },
    `${plural(ctx.articleList.length, 'article')} as read after cleaning. Open one to read it; every citation chip opens `,
    'its article at the cited words. What cleaning removed is listed under each article.',
  );
  return section(
    'sources',
    'Sources',
    intro,
    ctx.articleList.length === 0 ? emptyState('This story has no readable articles.') : null,
    list,
    more,
  );
}
