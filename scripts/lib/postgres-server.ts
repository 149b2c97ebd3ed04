/**
 * A real PostgreSQL server for tests and benchmarks: Debian's PostgreSQL 15 binaries, a cluster in a temporary folder,
 * a free TCP port on 127.0.0.1 and a unix socket in the same folder; removed when stopped.
 *
 * `initdb` and `pg_ctl` refuse to run as root: as root they run as the `postgres` system user (`runuser`), in folders
 * that user owns. A cluster made once by `initdb` is kept as a template in the temporary folder and copied for every
 * server, which makes a server start in well under a second instead of several.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Where Debian puts the server binaries: PostgreSQL 15's, else the newest installed (PARALLAX_PG_BIN overrides). */
export const PG_BIN = process.env.PARALLAX_PG_BIN ?? debianBinaries();

function debianBinaries(): string {
  const root = '/usr/lib/postgresql';
  const preferred = join(root, '15', 'bin');
  if (existsSync(join(preferred, 'initdb')) || !existsSync(root)) return preferred;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : preferred;
}

/** True when the server binaries are installed. */
export const hasPostgres = existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));

const asRoot = process.getuid?.() === 0;

/** A running test server. */
export interface PostgresServer {
  /** Connection URL of the `postgres` database (TCP on 127.0.0.1). */
  readonly url: string;
  readonly port: number;
  /** The folder of the cluster, its log and its unix socket. */
  readonly dir: string;
  /** A new empty database; returns its connection URL. */
  createDatabase(): Promise<string>;
  /** Stops the server the way a crash would (no checkpoint, clients cut off), then starts it again on the same port. */
  restart(): Promise<void>;
  /** Stops the server without starting it again (`restart` is then refused). */
  stopServer(): Promise<void>;
  /** Starts a stopped server on the same port. */
  startServer(): Promise<void>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Runs a program as the server's user: `postgres` when this process is root, else this user. */
async function asServerUser(file: string, args: string[]): Promise<string> {
  const command = asRoot ? 'runuser' : file;
  const argv = asRoot ? ['-u', 'postgres', '--', file, ...args] : args;
  const { stdout } = await run(command, argv, { encoding: 'utf8', timeout: 120_000 });
  return stdout;
}

/** Runs a PostgreSQL binary as the server's user. */
function pgCommand(binary: string, args: string[]): Promise<string> {
  return asServerUser(join(PG_BIN, binary), args);
}

/** A folder the server's user may write. */
function serverFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  return dir;
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const fields = line?.split(':');
  if (!fields || fields.length < 4)
    throw new Error('running as root, but there is no "postgres" user to run PostgreSQL');
  return { uid: Number(fields[2]), gid: Number(fields[3]) };
}

/** The initdb template of this user and binary folder, made once (concurrent makers race safely by rename). */
async function template(): Promise<string> {
  const key = Buffer.from(PG_BIN).toString('hex').slice(-24);
  const path = join(tmpdir(), `parallax-pg-template-${process.getuid?.() ?? 0}-${key}`);
  if (existsSync(join(path, 'PG_VERSION'))) return path;
  const scratch = serverFolder('parallax-pg-init-');
  const data = join(scratch, 'data');
  await pgCommand('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  try {
    renameSync(data, path);
  } catch {
    // Another test file made it first: use theirs.
  }
  rmSync(scratch, { recursive: true, force: true });
  return path;
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Starts a PostgreSQL server in a new temporary folder. */
export async function startPostgres(): Promise<PostgresServer> {
  if (!hasPostgres) throw new Error(`PostgreSQL server binaries not found in ${PG_BIN} (apt-get install postgresql)`);
  const source = await template();
  const dir = serverFolder('parallax-pg-');
  const data = join(dir, 'data');
  await asServerUser('cp', ['-a', source, data]);
  let port = 0;
  let running = false;
  const options = (): string =>
    [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses='127.0.0.1'",
      // fsync off: the tests simulate a server crash, never a machine crash, and WAL in the page cache survives the former.
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
  const start = async (): Promise<void> => {
    await pgCommand('pg_ctl', ['-D', data, '-o', options(), '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    running = true;
  };
  const halt = async (mode: 'immediate' | 'fast'): Promise<void> => {
    if (!running) return;
    await pgCommand('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
    running = false;
  };
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await start();
      break;
    } catch (error) {
      if (attempt >= 3)
        throw new Error(`PostgreSQL did not start (log in ${dir}/log): ${String(error)}`, { cause: error });
    }
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    port,
    dir,
    async createDatabase() {
      const name = `test_${process.pid}_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async restart() {
      await halt('immediate');
      await start();
    },
    stopServer: () => halt('immediate'),
    startServer: start,
    async stop() {
      await halt('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
