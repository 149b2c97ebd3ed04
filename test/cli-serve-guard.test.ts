/**
 * The server's access options on the command line: `serve` and `start` refuse to listen beyond loopback without a
 * token (exit 2, nothing opened), check the token and host names, and a spawned `serve` applies them end to end.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { announce, appAccess, serverSettings } from '../src/cli/commands/serve.js';
import type { CliIo } from '../src/cli/io.js';
import type { ParsedValues } from '../src/cli/parse-command-args.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import { errorCode, rawRequest } from './helpers/raw-http.js';
import { REPO_ROOT } from './helpers/shared.js';

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const TOKEN = 'cli-token-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in this process with captured output. */
function cli(args: string[]) {
  return runCliInProcess(args, { cwd: dir });
}

/** What a spawned run printed and how it ended. */
interface SpawnedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real executable; a run still going after `timeoutMs` (a server that should have refused to start) is
 * killed and ends with code null, so the test fails instead of hanging.
 */
function spawnCli(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<SpawnedRun> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, PARALLAX_TOKEN: '', PARALLAX_ALLOWED_HOSTS: '', PARALLAX_DEBUG: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: SpawnedRun = { code: null, stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ ...run, code });
    }),
  );
}

describe('refusals before anything starts', () => {
  it('serve and start beyond loopback without a token exit 2 with the reason, opening nothing', async () => {
    const runs = await Promise.all(
      ['serve', 'start'].map((name) =>
        spawnCli([name, '--host', '0.0.0.0', '--port', '0', '--db', join(dir, `${name}.db`)]),
      ),
    );
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^parallax: refusing to listen on 0\.0\.0\.0 without an access token/);
      expect(run.stderr).toMatch(/--token TOKEN or PARALLAX_TOKEN/);
      expect(run.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'serve.db'))).toBe(false);
    expect(existsSync(join(dir, 'start.db'))).toBe(false);
  });

  it('refuses unusable tokens and host names given as flags', async () => {
    const cases: [string[], RegExp][] = [
      [['--token', 'short'], /--token: the token must be 16/],
      [['--allowed-host', 'http://parallax.example/'], /--allowed-host: "http:\/\/parallax.example\/" is not/],
    ];
    for (const [flags, message] of cases) {
      const run = await cli(['serve', '--port', '0', '--db', join(dir, 'bad.db'), ...flags]);
      expect(run.code, message.source).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, 'bad.db'))).toBe(false);
  });

  it('refuses unusable tokens and host names from the environment', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ PARALLAX_TOKEN: 'has spaces but is long enough' }, /--token: the token may hold only/],
      [{ PARALLAX_ALLOWED_HOSTS: 'ok.example,bad host' }, /--allowed-host: "bad host" is not/],
    ];
    const runs = await Promise.all(
      cases.map(([env]) => spawnCli(['serve', '--port', '0', '--db', join(dir, 'bad-env.db')], env)),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(cases[i]![1]);
    }
    expect(existsSync(join(dir, 'bad-env.db'))).toBe(false);
  });

  it('with a token beyond loopback, settles on a one-line notice (printed once the server listens)', () => {
    let stderr = '';
    const io = {
      ...({} as CliIo),
      cwd: dir,
      env: { PARALLAX_TOKEN: TOKEN, PARALLAX_ALLOWED_HOSTS: 'parallax.example' },
      stderr: { write: (text: string) => (stderr += text) } as unknown as CliIo['stderr'],
    };
    // A repeatable flag comes out of parseArgs as a list, which ParsedValues does not spell out.
    const values = { host: '0.0.0.0', 'allowed-host': ['b.example'] } as unknown as ParsedValues;
    const settings = serverSettings('serve', values, io);
    expect(appAccess(settings)).toEqual({
      boundHost: '0.0.0.0',
      allowedHosts: ['b.example', 'parallax.example'],
      token: TOKEN,
    });
    announce(io, settings);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^parallax: note: listening on 0\.0\.0\.0, reachable from other machines/);
    expect(stderr).not.toContain(TOKEN);
  });

  it('documents the options in --help', async () => {
    const run = await cli(['serve', '--help']);
    expect(run.stdout).toMatch(/--token TOKEN/);
    expect(run.stdout).toMatch(/--allowed-host NAME/);
  });
});

describe('a spawned serve with a token and an allowed host from the environment', () => {
  it('asks the API for the token, answers to the added name only, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(dir, 'spawned.db')], {
      cwd: dir,
      env: { ...process.env, PARALLAX_TOKEN: TOKEN, PARALLAX_ALLOWED_HOSTS: 'parallax.example, other.example:9' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+?)\/? /.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
      });
      const bearer = { authorization: `Bearer ${TOKEN}` };
      expect((await rawRequest(`${url}/api/health`)).status).toBe(200);
      const refused = await rawRequest(`${url}/api/stories`);
      expect(refused.status).toBe(401);
      expect(errorCode(refused)).toBe('unauthorized');
      expect((await rawRequest(`${url}/api/stories`, { headers: bearer })).status).toBe(200);
      const proxied = { ...bearer, host: 'parallax.example' };
      expect((await rawRequest(`${url}/api/stories`, { headers: proxied })).status).toBe(200);
      const rebound = { ...bearer, host: 'evil.example' };
      expect((await rawRequest(`${url}/api/stories`, { headers: rebound })).status).toBe(421);
      expect(stderr).not.toContain(TOKEN);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
