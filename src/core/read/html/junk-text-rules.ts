/**
 * Rules that recognise a short non-article paragraph by its wording: timestamp and byline lines, photo credits,
 * ad labels, newsletter prompts and author contact notes. They only look at short blocks, so prose that merely mentions
 * these words is kept.
 */
import type { JunkVerdict } from './junk-rules.js';

/** Blocks longer than this are never judged by wording. */
const MAX_CHARS = 260;

const TIMESTAMP = /^(updated|posted|published|last updated|first published|modified)\b[\s:]*(at|on)?\s*.{0,60}$/i;
/** What a stamp holds after its keyword: a clock time, a numeric date, a month name or "ago". */
const STAMP_VALUE =
  /\d{1,2}:\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bago\b|\d{1,2}\s*[ap]\.?m\b/i;
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|da|al|bin|el|la|le)){0,4}";
/** Case-sensitive so that names must be capitalised: "By Name", "By Name and Name", "By Name - date/outlet"; a sentence ("By Monday, the river...") does not match. */
const BYLINE = new RegExp(`^[Bb][Yy]\\s+${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*(?:\\s*[-–—|]\\s*.{0,60})?$`, 'u');
const CREDIT =
  /^(\(?\s*(image|photo|picture|photograph|foto|credit|source|illustration)s?\s*(credit)?\s*:|©|\(©|copyright\b)/i;
const CREDIT_TAIL = /\((image|photo|picture|credit)s?:[^)]{1,60}\)$/i;
const AD_LABEL =
  /^(advert|advertisement|sponsored|sponsored content|ad|continue reading below|story continues below( advertisement)?|article continues below( advertisement)?)$/i;
/** A newsletter prompt names what is sent (newsletter, inbox, alerts) and asks to sign up or subscribe. */
const SUBSCRIBE_ACTION = /\b(sign[- ]?up|subscribe)\b/i;
const SUBSCRIBE_OBJECT = /\b(newsletters?|inbox|email alerts?|delivered to your)\b/i;
/** A heading that introduces other stories ("More Great Stories", "Related news", "You may also like..."). */
const RELATED_LABEL =
  /^((more|related|recommended|popular|trending|latest|top|other)\b.{0,30}\b(stories|news|articles|reads|videos|coverage|content|posts|links)|you may (also )?like|you might (also )?like|don'?t miss|see more|read more|also read|read next|most (read|popular|viewed)|related)\s*[:.…]*$/i;
const CONTACT = /\bfollow (him|her|them|us|me) on (twitter|facebook|instagram)\b|\b(may|can) be reached at\b/i;

function credit(text: string): boolean {
  return CREDIT.test(text) || (CREDIT_TAIL.test(text) && text.length < 200);
}

/** Judges a short leaf block by its wording; null when it reads like article text. */
export function junkByText(text: string): JunkVerdict | null {
  if (text.length > MAX_CHARS) return null;
  if (AD_LABEL.test(text.replace(/[\s.:…-]+$/, '')))
    return { reason: 'promo', rule: 'html-ad-label', detail: 'ad label' };
  if (text.length < 100 && TIMESTAMP.test(text) && STAMP_VALUE.test(text))
    return { reason: 'timestamp', rule: 'html-timestamp-line', detail: 'timestamp line' };
  if (text.length < 100 && BYLINE.test(text))
    return { reason: 'byline', rule: 'html-byline-line', detail: 'byline line' };
  if (text.length < 60 && RELATED_LABEL.test(text))
    return { reason: 'related-content', rule: 'html-related-label', detail: 'related-stories label' };
  if (credit(text)) return { reason: 'photo-credit', rule: 'html-credit-line', detail: 'credit line' };
  if (SUBSCRIBE_ACTION.test(text) && SUBSCRIBE_OBJECT.test(text)) {
    return { reason: 'subscription-prompt', rule: 'html-newsletter-prompt', detail: 'newsletter prompt' };
  }
  if (CONTACT.test(text)) return { reason: 'byline', rule: 'html-contact-note', detail: 'author contact note' };
  return null;
}
