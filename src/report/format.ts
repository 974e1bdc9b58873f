/**
 * Number and cell formatting shared by the human-readable reporters, in the document's
 * language: Danish with a decimal comma and `.` between thousands. Table cells keep the
 * ASCII minus, so a cell copied into a spreadsheet is still a number; sentences use the
 * true minus (src/i18n).
 */
import type { Lang } from "../i18n/index.js";
import type { ReportColumn, ReportRow, ReportValue } from "./types.js";

/** Fixed decimals with a true minus sign kept ASCII for copy-paste. */
export function formatNumber(value: number, digits: number, decimalMark: "." | "," = "."): string {
  const text = (Object.is(value, -0) ? 0 : value).toFixed(digits);
  const clean = /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  return decimalMark === "," ? clean.replace(".", ",") : clean;
}

/** A cell as people read it: numbers rounded to the column's digits, missing as "–". */
export function displayCell(column: ReportColumn, value: ReportValue, lang: Lang = "en"): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "–";
    if (column.kind === "rank") return String(Math.round(value));
    if (column.kind === "integer") {
      return groupThousands(Math.round(value), lang === "da" ? "." : ",");
    }
    if (column.kind === "change") return formatChange(value);
    return formatNumber(value, column.digits ?? 2, lang === "da" ? "," : ".");
  }
  if (typeof value === "string" && column.labels?.[value] !== undefined) {
    return column.labels[value] as string;
  }
  return String(value);
}

/** A row's cell as people read it, with its tie mark (`7=`) or other mark (`10.9*`). */
export function displayRowCell(column: ReportColumn, row: ReportRow, lang: Lang = "en"): string {
  const text = displayCell(column, row[column.key], lang);
  if (text === "–") return text;
  const tie = column.tiedKey !== undefined && row[column.tiedKey] === true ? "=" : "";
  const mark = column.markKey !== undefined ? row[column.markKey] : undefined;
  return `${text}${tie}${typeof mark === "string" ? mark : ""}`;
}

/** The columns people see (table, md, html): all but the CSV-only ones. */
export function displayColumns(columns: readonly ReportColumn[]): ReportColumn[] {
  return columns.filter((c) => c.csvOnly !== true);
}

/** ▲ for a better rank (a fall in rank number), ▼ for a worse one. */
export function formatChange(delta: number): string {
  if (delta === 0) return "=";
  return delta < 0 ? `▲${-delta}` : `▼${delta}`;
}

/** 1234567 → "1,234,567" (Danish "1.234.567") for people; CSV and JSON keep the plain number. */
export function groupThousands(value: number, separator: "," | "." = ","): string {
  const sign = value < 0 ? "-" : "";
  return sign + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}
