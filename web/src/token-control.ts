/** The header button that forgets the stored access token; shown only while a token is stored. */
import { h, on } from './dom.js';
import { forgetToken, onTokenChange, storedToken } from './token-store.js';

/** Puts the control into `container` and keeps it in step with the token; `onForget` runs after a forget. */
export function mountTokenControl(container: Element, onForget: () => void): void {
  const button = h('button', { type: 'button', class: 'link-button token-forget' }, 'Forget access token');
  on(button, 'click', () => {
    forgetToken();
    onForget();
  });
  const update = (): void => {
    if (storedToken() === null) button.remove();
    else if (!button.isConnected) container.append(button);
  };
  onTokenChange(update);
  update();
}
