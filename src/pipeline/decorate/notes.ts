import type { ReportDocument } from "../../report/types.js";

/**
 * The document with more notes. A JSON document that lists the notes itself (the index's)
 * gets them too, in the same place.
 */
export function withNotes(doc: ReportDocument, notes: readonly string[]): ReportDocument {
  if (notes.length === 0) return doc;
  const json = Array.isArray(doc.json.notes)
    ? { ...doc.json, notes: [...(doc.json.notes as unknown[]), ...notes] }
    : doc.json;
  return { ...doc, json, notes: [...doc.notes, ...notes] };
}
