import type { Article, DateMention, Entity, NumberMention } from '../model.js';
import { figureOf, statementAt, valueRange, type Figure } from './figures.js';
import { pushTo } from './push-to.js';
import type { Statement } from './statements.js';
import { timesCompatible, type EventTime } from './event-time.js';
import { statementTimes } from './statement-times.js';

/** What a statement says of its event that can tell it from another event of the same kind. */
export interface EventFrame {
  /** When it happened (empty: unknown). */
  times: EventTime[];
  /** The counts it gives, with what they count. */
  figures: Figure[];
}

/** Why two statements cannot report the same event. */
export type Incompatibility = 'time' | 'figures';

/** The story's annotations an event frame is read from. */
export interface FrameSources {
  articles: readonly Article[];
  dates: readonly DateMention[];
  numbers: readonly NumberMention[];
  entities: readonly Entity[];
}

/** Reads the event frame of every statement (by statement id). */
export function eventFrames(statements: readonly Statement[], story: FrameSources): Map<number, EventFrame> {
  const personIds = new Set(story.entities.filter((e) => e.type === 'person').map((e) => e.id));
  const persons = (s: Statement): Set<string> => new Set(s.entityIds.filter((id) => personIds.has(id)));
  const times = statementTimes(statements, { dates: story.dates, articles: story.articles, persons });
  const texts = new Map(story.articles.map((a) => [a.id, a.text]));
  const byArticle = new Map<string, Statement[]>();
  for (const s of statements) pushTo(byArticle, s.articleId, s);
  const figures = new Map<number, Figure[]>();
  for (const n of story.numbers) {
    const statement = statementAt(byArticle, n);
    const f = statement ? figureOf(n, statement, texts.get(n.articleId) ?? '', null) : null;
    if (statement && f) pushTo(figures, statement.id, f);
  }
  return new Map(statements.map((s) => [s.id, { times: times.get(s.id) ?? [], figures: figures.get(s.id) ?? [] }]));
}

/** True when two figures count the same thing: same event and counted class, and no two different sides named. */
function sameCount(a: Figure, b: Figure): boolean {
  return a.key === b.key && (a.side === null || b.side === null || a.side === b.side);
}

function rangesMeet(a: Figure, b: Figure): boolean {
  const x = valueRange(a);
  const y = valueRange(b);
  return x.low <= y.high && y.low <= x.high;
}

/**
 * True when the counts of two statements can describe one event: for every thing both count, some value of one agrees
 * with some value of the other (qualifiers read as ranges: "more than 200" agrees with 212, not with 65).
 */
function figuresCompatible(a: readonly Figure[], b: readonly Figure[]): boolean {
  for (const x of a) {
    const counted = b.filter((y) => sameCount(x, y));
    if (counted.length === 0) continue;
    const all = a.filter((z) => sameCount(z, x));
    if (!all.some((z) => counted.some((y) => rangesMeet(z, y)))) return false;
  }
  return true;
}

/**
 * Why two statements cannot report the same event, or null when they can: their times never meet, or they give one
 * count two values that cannot both hold. An unknown time or an absent figure separates nothing.
 */
export function incompatibility(a: EventFrame | undefined, b: EventFrame | undefined): Incompatibility | null {
  if (!a || !b) return null;
  if (!timesCompatible(a.times, b.times)) return 'time';
  if (!figuresCompatible(a.figures, b.figures)) return 'figures';
  return null;
}

/** A test telling whether two statements report different events (they must not be one fact). */
export function differentEvents(frames: ReadonlyMap<number, EventFrame>): (a: Statement, b: Statement) => boolean {
  return (a, b) => incompatibility(frames.get(a.id), frames.get(b.id)) !== null;
}

/** A test telling whether no date expression gives a statement's time (it could tell of an event at any time). */
export function unknownTime(frames: ReadonlyMap<number, EventFrame>): (s: Statement) => boolean {
  return (s) => !(frames.get(s.id)?.times ?? []).some((t) => t.basis === 'text');
}

/** A test telling whether two statements report events at times that never meet. */
export function differentTimes(frames: ReadonlyMap<number, EventFrame>): (a: Statement, b: Statement) => boolean {
  return (a, b) => incompatibility(frames.get(a.id), frames.get(b.id)) === 'time';
}
