/**
 * The registry's CSV files (RFC 4180: quoted fields, doubled quotes) as records numbered by
 * the line each starts on, for diagnostics, read with csv-parse's synchronous API. The
 * general readers in src/read sniff separators and encodings; the registry needs none of
 * that.
 *
 * csv-parse is loaded on the first call, not with this module: the command line takes the
 * registry from the build's validated snapshot (src/registry/snapshot.ts) and parses these
 * files only when they changed. A `require` made here resolves the package from
 * node_modules, so the bundle (dist/cli/main.cjs) neither carries nor evaluates a second
 * copy of csv-parse for it.
 */
import { createRequire } from "node:module";

export interface CsvRecord {
  /** 1-based physical line the record starts on. */
  line: number;
  fields: string[];
}

/** Text that is not RFC 4180 CSV: where, and what was expected there. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

type CsvParseSync = typeof import("csv-parse/sync");
let csvParse: CsvParseSync | undefined;

function loadCsvParse(): CsvParseSync {
  csvParse ??= createRequire(import.meta.url)("csv-parse/sync") as CsvParseSync;
  return csvParse;
}

/**
 * The records of `text`; blank lines are no records.
 * @throws CsvSyntaxError on a quote out of place or never closed.
 */
export function parseCsv(text: string): CsvRecord[] {
  const { parse } = loadCsvParse();
  const records: CsvRecord[] = [];
  // Lines are counted here: csv-parse's own count (`info.lines`) also counts a carriage
  // return inside a quoted field. A record starts after the blank lines skipped before it
  // and spans one line more than its fields hold line feeds.
  let next = 1;
  let blank = 0;
  try {
    parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      record_delimiter: ["\r\n", "\n"],
      skip_empty_lines: true,
      on_record: (fields: string[], { empty_lines }) => {
        const line = next + empty_lines - blank;
        blank = empty_lines;
        records.push({ line, fields });
        next = line + 1;
        for (const field of fields) next += lineFeeds(field);
        return null;
      },
    });
  } catch (error) {
    throw syntaxError(error, (skipped = blank) => next + skipped - blank);
  }
  return records;
}

function lineFeeds(text: string): number {
  let n = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) n++;
  return n;
}

/**
 * csv-parse's error as one line of ours, on the line the failing record starts on (as every
 * registry diagnostic), the column numbering the field. `startOf` gives the line the failing record starts
 * on from the count of blank lines skipped so far (csv-parse's `empty_lines`).
 */
function syntaxError(error: unknown, startOf: (blankLines: number | undefined) => number): unknown {
  const { CsvError } = loadCsvParse();
  if (!(error instanceof CsvError)) return error;
  const start = startOf(typeof error.empty_lines === "number" ? error.empty_lines : undefined);
  const column = typeof error.column === "number" ? error.column + 1 : undefined;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvSyntaxError(
        "expected a closing quote for the field opened here, found the end of the file",
        start,
        column,
      );
    case "CSV_INVALID_CLOSING_QUOTE":
      return new CsvSyntaxError(
        'expected a separator or line end after a closing quote (write a quote inside a quoted field as "")',
        start,
        column,
      );
    case "INVALID_OPENING_QUOTE":
      return new CsvSyntaxError(
        "expected a quote only at the start of a field; quote the whole field and double the inner quote",
        start,
        column,
      );
    default:
      return new CsvSyntaxError(error.message.replace(/ at line \d+.*$/, ""), start, column);
  }
}
