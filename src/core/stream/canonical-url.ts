/**
 * One key per real article address: the many spellings of one article's URL (tracking parameters, AMP and mobile
 * variants, fragments, default ports, `www.`, `http:` and `https:`) fold to the same string. The key identifies an
 * article; it is not always an address worth fetching (the page's own URL is kept for that).
 */
import { siteHost } from '../read/metadata/outlets.js';

/** Query parameters that only say where a reader came from (matched in lower case). */
const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'oly_anon_id',
  'oly_enc_id',
  'rb_clickid',
  's_kwcid',
  's_cid',
  'cmpid',
  'cmp',
  'intcmp',
  'int_cmp',
  'icid',
  'ocid',
  'smid',
  'smtyp',
  'mbid',
  'ito',
  'ftag',
  'tsrc',
  'sref',
  'xtor',
  'spm',
  'wt.mc_id',
  'wt_mc_id',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'sr_share',
  'soc_src',
  'soc_trk',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
  'ref_src',
  'ref_url',
  'fb_action_ids',
  'fb_action_types',
  'fb_ref',
  'fb_source',
  '__twitter_impression',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
]);

/** Prefixes of tracking parameter families (`utm_source`, `hsa_cam`, `vero_id`, `pk_campaign`, ...). */
const TRACKING_PREFIXES = ['utm_', 'hsa_', 'vero_', 'pk_', 'mtm_', 'piwik_', 'matomo_'];

/** True for a query parameter that marks the AMP rendering of a page (`amp`, `amp=1`, `outputType=amp`, ...). */
function isAmpParameter(key: string, value: string): boolean {
  const k = key.toLowerCase();
  const v = value.toLowerCase();
  // `usqp` is added by Google's AMP cache.
  if (k === 'usqp') return true;
  if (k === 'amp' || k === '_amp') return ['', '1', 'true', 'yes'].includes(v);
  return (k === 'outputtype' || k === 'output' || k === 'format') && v === 'amp';
}

/** True for a query parameter that only tracks the reader. */
export function isTrackingParameter(key: string): boolean {
  const k = key.toLowerCase();
  return TRACKING_PARAMETERS.has(k) || TRACKING_PREFIXES.some((p) => k.startsWith(p));
}

/** The path without its AMP marks: a `/amp` segment, a `.amp.html` or `.amp` ending. */
function foldAmpPath(path: string): string {
  let p = path.replace(/\/amp(?=\/|$)/gi, '');
  p = p.replace(/\.amp\.(html?)$/i, '.$1').replace(/\.amp$/i, '');
  return p === '' ? '/' : p;
}

/**
 * The canonical key of an article URL, or null when it is not an `http(s)` URL. Folds: scheme to `https` (when the
 * port is the default), host to lower case without `www.`/`m.`/`mobile.`/`amp.`, default ports, credentials,
 * fragments, tracking parameters, AMP markers (`/amp/`, `.amp.html`, `?amp=1`, `outputType=amp`), a trailing slash;
 * the remaining parameters are sorted.
 */
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  const port = parsed.port;
  const scheme = port === '' ? 'https:' : parsed.protocol;
  const host = siteHost(parsed.hostname) + (port === '' ? '' : `:${port}`);
  let path = foldAmpPath(parsed.pathname);
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';
  const params = [...parsed.searchParams]
    .filter(([k, v]) => !isTrackingParameter(k) && !isAmpParameter(k, v))
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${scheme}//${host}${path}${query}`;
}
