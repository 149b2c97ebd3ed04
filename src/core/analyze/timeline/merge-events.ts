import { statementStems } from '../../nlp/content-stems.js';
import type { Citation, DatePrecision, Provenance, TimelineEvent } from '../../model.js';

/** One article's report of a dated event, before merging. */
export interface EventReport {
  date: string;
  precision: DatePrecision;
  text: string;
  citation: Citation;
  inferred: boolean;
  /** Article order then offset: the story order of the report. */
  order: number;
}

/** True when two reports share enough content words (at least two, and half of the shorter one's). */
function similar(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared >= 2 && shared >= 0.5 * Math.min(a.size, b.size);
}

/** The statement that speaks for a group: the shortest one that still has four words, else the shortest. */
function representative(group: readonly EventReport[]): string {
  const byLength = [...group].sort((a, b) => a.text.length - b.text.length);
  return (byLength.find((r) => r.text.split(' ').length >= 4) ?? byLength[0]!).text;
}

/**
 * The rule that made an event: `timeline/dated-clause` for the clause around one date expression of one article,
 * `timeline/same-event` for several such reports (same date and precision, similar words) merged into one event.
 */
function provenanceOf(group: readonly EventReport[]): Provenance {
  return { stage: 'timeline', rule: group.length > 1 ? 'timeline/same-event' : 'timeline/dated-clause' };
}

/**
 * Merges reports of the same event (same date and precision, similar content) across and within articles, and orders
 * the events by date, then by where the story first reports them. A merged event is inferred only when every report's
 * date is.
 */
export function mergeEvents(reports: readonly EventReport[]): TimelineEvent[] {
  const groups: { reports: EventReport[]; stems: Set<string> }[] = [];
  for (const report of [...reports].sort((a, b) => a.order - b.order)) {
    const stems = statementStems(report.text);
    const group = groups.find(
      (g) =>
        g.reports[0]!.date === report.date && g.reports[0]!.precision === report.precision && similar(g.stems, stems),
    );
    if (group) {
      group.reports.push(report);
      for (const s of stems) group.stems.add(s);
    } else groups.push({ reports: [report], stems });
  }
  return groups
    .map((g) => ({ g, first: g.reports[0]! }))
    .sort((x, y) =>
      x.first.date < y.first.date ? -1 : x.first.date > y.first.date ? 1 : x.first.order - y.first.order,
    )
    .map(({ g, first }) => ({
      date: first.date,
      precision: first.precision,
      text: representative(g.reports),
      citations: uniqueCitations(g.reports.map((r) => r.citation)),
      inferred: g.reports.every((r) => r.inferred),
      provenance: provenanceOf(g.reports),
    }));
}

/** Citations without repeats (two dates in one sentence cite it once). */
function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.articleId}:${c.start}:${c.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
