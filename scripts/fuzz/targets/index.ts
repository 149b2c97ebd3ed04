/**
 * Every input path the fuzzer covers. A new parser of outside text plugs in with one line (see `feeds.ts`):
 * `textParserTarget({ name: 'sitemaps', parse: (text) => readSomething(text) }),`
 */
import type { FuzzTarget } from '../target.js';
import { batchTarget } from './batch.js';
import { clusterJsonlTarget } from './cluster-jsonl.js';
import { feedsTarget } from './feeds.js';
import { fileTarget } from './file.js';
import { httpFeedsTarget } from './http-feeds.js';
import { httpFormTarget, httpJsonTarget } from './http.js';
import { jsonTarget } from './json.js';
import { readerTarget } from './reader.js';
import { selfTestTarget } from './self-test.js';

/** The targets, by name. */
export const TARGETS: readonly FuzzTarget[] = [
  erased(fileTarget),
  erased(readerTarget),
  erased(jsonTarget),
  erased(batchTarget),
  erased(httpJsonTarget),
  erased(httpFormTarget),
  erased(feedsTarget),
  erased(clusterJsonlTarget),
  erased(httpFeedsTarget),
];

/** A target whose input type is forgotten: its inputs only ever come from its own generator (or a saved case of it). */
function erased<I>(target: FuzzTarget<I>): FuzzTarget {
  return target as unknown as FuzzTarget;
}

/** The target of a name (the self-test target included), or an error listing the names. */
export function targetNamed(name: string): FuzzTarget {
  const target = [...TARGETS, erased(selfTestTarget)].find((t) => t.name === name);
  if (!target) throw new Error(`unknown fuzz target "${name}" (targets: ${TARGETS.map((t) => t.name).join(', ')})`);
  return target;
}
