/** An opened source → Table: the format given, or sniffed from the head; one dispatch for files and stdin. */
import { reportWarning } from "../diagnostics.js";
import { readCsv } from "./csv.js";
import { readJsonDocument } from "./json-document.js";
import { readJsonLines } from "./json-lines.js";
import type { Limits } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { sniffFormatOf } from "./sniff.js";
import type { Source } from "./source.js";
import type { Table } from "./table.js";
import { readXlsx } from "./xlsx.js";

export async function readSource(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  if (options.onRow !== undefined && options.select?.keep === "latest") {
    throw new Error("ReadOptions.onRow does not combine with select.keep 'latest'");
  }
  let table = await readFormat(source, options, limits);
  // The readers that do not hand rows over as they read them (all but CSV) do it here.
  if (options.onRow !== undefined && table.rows.length > 0) {
    options.onColumns?.(table.columns, table.file);
    for (const row of table.rows) options.onRow(row);
    table = { ...table, rows: [] };
  }
  const report = options.onWarning ?? reportWarning;
  for (const warning of table.warnings ?? []) report(warning);
  return table;
}

function readFormat(source: Source, options: ReadOptions, limits: Limits): Promise<Table> {
  // A forced format still reads a workbook as one: its bytes cannot be anything else.
  const sniffed = sniffFormatOf(source.head, source.extension);
  const format = sniffed === "xlsx" ? "xlsx" : (options.format ?? sniffed);
  switch (format) {
    case "xlsx":
      return readXlsx(source, options, limits);
    case "json":
      return readJsonDocument(source, options, limits);
    case "jsonl":
      return readJsonLines(source, options, limits);
    default:
      return readCsv(source, options, limits);
  }
}
