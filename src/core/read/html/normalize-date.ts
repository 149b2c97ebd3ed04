/** Normalises the date strings found in page metadata to ISO 8601. */
import * as chrono from 'chrono-node';

/** An ISO date-time prefix: `2021-05-17`, optionally followed by a time and zone. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Normalises an ISO-looking value (keeping the time and zone when given). */
function fromIso(m: RegExpExecArray): string {
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (m[4] === undefined) return date;
  const zone = m[7] === undefined ? '' : m[7] === 'Z' ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${date}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
}

/** Returns an ISO date or date-time for a metadata value, or null when it holds no recognisable full date. */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  const iso = ISO.exec(s);
  if (iso) return fromIso(iso);
  const compact = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[T\s])/.exec(s);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  // Written-out dates ("May 17, 2021"): keep only the calendar day, since the zone is rarely stated.
  const parsed = chrono.strict.parse(s)[0]?.start;
  if (!parsed || !parsed.isCertain('day') || !parsed.isCertain('month') || !parsed.isCertain('year')) return null;
  return `${parsed.get('year')}-${pad(parsed.get('month') ?? 0)}-${pad(parsed.get('day') ?? 0)}`;
}
