/**
 * A tiny DOM helper. Every piece of data reaches the page as a text node or an attribute value: this module has no
 * way to parse HTML, which is what keeps untrusted article text inert.
 */

/** Anything that can be appended as a child: nodes, text (becomes a text node), or nothing. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

/** Attribute values; `false`, `null` and `undefined` leave the attribute out, `true` sets it empty. */
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Refuses attribute names that could run code or carry inline styles (blocked by the CSP anyway). */
function checkAttrName(name: string): void {
  const lower = name.toLowerCase();
  if (lower.startsWith('on') || lower === 'style' || lower === 'srcdoc') {
    throw new Error(`dom: attribute "${name}" is not allowed; use addEventListener or a class`);
  }
}

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    checkAttrName(name);
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Appends children to a node, turning strings and numbers into text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, ...(child as readonly Child[]));
    else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)));
    } else parent.appendChild(child as Node);
  }
}

/** Creates an HTML element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

/** Creates an SVG element with attributes and children. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag) as SVGElementTagNameMap[K];
  setAttrs(el, attrs);
  append(el, ...children);
  return el;
}

/** Adds an event listener and returns the element, so elements can be built in one expression. */
export function on<E extends EventTarget, K extends keyof HTMLElementEventMap>(
  el: E,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
): E {
  el.addEventListener(type, listener as EventListener);
  return el;
}

/** Replaces all children of a node. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A URL safe to put in `href`: only http(s), else null (no `javascript:` or `data:` from untrusted input). */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

let idCounter = 0;

/** A fresh document-unique id with a readable prefix. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A section with a heading: the building block of the story page (a landmark when labelled). */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  const headingId = `${id}-heading`;
  return h(
    'section',
    { id, class: 'report-section', 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: -1 }, title),
    ...children,
  );
}

/** A paragraph explaining that a section has nothing to show yet. */
export function emptyState(message: string): HTMLElement {
  return h('p', { class: 'empty' }, message);
}
