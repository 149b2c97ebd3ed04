import { extract, type ExtractedDocument } from '../../engine/api.js';
import { fileKind } from '../../engine/inputs/detect-format.js';
import { generatorField, markOutput } from '../../engine/inputs/own-output.js';
import { packageVersion } from '../../engine/version.js';
import { EXIT, UsageError } from '../errors.js';
import { parseChoice } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions, withPool } from '../pool-options.js';
import { printProblems } from '../print-problems.js';
import { createProgress } from '../progress.js';
import { READING_HELP, READING_OPTIONS, readingOptions } from '../reading-options.js';
import { checkOutput, writeOutput } from '../write-output.js';
import type { Command } from './command.js';

const FORMATS = { json: 'json', text: 'text', txt: 'text' } as const;

const help = `Usage: parallax extract <inputs...> [options]

Reads articles and prints each one's cleaned text with its metadata (title, byline, outlet, publication date),
what was removed as boilerplate and why, and embedded social posts. Inputs as for "parallax analyze".

Options:
  --format FORMAT    json (default): one JSON object for one article, JSON Lines (one object a line) for several
                     or when FILE ends in .jsonl;
                     text: the cleaned text with a header per article
  --out FILE         write to FILE instead of standard output (never one of the inputs; the file is replaced whole)
${READING_HELP}
${POOL_HELP}
  -h, --help         show this help

Exit codes: 0 all inputs read; 1 some inputs failed or none could be read; 2 usage error.
`;

/** The cleaned documents as JSON: pretty-printed for one (unless `lines` asks for JSON Lines), JSON Lines for several. */
export function formatJson(documents: readonly object[], options: { lines?: boolean } = {}): string {
  if (documents.length === 1 && !options.lines) return `${JSON.stringify(documents[0], null, 2)}\n`;
  return documents.map((d) => `${JSON.stringify(d)}\n`).join('');
}

/** The cleaned documents as text, each under a header naming it. */
export function formatText(documents: readonly ExtractedDocument[]): string {
  return documents
    .map((d) => {
      const facts = [
        d.title && `title: ${d.title}`,
        d.outlet && `outlet: ${d.outlet}`,
        d.byline && `byline: ${d.byline}`,
        d.publishedAt && `published: ${d.publishedAt.value}${d.publishedAt.inferred ? ' (inferred)' : ''}`,
        `source: ${d.source}`,
      ].filter(Boolean);
      return `==> ${d.id} <==\n${facts.join('\n')}\n\n${d.text.trim()}\n`;
    })
    .join('\n');
}

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('extract', argv, {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      ...READING_OPTIONS,
      ...POOL_OPTIONS,
    });
    if (positionals.length === 0) throw new UsageError('no inputs given (files, folders, URLs or -)', 'extract');
    const format = parseChoice('extract', 'format', (values.format as string | undefined) ?? 'json', FORMATS);
    const out = values.out as string | undefined;
    const exclude = await checkOutput('extract', out, positionals, io);
    const progress = createProgress(io);
    const options = { ...readingOptions('extract', values, io), onProgress: progress.onProgress, exclude };
    const result = await withPool(poolOptions('extract', values), (pool) =>
      extract(positionals, { ...options, pool }),
    ).finally(() => progress.stop());
    printProblems(io, result.failures, result.notes);
    if (result.documents.length === 0) {
      io.stderr.write('parallax: no input could be read\n');
      return EXIT.failed;
    }
    // Each output carries the generator marker, so that it is never read back as an article from a folder; fed
    // back in as a file, the JSON documents are article objects again (the extra fields are ignored).
    const version = packageVersion();
    const text =
      format === 'json'
        ? formatJson(
            result.documents.map((d) => ({ generator: generatorField(version), ...d })),
            // A .jsonl file gets JSON Lines even when only one input could be read.
            { lines: out !== undefined && fileKind(out) === 'jsonl' },
          )
        : markOutput(formatText(result.documents), 'text', version);
    await writeOutput(io, text, out);
    return result.failures.length > 0 ? EXIT.failed : EXIT.ok;
  },
};

export default command;
