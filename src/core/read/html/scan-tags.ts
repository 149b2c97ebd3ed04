/**
 * Finds the tags of an HTML string exactly where the page parser (htmlparser2, under linkedom) finds them, without
 * building anything: the same state machine for tag names, attributes (quoted values may hold `>`), comments, CDATA,
 * declarations, processing instructions, bogus comments (`</ 1>`), and raw-text elements (`<script>`, `<style>`,
 * `<title>`, `<textarea>`, `<xmp>`, whose content is not markup). Character references are left alone: they never end
 * or start a tag. `cap-nesting.ts` uses it to know how deep the parser would nest a page before it is parsed.
 */

/** What the scanner reports, with offsets into the string. */
export interface TagEvents {
  /** An open tag's name has been read (`<` at `tagStart`); the parser acts on the tag at this point. */
  openName(tagStart: number, name: string): void;
  /**
   * The open tag ends at `gt` (the index of its `>`); `selfClosing` for `/>`; `rawText` when what follows is the raw
   * text of the element (not markup) up to its closing tag.
   */
  openEnd(gt: number, selfClosing: boolean, rawText: boolean): void;
  /** A closing tag's name has been read (`<` at `tagStart`); the parser acts on it at this point. */
  closeName(tagStart: number, name: string): void;
  /** The closing tag ends at `gt` (the index of its `>`). */
  closeEnd(gt: number): void;
}

const enum S {
  Text,
  BeforeTagName,
  InTagName,
  InSelfClosingTag,
  BeforeClosingTagName,
  InClosingTagName,
  AfterClosingTagName,
  BeforeAttributeName,
  InAttributeName,
  AfterAttributeName,
  BeforeAttributeValue,
  InAttributeValueDq,
  InAttributeValueSq,
  InAttributeValueNq,
  BeforeDeclaration,
  InDeclaration,
  InProcessingInstruction,
  BeforeComment,
  CdataSequence,
  InSpecialComment,
  InCommentLike,
  BeforeSpecialS,
  BeforeSpecialT,
  SpecialStartSequence,
  InSpecialTag,
}

/** Character codes as numbers, so that the sequences below compare like the parser's (`c | 0x20`). */
function codes(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

const CDATA = codes('CDATA[');
const CDATA_END = codes(']]>');
const COMMENT_END = codes('-->');
const SCRIPT_END = codes('</script');
const STYLE_END = codes('</style');
const TITLE_END = codes('</title');
const TEXTAREA_END = codes('</textarea');
const XMP_END = codes('</xmp');

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;
const BRACKET = 0x5b;

/** The parser's white space: space, tab, line feed, form feed, carriage return. */
function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
}

