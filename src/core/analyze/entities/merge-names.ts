import type { NameCandidate } from './find-candidates.js';
import { addVotes, noVotes, winningType, type TypeVotes } from './type-votes.js';
import { pushTo } from '../../push-to.js';

/** The candidates that name one referent across the story, with their summed type evidence. */
export interface NameCluster {
  candidates: NameCandidate[];
  votes: TypeVotes;
  /** True when a full (multi-word) personal name is part of the cluster. */
  hasFullPersonName: boolean;
}

interface Group {
  key: string;
  words: string[];
  candidates: NameCandidate[];
  votes: TypeVotes;
}

/** Groups candidates by exact name key and sums their votes. */
function groupByKey(candidates: readonly NameCandidate[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const c of candidates) {
    let g = groups.get(c.key);
    if (!g) {
      g = { key: c.key, words: c.key.split(' '), candidates: [], votes: noVotes() };
      groups.set(c.key, g);
    }
    g.candidates.push(c);
    g.votes = addVotes(g.votes, c.votes);
  }
  return groups;
}

/** True when a group is firmly a place or institution by gazetteer, so it must never join a person's name. */
function isGazetteerName(g: Group): boolean {
  return g.votes.place >= 8 * g.candidates.length || g.votes.organization >= 10 * g.candidates.length;
}

/** Full personal names ("Ned Price") indexed by their last word ("price"). */
function indexBySurname(groups: Iterable<Group>): Map<string, Group[]> {
  const index = new Map<string, Group[]>();
  for (const g of groups) {
    if (g.words.length < 2 || winningType(g.votes) !== 'person') continue;
    const last = g.words.at(-1)!;
    pushTo(index, last, g);
  }
  return index;
}

/** Organization names of two words or more, indexed by each of their proper suffixes of two words or more. */
function indexBySuffix(groups: Iterable<Group>): Map<string, Group[]> {
  const index = new Map<string, Group[]>();
  for (const g of groups) {
    if (winningType(g.votes) !== 'organization') continue;
    for (let k = 1; k <= g.words.length - 2; k++) {
      const suffix = g.words.slice(k).join(' ');
      pushTo(index, suffix, g);
    }
  }
  return index;
}

/** The longer names a group may join: a surname's full personal name, or an organization's fuller name. */
function fullerNames(g: Group, bySurname: Map<string, Group[]>, bySuffix: Map<string, Group[]>): Group[] {
  if (g.words.length === 1) return isGazetteerName(g) ? [] : (bySurname.get(g.key) ?? []);
  return winningType(g.votes) === 'organization' ? (bySuffix.get(g.key) ?? []) : [];
}

/** Picks the full name a surname mention refers to: the only one in the story, else the only one in its article. */
function pickFullName(c: NameCandidate, fulls: readonly Group[]): Group | null {
  if (fulls.length === 1) return fulls[0]!;
  const local = fulls.filter((g) => g.candidates.some((o) => o.articleId === c.articleId));
  return local.length === 1 ? local[0]! : null;
}

/**
 * Merges name candidates into one cluster per referent: exact names first, then a surname alone ("Price") joins the
 * full personal name given elsewhere in the story ("Ned Price"), unless the surname is a gazetteer place or institution,
 * and an organization's shorter name ("Security Council") joins its only fuller one.
 */
export function mergeNames(candidates: readonly NameCandidate[]): NameCluster[] {
  const groups = groupByKey(candidates);
  const bySurname = indexBySurname(groups.values());
  const bySuffix = indexBySuffix(groups.values());
  const target = new Map<NameCandidate, Group>();
  for (const g of groups.values()) {
    const fulls = fullerNames(g, bySurname, bySuffix);
    for (const c of g.candidates) target.set(c, pickFullName(c, fulls) ?? g);
  }
  const clusters = new Map<Group, NameCluster>();
  for (const c of candidates) {
    const g = target.get(c)!;
    let cluster = clusters.get(g);
    if (!cluster) {
      cluster = { candidates: [], votes: noVotes(), hasFullPersonName: false };
      clusters.set(g, cluster);
    }
    cluster.candidates.push(c);
    cluster.votes = addVotes(cluster.votes, c.votes);
    if (g.words.length >= 2 && winningType(g.votes) === 'person') cluster.hasFullPersonName = true;
  }
  return [...clusters.values()];
}
