import type { RemovalReason } from '../../model.js';
import { decide, undecided, type LineRule } from './rule.js';

/** Labels of page widgets that list other content. */
const RELATED =
  /^(?:related(?: content| articles?| stories| coverage| reading| links| topics)?|recommended(?: for you| stories| articles| reading)?|more (?:stories|news|coverage|on this (?:story|topic)|to read)|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|you (?:may|might) (?:also )?like|top stories|editor'?s picks|popular (?:now|stories)|in other news|what to read next|latest (?:news|stories))[:.]?$/i;
/** Advertising labels. */
const AD =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted(?: content)?|story continues below(?: advertisement)?)[:.]?$/i;

/** Removes widget labels ("Related Content", "Recommended", "Advertisement") standing alone on a line. */
export const dropSectionLabels: LineRule = {
  name: 'drop-section-labels',
  apply(context) {
    const items: { index: number; reason: RemovalReason; detail: string }[] = [];
    for (const index of undecided(context)) {
      const text = context.lines[index]?.text ?? '';
      if (RELATED.test(text)) items.push({ index, reason: 'related-content', detail: 'related-content label' });
      else if (AD.test(text)) items.push({ index, reason: 'promo', detail: 'advertising label' });
    }
    return decide(this.name, items);
  },
};
