/** A Markdown table plus the method notes, for reports and pull requests. */
import { displayColumns, displayRowCell } from "./format.js";
import type { ReportColumn, ReportDocument, ReportRow } from "./types.js";

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

function markdownTable(allColumns: ReportColumn[], rows: ReportRow[]): string {
  const columns = displayColumns(allColumns);
  const header = `| ${columns.map((c) => escapeCell(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.kind === "text" ? " --- |" : " ---: |")).join("")}`;
  const body = rows.map(
    (row) => `| ${columns.map((c) => escapeCell(displayRowCell(c, row))).join(" | ")} |`,
  );
  return [header, rule, ...body].join("\n");
}

export function renderMarkdown(doc: ReportDocument): string {
  const parts = [`## ${doc.title}`, "", `*${doc.subtitle}*`, ""];
  if (doc.synthetic) {
    parts.push("> **Synthetic demo data**: these figures are generated, not real.", "");
  }
  parts.push(markdownTable(doc.columns, doc.rows), "");
  for (const section of doc.sections) {
    parts.push(`### ${section.title}`, "", markdownTable(section.columns, section.rows), "");
  }
  if (doc.notes.length > 0) {
    parts.push("### Method and sources", "", ...doc.notes.map((n) => `- ${n}`), "");
  }
  return `${parts.join("\n")}`;
}
