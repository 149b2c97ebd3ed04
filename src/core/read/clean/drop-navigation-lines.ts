import { lineRule } from './rule.js';

/** Page controls: instructions about icons, buttons, sharing, following, printing, comments. */
const NAVIGATION =
  /^(?:click (?:the|on|to)\b|tap (?:the|here)\b|follow (?:us|topics|this)\b|share (?:this|on|via)\b|(?:share|tweet|email|print|comments?|close|menu|skip to (?:main )?content|back to top|view comments|show comments|leave a comment)$)/i;
/** Instructions that mention page widgets anywhere in a short line. */
const WIDGET =
  /\b(?:alert icon|bell icon|notification(?:s)? (?:icon|bell)|follow topics|cookie(?:s)? (?:policy|settings))\b/i;

/** Removes page-control lines ("Click the alert icon to follow topics:", "Share", "Print"). */
export const dropNavigationLines = lineRule({
  name: 'drop-navigation-lines',
  reason: 'navigation',
  detail: 'page control or instruction',
  test: (text, f) => f.words <= 15 && (NAVIGATION.test(text) || WIDGET.test(text)),
});
