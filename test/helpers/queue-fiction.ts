// A fictional article stream for the queue tests, written for them: each story happens in an invented town to an
// invented person, so that its articles share names no other story has, and the clusterer groups them surely.
import { seededRandom } from '../../scripts/lib/seeded-random.js';

const SYLLABLES = ['bra', 'del', 'mor', 'quin', 'tas', 'vel', 'zor', 'phe', 'lun', 'gar', 'ost', 'rim', 'ska', 'tev'];
const EVENTS = [
  ['flood', 'The river burst its banks after three days of rain and water reached the market square.'],
  ['fire', 'A fire broke out in a warehouse near the rail yard and burned through the night.'],
  ['strike', 'Bus drivers walked off the job over pay and the depot stood empty all morning.'],
  ['election', 'Voters chose a new mayor after a close count that ran late into the evening.'],
  ['bridge', 'The old stone bridge was closed after engineers found deep cracks in two arches.'],
] as const;
const OUTLETS = ['Northern Ledger', 'Valley Courier', 'Coastal Times', 'Evening Gazette'];
// Each report of a story ends in its own words: the reports are not copies of one another.
const CLOSINGS = [
  'More news is expected later in the day.',
  'Shops on the main street stayed shut until noon.',
  'A second meeting was called for the morning after.',
  'Volunteers handed out tea and blankets at the school.',
];

function word(next: () => number, syllables: number): string {
  const parts = Array.from({ length: syllables }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!);
  const text = parts.join('');
  return text[0]!.toUpperCase() + text.slice(1);
}

/** An article as a JSON Lines stream gives it (`parallax cluster`, `parallax ingest`). */
export interface ArticleLine {
  id: string;
  url?: string;
  outlet?: string;
  date?: string;
  title?: string;
  text?: string;
}

/** One fictional article with the story it belongs to. */
export interface FictionalArticle {
  story: number;
  doc: ArticleLine;
}

/** The articles as a JSON Lines file's text. */
export function jsonLines(stream: readonly FictionalArticle[]): string {
  return stream.map((a) => JSON.stringify(a.doc)).join('\n') + '\n';
}

/**
 * `stories` stories of `perStory` articles each, in time order (story k on day k, its articles an hour apart), the
 * articles of one story written from one set of names. Ids are `a<story>-<n>`.
 */
export function fictionalStream(stories: number, perStory: number, seed = 7): FictionalArticle[] {
  const next = seededRandom(seed);
  const out: FictionalArticle[] = [];
  for (let s = 0; s < stories; s++) {
    const town = `${word(next, 3)}${s}`;
    const person = `${word(next, 2)} ${word(next, 3)}`;
    const agency = `${word(next, 2)} Council`;
    const [event, line] = EVENTS[s % EVENTS.length]!;
    for (let n = 0; n < perStory; n++) {
      const date = new Date(Date.UTC(2024, 0, 1 + s, 8 + n)).toISOString();
      out.push({
        story: s,
        doc: {
          id: `a${s}-${n}`,
          url: `https://news.example/${town.toLowerCase()}/${n}`,
          outlet: OUTLETS[n % OUTLETS.length]!,
          date,
          title: `${town} ${event}: ${person} speaks for the ${agency}`,
          text: `${line} In ${town}, ${person} of the ${agency} said the town would recover. ${person} told reporters in ${town} that the ${agency} had met twice. Residents of ${town} gathered outside the ${agency} offices to hear ${person}. ${CLOSINGS[n % CLOSINGS.length]} (${OUTLETS[n % OUTLETS.length]}, report ${n + 1}.)`,
        },
      });
    }
  }
  return out;
}
