import type { Citation } from '../model.js';

/** One numbered citation of a rendered report. */
export interface NumberedCitation {
  n: number;
  citation: Citation;
}

/** Numbers citations in the order a renderer meets them; the same span always gets the same number. */
export class CitationRegistry {
  private readonly byKey = new Map<string, NumberedCitation>();

  /** The number of a citation, assigning the next one on first sight. */
  number(citation: Citation): number {
    const key = `${citation.articleId}\u0000${citation.embed ?? ''}\u0000${citation.start}\u0000${citation.end}`;
    let entry = this.byKey.get(key);
    if (!entry) {
      entry = { n: this.byKey.size + 1, citation };
      this.byKey.set(key, entry);
    }
    return entry.n;
  }

  /** Every citation met so far, in number order. */
  entries(): NumberedCitation[] {
    return [...this.byKey.values()];
  }
}
