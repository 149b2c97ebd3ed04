import { WEEKDAYS } from '../lexicon/calendar.js';

/**
 * English function words and news filler ("said", "according") that say nothing about which event an article
 * reports. Lower case. Left out of the terms a story is matched on; their document frequency would only fill the index.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against ago all almost along already also although always am among an and another any
anyone anything are aren't around as at away back be became because become been before being below between both but
by came can can't cannot come could couldn't did didn't do does doesn't doing don't done down during each either else
even ever every few for from further get gets getting given go goes going gone got had hadn't has hasn't have haven't
having he he'd he'll he's her here hers herself him himself his how however i i'd i'll i'm i've if in into is isn't it
it's its itself just last least less let let's like made make makes many may maybe me might more most much must my
myself near neither never next no nor not now of off often on once one only onto or other others our ours
ourselves out over own per perhaps put rather really said same say saying says see seen several shall she she'd she'll
she's should shouldn't since so some still such take than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've thing things this those though three through thus to told too took
toward towards two under until up upon us use used very via was wasn't way we we'd we'll we're we've well were weren't
what what's whatever when where whether which while who who's whom whose why will with within without won't would
wouldn't yet you you'd you'll you're you've your yours yourself also according added adding asked called comes comment
comments including later like mr mrs ms dr news newly reportedly stated statement tell telling tells today tonight
week weeks year years yesterday tomorrow day days time times month months percent`.split(/\s+/),
);

/** Words that start with a capital letter but never name a person, organization or place (days, months). */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  ...WEEKDAYS,
  ...`january february march april may june july august september october november december jan feb mar apr jun jul
aug sep sept oct nov dec`.split(/\s+/),
]);
