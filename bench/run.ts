// Runs every benchmark section in bench/sections (alphabetical order, or those named) and prints its figures.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runModulesIn } from '../scripts/lib/run-modules.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'sections');
await runModulesIn<{ default: () => Promise<void> }>(dir, process.argv.slice(2), async (name, mod) => {
  console.log(`\n## ${name}`);
  await mod.default();
});
