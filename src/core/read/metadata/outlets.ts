/**
 * The outlet registry: a site's registrable domain (or a news host on a shared domain) to the outlet's name, for
 * common news sites. Facts only (names); no ratings. A site that is not listed gets a readable name made from its
 * domain ("example-news.co.uk" -> "Example News").
 */
import { parse } from 'tldts';

/** Outlet names by registrable domain or by host (a host entry wins over its domain's). */
const OUTLETS: Readonly<Record<string, string>> = {
  // News agencies
  'apnews.com': 'Associated Press',
  'reuters.com': 'Reuters',
  'afp.com': 'AFP',
  'upi.com': 'UPI',
  'bloomberg.com': 'Bloomberg',
  'dpa.com': 'dpa',
  'efe.com': 'EFE',
  'ansa.it': 'ANSA',
  'news.trust.org': 'Reuters',
  // United States
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'usatoday.com': 'USA Today',
  'latimes.com': 'Los Angeles Times',
  'chicagotribune.com': 'Chicago Tribune',
  'bostonglobe.com': 'The Boston Globe',
  'sfchronicle.com': 'San Francisco Chronicle',
  'nypost.com': 'New York Post',
  'nydailynews.com': 'New York Daily News',
  'newsday.com': 'Newsday',
  'miamiherald.com': 'Miami Herald',
  'tampabay.com': 'Tampa Bay Times',
  'ajc.com': 'The Atlanta Journal-Constitution',
  'dallasnews.com': 'The Dallas Morning News',
  'houstonchronicle.com': 'Houston Chronicle',
  'seattletimes.com': 'The Seattle Times',
  'denverpost.com': 'The Denver Post',
  'startribune.com': 'Star Tribune',
  'inquirer.com': 'The Philadelphia Inquirer',
  'freep.com': 'Detroit Free Press',
  'dispatch.com': 'The Columbus Dispatch',
  'azcentral.com': 'The Arizona Republic',
  'csmonitor.com': 'The Christian Science Monitor',
  'cnn.com': 'CNN',
  'foxnews.com': 'Fox News',
  'foxbusiness.com': 'Fox Business',
  'msnbc.com': 'MSNBC',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'npr.org': 'NPR',
  'pbs.org': 'PBS',
  'cnbc.com': 'CNBC',
  'thehill.com': 'The Hill',
  'politico.com': 'Politico',
  'axios.com': 'Axios',
  'vox.com': 'Vox',
  'slate.com': 'Slate',
  'salon.com': 'Salon',
  'theatlantic.com': 'The Atlantic',
  'newyorker.com': 'The New Yorker',
  'nymag.com': 'New York Magazine',
  'vanityfair.com': 'Vanity Fair',
  'time.com': 'Time',
  'newsweek.com': 'Newsweek',
  'usnews.com': 'U.S. News & World Report',
  'huffpost.com': 'HuffPost',
  'buzzfeednews.com': 'BuzzFeed News',
  'thedailybeast.com': 'The Daily Beast',
  'motherjones.com': 'Mother Jones',
  'thenation.com': 'The Nation',
  'newrepublic.com': 'The New Republic',
  'theintercept.com': 'The Intercept',
  'propublica.org': 'ProPublica',
  'vice.com': 'Vice',
  'mediaite.com': 'Mediaite',
  'theverge.com': 'The Verge',
  'wired.com': 'Wired',
  'arstechnica.com': 'Ars Technica',
  'businessinsider.com': 'Business Insider',
  'forbes.com': 'Forbes',
  'fortune.com': 'Fortune',
  'marketwatch.com': 'MarketWatch',
  'barrons.com': "Barron's",
  'news.yahoo.com': 'Yahoo News',
  'washingtonexaminer.com': 'Washington Examiner',
  'washingtontimes.com': 'The Washington Times',
  'nationalreview.com': 'National Review',
  'dailycaller.com': 'The Daily Caller',
  'dailywire.com': 'The Daily Wire',
  'breitbart.com': 'Breitbart News',
  'newsmax.com': 'Newsmax',
  'theepochtimes.com': 'The Epoch Times',
  'theblaze.com': 'TheBlaze',
  'townhall.com': 'Townhall',
  'thefederalist.com': 'The Federalist',
  'dailysignal.com': 'The Daily Signal',
  'freebeacon.com': 'Washington Free Beacon',
  'reason.com': 'Reason',
  'theamericanconservative.com': 'The American Conservative',
  'spectator.org': 'The American Spectator',
  'oann.com': 'One America News',
  'ijr.com': 'Independent Journal Review',
  'realclearpolitics.com': 'RealClearPolitics',
  'voanews.com': 'Voice of America',
  'rollcall.com': 'Roll Call',
  'militarytimes.com': 'Military Times',
  'defenseone.com': 'Defense One',
  'scotusblog.com': 'SCOTUSblog',
  'factcheck.org': 'FactCheck.org',
  'politifact.com': 'PolitiFact',
  'snopes.com': 'Snopes',
  'pewresearch.org': 'Pew Research Center',
  'poynter.org': 'Poynter',
  'edweek.org': 'Education Week',
  'variety.com': 'Variety',
  'hollywoodreporter.com': 'The Hollywood Reporter',
  'ibtimes.com': 'International Business Times',
  // United Kingdom and Ireland
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'theguardian.com': 'The Guardian',
  'thetimes.co.uk': 'The Times',
  'telegraph.co.uk': 'The Telegraph',
  'independent.co.uk': 'The Independent',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'dailymail.co.uk': 'Daily Mail',
  'mirror.co.uk': 'Daily Mirror',
  'thesun.co.uk': 'The Sun',
  'express.co.uk': 'Daily Express',
  'standard.co.uk': 'Evening Standard',
  'inews.co.uk': 'i',
  'news.sky.com': 'Sky News',
  'channel4.com': 'Channel 4',
  'itv.com': 'ITV',
  'spectator.co.uk': 'The Spectator',
  'newstatesman.com': 'New Statesman',
  'scotsman.com': 'The Scotsman',
  'heraldscotland.com': 'The Herald',
  'irishtimes.com': 'The Irish Times',
  'independent.ie': 'Irish Independent',
  'rte.ie': 'RTÉ',
  // Canada, Australia, New Zealand
  'cbc.ca': 'CBC News',
  'theglobeandmail.com': 'The Globe and Mail',
  'thestar.com': 'Toronto Star',
  'nationalpost.com': 'National Post',
  'globalnews.ca': 'Global News',
  'ctvnews.ca': 'CTV News',
  'abc.net.au': 'ABC News (Australia)',
  'smh.com.au': 'The Sydney Morning Herald',
  'theage.com.au': 'The Age',
  'theaustralian.com.au': 'The Australian',
  'news.com.au': 'news.com.au',
  'nzherald.co.nz': 'The New Zealand Herald',
  'stuff.co.nz': 'Stuff',
  'rnz.co.nz': 'RNZ',
  // Europe
  'lemonde.fr': 'Le Monde',
  'lefigaro.fr': 'Le Figaro',
  'liberation.fr': 'Libération',
  'france24.com': 'France 24',
  'rfi.fr': 'RFI',
  'spiegel.de': 'Der Spiegel',
  'zeit.de': 'Die Zeit',
  'faz.net': 'Frankfurter Allgemeine Zeitung',
  'sueddeutsche.de': 'Süddeutsche Zeitung',
  'welt.de': 'Die Welt',
  'tagesschau.de': 'tagesschau',
  'dw.com': 'Deutsche Welle',
  'elpais.com': 'El País',
  'elmundo.es': 'El Mundo',
  'corriere.it': 'Corriere della Sera',
  'repubblica.it': 'la Repubblica',
  'nrc.nl': 'NRC',
  'nos.nl': 'NOS',
  'politico.eu': 'Politico Europe',
  'euronews.com': 'Euronews',
  'euractiv.com': 'Euractiv',
  'swissinfo.ch': 'SWI swissinfo.ch',
  'nzz.ch': 'Neue Zürcher Zeitung',
  'thelocal.com': 'The Local',
  'kyivindependent.com': 'The Kyiv Independent',
  'themoscowtimes.com': 'The Moscow Times',
  'rt.com': 'RT',
  'tass.com': 'TASS',
  // Middle East, Africa, Asia
  'aljazeera.com': 'Al Jazeera',
  'haaretz.com': 'Haaretz',
  'timesofisrael.com': 'The Times of Israel',
  'jpost.com': 'The Jerusalem Post',
  'arabnews.com': 'Arab News',
  'thenationalnews.com': 'The National',
  'middleeasteye.net': 'Middle East Eye',
  'news24.com': 'News24',
  'thesouthafrican.com': 'The South African',
  'dailymaverick.co.za': 'Daily Maverick',
  'nation.africa': 'Nation',
  'premiumtimesng.com': 'Premium Times',
  'scmp.com': 'South China Morning Post',
  'japantimes.co.jp': 'The Japan Times',
  'asahi.com': 'The Asahi Shimbun',
  'nikkei.com': 'Nikkei',
  'asia.nikkei.com': 'Nikkei Asia',
  'koreaherald.com': 'The Korea Herald',
  'koreatimes.co.kr': 'The Korea Times',
  'straitstimes.com': 'The Straits Times',
  'channelnewsasia.com': 'CNA',
  'thehindu.com': 'The Hindu',
  'hindustantimes.com': 'Hindustan Times',
  'indianexpress.com': 'The Indian Express',
  'timesofindia.indiatimes.com': 'The Times of India',
  'ndtv.com': 'NDTV',
  'dawn.com': 'Dawn',
  'globaltimes.cn': 'Global Times',
  'xinhuanet.com': 'Xinhua',
  'english.news.cn': 'Xinhua',
  'chinadaily.com.cn': 'China Daily',
  // Latin America
  'folha.uol.com.br': 'Folha de S.Paulo',
  'globo.com': 'Globo',
  'clarin.com': 'Clarín',
  'lanacion.com.ar': 'La Nación',
  'eluniversal.com.mx': 'El Universal',
  'milenio.com': 'Milenio',
  'eltiempo.com': 'El Tiempo',
  'emol.com': 'El Mercurio',
};

