/**
 * Invented articles (fiction written for the tests, about a ferry line that does not exist) and generated inputs that
 * are genuinely costly to analyze: long texts whose reading takes far longer than the budgets the tests set, and texts
 * dense with names, quotes, numbers and dates whose analysis needs far more memory than a small heap.
 */

/** Three short invented reports of one event. */
export const FERRY_ARTICLES = [
  'The Harbor Line ferry resumed service on Sunday after a storm kept it in port for three days, the operator said.\n\n' +
    'Captain Mara Velt said the first crossing carried 212 passengers. "The sea was calm again," she said.\n\n' +
    'Extra crossings will run on Monday and Tuesday for travellers who could not leave during the closure.',
  'Ferries to Gull Island sailed again on Sunday, ending a three-day halt caused by high winds.\n\n' +
    'About 200 people were on the first boat, according to the Harbor Line. Captain Mara Velt called the return ' +
    '"a relief for the whole island."\n\n' +
    'Shop owners on the island said the closure had cost them a busy weekend.',
  'The storm that stopped ferry traffic for three days has passed, and the Harbor Line was running on Sunday.\n\n' +
    'The operator said two extra crossings would be added on Monday. Captain Mara Velt said the crew had used the ' +
    'pause to check the engines.',
] as const;

/** One varied sentence of the ferry story (numbered so that no two neighbours are the same). */
function ferrySentence(i: number): string {
  return (
    `The ferry from Harbor ${i % 97} left at ${(i % 12) + 1} o'clock, and Captain Mara Velt${i % 13} said the ` +
    `crossing was calm.`
  );
}

/** A long text of ordinary paragraphs, about `chars` characters: reading it takes many seconds (see the tests). */
export function longText(chars: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i += 2) {
    const p = `${ferrySentence(i)} ${ferrySentence(i + 1)}`;
    paragraphs.push(p);
    size += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A text of `sentences` sentences, each with a new name, a quote, a number and a date: heavy on analysis memory. */
export function denseText(sentences: number): string {
  return Array.from(
    { length: sentences },
    (_, i) => `Mayor Dana Ortiz${i} said "we will open pier ${i}" on May ${(i % 28) + 1}.`,
  ).join(' ');
}
