import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWebPageIfMissing } from '../src/cli/build-web-page.js';
import { CliError } from '../src/cli/errors.js';
import { recordingIo } from './helpers/cli-io.js';

// `parallax start` builds the web page with Vite (a development dependency) only when it is not built.
describe('building the web page for `parallax start`', () => {
  const root = mkdtempSync(join(tmpdir(), 'parallax-web-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'web'));
  writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>fiction</title>');

  it('says how to get Vite when the page is not built and Vite is not installed', async () => {
    const io = recordingIo(root);
    const attempt = buildWebPageIfMissing({ root, io, loadVite: () => Promise.resolve(null) });
    await expect(attempt).rejects.toBeInstanceOf(CliError);
    await expect(attempt).rejects.toThrow(/Vite, which builds it, is not installed: run `npm ci`/);
  });

  it('builds with Vite when it is there, with the web folder config', async () => {
    const io = recordingIo(root);
    const configs: string[] = [];
    const loadVite = () => Promise.resolve(async (config: { configFile: string }) => configs.push(config.configFile));
    await buildWebPageIfMissing({ root, io, loadVite });
    expect(configs).toEqual([join(root, 'web', 'vite.config.ts')]);
    expect(io.err.join('')).toContain('building the web page');
  });

  it('neither loads nor needs Vite once the page is built', async () => {
    mkdirSync(join(root, 'web', 'dist'));
    writeFileSync(join(root, 'web', 'dist', 'index.html'), '<!doctype html><title>built</title>');
    const loadVite = () => Promise.reject(new Error('Vite should not be loaded'));
    await expect(buildWebPageIfMissing({ root, io: recordingIo(root), loadVite })).resolves.toBeUndefined();
  });
});
