/** HTML that is already safe (built by `h` or a constant); everything else is escaped when rendered. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Content of an element: text (escaped), safe HTML, lists of those; null/undefined/false render as nothing. */
export type Child = string | number | SafeHtml | null | undefined | false | readonly Child[];

/** Attribute values; `true` renders a bare attribute, null/undefined/false omit it. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Builds one element. Text children and attribute values are always escaped: article text cannot become markup. */
export function h(tag: string, attributes: Attributes | null, ...children: Child[]): SafeHtml {
  const attrs = Object.entries(attributes ?? {})
    .filter(([, v]) => v !== null && v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`))
    .join('');
  return new SafeHtml(`<${tag}${attrs}>${renderChildren(children)}</${tag}>`);
}

/** Renders children to HTML (escaping text). */
export function renderChildren(children: readonly Child[]): string {
  return children
    .map((c) => {
      if (c === null || c === undefined || c === false) return '';
      if (c instanceof SafeHtml) return c.html;
      if (Array.isArray(c)) return renderChildren(c);
      return escapeHtml(String(c));
    })
    .join('');
}

/** A list of children as one fragment (no wrapping element). */
export function fragment(...children: Child[]): SafeHtml {
  return new SafeHtml(renderChildren(children));
}

/** An `href` for an outside address: only http(s) URLs; anything else (e.g. `javascript:`) gives null. */
export function safeExternalHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}
