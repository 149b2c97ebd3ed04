/** The map-of-lists helper, shared by every phase (it lives in `core/push-to.ts`). */
export { pushTo } from '../push-to.js';
