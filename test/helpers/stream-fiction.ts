/**
 * Fictional news for the stream tests and the end-to-end benchmark, written for them: made-up towns, people and
 * outlets on `.example` domains, events of a few kinds, and each outlet's own wording of each event, as article pages
 * and as RSS feeds. Nothing here is copied from a real article.
 */

/** The fictional outlets: name and site. */
export const OUTLETS = [
  { name: 'Harbor Ledger', host: 'harbor-ledger.example' },
  { name: 'Valley Gazette', host: 'valley-gazette.example' },
  { name: 'North Star Times', host: 'north-star-times.example' },
  { name: 'Coastline Courier', host: 'coastline-courier.example' },
  { name: 'Prairie Dispatch', host: 'prairie-dispatch.example' },
] as const;

/** A made-up word from syllables (distinct for every `n`): towns and people that do not exist. */
export function madeUpName(n: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tsu', 'vor', 'pel', 'dra', 'nix', 'qua', 'sel', 'bru', 'tam', 'osk'];
  let word = '';
  for (let k = n * 7 + 11; word.length < 8; k = Math.floor(k / syllables.length) + 3) {
    word += syllables[k % syllables.length];
  }
  return word.charAt(0).toUpperCase() + word.slice(1) + n.toString(36);
}

/** One fictional event: where, who, and a figure, of one of a few kinds. */
export interface FictionEvent {
  n: number;
  kind: 'ferry' | 'bridge' | 'council' | 'flood' | 'school';
  town: string;
  person: string;
  figure: number;
}

const KINDS: FictionEvent['kind'][] = ['ferry', 'bridge', 'council', 'flood', 'school'];

/** The `n`th fictional event. */
export function fictionEvent(n: number): FictionEvent {
  return {
    n,
    kind: KINDS[n % KINDS.length]!,
    town: madeUpName(n),
    person: madeUpName(n + 50_000),
    figure: 100 + n * 7,
  };
}

/** Each kind's facts, worded three ways (one per outlet style). */
const WORDING: Record<FictionEvent['kind'], (e: FictionEvent) => { title: string[]; lines: string[][] }> = {
  ferry: (e) => ({
    title: [
      `${e.town} ferry resumes after storm`,
      `Ferries sail again to ${e.town}`,
      `${e.town} crossing reopens as winds ease`,
    ],
    lines: [
      [
        `The ferry to ${e.town} resumed service on Sunday after a storm kept the boats in port for three days.`,
        `Captain ${e.person} said the first crossing carried ${e.figure} passengers.`,
        `"The sea was calm again this morning," ${e.person} said.`,
      ],
      [
        `Boats to ${e.town} sailed again on Sunday, ending a three-day halt caused by high winds.`,
        `About ${e.figure} people were on the first boat, according to Captain ${e.person}.`,
        `Shop owners in ${e.town} said the closure had cost them a busy weekend.`,
      ],
      [
        `Ferry traffic to ${e.town} was running again on Sunday once the storm had passed.`,
        `Captain ${e.person} said the crew used the pause to check the engines before carrying ${e.figure} travellers.`,
        `Extra crossings to ${e.town} will run on Monday.`,
      ],
    ],
  }),
  bridge: (e) => ({
    title: [
      `${e.town} bridge closed for repairs`,
      `Cracks shut the ${e.town} bridge`,
      `Drivers face detours as ${e.town} bridge closes`,
    ],
    lines: [
      [
        `Engineers closed the old bridge in ${e.town} on Tuesday after inspectors found cracks in two of its supports.`,
        `Works director ${e.person} said repairs would take ${e.figure} days.`,
        `"Nobody crosses until the supports are safe," ${e.person} said.`,
      ],
      [
        `The bridge over the river at ${e.town} was shut on Tuesday when cracks were found in its supports.`,
        `${e.person}, who leads the works department, expects the repairs to last ${e.figure} days.`,
        `Buses to ${e.town} will take the northern road meanwhile.`,
      ],
      [
        `Drivers in ${e.town} faced long detours on Tuesday after the town closed its bridge over cracked supports.`,
        `Works director ${e.person} put the repairs at ${e.figure} days.`,
        `Residents of ${e.town} asked for a temporary footbridge.`,
      ],
    ],
  }),
  council: (e) => ({
    title: [
      `${e.town} council approves new budget`,
      `Budget passes in ${e.town}`,
      `${e.town} councillors back spending plan`,
    ],
    lines: [
      [
        `The ${e.town} council approved its new budget on Wednesday by a vote of ${e.figure % 9} to 2.`,
        `Mayor ${e.person} said the plan adds money for roads and the library.`,
        `"This budget fixes what we promised to fix," ${e.person} said.`,
      ],
      [
        `Councillors in ${e.town} passed the spending plan on Wednesday after a long debate.`,
        `Mayor ${e.person} said roads and the library would get more money.`,
        `Two councillors voted against the ${e.town} budget.`,
      ],
      [
        `A majority of the ${e.town} council backed the new budget on Wednesday.`,
        `The plan of Mayor ${e.person} spends more on roads, the library and ${e.figure} new street lights.`,
        `Opponents in ${e.town} said taxes would rise.`,
      ],
    ],
  }),
  flood: (e) => ({
    title: [`Floods hit ${e.town}`, `${e.town} streets under water`, `River overflows in ${e.town}`],
    lines: [
      [
        `Heavy rain flooded the lower streets of ${e.town} on Thursday and ${e.figure} homes were evacuated.`,
        `Fire chief ${e.person} said the water was still rising at noon.`,
        `"Stay away from the river banks," ${e.person} said.`,
      ],
      [
        `The river burst its banks in ${e.town} on Thursday, forcing people out of ${e.figure} homes.`,
        `${e.person}, the fire chief, warned that more rain was on the way.`,
        `Schools in ${e.town} closed for the day.`,
      ],
      [
        `Streets in ${e.town} were under water on Thursday after a night of heavy rain.`,
        `Fire chief ${e.person} said crews had moved families out of ${e.figure} homes near the river.`,
        `Volunteers in ${e.town} filled sandbags at the market hall.`,
      ],
    ],
  }),
  school: (e) => ({
    title: [`New school opens in ${e.town}`, `${e.town} pupils get a new school`, `${e.town} school opens its doors`],
    lines: [
      [
        `A new primary school opened in ${e.town} on Monday with places for ${e.figure} pupils.`,
        `Head teacher ${e.person} said the building has a library and a garden.`,
        `"The children chose the name themselves," ${e.person} said.`,
      ],
      [
        `Pupils in ${e.town} started lessons on Monday in a new primary school.`,
        `${e.person}, the head teacher, said ${e.figure} children had enrolled.`,
        `Parents in ${e.town} had waited six years for the school.`,
      ],
      [
        `The doors of the new ${e.town} primary school opened on Monday.`,
        `Head teacher ${e.person} welcomed ${e.figure} pupils and their families.`,
        `The old school building in ${e.town} will become a community centre.`,
      ],
    ],
  }),
};

