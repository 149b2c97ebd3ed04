/**
 * Words that put what follows them in the future: an auxiliary ("will", "is set to"), or a plan word right before the
 * date ("scheduled for", "due"). Past forms stop the look-back ("will respond to the report released Monday").
 */
const FUTURE_AUXILIARY =
  /\b(?:will|won['’]t|shall)\b|['’]ll\b|(?:\b(?:is|are)|['’](?:s|re))\s+(?:(?:set|scheduled|slated|expected|due|going|poised|planning|preparing)\s+to|to\s+be)\b/gi;

/** A passive or perfect after the auxiliary ("will be released", "will have met"): its participle is no past verb. */
const PARTICIPLE_AFTER_BE = /\b(?:be|been|have)\s+\p{L}+/giu;

/** Plan words right before a date ("scheduled for Friday", "due Friday", "set for Thursday"). */
const PLAN_BEFORE = /\b(?:scheduled|set|slated|planned|due|expected)\s+(?:for\s+|on\s+)?(?:as early as\s+)?$/i;

/** Words in the stretch between a future auxiliary and the date that show the date belongs to a past event. */
const PAST_BETWEEN = /\b(?:said|says|was|were|had|has|have|did|\p{L}{3,}ed|made|held|began|told|wrote|took|gave)\b|;/iu;

/** A sentence break (case matters: "U.K. and" goes on). */
const SENTENCE_BREAK = /[.!?]\s+\p{Lu}/u;

/**
 * The future seen from the past ("said he would meet Friday"), or from another event ("ahead of his address on
 * Wednesday"): the day may be before or after the writing day.
 */
const FUTURE_IN_PAST =
  /\b(?:would|could|might|ahead of|in advance of|in the run-up to)\b|\b(?:was|were)\s+(?:(?:set|scheduled|slated|expected|due|going|poised|planning)\s+to|to\s+be)\b/gi;

/** How far back (characters) a future auxiliary may stand from the date it governs. */
const LOOK_BACK = 120;

/** True when the last match of `cue` in `before` governs what ends it: no sentence break or past verb in between. */
function governs(before: string, cue: RegExp): boolean {
  let lastEnd = -1;
  for (const m of before.matchAll(cue)) lastEnd = m.index + m[0].length;
  if (lastEnd < 0) return false;
  const between = before.slice(lastEnd);
  return !SENTENCE_BREAK.test(between) && !PAST_BETWEEN.test(between.replace(PARTICIPLE_AFTER_BE, ' '));
}

/**
 * True when the date expression at `index` names a time still to come in its clause: a future auxiliary shortly
 * before it with no past verb in between ("will announce on Thursday"), or a plan word right before it ("scheduled
 * for Friday"). News reports the past: without such a cue a weekday is read backward.
 */
export function isFutureSlot(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - LOOK_BACK), index);
  return PLAN_BEFORE.test(before) || governs(before, FUTURE_AUXILIARY);
}

/**
 * True when the date expression at `index` stands in a future seen from the past ("said they would meet Friday",
 * "was set to vote Tuesday"): the day can fall before or after the writing day, so a bare weekday there names no day.
 */
export function isFutureInPastSlot(text: string, index: number): boolean {
  return governs(text.slice(Math.max(0, index - LOOK_BACK), index), FUTURE_IN_PAST);
}
