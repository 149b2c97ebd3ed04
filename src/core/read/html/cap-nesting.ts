/**
 * A bound on how deeply a page nests, applied to the HTML before it is parsed. Deep nesting is the one shape of page
 * whose reading time grew far faster than its size: the parser keeps its open elements in an array that it grows and
 * shrinks at the front (time in the depth at every tag), and Readability measures the text of every descendant of
 * every container (time in the cube of the depth): 2,000 nested `<div>`s took minutes. Browsers bound the depth of the
 * trees their parsers build for the same reason (Blink at 512 levels, Gecko at 200). Real article pages nest far less
 * (at most 51 levels on the 88 pages of the extraction benchmark), so a page within the bound is returned unchanged.
 *
 * Beyond the bound, the elements are flattened: their tags are taken out and their text stays in document order in the
 * deepest element kept, with a paragraph break (`<br><br>`) where a block or table cell began or ended, and the content
 * of non-text elements (`<script>`, `<style>`, `<svg>`, `<template>`...) is left out. Which tags the parser would nest
 * how deep is found with the parser's own rules (`scan-tags.ts`, `open-elements.ts`), checked against what the output
 * is parsed into, so the bound holds for any input.
 */
import { RENDER_BLOCK_TAGS } from './block-tags.js';
import { OpenElements, VOID_TAGS, type OpenElement } from './open-elements.js';
import { NON_TEXT_TAGS } from './render-text.js';
import { scanTags, type TagEvents } from './scan-tags.js';

/** Deepest element level the parser may build (`<html>` is level 1). */
export const MAX_NESTING_DEPTH = 100;

/** What a flattened block leaves behind: a paragraph break for the renderer and Readability. */
const PARAGRAPH_BREAK = '<br><br>';

/** Elements that separate text when their tags are taken out: blocks, and table rows and cells. */
const SEPARATING_TAGS: ReadonlySet<string> = new Set([...RENDER_BLOCK_TAGS, 'TR', 'TD', 'TH', 'BR']);

/** What the rewrite keeps about an element of the input as the parser would open it. */
interface Placement {
  /** Its tags are in the output. */
  kept: boolean;
  /** Taken out with all its content (a non-text element beyond the bound). */
  dropContent: boolean;
}

/** A tag being read: where it starts and whether it goes into the output. */
interface PendingTag {
  start: number;
  kept: boolean;
  placement: Placement | null;
}

/** True when the page may nest deeper than `maxDepth`: it has more tags than that (each opens at most one level). */
function mayNestDeeper(html: string, maxDepth: number): boolean {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1) | 0x20;
    if (c >= 0x61 && c <= 0x7a && ++tags > maxDepth) return true;
  }
  return false;
}

/** The rewrite of one page: the input's parse, the output's parse, and the output so far. */
class NestingCap implements TagEvents {
  /** The elements the parser would open for the input. */
  private readonly input: OpenElements<Placement>;
  /** The elements the parser will open for the output: its depth is what the bound is checked against. */
  private readonly output = new OpenElements<null>();
  private readonly pieces: string[] = [];
  /** Input up to here is written out or dropped. */
  private done = 0;
  /** The end of the last piece of input written out. */
  private written = 0;
  /** How many elements whose content is dropped are open in the input. */
  private dropping = 0;
  private pending: PendingTag | null = null;
  /** Whether anything of the input was left out. */
  changed = false;

  constructor(
    private readonly html: string,
    private readonly maxDepth: number,
  ) {
    this.input = new OpenElements<Placement>((element) => this.closed(element));
  }

  /** The output: the input when nothing was beyond the bound. */
  result(): string {
    const end = this.html.length;
    // A tag cut off by the end of the input is ignored by the parser: kept as it was, or dropped with its element.
    if (this.pending) {
      if (this.pending.kept) this.write(this.pending.start, end);
    } else this.text(end);
    return this.changed ? this.pieces.join('') : this.html;
  }

  openName(tagStart: number, name: string): void {
    this.text(tagStart);
    const parent = this.input.parentOf(name);
    const kept = (parent === null || parent.data.kept) && this.output.depthAfterOpening(name) <= this.maxDepth;
    const dropContent = !kept && !VOID_TAGS.has(name) && NON_TEXT_TAGS.has(name.toUpperCase());
    const placement: Placement = { kept, dropContent };
    this.input.open(name, placement);
    if (kept) this.output.open(name, null);
    else {
      this.changed = true;
      if (placement.dropContent) this.dropping++;
      this.separate(name);
    }
    this.pending = { start: tagStart, kept, placement: VOID_TAGS.has(name) ? null : placement };
  }

  openEnd(gt: number, selfClosing: boolean, rawText: boolean): void {
    const tag = this.pending!;
    this.pending = null;
    if (tag.kept) this.write(tag.start, gt + 1);
    // The raw text of an element taken out would be read as markup: it goes with its element.
    else if (rawText && tag.placement && !tag.placement.dropContent) {
      tag.placement.dropContent = true;
      this.dropping++;
    }
    this.done = gt + 1;
    if (selfClosing) {
      this.input.selfClose();
      if (tag.kept) this.output.selfClose();
    } else {
      this.input.endOpen();
      if (tag.kept) this.output.endOpen();
    }
  }

  closeName(tagStart: number, name: string): void {
    this.text(tagStart);
    const match = this.input.nearest(name);
    // A closing tag that closes nothing (or a stray `</p>` or `</br>`) is kept as it was, unless its text is dropped.
    const kept = match ? match.data.kept : this.dropping === 0;
    this.input.close(name, { kept, dropContent: false });
    if (kept) this.output.close(name, null);
    else this.changed = true;
    this.pending = { start: tagStart, kept, placement: null };
  }

  closeEnd(gt: number): void {
    const tag = this.pending!;
    this.pending = null;
    if (tag.kept) this.write(tag.start, gt + 1);
    this.done = gt + 1;
  }

  /** An element of the input leaves the parser's stack. */
  private closed(element: OpenElement<Placement>): void {
    if (element.data.kept) return;
    if (element.data.dropContent) this.dropping--;
    this.separate(element.name);
  }

  /** Marks where a block taken out began or ended with a paragraph break (one for several in a row). */
  private separate(name: string): void {
    if (this.dropping > 0 || !SEPARATING_TAGS.has(name.toUpperCase())) return;
    if (this.pieces.at(-1) !== PARAGRAPH_BREAK) this.pieces.push(PARAGRAPH_BREAK);
  }

  /** The input from where the last tag ended to `end` is text (or markup the parser does not nest): kept or dropped. */
  private text(end: number): void {
    if (end <= this.done) return;
    if (this.dropping === 0) this.write(this.done, end);
    else this.changed = true;
    this.done = end;
  }

  private write(start: number, end: number): void {
    const last = this.pieces.at(-1);
    // Text that ends in a `<` that began no tag ("a <<b>") must not begin one with what now follows it.
    if (last?.endsWith('<') && start > this.written) this.pieces[this.pieces.length - 1] = `${last.slice(0, -1)}&lt;`;
    this.pieces.push(this.html.slice(start, end));
    this.written = end;
  }
}

/**
 * The page with its nesting bounded to `maxDepth` levels as the parser builds them (see the file comment); the page
 * itself when it stays within the bound.
 */
export function capNesting(html: string, maxDepth = MAX_NESTING_DEPTH): string {
  if (!mayNestDeeper(html, maxDepth)) return html;
  const cap = new NestingCap(html, maxDepth);
  scanTags(html, cap);
  return cap.result();
}
