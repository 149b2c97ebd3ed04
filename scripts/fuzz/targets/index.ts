/**
 * Every input path the fuzzer covers. A new parser of outside text plugs in with one line, e.g. for the feed readers:
 * `textParserTarget({ name: 'feeds', parse: (text) => parseFeed(text, { source: 'fuzz' }) }),`
 */
import type { FuzzTarget } from '../target.js';
import { batchTarget } from './batch.js';
import { fileTarget } from './file.js';
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
