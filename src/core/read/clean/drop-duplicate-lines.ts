import { decide, type LineRule } from './rule.js';
import { pushTo } from '../../push-to.js';

/** A line seen this many times or more is the page's template (a question asked of each interviewee): it stays. */
const TEMPLATE_REPEATS = 3;

/**
 * Removes the second copy of a line that occurs exactly twice (pull quotes, doubled captions, repeated headers); lines
 * repeated more often are the structure of the piece and stay.
 */
export const dropDuplicateLines: LineRule = {
  name: 'drop-duplicate-lines',
  apply(context) {
    const seen = new Map<string, number[]>();
    for (const line of context.lines) {
      const key = line.text.toLowerCase();
      pushTo(seen, key, line.index);
    }
    const items: { index: number; reason: 'duplicate'; detail: string }[] = [];
    for (const [first, second] of [...seen.values()].filter((v) => v.length > 1 && v.length < TEMPLATE_REPEATS)) {
      if (first === undefined || second === undefined || context.decisions.has(second)) continue;
      if ((context.features[second]?.words ?? 0) < 2) continue;
      items.push({ index: second, reason: 'duplicate', detail: `repeats line ${first + 1}` });
    }
    return decide(this.name, items);
  },
};
