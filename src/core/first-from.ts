/**
 * "The first position at or after `pos` where something is", remembered. Scanners that ask it for positions in text
 * order (every opening mark of a line asking for its closing mark) would otherwise search the same stretch again at
 * every question: a line of many openings and no closing took time in the square of its length. Asked again from
 * inside the stretch it last searched, it answers at once: nothing is in that stretch before the answer it found.
 */
export class FirstFrom {
  private searchedFrom = -1;
  private found = -1;

  /** `find(pos)`: the first position at or after `pos` (-1 when none), for a text that does not change. */
  constructor(private readonly find: (pos: number) => number) {}

  /** The first position at or after `pos`, or -1. */
  from(pos: number): number {
    const known = this.searchedFrom >= 0 && pos >= this.searchedFrom && (this.found < 0 || pos <= this.found);
    if (!known) {
      this.searchedFrom = pos;
      this.found = this.find(pos);
    }
    return this.found;
  }
}