/** Host prefixes of mobile, AMP and `www` copies of a site. */
const VARIANT_HOST = /^(?:www\d?|m|mobile|amp)\./;

/**
 * The site's host: lower case, without a trailing dot and without `www.`, `m.`, `mobile.` or `amp.` labels, never
 * below the site's registrable domain ("amp.m.example.com" -> "example.com", but "m.co.uk" stays). The one rule for
 * the outlet of a page, the HTML reader's host fallback and the stream's canonical URL key.
 */
export function siteHost(host: string): string {
  let h = host.toLowerCase().replace(/\.$/, '');
  const site = parse(h, { allowPrivateDomains: true }).domain;
  while (site && h !== site && h.endsWith(`.${site}`) && VARIANT_HOST.test(h)) h = h.replace(VARIANT_HOST, '');
  return h;
}

/** The site host of an `http(s)` URL ("https://m.example-news.com/x" -> "example-news.com"); null for any other. */
export function siteHostOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return siteHost(parsed.hostname) || null;
  } catch {
    return null;
  }
}

/** A readable name from a domain: the label before the public suffix, hyphens as spaces, words capitalized. */
export function readableNameOfDomain(domain: string): string {
  const label = parse(domain).domainWithoutSuffix || domain;
  return label
    .split(/[-_]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** An outlet: its name, the registrable domain it was found from, and whether the name is from the registry. */
export interface OutletInfo {
  name: string;
  domain: string;
  known: boolean;
}

/** The outlet of a URL (the registry's name, or a name made from the domain); null for a URL without a site name. */
export function outletOfUrl(url: string): OutletInfo | null {
  const parsed = parse(url, { allowPrivateDomains: true });
  const domain = parsed.domain;
  if (!domain || parsed.isIp) return null;
  const host = siteHost(parsed.hostname ?? domain);
  // The most specific listed host wins: "news.yahoo.com" before "yahoo.com", "asia.nikkei.com" before "nikkei.com".
  for (let h = host; h.length >= domain.length; h = h.slice(h.indexOf('.') + 1)) {
    const name = OUTLETS[h];
    if (name !== undefined) return { name, domain, known: true };
    if (!h.includes('.')) break;
  }
  return { name: readableNameOfDomain(domain), domain, known: false };
}

/** The registry's name of a registrable domain or host, or null when it is not listed. */
export function knownOutletName(domainOrHost: string): string | null {
  return OUTLETS[siteHost(domainOrHost)] ?? null;
}
