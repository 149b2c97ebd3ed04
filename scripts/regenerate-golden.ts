// Regenerates every golden file (test/golden/**) so that intended changes show up as reviewable diffs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runModulesIn } from './lib/run-modules.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'golden');
await runModulesIn<{ regenerate: () => Promise<void> }>(dir, process.argv.slice(2), async (name, mod) => {
  await mod.regenerate();
  console.log(`regenerated ${name}`);
});
