/**
 * Reads comma-separated values as RFC 4180 writes them (quoted fields with doubled quotes, separators and line breaks
 * inside quotes, CRLF or LF), for the small user-written tables Parallax reads (an outlet ratings file). Each record
 * keeps the line it starts on, so that problems name the line the user sees in an editor.
 */

/** One record: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What reading gave: the records, and a problem when the text ends inside a quoted field. */
export interface CsvTable {
  records: CsvRecord[];
  /** Set when a quoted field is never closed (the last record is then cut at the end of the text). */
  unclosedQuoteLine: number | null;
}

/** The separator of a table: `;` when the first line has semicolons and no commas (a spreadsheet export), else `,`. */
export function guessSeparator(text: string): ',' | ';' {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.includes(';') && !first.includes(',') ? ';' : ',';
}

/** The reader's state while it walks the text: the record and field being read, and the line it is on. */
class CsvReader {
  readonly records: CsvRecord[] = [];
  private fields: string[] = [];
  private field = '';
  quoted = false;
  private line = 1;
  private recordLine = 1;
  quoteLine = 0;

  constructor(
    private readonly src: string,
    private readonly separator: ',' | ';',
  ) {}

  /** Reads the character at `i` inside a quoted field; returns the index of the last character used. */
  private quotedChar(i: number): number {
    const c = this.src[i]!;
    if (c === '"' && this.src[i + 1] === '"') {
      this.field += '"';
      return i + 1;
    }
    if (c === '"') this.quoted = false;
    else {
      if (c === '\n') this.line++;
      this.field += c;
    }
    return i;
  }

  /** Reads the character at `i` outside quotes; returns the index of the last character used. */
  private plainChar(i: number): number {
    const c = this.src[i]!;
    if (c === '"' && this.field.trim() === '') {
      this.field = '';
      this.quoted = true;
      this.quoteLine = this.line;
    } else if (c === this.separator) {
      this.fields.push(this.field);
      this.field = '';
    } else if (c === '\n' || c === '\r') {
      const end = c === '\r' && this.src[i + 1] === '\n' ? i + 1 : i;
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
      return end;
    } else this.field += c;
    return i;
  }

  /** Ends the record being read (a blank line gives no record). */
  private endRecord(): void {
    this.fields.push(this.field);
    if (this.fields.length > 1 || this.fields[0]!.trim() !== '')
      this.records.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
  }

  /** Reads the whole text. */
  read(): void {
    for (let i = 0; i < this.src.length; i++) i = this.quoted ? this.quotedChar(i) : this.plainChar(i);
    if (this.field !== '' || this.fields.length > 0) this.endRecord();
  }
}

/** Splits CSV text into records; blank lines are skipped. A byte-order mark at the start is ignored. */
export function readCsv(text: string, separator: ',' | ';' = guessSeparator(text)): CsvTable {
  const reader = new CsvReader(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, separator);
  reader.read();
  return { records: reader.records, unclosedQuoteLine: reader.quoted ? reader.quoteLine : null };
}
