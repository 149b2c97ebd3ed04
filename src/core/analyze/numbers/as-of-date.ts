import type { DateMention, DateValue, Span } from '../../model.js';

/**
 * The date a figure holds for: the resolved date expression of its own sentence nearest to it (stated or inferred as
 * the expression was), else the article's reference date, always marked inferred.
 */
export function asOfDate(
  figure: Span,
  sentence: Span,
  dates: readonly DateMention[],
  reference: DateValue | null,
): DateValue | null {
  const inSentence = dates.filter((d) => d.date !== null && d.start >= sentence.start && d.end <= sentence.end);
  const distance = (d: DateMention) => Math.min(Math.abs(d.start - figure.end), Math.abs(figure.start - d.end));
  const nearest = [...inSentence].sort((a, b) => distance(a) - distance(b))[0];
  if (nearest?.date)
    return { value: nearest.date, inferred: nearest.inferred, basis: `date in the sentence: "${nearest.text}"` };
  if (!reference) return null;
  return { value: reference.value, inferred: true, basis: `article date (${reference.basis})` };
}
