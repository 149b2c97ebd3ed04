import { lineRule } from './rule.js';

/** "Updated at 5:19 p.m.", "Published May 17, 2021", "Last modified: ...". */
export const TIMESTAMP_LINE =
  /^(?:(?:last )?updated|published|posted|first published|last modified|modified|originally published)\b(?:\s+(?:at|on))?\s*:?\s*\S/i;

/** Removes publication/update stamps: short lines that start with an update or publish word. */
export const dropTimestamps = lineRule({
  name: 'drop-timestamps',
  reason: 'timestamp',
  detail: 'publication or update stamp',
  test: (text, f) => f.words <= 14 && TIMESTAMP_LINE.test(text),
});
