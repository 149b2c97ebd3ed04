/**
 * The date an arriving article is clustered with. Feeds state dates that are wrong now and then (a year off, in the
 * future, the epoch) and leave them out often; the clusterer's quiet window and time decay rest on them. A stated date
 * within reason is kept; one in the future (beyond a day's slack for time zones) or before the web's news era is
 * replaced by the time the article was fetched; a missing one too.
 */

/** What the date rests on. */
export type ClusterDateBasis = 'stated' | 'fetch-time' | 'clamped-future' | 'clamped-absurd';

/** The date to cluster with and why. */
export interface ClusterDate {
  /** ISO 8601 date-time. */
  date: string;
  basis: ClusterDateBasis;
}

/** Slack for a stated date ahead of the fetch time (time zones, clocks): one day. */
export const FUTURE_SLACK_MS = 86_400_000;

/** Dates before this are not news dates but errors (the epoch, year 0, a missing century). */
export const EARLIEST_NEWS_DATE = Date.UTC(1990, 0, 1);

/** The clustering date of an article stated to be published at `stated` (ISO, or null) and fetched at `fetchedAt`. */
export function clusterDate(stated: string | null | undefined, fetchedAt: number): ClusterDate {
  const fetched = { date: new Date(fetchedAt).toISOString() };
  if (stated === null || stated === undefined || stated.trim() === '') return { ...fetched, basis: 'fetch-time' };
  const time = Date.parse(stated);
  if (Number.isNaN(time) || time < EARLIEST_NEWS_DATE) return { ...fetched, basis: 'clamped-absurd' };
  if (time > fetchedAt + FUTURE_SLACK_MS) return { ...fetched, basis: 'clamped-future' };
  return { date: new Date(time).toISOString(), basis: 'stated' };
}
