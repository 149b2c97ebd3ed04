/** Reading numbers written in words or digits ("seven", "two dozen", "3,000", "1.5 million"). */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Multipliers written as words. */
export const SCALES: Record<string, number> = {
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

/** Vague amounts: plural scale words that give no figure ("dozens", "thousands of"), and a few fixed phrases. */
export const VAGUE_AMOUNTS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'scores', 'handful']);

/** True when a lower-case word is part of a number written in words. */
export function isNumberWord(word: string): boolean {
  return word in UNITS || word in SCALES;
}

/** The value of a number word alone (units and tens), or null. */
export function unitValue(word: string): number | null {
  return UNITS[word] ?? null;
}

/** The value of a digit string with thousands separators ("3,000", "1.5"), or null when it is not one. */
export function digitValue(text: string): number | null {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text)) return null;
  return Number(text.replace(/,/g, ''));
}

/**
 * Reads a run of number words ("two hundred and five", "twenty-five", "two dozen") and returns its value and the
 * number of words used, or null when the run does not start with a number word. "and" is allowed only inside a run.
 */
export function readNumberWords(words: readonly string[]): { value: number; used: number } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w === 'and' || w === '-') {
      if (!seen || !isNumberWord(words[i + 1] ?? '')) break;
      continue;
    }
    const unit = UNITS[w];
    const scale = SCALES[w];
    if (unit !== undefined) current += unit;
    else if (scale !== undefined) {
      current = (current || 1) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
    } else break;
    seen = true;
    used = i + 1;
  }
  return seen ? { value: total + current, used } : null;
}
