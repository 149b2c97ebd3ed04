/**
 * Reads the dates feeds carry: RFC 822/2822 (RSS: "Tue, 04 May 2021 09:30:00 GMT", named zones, two-digit years),
 * ISO 8601 / RFC 3339 (Atom, JSON Feed, Dublin Core, sitemaps: "2021-05-04T09:30:00+02:00", "2021-05-04"). Anything
 * else is an unknown format: reported, never guessed (the engine's `Date.parse` accepts much that means nothing).
 */

/** A date read from a source: ISO 8601 in UTC, or null; `unknown` when a value was there but not readable. */
export interface FeedDate {
  value: string | null;
  unknown: boolean;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Named zones of RFC 822 (and common North American ones), as minutes east of UTC. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
};

const RFC822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;
const ISO =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$/i;

/** Minutes east of UTC of a zone written "+0200", "+02:00", "-05", "GMT"; undefined when unknown. */
function zoneOffset(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return ZONES[zone.toLowerCase()];
}

/** A UTC time from parts, or null when a part is out of range (31 February, 25 o'clock). */
function utc(parts: {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offset: number;
}): string | null {
  const { y, mo, d, h, mi, s, offset } = parts;
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60 || y < 1900 || y > 2200) return null;
  const day = new Date(Date.UTC(y, mo, d));
  if (day.getUTCMonth() !== mo) return null;
  return new Date(Date.UTC(y, mo, d, h, mi, Math.min(s, 59)) - offset * 60_000).toISOString();
}

function fromRfc822(m: RegExpExecArray): string | null {
  const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
  const offset = zoneOffset(m[7]);
  if (month === undefined || offset === undefined) return null;
  let y = Number(m[3]);
  // RFC 2822: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999.
  if ((m[3] ?? '').length === 2) y += y < 50 ? 2000 : 1900;
  return utc({ y, mo: month, d: Number(m[1]), h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0), offset });
}

function fromIso(m: RegExpExecArray): string | null {
  // A time without a zone is read as UTC (RFC 3339 requires a zone; feeds that omit it are most often UTC).
  const offset = zoneOffset(m[7]);
  if (offset === undefined) return null;
  return utc({
    y: Number(m[1]),
    mo: Number(m[2]) - 1,
    d: Number(m[3] ?? 1),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    offset,
  });
}

/** Reads a feed date (a string, or a Date some parsers give); null value and `unknown` when it cannot be read. */
export function parseFeedDate(raw: unknown): FeedDate {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? { value: null, unknown: true } : { value: raw.toISOString(), unknown: false };
  }
  if (typeof raw !== 'string') return { value: null, unknown: raw !== undefined && raw !== null };
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return { value: null, unknown: false };
  const rfc = RFC822.exec(text);
  const iso = rfc ? null : ISO.exec(text);
  const value = rfc ? fromRfc822(rfc) : iso ? fromIso(iso) : null;
  return { value, unknown: value === null };
}
