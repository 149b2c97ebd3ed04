import type { DateValue, DifferenceRelation } from '../model.js';

/**
 * A date value in words (plain text; the renderer escapes it): the day, or "between A and B" for a range, never one
 * day of a range shown as if it were the date; "(inferred from …)" when it was not stated.
 */
export function dateValueText(d: DateValue): string {
  const date = d.earliest && d.latest ? `between ${d.earliest} and ${d.latest}` : d.value;
  return d.inferred ? `${date} (inferred from ${d.basis})` : date;
}

/** What a difference's relation means for the reader, or null for reports made before it existed. */
export function relationText(relation: DifferenceRelation | undefined): string | null {
  switch (relation) {
    case 'conflict':
      return 'conflict: the sources disagree about the same time';
    case 'update':
      return 'update: the versions hold for different dates (a timeline, not a contradiction)';
    case 'unknown-timing':
      return 'timing unknown: a date is unknown, so this may be the story moving on rather than a contradiction';
    default:
      return null;
  }
}
