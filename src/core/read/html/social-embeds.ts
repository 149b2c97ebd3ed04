/**
 * Embedded social posts (tweets, Instagram and TikTok embeds) quoted by an article. They are evidence the article
 * cites, so they stay in the text as one paragraph each ("post text\n— Author (@handle) date"), the form the text reader
 * recognises and moves into `Article.embeds`. Readability tends to drop them with their "social" wrappers.
 */

const EMBED_CLASS =
  /^(twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|threads-embed)$/i;

/** Tags a wrapper may hold beside the post without being more than a wrapper. */
const WRAPPER_NOISE = new Set(['SCRIPT', 'NOSCRIPT', 'STYLE', 'BR']);

/** True for a blockquote that embeds a social post. */
export function isSocialEmbed(el: Element): boolean {
  if (el.tagName.toUpperCase() !== 'BLOCKQUOTE') return false;
  return (el.getAttribute('class') ?? '').split(/\s+/).some((c) => EMBED_CLASS.test(c));
}

function onlyChild(wrapper: Element, child: Element): boolean {
  for (const el of wrapper.children) if (el !== child && !WRAPPER_NOISE.has(el.tagName.toUpperCase())) return false;
  return (wrapper.textContent ?? '').trim() === (child.textContent ?? '').trim();
}

/**
 * Lifts each embedded post out of wrappers that hold nothing else, so that Readability judges the post itself.
 * `blockquotes` are the page's blockquotes (see `PageIndex`).
 */
export function unwrapSocialEmbeds(blockquotes: readonly Element[]): void {
  for (const quote of blockquotes) {
    if (!isSocialEmbed(quote)) continue;
    let wrapper = quote.parentElement;
    let outer: Element | null = null;
    while (wrapper && wrapper.tagName !== 'BODY' && onlyChild(wrapper, outer ?? quote)) {
      outer = wrapper;
      wrapper = wrapper.parentElement;
    }
    if (outer) outer.replaceWith(quote);
  }
}