function isEndOfTagSection(c: number): boolean {
  return c === SLASH || c === GT || isWhitespace(c);
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/** The scanner's state while it goes through one string. */
class Scanner {
  private state = S.Text;
  private index = 0;
  private sectionStart = 0;
  private tagStart = 0;
  private isSpecial = false;
  private sequence: number[] = CDATA;
  private sequenceIndex = 0;

  constructor(
    private readonly html: string,
    private readonly events: TagEvents,
  ) {}

  run(): void {
    const { html } = this;
    while (this.index < html.length) {
      this.step(html.charCodeAt(this.index));
      this.index++;
    }
  }

  /** Moves to the next `c` (returns false at the end of the string, leaving the index on the last character). */
  private fastForwardTo(c: number): boolean {
    while (++this.index < this.html.length) if (this.html.charCodeAt(this.index) === c) return true;
    this.index = this.html.length - 1;
    return false;
  }

  // One method per state, as in the parser; a state may hand the same character on to the next (reconsume). The
  // states are dispatched in three groups: outside tags (text, raw text, comments, declarations), attributes, and
  // tag names.
  private step(c: number): void {
    switch (this.state) {
      case S.Text:
        return this.text(c);
      case S.InSpecialTag:
        return this.inSpecialTag(c);
      case S.CdataSequence:
        return this.cdataSequence(c);
      case S.InCommentLike:
        return this.inCommentLike(c);
      case S.InSpecialComment:
      case S.InDeclaration:
      case S.InProcessingInstruction:
        return this.untilGt(c);
      case S.BeforeDeclaration:
        return this.beforeDeclaration(c);
      case S.BeforeComment:
        return this.beforeComment(c);
      default:
        return this.stepInTag(c);
    }
  }

  /** A character inside a tag: in its attributes, else in its name. */
  private stepInTag(c: number): void {
    switch (this.state) {
      case S.InAttributeValueDq:
        return this.inAttributeValueQuoted(c, DQ);
      case S.InAttributeValueSq:
        return this.inAttributeValueQuoted(c, SQ);
      case S.InAttributeName:
        return this.inAttributeName(c);
      case S.BeforeAttributeName:
        return this.beforeAttributeName(c);
      case S.AfterAttributeName:
        return this.afterAttributeName(c);
      case S.BeforeAttributeValue:
        return this.beforeAttributeValue(c);
      case S.InAttributeValueNq:
        return this.inAttributeValueNoQuotes(c);
      default:
        return this.stepInTagName(c);
    }
  }

  /** A character of a tag's name (or just before or after it): open, closing, self-closing, raw-text elements. */
  private stepInTagName(c: number): void {
    switch (this.state) {
      case S.SpecialStartSequence:
        return this.specialStartSequence(c);
      case S.InTagName:
        return this.inTagName(c);
      case S.InClosingTagName:
        return this.inClosingTagName(c);
      case S.BeforeTagName:
        return this.beforeTagName(c);
      case S.BeforeClosingTagName:
        return this.beforeClosingTagName(c);
      case S.AfterClosingTagName:
        return this.afterClosingTagName(c);
      case S.BeforeSpecialS:
        return this.beforeSpecialS(c);
      case S.BeforeSpecialT:
        return this.beforeSpecialT(c);
      case S.InSelfClosingTag:
        return this.inSelfClosingTag(c);
    }
  }

  private text(c: number): void {
    if (c === LT) {
      this.state = S.BeforeTagName;
      this.tagStart = this.index;
    }
  }

  private specialStartSequence(c: number): void {
    const isEnd = this.sequenceIndex === this.sequence.length;
    const isMatch = isEnd ? isEndOfTagSection(c) : (c | 0x20) === this.sequence[this.sequenceIndex];
    if (!isMatch) this.isSpecial = false;
    else if (!isEnd) {
      this.sequenceIndex++;
      return;
    }
    this.sequenceIndex = 0;
    this.state = S.InTagName;
    this.inTagName(c);
  }

  /** Raw text: looks for the closing tag of the element, case-insensitively, followed by white space or `>`. */
  private inSpecialTag(c: number): void {
    if (this.sequenceIndex === this.sequence.length) {
      if (c === GT || isWhitespace(c)) {
        const endOfText = this.index - this.sequence.length;
        this.isSpecial = false;
        this.tagStart = endOfText;
        this.sectionStart = endOfText + 2;
        this.inClosingTagName(c);
        return;
      }
      this.sequenceIndex = 0;
    }
    if ((c | 0x20) === this.sequence[this.sequenceIndex]) this.sequenceIndex += 1;
    else if (this.sequenceIndex === 0) {
      // Outside <title>, the parser skips ahead to the next `<` (in <title> it decodes references, which cannot hold one).
      if (this.sequence !== TITLE_END && this.fastForwardTo(LT)) this.sequenceIndex = 1;
    } else this.sequenceIndex = Number(c === LT);
  }

  private cdataSequence(c: number): void {
    if (c === CDATA[this.sequenceIndex]) {
      if (++this.sequenceIndex === CDATA.length) {
        this.state = S.InCommentLike;
        this.sequence = CDATA_END;
        this.sequenceIndex = 0;
      }
    } else {
      this.sequenceIndex = 0;
      this.state = S.InDeclaration;
      this.untilGt(c);
    }
  }

  /** Comments end at `-->` and CDATA at `]]>`, with longer runs of the first character allowed (`--->`). */
  private inCommentLike(c: number): void {
    if (c === this.sequence[this.sequenceIndex]) {
      if (++this.sequenceIndex === this.sequence.length) {
        this.sequenceIndex = 0;
        this.state = S.Text;
      }
    } else if (this.sequenceIndex === 0) {
      if (this.fastForwardTo(this.sequence[0]!)) this.sequenceIndex = 1;
    } else if (c !== this.sequence[this.sequenceIndex - 1]) this.sequenceIndex = 0;
  }

  private startSpecial(sequence: number[], offset: number): void {
    this.isSpecial = true;
    this.sequence = sequence;
    this.sequenceIndex = offset;
    this.state = S.SpecialStartSequence;
  }

  private beforeTagName(c: number): void {
    if (c === BANG) this.state = S.BeforeDeclaration;
    else if (c === QUESTION) this.state = S.InProcessingInstruction;
    else if (isAsciiAlpha(c)) {
      const lower = c | 0x20;
      this.sectionStart = this.index;
      if (lower === SCRIPT_END[2]) this.state = S.BeforeSpecialS;
      else if (lower === TITLE_END[2] || lower === XMP_END[2]) this.state = S.BeforeSpecialT;
      else this.state = S.InTagName;
    } else if (c === SLASH) this.state = S.BeforeClosingTagName;
    else {
      this.state = S.Text;
      this.text(c);
    }
  }

  private inTagName(c: number): void {
    if (isEndOfTagSection(c)) {
      this.events.openName(this.tagStart, this.html.slice(this.sectionStart, this.index).toLowerCase());
      this.state = S.BeforeAttributeName;
      this.beforeAttributeName(c);
    }
  }

  private beforeClosingTagName(c: number): void {
    if (isWhitespace(c)) return;
    if (c === GT) this.state = S.Text;
    else {
      this.state = isAsciiAlpha(c) ? S.InClosingTagName : S.InSpecialComment;
      this.sectionStart = this.index;
    }
  }

  private inClosingTagName(c: number): void {
    if (c === GT || isWhitespace(c)) {
      this.events.closeName(this.tagStart, this.html.slice(this.sectionStart, this.index).toLowerCase());
      this.state = S.AfterClosingTagName;
      this.afterClosingTagName(c);
    }
  }

  private afterClosingTagName(c: number): void {
    if (c === GT || this.fastForwardTo(GT)) {
      this.state = S.Text;
      this.events.closeEnd(this.index);
    }
  }

  private beforeAttributeName(c: number): void {
    if (c === GT) {
      this.events.openEnd(this.index, false, this.isSpecial);
      if (this.isSpecial) {
        this.state = S.InSpecialTag;
        this.sequenceIndex = 0;
      } else this.state = S.Text;
    } else if (c === SLASH) this.state = S.InSelfClosingTag;
    else if (!isWhitespace(c)) this.state = S.InAttributeName;
  }

  private inSelfClosingTag(c: number): void {
    if (c === GT) {
      this.events.openEnd(this.index, true, false);
      this.state = S.Text;
      this.isSpecial = false;
    } else if (!isWhitespace(c)) {
      this.state = S.BeforeAttributeName;
      this.beforeAttributeName(c);
    }
  }

  private inAttributeName(c: number): void {
    if (c === EQ || isEndOfTagSection(c)) {
      this.state = S.AfterAttributeName;
      this.afterAttributeName(c);
    }
  }

  private afterAttributeName(c: number): void {
    if (c === EQ) this.state = S.BeforeAttributeValue;
    else if (c === SLASH || c === GT) {
      this.state = S.BeforeAttributeName;
      this.beforeAttributeName(c);
    } else if (!isWhitespace(c)) this.state = S.InAttributeName;
  }

  private beforeAttributeValue(c: number): void {
    if (c === DQ) this.state = S.InAttributeValueDq;
    else if (c === SQ) this.state = S.InAttributeValueSq;
    else if (!isWhitespace(c)) {
      this.state = S.InAttributeValueNq;
      this.inAttributeValueNoQuotes(c);
    }
  }

  private inAttributeValueQuoted(c: number, quote: number): void {
    if (c === quote) this.state = S.BeforeAttributeName;
  }

  private inAttributeValueNoQuotes(c: number): void {
    if (isWhitespace(c) || c === GT) {
      this.state = S.BeforeAttributeName;
      this.beforeAttributeName(c);
    }
  }

  private beforeDeclaration(c: number): void {
    if (c === BRACKET) {
      this.state = S.CdataSequence;
      this.sequenceIndex = 0;
    } else this.state = c === DASH ? S.BeforeComment : S.InDeclaration;
  }

  /** Declarations, processing instructions and bogus comments run to the next `>`. */
  private untilGt(c: number): void {
    if (c === GT || this.fastForwardTo(GT)) this.state = S.Text;
  }

  private beforeComment(c: number): void {
    if (c === DASH) {
      this.state = S.InCommentLike;
      this.sequence = COMMENT_END;
      // Short comments (`<!-->`) end at once.
      this.sequenceIndex = 2;
    } else this.state = S.InDeclaration;
  }

  private beforeSpecialS(c: number): void {
    const lower = c | 0x20;
    if (lower === SCRIPT_END[3]) this.startSpecial(SCRIPT_END, 4);
    else if (lower === STYLE_END[3]) this.startSpecial(STYLE_END, 4);
    else {
      this.state = S.InTagName;
      this.inTagName(c);
    }
  }

  private beforeSpecialT(c: number): void {
    const lower = c | 0x20;
    if (lower === TITLE_END[3]) this.startSpecial(TITLE_END, 4);
    else if (lower === TEXTAREA_END[3]) this.startSpecial(TEXTAREA_END, 4);
    else if (lower === XMP_END[3]) this.startSpecial(XMP_END, 4);
    else {
      this.state = S.InTagName;
      this.inTagName(c);
    }
  }
}

/** Goes through `html` once and reports its tags to `events`, in order. */
export function scanTags(html: string, events: TagEvents): void {
  new Scanner(html, events).run();
}
