/**
 * The run context: what one run of the pipeline shares between its stages (memos of per-text work, options), created
 * per run and passed to every stage, so that no stage keeps per-run data in a module-level cache.
 */

/** A memo that keeps at most `limit` entries, dropping the oldest first. */
export interface BoundedMemo<K, V> {
  /** The value stored for `key`, computed by `compute` and stored when absent. */
  get(key: K, compute: (key: K) => V): V;
  /** Stores a value computed elsewhere (e.g. a line read together with its neighbours), unless one is stored. */
  remember(key: K, value: V): void;
  /** The value stored for `key`, without computing it. */
  peek(key: K): V | undefined;
  /** How many entries are stored. */
  readonly size: number;
}

/** One bounded memo: insertion order is age order, so the first key is the oldest. */
export function boundedMemo<K, V>(limit: number): BoundedMemo<K, V> {
  const entries = new Map<K, V>();
  const store = (key: K, value: V): V => {
    if (entries.size >= limit) entries.delete(entries.keys().next().value as K);
    entries.set(key, value);
    return value;
  };
  return {
    get: (key, compute) => (entries.has(key) ? (entries.get(key) as V) : store(key, compute(key))),
    remember: (key, value) => {
      if (!entries.has(key)) store(key, value);
    },
    peek: (key) => entries.get(key),
    get size() {
      return entries.size;
    },
  };
}

/** What a run shares between its stages. */
export interface RunContext {
  /** The memo named `name` of this run (created on first use with `limit` entries at most). */
  memo<K, V>(name: string, limit: number): BoundedMemo<K, V>;
}

/** A fresh context for one run: nothing is shared with any other run. */
export function createRunContext(): RunContext {
  const memos = new Map<string, BoundedMemo<unknown, unknown>>();
  return {
    memo<K, V>(name: string, limit: number): BoundedMemo<K, V> {
      let memo = memos.get(name);
      if (!memo) {
        memo = boundedMemo<unknown, unknown>(limit);
        memos.set(name, memo);
      }
      return memo as BoundedMemo<K, V>;
    },
  };
}
