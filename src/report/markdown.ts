/** A Markdown table plus the method notes, for reports and pull requests. */
import { type Lang, translate } from "../i18n/index.js";
import { displayColumns, displayRowCell } from "./format.js";
import { documentRows } from "./rows.js";
import type { ReportColumn, ReportDocument, ReportRow } from "./types.js";

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

function markdownTable(allColumns: ReportColumn[], rows: Iterable<ReportRow>, lang: Lang): string {
  const columns = displayColumns(allColumns);
  const header = `| ${columns.map((c) => escapeCell(c.header)).join(" | ")} |`;
  const rule = `|${columns.map((c) => (c.kind === "text" ? " --- |" : " ---: |")).join("")}`;
  const body = Array.from(
    rows,
    (row) => `| ${columns.map((c) => escapeCell(displayRowCell(c, row, lang))).join(" | ")} |`,
  );
  return [header, rule, ...body].join("\n");
}

export function renderMarkdown(doc: ReportDocument): string {
  const lang = doc.lang ?? "en";
  const parts = [`## ${doc.title}`, "", `*${doc.subtitle}*`, ""];
  if (doc.synthetic) {
    parts.push(`> ${translate(lang, "md.synthetic")}`, "");
  }
  parts.push(markdownTable(doc.columns, documentRows(doc), lang), "");
  for (const section of doc.sections) {
    parts.push(`### ${section.title}`, "", markdownTable(section.columns, section.rows, lang), "");
  }
  if (doc.notes.length > 0) {
    parts.push(
      `### ${translate(lang, "html.method_sources")}`,
      "",
      ...doc.notes.map((n) => `- ${n}`),
      "",
    );
  }
  return `${parts.join("\n")}`;
}
