/** Frequent function words of each supported language (words shared by several languages are left out). */
const STOP_WORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'was',
    'that',
    'with',
    'for',
    'on',
    'are',
    'this',
    'have',
    'has',
    'by',
    'from',
    'it',
    'which',
    'were',
    'be',
    'not',
    'they',
    'he',
    'she',
    'said',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'que',
    'y',
    'en',
    'por',
    'con',
    'para',
    'una',
    'es',
    'se',
    'lo',
    'como',
    'más',
    'pero',
    'sus',
    'fue',
    'ha',
    'este',
    'esta',
  ],
  fr: [
    'le',
    'les',
    'des',
    'et',
    'est',
    'du',
    'une',
    'dans',
    'pour',
    'qui',
    'que',
    'pas',
    'sur',
    'au',
    'avec',
    'il',
    'elle',
    'sont',
    'ce',
    'cette',
    'mais',
    'aux',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'den',
    'von',
    'zu',
    'sich',
    'des',
    'auf',
    'für',
    'ein',
    'eine',
    'dem',
    'auch',
    'es',
    'sie',
    'wird',
    'wurde',
  ],
  it: [
    'il',
    'della',
    'che',
    'di',
    'per',
    'con',
    'non',
    'una',
    'sono',
    'gli',
    'nel',
    'alla',
    'anche',
    'come',
    'più',
    'ha',
    'è',
    'dei',
    'delle',
    'questo',
  ],
  pt: [
    'o',
    'os',
    'as',
    'do',
    'da',
    'dos',
    'das',
    'que',
    'em',
    'para',
    'com',
    'não',
    'uma',
    'por',
    'mais',
    'foi',
    'seu',
    'sua',
    'ao',
    'é',
    'também',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'dat',
    'niet',
    'met',
    'voor',
    'zijn',
    'op',
    'te',
    'ook',
    'maar',
    'bij',
    'wordt',
    'werd',
    'naar',
    'heeft',
    'deze',
  ],
};

const CODES = Object.keys(STOP_WORDS);

/** A word: a run of letters. */
const WORDS = /\p{L}+/gu;

/** For each function word, the indexes (into CODES) of the languages that list it. */
const LANGUAGES_OF = new Map<string, number[]>();
Object.values(STOP_WORDS).forEach((words, k) => {
  for (const w of words) LANGUAGES_OF.set(w, [...(LANGUAGES_OF.get(w) ?? []), k]);
});

/**
 * Detects the language of a text by counting each language's function words. Returns an ISO 639-1 code, or null when
 * the text is too short or no language stands out (the best must reach 15% of the words and beat the next by half).
 */
export function detectLanguage(text: string): string | null {
  const hits = CODES.map(() => 0);
  let words = 0;
  const lower = text.toLowerCase();
  // An exec loop (WORDS never matches the empty string) is a little cheaper than matchAll on long bodies.
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(lower); m !== null; m = WORDS.exec(lower)) {
    words++;
    const languages = LANGUAGES_OF.get(m[0]);
    if (languages) for (const k of languages) hits[k]!++;
  }
  if (words < 8) return null;
  // A stable sort by hits keeps the languages' listed order among ties.
  const scores = CODES.map((code, k) => ({ code, hits: hits[k]! })).sort((a, b) => b.hits - a.hits);
  const [best, second] = scores;
  if (!best || best.hits / words < 0.15) return null;
  if (second && best.hits < second.hits * 1.5) return null;
  return best.code;
}
