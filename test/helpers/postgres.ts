/**
 * Test suites over a real PostgreSQL server (scripts/lib/postgres-server.ts: Debian's binaries, a cluster in a
 * temporary folder, torn down after the suite). No mock of the database anywhere. Without the binaries the suites are
 * skipped, and say so; under CI (`CI` set) they fail instead, so a broken install can never pass as green.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PG_BIN, hasPostgres, startPostgres, type PostgresServer } from '../../scripts/lib/postgres-server.js';

export { PG_BIN, hasPostgres, startPostgres, type PostgresServer };

/** Whether the PostgreSQL suites must run (CI) rather than be skipped when the server cannot be had. */
const required = Boolean(process.env.CI);

/**
 * `describe` over a PostgreSQL server started for the suite and stopped after it; `server()` gives it to the tests.
 * Skips, saying why, when the binaries are missing, unless under CI, where the suite fails instead.
 */
export function describePostgres(name: string, body: (server: () => PostgresServer) => void): void {
  if (!hasPostgres && !required) {
    describe.skip(`${name} (PostgreSQL not installed in ${PG_BIN})`, () => {
      it('needs PostgreSQL', () => undefined);
    });
    return;
  }
  describe(name, () => {
    let current: PostgresServer | undefined;
    beforeAll(async () => {
      current = await startPostgres();
    });
    afterAll(async () => {
      await current?.stop();
    });
    body(() => {
      if (!current) throw new Error('the PostgreSQL server did not start');
      return current;
    });
  });
}
