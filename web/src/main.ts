/** Entry point: renders the page of the current `#/` route into `<main>` and keeps the skip link working. */
import './styles/base.css';
import './styles/story.css';
import './styles/tables.css';
import './styles/timeline.css';
import './styles/sources.css';
import './styles/list.css';
import './styles/stream.css';
import { ApiError, getStory, setTokenPrompt, type StoryWithReport } from './api.js';
import { h, on, replaceChildren } from './dom.js';
import { feedsPage } from './page-feeds.js';
import { listPage } from './page-list.js';
import { newStoryPage } from './page-new.js';
import { focusSection, startStoryPage, storyPage, type AddOutcome } from './page-story.js';
import { startLoading } from './loading.js';
import { parseRoute, storyHref, type Route } from './router.js';
import { trackStickyBar } from './sticky-offset.js';
import { mountTokenControl } from './token-control.js';
import { askForTokenInDialog } from './token-dialog.js';

const main = document.getElementById('main') as HTMLElement;
/** The story on screen, so moving between its sections does not reload it. */
let shownStoryId: string | null = null;
/** Increases on every navigation; late answers of an older one are dropped. */
let navigation = 0;

function errorPage(err: unknown): HTMLElement {
  const notFound = err instanceof ApiError && err.status === 404;
  return h(
    'div',
    { class: 'page page-error' },
    h('h1', { tabindex: -1 }, notFound ? 'Not found' : 'Something went wrong'),
    h('p', {}, err instanceof Error ? err.message : String(err)),
    err instanceof ApiError && err.status === 401 ? h('p', {}, 'Reload the page to enter the access token.') : null,
    h('p', {}, h('a', { href: '#/' }, 'Back to the stories')),
  );
}

function show(page: HTMLElement, title: string, focusHeading: boolean): void {
  replaceChildren(main, page);
  document.title = `${title} · Parallax`;
  if (focusHeading) page.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** Loads the story again after articles were added, and shows it with what the addition did. */
function reloadStory(id: string, outcome: AddOutcome): void {
  const current = ++navigation;
  getStory(id).then(
    (data) => {
      if (current === navigation) showStory(data, null, true, { outcome });
    },
    (err: unknown) => {
      if (current === navigation) show(errorPage(err), 'Error', true);
    },
  );
}

function showStory(
  data: StoryWithReport,
  section: string | null,
  focusHeading: boolean,
  extra: { outcome?: AddOutcome; mergedId?: string } = {},
): void {
  shownStoryId = data.story.id;
  const page = storyPage(data, {
    onChange: (added) => reloadStory(data.story.id, added),
    outcome: extra.outcome ?? null,
    mergedId: extra.mergedId ?? null,
    // The page is whole once every section is built (tests and scripts wait for this attribute).
    onReady: () => {
      if (page.isConnected) main.setAttribute('data-story', data.story.id);
    },
  });
  show(page, data.story.title ?? 'Story', focusHeading && section === null);
  startStoryPage(page);
  trackStickyBar(page.querySelector<HTMLElement>('.toc'));
  if (section) focusSection(main, section);
}

/** Builds and shows the page of a route, unless another navigation started meanwhile (`fresh` says). */
async function showRoute(route: Route, focusHeading: boolean, fresh: () => boolean): Promise<void> {
  switch (route.page) {
    case 'new':
      return show(newStoryPage(), 'New story', focusHeading);
    case 'feeds': {
      const page = await feedsPage();
      if (fresh()) show(page, 'Feeds', focusHeading);
      return;
    }
    case 'list': {
      const page = await listPage(route.q, route.pageNumber, route.sort);
      if (fresh()) show(page, route.q ? `Search: ${route.q}` : 'Stories', focusHeading);
      return;
    }
    case 'story':
      return loadStory(route, focusHeading, fresh);
    case 'not-found':
      return show(errorPage(new ApiError(404, 'not-found', `No page at ${route.path}.`)), 'Not found', focusHeading);
  }
}

/** Loads a story and shows it, following a merged story's old id to the story it is part of now. */
async function loadStory(
  route: Extract<Route, { page: 'story' }>,
  focusHeading: boolean,
  fresh: () => boolean,
): Promise<void> {
  performance.mark('parallax:story-requested');
  const data = await getStory(route.id);
  // Marks for the benchmark (bench/sections/web.ts): the report loaded, then the page built.
  performance.mark('parallax:story-loaded');
  if (!fresh()) return;
  // A merged story's old id led to the story it is part of now: the address follows, without a new entry.
  const merged = data.story.id !== route.id;
  if (merged) history.replaceState(history.state, '', storyHref(data.story.id, route.section ?? undefined));
  showStory(data, route.section, focusHeading, merged ? { mergedId: route.id } : {});
  performance.mark('parallax:story-shown');
  // After the frame that paints it: the first task after a frame runs before idle work (deferred sections).
  requestAnimationFrame(() => setTimeout(() => performance.mark('parallax:story-interactive'), 0));
}

async function render(route: Route, focusHeading: boolean): Promise<void> {
  const current = ++navigation;
  const fresh = (): boolean => current === navigation;
  if (route.page === 'story' && route.id === shownStoryId && route.section) {
    focusSection(main, route.section);
    return;
  }
  shownStoryId = null;
  main.removeAttribute('data-story');
  main.setAttribute('aria-busy', 'true');
  trackStickyBar(null);
  const stopLoading = startLoading();
  try {
    await showRoute(route, focusHeading, fresh);
  } catch (err) {
    if (fresh()) show(errorPage(err), 'Error', focusHeading);
  } finally {
    if (fresh()) {
      main.removeAttribute('aria-busy');
      stopLoading();
    }
  }
}

function onHashChange(): void {
  const route = parseRoute(location.hash);
  if (route) void render(route, true);
}

// The skip link targets #main; follow it by moving focus instead of changing the hash, which holds the route.
const skip = document.getElementById('skip-link');
if (skip) {
  on(skip, 'click', (e) => {
    e.preventDefault();
    main.focus();
  });
}
setTokenPrompt(askForTokenInDialog);
const header = document.querySelector('.site-header');
// Forgetting the token shows the page again, which asks for a token when the server needs one.
if (header) mountTokenControl(header, () => void render(parseRoute(location.hash) ?? listRoute(), false));
window.addEventListener('hashchange', onHashChange);
void render(parseRoute(location.hash) ?? listRoute(), false);

function listRoute(): Route {
  return { page: 'list', q: '', pageNumber: 1, sort: 'updated' };
}
