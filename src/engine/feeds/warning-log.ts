/**
 * Collects the warnings about one source, one per kind of problem with a count and the first few positions, so that a
 * feed with 2,000 undated items gives one readable line rather than 2,000.
 */
import type { FeedWarning, FeedWarningCode } from './types.js';

/** How many positions a warning lists. */
const EXAMPLES = 5;

const WHAT: Readonly<Record<FeedWarningCode, string>> = {
  'item-without-link': 'without a link (kept when they carry the article, dropped otherwise)',
  'item-without-date': 'without a date',
  'unknown-date-format': 'with a date in an unknown format (left undated)',
  'relative-link-resolved': 'with a relative link, resolved against the base address',
  'unsafe-link-dropped': 'with a link that is not an http(s) address or cannot be resolved (dropped)',
  'entry-limit-reached': 'over the entry limit (dropped)',
  'malformed-xml-recovered': '',
  'entity-declarations-ignored': '',
  'bad-line': 'that could not be read (skipped)',
  'outline-without-url': 'without a feed address (skipped)',
};

/** The warnings of one source, grouped by code. */
export class WarningLog {
  private readonly byCode = new Map<FeedWarningCode, FeedWarning>();
  /** The first item's own reason, per code (e.g. why line 3 is not valid JSON). */
  private readonly firstDetail = new Map<FeedWarningCode, string>();

  /** Notes one item (at `position`) with the problem `code`; `detail` says why, and the first one is shown. */
  note(code: FeedWarningCode, position: number, detail?: string): void {
    const w = this.byCode.get(code) ?? { code, message: '', count: 0, examples: [] };
    w.count++;
    if (w.examples.length < EXAMPLES) w.examples.push(position);
    this.byCode.set(code, w);
    if (detail !== undefined && !this.firstDetail.has(code)) this.firstDetail.set(code, `${position}: ${detail}`);
  }

  /** Notes a problem of the whole source, with its message. */
  noteSource(code: FeedWarningCode, message: string): void {
    this.byCode.set(code, { code, message, count: 1, examples: [] });
  }

  /** Notes `count` items dropped in one go (e.g. over the entry limit), from position `first`. */
  noteMany(code: FeedWarningCode, count: number, first: number): void {
    if (count <= 0) return;
    const examples = Array.from({ length: Math.min(EXAMPLES, count) }, (_, i) => first + i);
    this.byCode.set(code, { code, message: '', count, examples });
  }

  /** The first `max` items; the rest are dropped and noted as over the entry limit. */
  keepFirst<T>(items: readonly T[], max: number): T[] {
    const kept = items.slice(0, max);
    this.noteMany('entry-limit-reached', items.length - kept.length, max + 1);
    return kept;
  }

  /** The warnings, with their messages written out. */
  list(unit = 'item'): FeedWarning[] {
    return [...this.byCode.values()].map((w) => {
      const detail = this.firstDetail.get(w.code);
      const message = w.message || describe(w, unit) + (detail ? `; ${unit} ${detail}` : '');
      return { ...w, message };
    });
  }
}

/** "3 items without a date (at 0, 4, 7)": the count, the problem, and where. */
function describe(w: FeedWarning, unit: string): string {
  const noun = w.count === 1 ? unit : `${unit}s`;
  const more = w.count > w.examples.length ? ', ...' : '';
  const where = w.examples.length ? ` (${noun} ${w.examples.join(', ')}${more})` : '';
  return `${w.count} ${noun} ${WHAT[w.code]}${where}`;
}
