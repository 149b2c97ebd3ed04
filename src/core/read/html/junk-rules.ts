/**
 * Rules that recognise non-article blocks inside Readability's article element by their form: the element type,
 * class/id words that name a widget (share bar, newsletter box, caption, ad slot), or a block made only of links.
 * Each rule looks at one element and returns why it is junk, or null.
 */
import type { RemovalReason } from '../../model.js';

/** What a rule found: the removal reason, the rule that fired (a stable kebab-case name) and what it saw. */
export interface JunkVerdict {
  reason: RemovalReason;
  rule: string;
  detail: string;
}

/** A class/id rule: the words it matches in one class token, the removal reason and its stable name. */
interface NameRule {
  pattern: RegExp;
  reason: RemovalReason;
  rule: string;
}

/** Class/id words naming hidden or pop-up markup: never visible article text, even inside a paragraph. */
const HIDDEN_RULE: NameRule = {
  rule: 'html-hidden-markup',
  pattern:
    /^(hidden|is-hidden|sr-only|visually-?hidden|screen-reader-text|offscreen|u-hidden|robots-nocontent|noprint|no-print)$|^print[-_]|(tooltip|popover|hovercard|rollover)[-_]?\w*[-_](block|content|body|card|box|panel)$|^(tooltip|popover|hovercard)$/i,
  reason: 'markup',
};

/** Class/id words naming image credits and captions. */
const CAPTION_RULE: NameRule = {
  pattern: /caption|^credit|[-_]credit|image[-_]?credit|photo[-_]?credit|^copyright/i,
  reason: 'photo-caption',
  rule: 'html-caption-class',
};

/** Class/id words naming widgets, with the removal reason each implies. Matched against single class tokens. */
const CLASS_RULES: readonly NameRule[] = [
  HIDDEN_RULE,
  CAPTION_RULE,
  {
    pattern: /^(ad|ads|advert\w*|advertisement|ad[-_]\w+|\w+[-_]ad|dfp\w*|gpt[-_]\w+|sponsor\w*)$/i,
    reason: 'promo',
    rule: 'html-ad-slot',
  },
  { pattern: /share|sharing|social|sociable|addthis|follow[-_]?us/i, reason: 'navigation', rule: 'html-share-widget' },
  {
    pattern: /newsletter|subscri|signup|sign-up|paywall|regwall|piano/i,
    reason: 'subscription-prompt',
    rule: 'html-subscription-box',
  },
  {
    pattern:
      /related|recommend|more[-_]?stories|more[-_]?news|read[-_]?more|readmore|outbrain|taboola|trending|most[-_]?popular|most[-_]?read|sidebar|^rail$|[-_]rail$|widget/i,
    reason: 'related-content',
    rule: 'html-related-widget',
  },
  {
    pattern: /breadcrumb|^tags?$|tag[-_]?list|^topics?$|pagination|pager/i,
    reason: 'navigation',
    rule: 'html-navigation-widget',
  },
  { pattern: /cookie|consent|gdpr|^modal/i, reason: 'markup', rule: 'html-consent-banner' },
  {
    pattern: /^comments?$|comments?[-_](section|count|link|wrap|area|container)|disqus/i,
    reason: 'other',
    rule: 'html-comments',
  },
  {
    pattern:
      /byline|author[-_]?(name|info|bio|box|block|details)?$|dateline|timestamp|publish(ed)?[-_]?(date|time|at)|^date$|[-_]date$/i,
    reason: 'byline',
    rule: 'html-byline-block',
  },
];

/** Class/id words naming image and gallery containers: junk only when they hold little text (see drop pass). */
const MEDIA_PATTERN =
  /(^|[-_])(inline)?(image|img|photo|picture|gallery|slideshow|media|video)s?[-_]?(embed|wrap|wrp|wrapper|container|block|box|holder|frame|noscript)?$/i;

/** Rules safe inside a paragraph: hidden markup and captions. */
const INLINE_RULES = [HIDDEN_RULE, CAPTION_RULE];
/** The media-container rule, as a rule list. */
const MEDIA_RULES: readonly NameRule[] = [
  { pattern: MEDIA_PATTERN, reason: 'photo-caption', rule: 'html-media-container' },
];

/** Tags that never hold article prose. */
const TAG_RULES: Record<string, RemovalReason> = {
  NAV: 'navigation',
  ASIDE: 'related-content',
  FOOTER: 'other',
  FORM: 'other',
  FIGCAPTION: 'photo-caption',
};

/** The class tokens and id of an element. */
function nameTokens(el: Element): string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  // Most elements have neither: no string to build.
  if (cls === '' && id === '') return [];
  return `${cls} ${id}`.split(/\s+/).filter((t) => t.length > 0);
}

function matchRules(el: Element, rules: readonly NameRule[]): JunkVerdict | null {
  const names = nameTokens(el);
  if (names.length === 0) return null;
  // camelCase names ("InlineImage-imageEmbed") are split so that their words can be matched like dashed ones.
  const tokens = names.map((t) => t.replace(/([a-z])([A-Z])/g, '$1-$2'));
  for (const rule of rules) {
    const token = tokens.find((t) => rule.pattern.test(t));
    if (token) return { reason: rule.reason, rule: rule.rule, detail: `class/id "${token}"` };
  }
  return null;
}

/** An element named as a widget by one of its class tokens or its id. */
export function junkByName(el: Element): JunkVerdict | null {
  return matchRules(el, CLASS_RULES);
}

/** An inline element named as hidden markup or a caption (safe to cut out of a paragraph). */
export function junkInlineByName(el: Element): JunkVerdict | null {
  return matchRules(el, INLINE_RULES);
}

/** An image or gallery container (by class/id), to be dropped when it holds only a caption-sized text. */
export function mediaByName(el: Element): JunkVerdict | null {
  return matchRules(el, MEDIA_RULES);
}

/** An element whose tag never holds article prose (nav, aside, footer, form, figcaption). */
export function junkByTag(el: Element): JunkVerdict | null {
  const reason = TAG_RULES[el.tagName.toUpperCase()];
  return reason ? { reason, rule: 'html-non-prose-tag', detail: `<${el.tagName.toLowerCase()}>` } : null;
}
