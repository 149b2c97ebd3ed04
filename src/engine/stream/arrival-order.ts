/**
 * The order articles reach the clusterer in. Articles are fetched and read several at a time, and reading finishes
 * in any order (the worker pool does not keep it); but the stream's order is the queue's: a JSON Lines stream's own
 * order, a backlog's dates. Each article takes a ticket when it starts, in queue order, and is stored only after the
 * articles before it: without limit behind articles that carry their text (they take no network time), for a while
 * only behind one whose page is being fetched, so that a slow host cannot hold up the stream.
 */

/** An article's place in the arrival order. */
export interface Ticket {
  readonly number: number;
  /** True for an article read from its entry (no fetch): later such articles wait for it without limit. */
  readonly strict: boolean;
}

interface Outstanding {
  ticket: Ticket;
  done: Promise<void>;
  finish: () => void;
}

/** Hands out tickets in start order and lets each article wait for its turn. */
export class ArrivalOrder {
  private next = 0;
  private readonly outstanding = new Map<number, Outstanding>();

  /** @param holdMs longest wait behind an article whose page is fetched */
  constructor(private readonly holdMs: number) {}

  /** A ticket for the next article started. */
  take(strict: boolean): Ticket {
    const ticket = { number: this.next++, strict };
    let finish = (): void => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.outstanding.set(ticket.number, { ticket, done, finish });
    return ticket;
  }

  /** Resolves when the articles before this one are stored or gone (or, behind a fetched page, after the hold). */
  async turn(ticket: Ticket): Promise<void> {
    const earlier = [...this.outstanding.values()].filter((o) => o.ticket.number < ticket.number);
    const unbounded = earlier.filter((o) => ticket.strict && o.ticket.strict).map((o) => o.done);
    const bounded = earlier.filter((o) => !(ticket.strict && o.ticket.strict)).map((o) => o.done);
    let timer: NodeJS.Timeout | undefined;
    const hold = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.holdMs)));
    try {
      await Promise.all([...unbounded, Promise.race([Promise.all(bounded), hold])]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The article is stored, failed or was left in the queue: the ones after it may go. */
  finish(ticket: Ticket): void {
    this.outstanding.get(ticket.number)?.finish();
    this.outstanding.delete(ticket.number);
  }
}
