/** Lists inputs that could not be read, one line per input with its reason. */
import type { InputFailure } from '../../src/core/model.js';
import { h } from './dom.js';
import { plural } from './format.js';

/** A failure list, or null when there are none. */
export function failureList(failures: readonly InputFailure[], heading?: string): HTMLElement | null {
  if (failures.length === 0) return null;
  return h(
    'div',
    { class: 'failures', role: 'alert' },
    h('h3', {}, heading ?? `${plural(failures.length, 'input')} could not be read`),
    h(
      'ul',
      {},
      failures.map((f) =>
        h(
          'li',
          { class: 'failure' },
          h('strong', { class: 'failure-source' }, f.source),
          ': ',
          h('span', { class: 'failure-message' }, f.message),
          ' ',
          h('code', { class: 'failure-code' }, f.code),
        ),
      ),
    ),
  );
}
