import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/shared.js';

const run = promisify(execFile);
// One TypeScript build of src/ (npm run build): tens of seconds on a busy machine, so the timeouts are generous.
const BUILD_MS = 300_000;

describe('the built package (npm run build, npm pack)', () => {
  const temp = mkdtempSync(join(tmpdir(), 'parallax-package-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  beforeAll(async () => {
    await run('npm', ['run', 'build'], { cwd: REPO_ROOT });
  }, BUILD_MS);

  it('runs the CLI from dist/', async () => {
    const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'), '--help']);
    expect(stdout).toMatch(/^Usage: parallax <command>/);
  });

  it(
    'is imported as `parallax` by another project from the packed files, and analyzes the sample story',
    async () => {
      // The tarball as `npm pack` makes it (without its prepack build, done above), unpacked where an install puts it;
      // its dependencies are this checkout's, so nothing is downloaded.
      const { stdout: packed } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], {
        cwd: REPO_ROOT,
      });
      const [{ filename, files }] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
      const paths = files.map((f) => f.path);
      expect(paths).toEqual(expect.arrayContaining(['dist/src/index.js', 'dist/src/index.d.ts', 'bin/parallax.js']));
      expect(paths).toContain('schema/report.schema.json');
      expect(paths.filter((p) => p.startsWith('test/') || p.startsWith('scripts/'))).toEqual([]);

      const project = join(temp, 'project');
      const installed = join(project, 'node_modules', 'parallax');
      mkdirSync(installed, { recursive: true });
      await run('tar', ['-xzf', join(temp, filename), '-C', installed, '--strip-components=1']);
      symlinkSync(join(REPO_ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
      writeFileSync(join(project, 'package.json'), '{ "type": "module", "private": true }\n');
      writeFileSync(
        join(project, 'check.js'),
        [
          "import { analyze, closeSharedPools, validateReport } from 'parallax';",
          "const { report, failures } = await analyze(['node_modules/parallax/examples/sample-story']);",
          'await closeSharedPools();',
          'console.log(JSON.stringify({ articles: report.articles.length, failures, valid: validateReport(report).valid }));',
        ].join('\n'),
      );
      const { stdout } = await run(process.execPath, ['check.js'], { cwd: project });
      expect(JSON.parse(stdout)).toEqual({ articles: 4, failures: [], valid: true });
    },
    BUILD_MS,
  );
});
