/**
 * A minimal RFC 4180 reader for the registry's own small, known-good files: quoted fields,
 * doubled quotes, and the 1-based line each record starts on (for diagnostics). The general
 * readers in src/read sniff separators and encodings; the registry needs none of that and
 * runs on every command, so it stays dependency-free.
 */

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const src = text.replace(/^\uFEFF/, "");

  const endRecord = (): void => {
    fields.push(field);
    // A blank line is not a record with one empty field.
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  // Runs of plain characters are taken whole (a slice, not a character at a time): the
  // registry is read by every command, at start-up.
  const SPECIAL = /[,\r\n"]/g;
  let i = 0;
  while (i < src.length) {
    if (quoted) {
      const quote = src.indexOf('"', i);
      const end = quote < 0 ? src.length : quote;
      const run = src.slice(i, end);
      for (let at = run.indexOf("\n"); at >= 0; at = run.indexOf("\n", at + 1)) line++;
      field += run;
      i = end;
      if (quote < 0) break;
      if (src[quote + 1] === '"') {
        field += '"';
        i = quote + 2;
      } else {
        quoted = false;
        i = quote + 1;
      }
      continue;
    }
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(src);
    const at = special === null ? src.length : special.index;
    field += src.slice(i, at);
    if (special === null) break;
    const ch = src[at];
    i = at + 1;
    if (ch === '"') {
      if (field === "") quoted = true;
      else field += ch;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else {
      if (ch === "\r" && src[i] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}
