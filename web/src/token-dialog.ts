/**
 * The access-token form: a modal `<dialog>` (focus moves into it and stays there, Escape cancels) with a labelled
 * password field. It is shown when the server answers 401; the token goes to the API client, never into the page.
 */
import { h, on } from './dom.js';

/** Asks for the token; `rejected` says the last one was refused. Resolves to the token, or null on cancel. */
export function askForTokenInDialog(rejected: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    const input = h('input', {
      type: 'password',
      id: 'access-token',
      name: 'token',
      required: true,
      autocomplete: 'off',
      spellcheck: 'false',
      'aria-describedby': 'access-token-hint',
    });
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const form = h(
      'form',
      { class: 'token-form', novalidate: true },
      h('h2', { id: 'access-token-title' }, 'Access token'),
      rejected ? h('p', { class: 'form-error', role: 'alert' }, 'That token was not accepted. Try again.') : null,
      h(
        'p',
        { class: 'hint', id: 'access-token-hint' },
        'This Parallax server asks for an access token; its operator has it. ' +
          'This browser keeps it until you choose "Forget access token".',
      ),
      h('div', { class: 'field' }, h('label', { for: 'access-token' }, 'Token'), input),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Use this token'), cancel),
    );
    const dialog = h('dialog', { class: 'token-dialog', 'aria-labelledby': 'access-token-title' }, form);
    let answer: string | null = null;
    on(form, 'submit', (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (token === '') {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      answer = token;
      dialog.close();
    });
    on(cancel, 'click', () => dialog.close());
    // Escape and the buttons all end in `close`: the one place that answers and removes the dialog.
    on(dialog, 'close', () => {
      dialog.remove();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
}
