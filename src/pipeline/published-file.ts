/**
 * A file of published places (data/published/*.csv, or a user's `--published FILE` with the
 * same columns) as rows of cells with their lines: read whole, noted as read for `--out`'s
 * check, and refused as an input error when it is missing, not CSV, or lacks a column.
 * `benchmark --verify` and `index --verify` both read theirs here.
 */
import { readFileSync } from "node:fs";
import { InputError } from "../diagnostics.js";
import { noteRead } from "./files-read.js";

export interface PublishedRows {
  header: string[];
  /** The rows after the header: 1-based physical line and the cells. */
  rows: Array<{ line: number; cells: string[] }>;
  /** The 0-based column of a header name (every required one exists). */
  at: (name: string) => number;
}

/**
 * @param what how the file is named in a message ("published-lists file")
 * @param columns the columns it must have; `example` is the shipped file that has them
 */
export async function readPublishedRows(
  file: string,
  what: string,
  columns: readonly string[],
  example: string,
): Promise<PublishedRows> {
  noteRead(file);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new InputError([{ code: "E_FILE_NOT_FOUND", message: `${what} not found`, file }]);
  }
  const { parse } = await import("csv-parse/sync");
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new InputError([
      { code: "E_CSV", message: `not a readable CSV: ${(error as Error).message}`, file },
    ]);
  }
  const all = records.map((r) => ({ line: r.info.lines, cells: r.record }));
  const header = all[0]?.cells ?? [];
  const at = (name: string) => header.indexOf(name);
  const lacking = columns.filter((c) => at(c) < 0);
  if (all.length > 0 && lacking.length > 0) {
    throw new InputError([
      {
        code: "E_MISSING_COLUMN",
        message: `a ${what} needs columns ${columns.join(", ")} (as ${example}); missing ${lacking.join(", ")}, found ${header.join(", ")}`,
        file,
        line: 1,
      },
    ]);
  }
  return { header, rows: all.slice(1), at };
}
