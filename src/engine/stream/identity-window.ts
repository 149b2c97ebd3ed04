/**
 * The wire-copy index of the stream, bounded: copies of one text appear within days, so the index holds only the
 * latest articles, one to two generations of them. When article `k * generation + 1` arrives, the index is rebuilt from
 * storage with the previous generation only. Because the generations are fixed by stream position, the index after a
 * restart is rebuilt to exactly what it was, and wire-copy decisions do not depend on when the process restarted.
 */
import { ArticleIdentityIndex, type IdentityVerdict } from '../../core/stream/article-identity.js';
import type { ClusterInput, StreamRepository } from '../storage/stream-repository.js';

/** Articles read from storage per query while rebuilding. */
const PAGE = 1_000;

/** The stored articles an identity index holds at a position: the first `seq` of the window, and the last. */
export function identityWindow(lastSeq: number, generation: number): { after: number; upTo: number } {
  const rotations = Math.floor(Math.max(0, lastSeq - 1) / generation);
  return { after: Math.max(0, (rotations - 1) * generation), upTo: lastSeq };
}

/** What the index is told about a stored article. */
function identityInput(input: Pick<ClusterInput, 'id' | 'text' | 'publishedAt' | 'outlet'>) {
  return { id: input.id, urlKey: null, text: input.text, publishedAt: input.publishedAt, outlet: input.outlet };
}

/** The bounded wire-copy index over the stored stream. */
export class IdentityWindow {
  private index = new ArticleIdentityIndex();

  /** @param generation articles per generation */
  constructor(
    private readonly repo: StreamRepository,
    private readonly generation: number,
  ) {}

  /** Rebuilds the index as it stands once article `lastSeq` is stored (a rotation at `lastSeq` included). */
  async rebuild(lastSeq: number): Promise<void> {
    const { after, upTo } = identityWindow(lastSeq, this.generation);
    const index = new ArticleIdentityIndex();
    for (let from = after; from < upTo;) {
      const page = await this.repo.clusterInputs(from, upTo, PAGE);
      if (page.length === 0) break;
      for (const input of page) index.add(identityInput(input));
      from = page.at(-1)!.seq;
    }
    this.index = index;
  }

  /**
   * Tells what the article about to be stored as `seq` is (new, or a copy of a stored one), and remembers it. Rotates
   * the generations first when `seq` starts a new one.
   */
  async identify(
    seq: number,
    article: Pick<ClusterInput, 'id' | 'text' | 'publishedAt' | 'outlet'>,
  ): Promise<IdentityVerdict> {
    // The window as of `seq` (not stored yet, so read up to the one before): the previous generation only.
    if (seq > 1 && (seq - 1) % this.generation === 0) await this.rebuild(seq);
    return this.index.add(identityInput(article));
  }
}
