/**
 * Puts a page's content where the HTML standard's parser puts it: in `<body>`. linkedom builds the tree as the tags
 * say, so the content of a page that never closes its `<head>` (or writes text before `<body>`, after `</body>` or
 * after `</html>`) sits in the head, beside the body or after the root. Readability scores that content and then walks
 * up from it looking for `<body>`, which it never meets: it throws ("Cannot read properties of null (reading
 * 'tagName')"), and content beside the body is lost. Browsers instead end the head at the first element that does not
 * belong there and put everything outside the body into it; this does the same after parsing, in one pass over the
 * root's children. Moved nodes end one or two levels deeper than they were (under `<body>`), which the nesting bound
 * (`cap-nesting.ts`) leaves room for.
 */

/** Elements that belong in `<head>` (the standard's "in head" insertion mode); any other ends the head. */
const HEAD_TAGS: ReadonlySet<string> = new Set([
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'title',
  'noscript',
  'noframes',
  'style',
  'script',
  'template',
]);

/** True for a node that the standard's parser would put in the body: an element or text that is not white space. */
function isContent(node: ChildNode): boolean {
  if (node.nodeType === 1) return true;
  return node.nodeType === 3 && (node.textContent ?? '').trim() !== '';
}

/** Moves every content node of the head (from the first that does not belong there) and outside the body into it. */
export function moveContentIntoBody(document: Document): void {
  const root = document.documentElement;
  const body = document.body;
  if (!root || !body) return;
  const before: ChildNode[] = [];
  const after: ChildNode[] = [];
  let seenBody = false;
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node === body) seenBody = true;
    else if (node.nodeType === 1 && (node as Element).localName === 'head') before.push(...strayHeadContent(node));
    else if (isContent(node)) (seenBody ? after : before).push(node);
  }
  for (let node = root.nextSibling; node; node = node.nextSibling) if (isContent(node)) after.push(node);
  const first = body.firstChild;
  for (const node of before) body.insertBefore(node, first);
  for (const node of after) body.appendChild(node);
}

/** The head's children from the first one that does not belong in a head (with all after it). */
function strayHeadContent(head: ChildNode): ChildNode[] {
  const stray: ChildNode[] = [];
  for (let node = head.firstChild; node; node = node.nextSibling) {
    if (stray.length > 0 || (isContent(node) && !HEAD_TAGS.has((node as Element).localName ?? ''))) stray.push(node);
  }
  return stray;
}
