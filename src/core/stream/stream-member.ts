/**
 * An article of a stream story as the storage and the API give it: where it came from, when it arrived and why it was
 * placed in its story. A plain data shape shared by the engine, the server and the web page.
 */
import type { AssignmentReason, Decision } from '../cluster/types.js';

/** A wire-copy link: the article copies `of` (share `overlap` of its text), the earliest of its copies is `original`. */
export interface WireLink {
  of: string;
  original: string;
  overlap: number;
}

/** An article of a stream story, with why it is there. */
export interface StreamMember {
  articleId: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  clusterDate: string;
  /** When it was first stored (arrival order is `seq`). */
  arrivedAt: string;
  seq: number;
  /** Number of versions (2 and more: edited in place). */
  versions: number;
  updatedAt: string;
  decision: Decision;
  /** The story it was placed in when it arrived (another one when that story was merged since). */
  assignedStoryId: string;
  reason: AssignmentReason;
  wire: WireLink | null;
}
