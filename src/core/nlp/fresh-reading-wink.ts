/**
 * A wink-nlp instance that reads every text as if it were the first text the process read.
 *
 * wink-nlp learns while it reads: its cache (wink-nlp/src/cache.js, `add` through `getFeaturesIndex`) adds every word
 * missing from the model's lexicon to the lexicon's hash (`model.features.lexeme.hash`), and the tokenizer then looks
 * raw tokens up in that hash before splitting them (tokenizer.js `tokenize` and recursive-tokenizer.js through
 * dd-wrapper.js `addTokenIfInCache` and `isLexeme`). So a word learned in one text changes how later texts are split:
 * "Vellum’s," is split by the recursive tokenizer's word pattern, which keeps "Vellum’s" whole and learns it, and from
 * then on a bare "Vellum’s" is found in the hash and stays one token, where a process that had not read the comma form
 * splits it into "Vellum" and "’s". The values of the prefix, suffix and shape features grow the same way, with no
 * bound check (their indices are packed into a fixed number of bits).
 *
 * The learned words cannot simply be cut off again: the cache keeps their properties in a private array
 * (`extrinsicLexicon`) addressed by the word's index in the lexicon's list, and only ever appends to it. So before each
 * read this instance removes from the hashes every key learned since the model was loaded (the words are then learned
 * afresh, at new indices, when a text has them again), and cuts the prefix, suffix and shape lists back to their
 * loaded length (only the removed words point past it). The lexicon's list and the private array still grow by the
 * words each text learns, so once they hold `maxForgotten` forgotten words the instance is replaced by a newly loaded
 * one.
 */
import winkNLP, { type Model, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** A feature of wink's core model that the cache grows at run time: value → index, index → value. */
interface GrowingFeature {
  hash: Record<string, number>;
  list: string[];
  index: number;
}

/** The part of wink's core model this module reads (its `features`). */
interface CoreModel {
  features: Record<string, Partial<GrowingFeature>>;
}

/** How many forgotten words an instance may hold before it is replaced (about 100 bytes each). */
export const MAX_FORGOTTEN = 200_000;

/** Options of `freshReadingWink`. */
export interface FreshReadingOptions {
  /** Forgotten words held before the instance is replaced (default `MAX_FORGOTTEN`). */
  maxForgotten?: number;
}

let metaCER: unknown;

/**
 * The model's custom-entity meta model, loaded once. wink-eng-lite-web-model's loader stringifies its module-level copy
 * again on every call (load-cer-meta-model.js), so the string grows with each instance and a process that creates a few
 * dozen instances dies with "Invalid string length"; replacing instances needs it loaded only once.
 */
function sharedMetaCER(): unknown {
  metaCER ??= (model.metaCER as () => unknown)();
  return metaCER;
}

/** A loaded instance with the growing features of its own copy of the core model. */
interface Loaded {
  nlp: WinkMethods;
  lexeme: GrowingFeature;
  /** The other growing features (prefix, suffix, shape) with their length when loaded. */
  values: { feature: GrowingFeature; loaded: number }[];
  /** Length of the lexicon's list when loaded: words from there on were learned by reading. */
  loaded: number;
  /** Index in the lexicon's list from which words were learned since the last restore. */
  learnedFrom: number;
}

/** True for a feature with a hash, a list and an index (the ones the cache adds values to). */
function isGrowing(f: Partial<GrowingFeature> | undefined): f is GrowingFeature {
  return f !== undefined && typeof f.hash === 'object' && Array.isArray(f.list) && typeof f.index === 'number';
}

/** Loads a wink instance on its own copy of the core model, keeping a handle on the model's growing features. */
function load(pipe: readonly string[]): Loaded {
  let core: CoreModel | undefined;
  const theModel: Model = {
    ...model,
    core: () => {
      core = (model.core as () => CoreModel)();
      return core;
    },
    metaCER: sharedMetaCER,
  };
  const nlp = winkNLP(theModel, [...pipe]);
  const lexeme = core?.features.lexeme;
  if (!core || !isGrowing(lexeme)) throw new Error('wink-nlp: the core model has no lexicon to restore');
  const values = Object.entries(core.features)
    .filter(([name]) => name !== 'lexeme')
    .map(([, feature]) => feature)
    .filter(isGrowing)
    .map((feature) => ({ feature, loaded: feature.list.length }));
  const loaded = lexeme.list.length;
  return { nlp, lexeme, values, loaded, learnedFrom: loaded };
}

/** Brings an instance's hashes and value lists back to what they were when it was loaded. */
function restore(state: Loaded): void {
  const { hash, list } = state.lexeme;
  // Every key added since the last restore points at its own index in the list, from `learnedFrom` on.
  for (let i = state.learnedFrom; i < list.length; i++) {
    const word = list[i]!;
    if (hash[word] === i) delete hash[word];
  }
  state.learnedFrom = list.length;
  for (const { feature, loaded } of state.values) {
    for (let i = loaded; i < feature.list.length; i++) delete feature.hash[feature.list[i]!];
    feature.list.length = loaded;
    feature.index = loaded;
  }
}

/**
 * A wink-nlp instance with the given pipe whose `readDoc` reads each text from the lexicon as loaded, so that a text's
 * tokens, tags and entities never depend on what was read before. A document's token values, normals, tags and spans
 * stay valid; the prefix, suffix and shape of its unknown words only until the instance reads the next text.
 */
export function freshReadingWink(pipe: readonly string[], options: FreshReadingOptions = {}): WinkMethods {
  const maxForgotten = options.maxForgotten ?? MAX_FORGOTTEN;
  let state = load(pipe);
  const fresh = Object.create(state.nlp) as WinkMethods;
  fresh.readDoc = (text: string) => {
    if (state.lexeme.list.length - state.loaded > maxForgotten) state = load(pipe);
    else restore(state);
    return state.nlp.readDoc(text);
  };
  return fresh;
}
