/**
 * Marks the files Parallax writes (reports, `extract` output) and recognises them, so that a folder of articles that
 * also holds an earlier report is not read back as one more article.
 */

/** The generator name written into every output. */
export const GENERATOR_NAME = 'parallax';

/** The `generator` field of JSON outputs: `{name: "parallax", version}`, as in reports. */
export function generatorField(version: string): { name: string; version: string } {
  return { name: GENERATOR_NAME, version };
}

/** The first line of Markdown and text outputs: a comment that renders as nothing. */
function markerComment(version: string): string {
  return `<!-- generator: ${GENERATOR_NAME} ${version} -->`;
}

/**
 * The output with its generator marker: a first-line comment (Markdown, text) or a `<meta name="generator">` (HTML).
 * JSON outputs carry a `generator` field instead and are returned as they are.
 */
export function markOutput(text: string, format: 'md' | 'text' | 'html' | 'json', version: string): string {
  if (format === 'json') return text;
  if (format !== 'html') return `${markerComment(version)}\n${text}`;
  const meta = `<meta name="generator" content="${GENERATOR_NAME} ${version.replace(/[<>"&]/g, '')}">`;
  const head = /<head>/i.exec(text);
  if (!head) return `${markerComment(version)}\n${text}`;
  const at = head.index + head[0].length;
  return `${text.slice(0, at)}${meta}${text.slice(at)}`;
}

/** How much of the start of a file is looked at: every marker stands in the first lines. */
const HEAD_CHARS = 4096;

const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const NAMED = String.raw`"generator"\s*:\s*\{\s*"name"\s*:\s*"${GENERATOR_NAME}"`;
/** What each marker means, tried in order on the start of the decoded text. */
const MARKERS: readonly { pattern: RegExp; kind: string }[] = [
  { pattern: new RegExp(String.raw`^\uFEFF?<!-- generator: ${GENERATOR_NAME}[ -]`), kind: 'a Parallax output' },
  {
    pattern: new RegExp(String.raw`<meta name="generator" content="${GENERATOR_NAME}[ "]`, 'i'),
    kind: 'a Parallax report',
  },
  {
    pattern: new RegExp(String.raw`^\uFEFF?\s*\{\s*"schemaVersion"\s*:\s*\d+\s*,\s*${NAMED}`),
    kind: 'a Parallax report',
  },
  { pattern: new RegExp(String.raw`^\uFEFF?\s*\{\s*${NAMED}`), kind: 'a Parallax extract output' },
  {
    pattern: new RegExp(
      String.raw`^\uFEFF?\{"id":${STRING},(?:"report":\{"schemaVersion":\d+,${NAMED}|"error":${STRING}\}\r?\n)`,
    ),
    kind: 'a Parallax batch output',
  },
];

/** What Parallax output the text is ("a Parallax report"...), or null when it carries no Parallax marker. */
export function ownOutputKind(text: string): string | null {
  const head = text.slice(0, HEAD_CHARS);
  return MARKERS.find((m) => m.pattern.test(head))?.kind ?? null;
}
