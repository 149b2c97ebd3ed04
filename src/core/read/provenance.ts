import type { Provenance } from '../model.js';

/**
 * The provenance of what the reader made (sentences, embeds, metadata values): stage `read` and the rule's name,
 * written `read/NAME` as every stage writes its rules (`dates/relative`, `quotes/quotation`).
 */
export function readProvenance(rule: string): Provenance {
  return { stage: 'read', rule: `read/${rule}` };
}
