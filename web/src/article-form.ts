/** The article input form (paste text, upload files, give URLs) shared by "new story" and "add articles". */
import { ApiError } from './api.js';
import { append, h, on, replaceChildren } from './dom.js';
import { failureList } from './failures.js';

/** What the form needs from its page. */
export interface ArticleFormOptions {
  /** Prefix of field ids, so two forms can share a page. */
  idPrefix: string;
  submitLabel: string;
  /** Show the story title and reference-date fields (new stories only). */
  storyFields: boolean;
  /** Pasted-article boxes shown at first. */
  initialTextBoxes?: number;
  /** Sends the form; resolves to what to show under the form, or null when the page moves on. */
  onSubmit: (data: FormData) => Promise<Node | null>;
}

/** File extensions the reader understands (the extension picks the format, as in the CLI). */
const ACCEPT = '.txt,.text,.html,.htm,.md,.markdown,.json,.jsonl';

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  const hintId = `${id}-hint`;
  if (hint) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
  );
}

function textBox(prefix: string, n: number): HTMLElement {
  const id = `${prefix}-text-${n}`;
  return field(
    id,
    `Article ${n}`,
    h('textarea', { id, name: 'text', rows: 6, class: 'article-text', spellcheck: 'false' }),
  );
}

/** Collects the non-empty inputs into multipart form data; `count` is how many articles or URLs it holds. */
function collect(form: HTMLFormElement): { data: FormData; count: number } {
  const data = new FormData();
  let count = 0;
  const value = (name: string): string =>
    (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
  if (value('title')) data.append('title', value('title'));
  if (value('referenceDate')) data.append('referenceDate', value('referenceDate'));
  for (const box of form.querySelectorAll<HTMLTextAreaElement>('textarea[name="text"]')) {
    if (box.value.trim()) {
      data.append('text', box.value);
      count += 1;
    }
  }
  const urls = value('urls');
  if (urls) {
    data.append('urls', urls);
    count += urls.split('\n').filter((u) => u.trim()).length;
  }
  const files = form.querySelector<HTMLInputElement>('input[type="file"]')?.files ?? [];
  for (const file of files) {
    data.append('files', file, file.name);
    count += 1;
  }
  return { data, count };
}

function errorView(err: unknown): HTMLElement {
  if (err instanceof ApiError) {
    return h(
      'div',
      { class: 'form-error', role: 'alert' },
      h('p', {}, h('strong', {}, 'The story could not be created: '), err.message),
      failureList(err.failures, 'What went wrong with each input'),
    );
  }
  return h('div', { class: 'form-error', role: 'alert' }, h('p', {}, `Something went wrong: ${String(err)}`));
}

/** Builds the form. */
export function articleForm(options: ArticleFormOptions): HTMLFormElement {
  const p = options.idPrefix;
  const texts = h('div', { class: 'text-boxes' });
  for (let n = 1; n <= (options.initialTextBoxes ?? 1); n += 1) append(texts, textBox(p, n));
  const addBox = on(h('button', { type: 'button', class: 'secondary' }, 'Add another article'), 'click', () => {
    const n = texts.children.length + 1;
    texts.append(textBox(p, n));
    texts.querySelector<HTMLTextAreaElement>(`#${p}-text-${n}`)?.focus();
  });
  const submit = h('button', { type: 'submit', class: 'primary' }, options.submitLabel);
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'form-result' });
  const form = h(
    'form',
    { class: 'article-form', novalidate: true },
    options.storyFields
      ? h(
          'div',
          { class: 'story-fields' },
          field(
            `${p}-title`,
            'Story title (optional)',
            h('input', { id: `${p}-title`, name: 'title', type: 'text', autocomplete: 'off' }),
          ),
          field(
            `${p}-refdate`,
            'Reference date (optional)',
            h('input', { id: `${p}-refdate`, name: 'referenceDate', type: 'date' }),
            'Used to resolve "yesterday" or "on Monday" when an article carries no date.',
          ),
        )
      : null,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Paste articles'),
      h('p', { class: 'hint' }, 'One article per box.'),
      texts,
      addBox,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Upload files'),
      field(
        `${p}-files`,
        'Files',
        h('input', { id: `${p}-files`, name: 'files', type: 'file', multiple: true, accept: ACCEPT }),
        'Plain text, HTML, Markdown or JSON article objects; the extension picks the format.',
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'From the web'),
      field(
        `${p}-urls`,
        'URLs',
        h('textarea', { id: `${p}-urls`, name: 'urls', rows: 3, spellcheck: 'false' }),
        'One URL per line.',
      ),
    ),
    h('div', { class: 'form-actions' }, submit, status),
    result,
  );
  on(form, 'submit', (event) => {
    event.preventDefault();
    void send(form, { submit, status, result }, options);
  });
  return form;
}

async function send(
  form: HTMLFormElement,
  parts: { submit: HTMLButtonElement; status: HTMLElement; result: HTMLElement },
  options: ArticleFormOptions,
): Promise<void> {
  const { data, count } = collect(form);
  if (count === 0) {
    replaceChildren(
      parts.result,
      h('div', { class: 'form-error', role: 'alert' }, 'Paste, upload or link at least one article.'),
    );
    return;
  }
  parts.submit.disabled = true;
  form.setAttribute('aria-busy', 'true');
  replaceChildren(parts.status, `Reading and comparing ${count === 1 ? 'the article' : `${count} articles`}…`);
  parts.result.replaceChildren();
  try {
    const shown = await options.onSubmit(data);
    parts.status.replaceChildren();
    if (shown) replaceChildren(parts.result, shown);
  } catch (err) {
    parts.status.replaceChildren();
    replaceChildren(parts.result, errorView(err));
  } finally {
    parts.submit.disabled = false;
    form.removeAttribute('aria-busy');
  }
}
