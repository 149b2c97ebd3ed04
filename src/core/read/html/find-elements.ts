/**
 * Element searches without CSS selectors. linkedom compiles a selector with css-select on every `querySelectorAll`
 * call, which costs more than the search itself when it is asked of every block of an article; these walks visit the
 * same elements in the same order (document order, a `<template>`'s content not entered) and test them directly.
 */

/** The lower-cased tag name, as a CSS type selector compares it in an HTML document. */
export function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/**
 * The element after `el` in document order among the descendants of `root`, not entering a `<template>`'s content:
 * a loop rather than recursion, so that a page nested thousands of levels deep does not exhaust the call stack.
 */
export function nextInTree(el: Element, root: Element | Document): Element | null {
  if (el.localName !== 'template' && el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at && at !== root; at = parentElementOf(at, root)) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/** The parent of `el`, or null once the walk is back at `root` (or at the document). */
function parentElementOf(el: Element, root: Element | Document): Element | null {
  const parent = el.parentNode;
  return parent && parent !== root && parent.nodeType === 1 ? (parent as Element) : null;
}

/** Descendants of `root` passing `test`, in document order, as `querySelectorAll` finds them. */
export function findAll(root: Element | Document, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (let el = root.firstElementChild; el; el = nextInTree(el, root)) if (test(el)) out.push(el);
  return out;
}

/** The first descendant of `root` passing `test`, as `querySelector` finds it; null when none does. */
export function findFirst(root: Element | Document, test: (el: Element) => boolean): Element | null {
  for (let el = root.firstElementChild; el; el = nextInTree(el, root)) if (test(el)) return el;
  return null;
}

/** Descendants of `root` with the tag `tag` (lower case), as `querySelectorAll(tag)` finds them. */
export function findByTag(root: Element | Document, tag: string): Element[] {
  return findAll(root, (el) => tagOf(el) === tag);
}

/** The child elements of `el` as an array (a snapshot: safe to remove children while going through it). */
export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) out.push(c);
  return out;
}
