import type { ReportDocument } from "./types.js";

/** Prose (explain's sentences, check's verdict): the document's lines as they are. */
export function renderText(doc: ReportDocument): string {
  return `${(doc.prose ?? []).join("\n")}\n`;
}
