import type { ReportDocument } from "./types.js";

/** The CLI.md JSON document, full precision, stable key order as built by the command. */
export function renderJson(doc: ReportDocument): string {
  return `${JSON.stringify(doc.json, null, 2)}\n`;
}
