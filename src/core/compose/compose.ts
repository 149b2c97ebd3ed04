import type { AnalyzedStory, ComposeOptions, ComposedStory } from '../state.js';

/** Compares the sources and writes the neutral summary. PLACEHOLDER. */
export function composeStory(_story: AnalyzedStory, _options: ComposeOptions): ComposedStory {
  return { facts: [], differences: [], omissions: [], framing: [], summary: { text: '', sentences: [] } };
}
