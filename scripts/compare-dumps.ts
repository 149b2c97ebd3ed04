// Compares two dumps of `scripts/dump-outputs.ts` story by story, the way a change meant to keep outputs identical is
// checked: provenance is left out and each removal's rule is put back in front of its detail (the form before rules
// became a field), so only real changes count. Prints, per data set, how many stories differ and in which fields.
//   tsx scripts/compare-dumps.ts /tmp/before /tmp/after
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A JSON value with provenance left out and removal rules folded back into their detail. */
function normalized(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalized);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([k]) => k !== 'provenance');
  const out: Record<string, unknown> = Object.fromEntries(entries.map(([k, v]) => [k, normalized(v)]));
  if ('reason' in out && 'text' in out && typeof out.rule === 'string') {
    const rule = out.rule;
    delete out.rule;
    if (!/^(html|markdown)-/.test(rule)) out.detail = `${rule}: ${typeof out.detail === 'string' ? out.detail : ''}`;
  }
  return out;
}

/** The reports of one dump file by story name. */
function reports(file: string): Map<string, Record<string, unknown>> {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  return new Map(
    lines.map((l) => {
      const o = JSON.parse(l) as { name: string; report: Record<string, unknown> };
      return [o.name, o.report];
    }),
  );
}

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: tsx scripts/compare-dumps.ts BEFORE_DIR AFTER_DIR');
  process.exit(2);
}
for (const set of ['seeds', 'sample', 'extraction', 'neus', 'polnear']) {
  const a = join(before, `${set}.jsonl`);
  const b = join(after, `${set}.jsonl`);
  if (!existsSync(a) || !existsSync(b)) continue;
  const old = reports(a);
  const now = reports(b);
  const fields = new Map<string, number>();
  let differ = 0;
  for (const [name, report] of old) {
    const x = normalized(report) as Record<string, unknown>;
    const y = (normalized(now.get(name) ?? {}) as Record<string, unknown>) ?? {};
    const changed = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter(
      (k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]),
    );
    if (changed.length > 0) differ++;
    for (const k of changed) fields.set(k, (fields.get(k) ?? 0) + 1);
  }
  const list = [...fields].map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`${set}: ${old.size} stories, ${differ} differ${list ? ` (fields: ${list})` : ''}`);
}