/** A fictional article: one outlet's report of one event. */
export interface FictionArticle {
  event: FictionEvent;
  outlet: (typeof OUTLETS)[number];
  title: string;
  /** Paragraphs of the body. */
  paragraphs: string[];
  /** Its page's path on the outlet's site. */
  path: string;
}

/** The report of `event` by outlet number `outlet` (its own wording, and a closing line of its own). */
export function fictionArticle(event: FictionEvent, outlet: number): FictionArticle {
  const o = OUTLETS[outlet % OUTLETS.length]!;
  const wording = WORDING[event.kind](event);
  const style = outlet % 3;
  const closing = `${o.name} will follow the story in ${event.town} as it develops, and readers can send news tips to the newsroom.`;
  // Every event has places of its own, which every report of it names: events of one kind stay apart.
  const square = madeUpName(event.n + 100_000);
  const market = madeUpName(event.n + 200_000);
  const local = [
    `Neighbours met at ${square} Square near the ${market} market to talk about what happened.`,
    `At the ${market} market and on ${square} Square, people spoke of little else.`,
    `The news spread quickly from ${square} Square to the stalls of the ${market} market.`,
  ][style]!;
  // ...and things of its own, named in every report of it (made-up words, lower case: terms rather than names).
  const [t1, t2, t3, t4] = [1, 2, 3, 4].map((k) => madeUpName(event.n * 4 + k + 300_000).toLowerCase());
  const detail = [
    `Inspectors listed the ${t1}, the ${t2} and the ${t3} among the first things to check, and the ${t4} next week.`,
    `The ${t2}, the ${t1} and the ${t3} were checked first; the ${t4} comes next week, officials said.`,
    `Officials named the ${t3}, the ${t1} and the ${t2} as the first concerns, with the ${t4} to follow.`,
  ][style]!;
  return {
    event,
    outlet: o,
    title: wording.title[style]!,
    paragraphs: [...wording.lines[style]!, local, detail, closing],
    path: `/news/${event.kind}-${event.n}-${outlet}`,
  };
}

/** Escapes text for HTML and XML. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The article's page: a plain news page with its headline, date, canonical link and paragraphs. */
export function articleHtml(
  article: Pick<FictionArticle, 'title' | 'paragraphs'> & { outlet: { name: string } },
  options: { canonical?: string; publishedAt?: string } = {},
): string {
  const head = [
    `<title>${escapeXml(article.title)} | ${escapeXml(article.outlet.name)}</title>`,
    `<meta property="og:site_name" content="${escapeXml(article.outlet.name)}">`,
    options.canonical ? `<link rel="canonical" href="${escapeXml(options.canonical)}">` : '',
    options.publishedAt ? `<meta property="article:published_time" content="${options.publishedAt}">` : '',
  ].join('');
  const body = article.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body><header><nav><a href="/">Home</a></nav></header><article><h1>${escapeXml(article.title)}</h1>\n${body}</article><footer>Copyright ${escapeXml(article.outlet.name)}</footer></body></html>`;
}

/** One item of a fictional RSS feed. */
export interface FeedItem {
  title: string;
  link: string;
  guid?: string;
  pubDate?: string | null;
  updated?: string;
  description?: string;
}

/** An RSS 2.0 feed of the items (dates as RFC 822 when given as ISO). */
export function rssFeed(title: string, items: readonly FeedItem[]): string {
  const date = (iso: string) => new Date(iso).toUTCString();
  const xmlItems = items
    .map(
      (i) =>
        `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link>` +
        (i.guid ? `<guid isPermaLink="false">${escapeXml(i.guid)}</guid>` : '') +
        (i.pubDate ? `<pubDate>${date(i.pubDate)}</pubDate>` : '') +
        (i.updated ? `<atom:updated>${i.updated}</atom:updated>` : '') +
        (i.description ? `<description>${escapeXml(i.description)}</description>` : '') +
        '</item>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${escapeXml(title)}</title><link>https://example.invalid/</link>${xmlItems}</channel></rss>`;
}
