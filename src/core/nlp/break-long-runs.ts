/**
 * A bound on word length for wink-nlp. wink's tokenizer tests every token with patterns such as `/[a-z].*\.$/`, which
 * try each position of the token and run to its end from there: a token of L characters costs L² steps, so one
 * 100,000-character "word" (a text with no spaces, a long run of hyphenated words) took minutes. Real words, and even
 * long links, are far shorter (the longest in the seeds, the extraction pages, NeuS and PolNeAR has 87 characters),
 * so texts with no run longer than the bound are never changed; in a longer run, every `MAX_RUN`-th character is read
 * as a space. The length of the text stays the same, so offsets into it stay valid.
 */

/** Longest run of non-space characters read whole. */
export const MAX_RUN = 256;

/** True for the white space that ends a token (as `\s` defines it). */
function isSpace(c: string): boolean {
  return /\s/.test(c);
}

/** `text` with every run of more than `max` non-space characters broken by a space every `max` characters. */
export function breakLongRuns(text: string, max = MAX_RUN): string {
  let run = 0;
  let parts: string[] | null = null;
  let done = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text[i]!)) {
      run = 0;
      continue;
    }
    if (++run <= max) continue;
    // The character after `max` in a row becomes a space (a low surrogate is left whole with its pair).
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    parts ??= [];
    parts.push(text.slice(done, i), ' ');
    done = i + 1;
    run = 0;
  }
  if (!parts) return text;
  parts.push(text.slice(done));
  return parts.join('');
}
