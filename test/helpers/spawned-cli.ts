/** The real `parallax` executable in a child process, with its output captured and waited on. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './shared.js';

const BIN = join(REPO_ROOT, 'bin', 'parallax.js');

/** A running `parallax` process. */
export interface SpawnedCli {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves with the first match of `pattern` in stdout or stderr (as they grow); rejects if the process ends first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Kills the process if it still runs (SIGKILL), for `finally` blocks. */
  cleanup(): void;
}

/** Starts `parallax ARGS` in `cwd`. */
export function spawnCli(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): SpawnedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, PARALLAX_TOKEN: '', PARALLAX_ALLOWED_HOSTS: '', PARALLAX_DEBUG: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout!.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), notify()));
  child.stderr!.on('data', (chunk: Buffer) => ((stderr += chunk.toString()), notify()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => (done(code), notify())));
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(stdout) ?? pattern.exec(stderr);
          if (match) return finish(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) {
            finish(() => reject(new Error(`exited before ${pattern}: ${stderr.slice(-2000)}`)));
          }
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${stderr.slice(-2000)}`))),
          timeoutMs,
        );
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    cleanup() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
