// Runs every benchmark section in bench/sections (alphabetical order) and prints its figures.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'sections');
const only = process.argv.slice(2);
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: () => Promise<void> };
  console.log(`\n## ${name}`);
  await mod.default();
}
