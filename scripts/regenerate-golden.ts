// Regenerates every golden file (test/golden/**) so that intended changes show up as reviewable diffs.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const only = process.argv.slice(2);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { regenerate: () => Promise<void> };
  await mod.regenerate();
  console.log(`regenerated ${name}`);
}
