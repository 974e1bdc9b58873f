/**
 * Delimited text record by record, for commands whose memory must follow what they
 * count, not the file (`continuity` reads logs of millions of meetings): each record goes
 * to a callback and is dropped, nothing is kept. The whole-table readers (csv.ts) are not
 * used here; the source, encoding sniffing, separator sniffing and limits are theirs.
 * An .xlsx workbook (told by its zip magic) cannot be streamed: its sheet is read whole
 * (src/read/xlsx.ts) and its rows handed on the same way, as text.
 */

import { pipeline } from "node:stream/promises";
import { CsvError, parse } from "csv-parse";
import { InputError } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { limitsFrom } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { isZip, sniffSeparator } from "./sniff.js";
import { NotUtf8Error, openSource, sniffEncoding, textChunks } from "./source.js";

/** One record: its fields and the 1-based physical line it ends on (a sheet's row number). */
export type RowCallback = (fields: string[], line: number) => void;

export interface StreamOptions extends Pick<ReadOptions, "encoding" | "separator" | "sheet"> {
  /** Told, before the first row, how diagnostics should name the input (`file[sheet]` for a workbook). */
  onName?: (name: string) => void;
}

async function drain(records: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of records) {
    // on_record hands every record to the callback; nothing flows downstream
  }
}

/**
 * Streams `file` to `onRow`, header included (line 1). Throws an InputError for a file
 * that cannot be read as CSV; a throw from `onRow` ends the read and is passed on.
 */
export async function streamCsvRows(
  file: string,
  onRow: RowCallback,
  options: StreamOptions = {},
): Promise<void> {
  const limits = limitsFrom();
  const source = await openSource(file, limits);
  if (isZip(source.head)) {
    const { cellText, readSheetRows } = await import("./xlsx.js");
    const sheet = await readSheetRows(source, options.sheet, limits);
    options.onName?.(sheet.name);
    for (let i = 0; i < sheet.rows.length; i++) {
      const row = sheet.rows[i] ?? [];
      const fields = row.map(cellText);
      // Empty rows are skipped, as blank lines are in CSV.
      if (fields.every((f) => f.trim() === "")) continue;
      onRow(fields, i + 1);
    }
    return;
  }
  options.onName?.(file);
  const encoding =
    options.encoding ?? sniffEncoding(source.head, source.size <= source.head.length);
  const head =
    encoding === "utf-8"
      ? new TextDecoder("utf-8").decode(source.head)
      : source.head.toString("latin1");
  const separator = options.separator ?? sniffSeparator(head);
  const parser = parse({
    delimiter: separator,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n"],
    max_record_size: limits.maxRecordChars,
    skip_empty_lines: true,
    on_record: (record: unknown, context: { lines: number }) => {
      onRow(record as string[], context.lines);
      return null;
    },
  });
  try {
    // A file that is not UTF-8 after a UTF-8 head is read leniently rather than twice.
    await pipeline(textChunks(source, encoding, true), parser, drain);
  } catch (error) {
    if (error instanceof CsvError) {
      throw new InputError([
        {
          code: ReadCode.CsvSyntax,
          // csv-parse's message quotes the record; only its code is named (no contents).
          message: `not readable as CSV (${error.code})`,
          file,
          ...(typeof (error as { lines?: unknown }).lines === "number"
            ? { line: (error as unknown as { lines: number }).lines }
            : {}),
        },
      ]);
    }
    if (error instanceof NotUtf8Error) {
      throw new InputError([{ code: ReadCode.CsvSyntax, message: "not valid UTF-8", file }]);
    }
    throw error;
  }
}
