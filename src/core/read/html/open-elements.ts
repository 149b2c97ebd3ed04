/**
 * The page parser's stack of open elements, kept the way htmlparser2 (under linkedom) keeps it for the same tags: an
 * open tag first closes the elements it implies closed (a `<p>` closes an open `<p>`, a `<td>` an open `<td>`), void
 * elements are never open, a closing tag closes every element down to the nearest one of its name (and nothing when
 * none is open, except `</p>`), and `<x/>` closes at once only inside `<svg>` or `<math>`. Its depth is the depth of
 * the tree the parser builds. Unlike the parser's own stack (an array grown and shrunk at its front, which costs time
 * in proportion to its depth at every tag), every step here takes constant time.
 */

/** Tags whose opening closes open elements of these names at the top of the stack (HTML's optional end tags). */
const FORM_TAGS = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const P = ['p'];
const IMPLIED_CLOSES: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    tr: ['tr', 'th', 'td'],
    th: ['th'],
    td: ['thead', 'th', 'td'],
    body: ['head', 'link', 'script'],
    li: ['li'],
    select: FORM_TAGS,
    input: FORM_TAGS,
    output: FORM_TAGS,
    button: FORM_TAGS,
    datalist: FORM_TAGS,
    textarea: FORM_TAGS,
    option: ['option'],
    optgroup: ['optgroup', 'option'],
    dd: ['dd', 'dt'],
    dt: ['dd', 'dt'],
    rt: ['rt', 'rp'],
    rp: ['rt', 'rp'],
    tbody: ['thead', 'tbody'],
    tfoot: ['thead', 'tbody'],
    ...Object.fromEntries(
      [
        ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div'],
        ...['dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre'],
        ...['section', 'table', 'ul'],
      ].map((tag) => [tag, P]),
    ),
  }).map(([tag, closes]) => [tag, new Set(closes)]),
);

/** Elements that never have content, so are never open. */
export const VOID_TAGS: ReadonlySet<string> = new Set(
  ['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex'].concat([
    'keygen',
    'link',
    'meta',
    'param',
    'source',
    'track',
    'wbr',
  ]),
);

/** Elements that start foreign content (where `<x/>` closes at once) and those that return to HTML inside it. */
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** An open element; `T` is what the caller keeps about it. */
export interface OpenElement<T> {
  name: string;
  data: T;
}

/** The stack of open elements of one parse. `onClose` hears every element leaving the stack, innermost first. */
export class OpenElements<T> {
  private readonly stack: OpenElement<T>[] = [];
  private readonly counts = new Map<string, number>();
  /** Whether each level of foreign content is foreign (true) or back in HTML (false); the top is last. */
  private readonly foreign: boolean[] = [false];
  /** The tag being opened, as the parser remembers it until the tag's end. */
  private tagName = '';

  constructor(private readonly onClose: (element: OpenElement<T>) => void = () => {}) {}

  /** How many elements are open: the depth at which the next text or element goes. */
  get depth(): number {
    return this.stack.length;
  }

  /** The innermost open element. */
  get top(): OpenElement<T> | undefined {
    return this.stack.at(-1);
  }

  /** True when an element of this name is open. */
  has(name: string): boolean {
    return (this.counts.get(name) ?? 0) > 0;
  }

  /** How many elements stay open when `name` opens (those it implies closed are gone), without opening it. */
  private depthBeforeOpening(name: string): number {
    const closes = IMPLIED_CLOSES.get(name);
    let depth = this.stack.length;
    while (closes && depth > 0 && closes.has(this.stack[depth - 1]!.name)) depth--;
    return depth;
  }

  /** The depth the stack would have after opening `name` (implied closes applied), without opening it. */
  depthAfterOpening(name: string): number {
    const depth = this.depthBeforeOpening(name);
    return VOID_TAGS.has(name) ? depth : depth + 1;
  }

  /** The element that would contain `name` if it opened now (null at the top level), without opening it. */
  parentOf(name: string): OpenElement<T> | null {
    return this.stack[this.depthBeforeOpening(name) - 1] ?? null;
  }

  /** The nearest open element named `name`, which a closing tag of that name would close down to; null if none. */
  nearest(name: string): OpenElement<T> | null {
    if (!this.has(name)) return null;
    // The walk passes only elements that the closing tag closes as well.
    for (let i = this.stack.length - 1; ; i--) if (this.stack[i]!.name === name) return this.stack[i]!;
  }

  /** An open tag's name has been read: implied closes, then the element opens (unless void). */
  open(name: string, data: T): void {
    this.tagName = name;
    const closes = IMPLIED_CLOSES.get(name);
    while (closes && this.stack.length > 0 && closes.has(this.top!.name)) this.pop();
    if (VOID_TAGS.has(name)) return;
    this.push({ name, data });
    if (FOREIGN.has(name)) this.foreign.push(true);
    else if (INTEGRATION.has(name)) this.foreign.push(false);
  }

  /** The open tag ended with `/>`: inside foreign content the element closes at once; elsewhere the `/` is ignored. */
  selfClose(): void {
    const name = this.tagName;
    this.tagName = '';
    if (this.foreign.at(-1) === true && this.top?.name === name) this.pop();
  }

  /** The open tag ended with `>`. */
  endOpen(): void {
    this.tagName = '';
  }

  /** A closing tag: closes down to the nearest open element of its name; a stray `</p>` opens and closes a `<p>`. */
  close(name: string, strayP: T): void {
    if (FOREIGN.has(name) || INTEGRATION.has(name)) this.foreign.pop();
    if (VOID_TAGS.has(name)) return;
    if (this.has(name)) {
      let popped: OpenElement<T>;
      do popped = this.pop();
      while (popped.name !== name);
    } else if (name === 'p') {
      this.open('p', strayP);
      this.tagName = '';
      if (this.top?.name === 'p') this.pop();
    }
  }

  private push(element: OpenElement<T>): void {
    this.stack.push(element);
    this.counts.set(element.name, (this.counts.get(element.name) ?? 0) + 1);
  }

  private pop(): OpenElement<T> {
    const element = this.stack.pop()!;
    this.counts.set(element.name, this.counts.get(element.name)! - 1);
    this.onClose(element);
    return element;
  }
}
