import { CANONICAL_FORMS } from '../../lexicon/places.js';
import { boundedMemo } from '../../run-context.js';

/**
 * Keys already computed: the same names come back for every mention, merge and alias pass. A module-level memo, as
 * the run-context rules allow for a pure function of a short string: a name's key is the same in every run.
 */
const keys = boundedMemo<string, string>(20000);

/** The matching key of a name: lower case, plain apostrophes and hyphens, no diacritics, single spaces. */
export function nameKey(name: string): string {
  return keys.get(name, computeNameKey);
}

/** Computes `nameKey` (unmemoized). */
function computeNameKey(name: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = /^[\x00-\x7f]*$/.test(name) ? name : name.normalize('NFKD');
  return plain
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑–]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A URL-safe slug of a name, for entity ids. */
export function slug(name: string): string {
  return (
    nameKey(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'entity'
  );
}

/** The merging key of a name: its name key without a leading "the", with short forms of places and bodies expanded. */
export function canonicalKey(name: string): string {
  const key = nameKey(name).replace(/^the /, '');
  const whole = CANONICAL_FORMS.get(key);
  if (whole) return whole;
  const space = key.indexOf(' ');
  const head = space > 0 ? CANONICAL_FORMS.get(key.slice(0, space)) : undefined;
  return head ? head + key.slice(space) : key;
}
