import type { ReportDocument } from "../report/types.js";

/** A document whose answer is prose: its JSON and the lines the text reporter prints. */
export function proseDocument(
  json: Record<string, unknown>,
  prose: string[],
  synthetic = false,
): ReportDocument {
  return {
    json,
    title: "",
    subtitle: "",
    synthetic,
    columns: [],
    rows: [],
    sections: [],
    notes: [],
    prose,
  };
}
