/**
 * Why an article of a stream story is there, in a sentence a reader understands ("It joined: it names Rosa Ferreira
 * and Port of Calloway and shares the words “strike” and “wages”; its words are 62% alike the story’s, dated 3 hours
 * from its articles."), and
 * the numbers behind it for whoever asks. Pure: no DOM.
 */
import type { SharedFeatures, StoryScore } from '../../src/core/cluster/types.js';
import type { StreamMember } from './api.js';

/** A member's reason as the API sends it (the server's `AssignmentReason`, read back from JSON). */
type AssignmentReason = StreamMember['reason'];

/** Names and words listed in a sentence before "and N more". */
const NAMED = 4;

/** "a", "a and b", "a, b and c", "a, b, c, d and 3 more". */
export function listWords(items: readonly string[], named = NAMED): string {
  const shown = items.slice(0, named);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

/** A share as a whole percentage ("62%"). */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** The time gap to a story's dates in words ("dated within the story’s span", "dated 3 hours from its articles"). */
export function gapWords(days: number | null): string | null {
  if (days === null) return null;
  if (days === 0) return 'dated within the story’s span';
  if (days < 1 / 24) return 'dated within an hour of its articles';
  if (days < 1) {
    const hours = Math.max(1, Math.round(days * 24));
    return `dated ${hours} hour${hours === 1 ? '' : 's'} from its articles`;
  }
  const whole = Math.round(days);
  return `dated ${whole} day${whole === 1 ? '' : 's'} from its articles`;
}

/** What an article shares with its story, in words: the names first, then the words, then the figures. */
export function sharedWords(shared: SharedFeatures): string | null {
  const names = [...shared.people, ...shared.organizations, ...shared.places, ...shared.otherNames];
  const parts = [
    names.length > 0 ? `names ${listWords(names)}` : null,
    shared.terms.length > 0 ? `shares the words ${listWords(shared.terms.map((t) => `“${t}”`))}` : null,
    shared.numbers.length > 0 ? `gives the same figures (${listWords(shared.numbers)})` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function scoreWords(score: StoryScore): string {
  const gap = gapWords(score.gapDays);
  return `its words are ${percent(score.similarity)} alike the story’s${gap ? `, ${gap}` : ''}`;
}

/** The reason of one member as a sentence. */
export function reasonSentence(member: Pick<StreamMember, 'decision' | 'reason'>, storyId: string): string {
  const reason: AssignmentReason = member.reason;
  if (member.decision === 'started' || !reason.chosen) {
    if (reason.features === 0) return 'It started this story: it had no names or words to match other stories on.';
    const nearest = reason.nearest;
    return nearest
      ? `It started this story: the nearest story it was compared with scored ${percent(nearest.score)}, ` +
          `below the ${percent(reason.threshold)} needed to join.`
      : 'It started this story: no story before it was close enough to compare.';
  }
  const chosen = reason.chosen;
  const shared = sharedWords(reason.shared);
  const verb = member.decision === 'merged' ? 'It joined and brought another story into it' : 'It joined';
  const elsewhere = chosen.storyId !== storyId ? ' (a story merged into this one since)' : '';
  const why = [shared ? `it ${shared}` : null, scoreWords(chosen)].filter(Boolean).join('; ');
  const sameOutlet = chosen.sameOutlet ? ' The story already had an article from this outlet.' : '';
  return `${verb}${elsewhere}: ${why}.${sameOutlet}`;
}

/** The numbers behind a reason, as label and value rows. */
export function reasonNumbers(reason: AssignmentReason): [string, string][] {
  const rows: [string, string][] = [];
  const score = (label: string, s: StoryScore): void => {
    rows.push([`${label}: similarity`, s.similarity.toFixed(3)]);
    rows.push([`${label}: score (after time gap and outlet)`, s.score.toFixed(3)]);
    rows.push([`${label}: time gap`, s.gapDays === null ? 'undated' : `${s.gapDays.toFixed(2)} days`]);
  };
  if (reason.chosen) score('Joined story', reason.chosen);
  if (reason.nearest) score('Nearest story', reason.nearest);
  if (reason.runnerUp) score(`Runner-up (${reason.runnerUp.storyId})`, reason.runnerUp);
  rows.push(['Score needed to join', reason.threshold.toFixed(3)]);
  rows.push(['Stories offered by the index / scored', `${reason.candidates} / ${reason.scored}`]);
  rows.push(['Features matched on', String(reason.features)]);
  return rows;
}
