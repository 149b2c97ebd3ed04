/**
 * A target that misbehaves on request (throws, loops, allocates without end, or takes a set time), used by the tests
 * of the fuzzer itself to show that the watchdog turns each into a recorded problem and keeps going.
 */
import fc from 'fast-check';
import { materializeText } from '../mutations.js';
import type { FuzzTarget } from '../target.js';
import { OK, type Verdict } from '../verdict.js';

/** What the self-test target does with an input. */
export interface SelfTestInput {
  action: 'pass' | 'throw' | 'loop' | 'allocate' | 'sleep';
  ms?: number;
  /** The input is made of a text of this many characters first (its budget grows with it). */
  chars?: number;
}

/** The self-test target (not in the registry's default list). */
export const selfTestTarget: FuzzTarget<SelfTestInput> = {
  name: 'self-test',
  weight: 0,
  arbitrary: () => fc.record({ action: fc.constant('pass' as const) }),
  async run(input): Promise<Verdict> {
    if (input.chars) materializeText({ base: { literal: 'x'.repeat(input.chars) }, mutations: [], maxChars: Infinity });
    switch (input.action) {
      case 'throw':
        throw new TypeError('thrown on purpose');
      case 'loop':
        for (;;) {
          // Never yields: only terminating the worker ends it.
        }
      case 'allocate': {
        const hoard: number[][] = [];
        for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
      }
      case 'sleep':
        await new Promise((resolve) => setTimeout(resolve, input.ms ?? 0));
        return OK;
      default:
        return OK;
    }
  },
};
