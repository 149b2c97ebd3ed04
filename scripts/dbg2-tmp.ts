import { wordUnits } from '../src/core/analyze/entities/word-units.js';
import { phraseBefore } from '../src/core/analyze/quotes/find-speaker-phrase.js';
import { createRunContext } from '../src/core/run-context.js';
for (const t of ['Most voters do not support the new tax on fuel.', 'The voters do not support the new tax on fuel.', 'Most voters support the new tax on fuel.']) {
const u = wordUnits(t, createRunContext());
console.log(u.map((x) => `${x.value}/${x.pos}`).join(' '));
for (let i = 1; i < 5; i++) console.log(i, u[i]!.value, phraseBefore(u, i, 0, false));
}
