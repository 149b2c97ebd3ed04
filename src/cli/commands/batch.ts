import { createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { runBatchFile } from '../../engine/batch.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { parseIsoDate, parsePositiveInteger } from '../option-values.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { POOL_HELP, POOL_OPTIONS, poolOptions, withPool } from '../pool-options.js';
import type { Command } from './command.js';

const help = `Usage: parallax batch <stories.jsonl> [options]

Analyzes many stories, one per input line: {"id": "...", "articles": [{"text" | "html", "title"?, "url"?,
"outlet"?, "byline"?, "publishedAt"?}, ...]}. Writes one line per story: {"id", "report"}, or {"id", "error"}
when the line is bad or the story fails; the other stories go on.

Options:
  --out FILE             write the JSON Lines to FILE instead of standard output
  --summary-words N      target length of each summary in words (default 120)
  --date YYYY-MM-DD      reference date for articles without a publication date
${POOL_HELP}
  -h, --help             show this help

Exit codes: 0 every story analyzed; 1 some stories failed; 2 usage error.
`;

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('batch', argv, {
      out: { type: 'string', short: 'o' },
      'summary-words': { type: 'string' },
      date: { type: 'string' },
      ...POOL_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one stories file (JSON Lines)', 'batch');
    const input = resolve(io.cwd, positionals[0]!);
    if (!existsSync(input)) throw new CliError(`parallax: no such file: ${positionals[0]}`);
    const words = values['summary-words'] as string | undefined;
    const date = values.date as string | undefined;
    const out = values.out as string | undefined;
    const settings = poolOptions('batch', values);
    const file = out ? createWriteStream(resolve(io.cwd, out), { encoding: 'utf8' }) : null;
    const write = async (line: string): Promise<void> => {
      if (!file) {
        io.stdout.write(line);
        return;
      }
      if (!file.write(line)) await once(file, 'drain');
    };
    const options = {
      ...(words ? { summaryWords: parsePositiveInteger('batch', 'summary-words', words) } : {}),
      ...(date ? { referenceDate: parseIsoDate('batch', date) } : {}),
    };
    const totals = await withPool(settings, (pool) => runBatchFile(input, write, { ...options, pool }));
    if (file) {
      file.end();
      await once(file, 'finish');
    }
    if (totals.failed > 0) io.stderr.write(`parallax: ${totals.failed} of ${totals.stories} stories failed\n`);
    return totals.failed > 0 ? EXIT.failed : EXIT.ok;
  },
};

export default command;
