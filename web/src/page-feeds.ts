/**
 * The feeds page: the feeds the server's stream follows, each with its state (last success, last error, next poll,
 * articles stored, queued and given up on), a form to add one and a button to remove one. Adding a feed fetches
 * nothing: the stream's watcher polls it (`parallax serve --watch`, or `parallax watch` on the same library).
 */
import { ApiError, addFeed, listFeeds, removeFeed, type Feed } from './api.js';
import { emptyState, h, on } from './dom.js';
import { formatDate, plural } from './format.js';

const STATUS_WORDS: Readonly<Record<Feed['status'], string>> = {
  new: 'not polled yet',
  ok: 'working',
  failing: 'failing',
};

function when(value: string | null, never = 'never'): string {
  return value ? formatDate(value, 'time') : never;
}

function feedItem(feed: Feed, onRemove: (feed: Feed, button: HTMLButtonElement) => void): HTMLElement {
  const rows: [string, string | HTMLElement][] = [
    ['Last success', when(feed.lastSuccessAt)],
    ['Next poll', when(feed.nextPollAt, 'not planned')],
    ['Articles', `${feed.articles} stored · ${feed.queued} waiting · ${feed.failedArticles} given up`],
  ];
  if (feed.lastError) {
    rows.splice(1, 0, [
      'Last error',
      h(
        'span',
        { class: 'feed-error' },
        `${when(feed.lastError.at)}: ${feed.lastError.message} (${feed.lastError.code})`,
      ),
    ]);
  }
  if (feed.lastArticleError) {
    const e = feed.lastArticleError;
    rows.push(['Last article given up', `${when(e.at)}: ${e.message}${e.url ? ` — ${e.url}` : ''}`]);
  }
  const remove = h('button', { type: 'button', class: 'danger' }, 'Remove');
  on(remove, 'click', () => onRemove(feed, remove));
  return h(
    'li',
    { class: `feed feed-${feed.status}`, 'data-feed': feed.id },
    h(
      'div',
      { class: 'feed-head' },
      h(
        'div',
        {},
        h('p', { class: 'feed-title' }, feed.title?.trim() || feed.url),
        feed.title?.trim() ? h('p', { class: 'feed-url' }, feed.url) : null,
      ),
      h(
        'span',
        { class: `badge feed-status ${feed.status === 'failing' ? 'badge-warn' : 'badge-muted'}` },
        STATUS_WORDS[feed.status],
        feed.consecutiveFailures > 1 ? ` (${feed.consecutiveFailures} times)` : '',
      ),
    ),
    h(
      'dl',
      { class: 'meta feed-state' },
      rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
    ),
    h('p', { class: 'feed-actions' }, remove),
  );
}

function addForm(onAdded: (message: string) => void): HTMLElement {
  const url = h('input', {
    type: 'url',
    id: 'feed-url',
    name: 'url',
    required: true,
    placeholder: 'https://example.com/feed.xml',
    autocomplete: 'off',
  });
  const title = h('input', { type: 'text', id: 'feed-title', name: 'title', autocomplete: 'off' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Follow this feed');
  const form = h(
    'form',
    { class: 'feed-form', 'aria-labelledby': 'feed-form-heading' },
    h('h2', { id: 'feed-form-heading' }, 'Follow a feed'),
    h(
      'p',
      { class: 'hint' },
      'RSS, Atom, JSON Feed, an OPML list, a news sitemap or a page that names its feed. ',
      'It is polled by the stream’s watcher, politely (robots.txt, one request at a time per site).',
    ),
    h('div', { class: 'field' }, h('label', { for: 'feed-url' }, 'Feed address'), url),
    h('div', { class: 'field' }, h('label', { for: 'feed-title' }, 'Name (optional)'), title),
    error,
    h('div', { class: 'form-actions' }, submit),
  );
  on(form, 'submit', (event) => {
    event.preventDefault();
    const address = url.value.trim();
    error.hidden = true;
    if (!address) {
      url.setAttribute('aria-invalid', 'true');
      url.focus();
      return;
    }
    submit.disabled = true;
    addFeed(address, title.value.trim() || undefined).then(
      ({ feed, added }) => {
        submit.disabled = false;
        url.value = '';
        title.value = '';
        url.removeAttribute('aria-invalid');
        onAdded(added ? `Following ${feed.url}.` : `${feed.url} was followed already.`);
      },
      (err: unknown) => {
        submit.disabled = false;
        url.setAttribute('aria-invalid', 'true');
        error.textContent = err instanceof Error ? err.message : String(err);
        error.hidden = false;
        url.focus();
      },
    );
  });
  return form;
}

/** Builds the page once the feeds have arrived. */
export async function feedsPage(): Promise<HTMLElement> {
  const status = h('p', { class: 'success', role: 'status' });
  const list = h('div', { class: 'feeds-list' });
  const render = (feeds: Feed[]): void => {
    const failing = feeds.filter((f) => f.status === 'failing').length;
    list.replaceChildren(
      h(
        'h2',
        {},
        feeds.length === 0
          ? 'No feeds yet'
          : `${plural(feeds.length, 'feed')}${failing > 0 ? `, ${failing} failing` : ''}`,
      ),
      feeds.length === 0
        ? emptyState('Add a feed above: its articles will be grouped into stories as they arrive.')
        : h(
            'ul',
            { class: 'feed-list' },
            feeds.map((f) => feedItem(f, onRemove)),
          ),
    );
  };
  const refresh = async (message: string): Promise<void> => {
    render(await listFeeds());
    status.textContent = message;
  };
  const onRemove = (feed: Feed, button: HTMLButtonElement): void => {
    if (!confirm(`Stop following ${feed.title?.trim() || feed.url}? The articles already stored stay.`)) return;
    button.disabled = true;
    removeFeed(feed.id)
      .then(() => refresh(`Stopped following ${feed.url}.`))
      .catch((err: unknown) => {
        button.disabled = false;
        status.textContent = `Could not remove the feed: ${err instanceof Error ? err.message : String(err)}`;
      });
  };
  let feeds: Feed[];
  try {
    feeds = await listFeeds();
  } catch (err) {
    if (!(err instanceof ApiError) || err.status !== 404) throw err;
    return h(
      'div',
      { class: 'page page-feeds' },
      h('h1', { tabindex: -1 }, 'Feeds'),
      emptyState('This server does not follow feeds: it serves stories made by hand only.'),
    );
  }
  render(feeds);
  const reload = on(h('button', { type: 'button' }, 'Check again'), 'click', () => void refresh('Updated.'));
  return h(
    'div',
    { class: 'page page-feeds' },
    h('h1', { tabindex: -1 }, 'Feeds'),
    h(
      'p',
      { class: 'lead' },
      'Parallax reads each new article of these feeds once, places it in a story and says why. ',
      h('a', { href: '#/' }, 'The stories'),
      ' appear as soon as two reports of the same event have arrived.',
    ),
    addForm((message) => void refresh(message)),
    status,
    h('p', {}, reload),
    list,
  );
}
