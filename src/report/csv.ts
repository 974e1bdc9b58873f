/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold the separator, a quote or a
 * line break. `da` locale writes `;` and decimal commas, as Danish spreadsheets expect.
 * Text starting with = + - @ (or tab/CR) is prefixed with ' so a spreadsheet never runs it
 * as a formula; numbers are written as numbers and are not affected. One header row of
 * machine names. The `da` locale starts with a UTF-8 byte order mark, so Danish Excel reads
 * æøå right when the file is opened by a double click.
 */
import { documentRows } from "./rows.js";
import type { ReportDocument, ReportValue } from "./types.js";

export interface CsvOptions {
  locale: "en" | "da";
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: ReportValue, options: CsvOptions): string {
  const sep = options.locale === "da" ? ";" : ",";
  if (value === null || value === undefined) return "";
  let text: string;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    text = String(value);
    if (options.locale === "da") text = text.replace(".", ",");
  } else if (typeof value === "boolean") {
    text = value ? "true" : "false";
  } else {
    text = FORMULA_START.test(value) ? `'${value}` : value;
  }
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv(doc: ReportDocument, options: CsvOptions): string {
  const sep = options.locale === "da" ? ";" : ",";
  const columns = doc.columns.filter((c) => c.tableOnly !== true);
  const header = columns.map((c) => csvField(c.csvHeader ?? c.key, options)).join(sep);
  const lines = Array.from(documentRows(doc), (row) =>
    columns.map((c) => csvField(row[c.key], options)).join(sep),
  );
  const bom = options.locale === "da" ? "\uFEFF" : "";
  return `${bom}${[header, ...lines].join("\r\n")}\r\n`;
}
