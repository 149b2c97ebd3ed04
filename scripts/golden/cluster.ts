// Golden output of `parallax cluster` on the fictional stream test/fixtures/cluster/stream.jsonl, in each format.
// Regenerate with `npm run golden -- cluster` and read the diff.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/run-cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The fictional input stream. */
export const CLUSTER_FIXTURE = join(ROOT, 'test', 'fixtures', 'cluster', 'stream.jsonl');

/** The golden files, one per output format. */
export const CLUSTER_GOLDEN: Readonly<Record<'jsonl' | 'json' | 'text', string>> = {
  jsonl: join(ROOT, 'test', 'golden', 'cluster', 'stream.jsonl'),
  json: join(ROOT, 'test', 'golden', 'cluster', 'stream.json'),
  text: join(ROOT, 'test', 'golden', 'cluster', 'stream.txt'),
};

/** Runs the CLI in this process with captured output and the given standard input (the repository as folder). */
export async function runCaptured(
  args: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => ((stdout += text), true), isTTY: false },
    stderr: { write: (text: string) => ((stderr += text), true), isTTY: false },
    stdin: Readable.from([stdin]),
    cwd: ROOT,
    env: {},
  } as unknown as CliIo;
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Runs `parallax cluster` on the fixture in one format. */
export function clusterFixture(format: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCaptured(['cluster', CLUSTER_FIXTURE, '--format', format]);
}

/** Writes the golden files. */
export async function regenerate(): Promise<void> {
  for (const [format, path] of Object.entries(CLUSTER_GOLDEN)) {
    const { code, stdout, stderr } = await clusterFixture(format);
    if (code !== 0) throw new Error(`parallax cluster failed on the fixture: ${stderr}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, stdout);
  }
}
