import { lineRule } from './rule.js';

/** Universal account and paywall vocabulary. */
const PROMPT =
  /\b(?:subscribe|subscription|subscriber|sign(?:ed)? ?up|log ?in|logged in|sign ?in|newsletter|create (?:a free |an )?account|already (?:a |have an? )?(?:member|subscriber|account)|paywall|register (?:now|for free|to)|unlock (?:this|full|unlimited)|free trial)\b/i;
/** Reporting verbs: a sentence that reports on subscriptions (a news fact) is not a prompt. */
const REPORTING = /\b(?:said|says|told|according to|announced|reported)\b/i;
/** Second person or urgency: how prompts talk to the reader. */
const ADDRESS = /\b(?:you|your|today|now|here|free)\b/i;

/** Removes subscription and login prompts: short lines with account vocabulary that address the reader or are fragments. */
export const dropSubscriptionPrompts = lineRule({
  name: 'drop-subscription-prompts',
  reason: 'subscription-prompt',
  detail: 'account/subscription prompt',
  test: (text, f) =>
    f.words <= 25 && PROMPT.test(text) && !REPORTING.test(text) && (!f.terminal || f.words <= 12 || ADDRESS.test(text)),
});
