/**
 * Block-level tags. The junk pass and the renderer share the common ones; each adds the few it treats differently
 * (the junk pass looks for leaf blocks, so `PRE` and `FIGCAPTION` count there; the renderer also breaks lines at
 * table parts, rules and summary lines).
 */
const COMMON_BLOCK_TAGS = [
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'TABLE',
  'UL',
];

/** Blocks for telling a leaf block (a paragraph) from a container. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([...COMMON_BLOCK_TAGS, 'PRE', 'FIGCAPTION']);

/** Blocks after which the renderer starts a new paragraph. */
export const RENDER_BLOCK_TAGS: ReadonlySet<string> = new Set([
  ...COMMON_BLOCK_TAGS,
  'CENTER',
  'HGROUP',
  'HR',
  'SUMMARY',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CAPTION',
]);
