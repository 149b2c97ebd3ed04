/**
 * One watcher writes a stream at a time: two clusterers over one library would each decide without the other's
 * articles. The lease is a row in the library naming its holder (host, process, a nonce) and a heartbeat. A holder that
 * is gone (its process no longer runs on this machine, or its heartbeat is older than the lease's time) is replaced;
 * a live one makes the second watcher stop with a clear message.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { StreamRepository } from '../storage/stream-repository.js';

/** Another live watcher holds the stream. */
export class StreamBusyError extends Error {
  /** @param holder the other watcher's name */
  constructor(readonly holder: string) {
    super(
      `another watcher (${holder}) is writing this library's stream: stop it first, or use another --db ` +
        '(a watcher killed without stopping is replaced once its lease expires, within a minute)',
    );
    this.name = 'StreamBusyError';
  }
}

/** This process's name as a lease holder. */
export function leaseOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** True when the holder is a process of this machine that no longer runs. */
function holderIsGone(holder: string): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Takes (or renews) the lease for `owner`; throws StreamBusyError while another live watcher holds it. */
export async function takeLease(
  repo: StreamRepository,
  owner: string,
  options: { now: number; ttlMs: number },
): Promise<void> {
  const at = new Date(options.now).toISOString();
  const held = await repo.acquireLease(owner, at);
  if (held.owner === owner) return;
  const expired = options.now - Date.parse(held.heartbeatAt) > options.ttlMs;
  if (expired || holderIsGone(held.owner)) {
    const taken = await repo.acquireLease(owner, at, { replaceOwner: held.owner });
    if (taken.owner === owner) return;
  }
  throw new StreamBusyError(held.owner);
}
