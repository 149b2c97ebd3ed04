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

/** Splits CSV text into records; blank lines are skipped. A byte-order mark at the start is ignored. */
export function readCsv(text: string, separator: ',' | ';' = guessSeparator(text)): CsvTable {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records, unclosedQuoteLine: quoted ? quoteLine : null };
}
