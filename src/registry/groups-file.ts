/**
 * groups.json: parsed, validated against its schema, and each problem a Diagnostic on the
 * line of the group it is about.
 */
import type { Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { registrySchemas } from "./schemas.js";
import type { GroupEntry, Located } from "./types.js";

export function parseGroups(
  text: string,
  file: string,
  bag: DiagnosticBag,
): Array<Located<GroupEntry>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    bag.add({ code: "E_REGISTRY_JSON", message: `not valid JSON: ${message}`, file });
    return [];
  }
  const parsed = registrySchemas().groupsFile.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, index] = issue.path;
      const entry = typeof index === "number" ? parsedEntryId(json, index) : undefined;
      const diagnostic: Diagnostic = {
        code: "E_REGISTRY_ROW",
        message: `${issue.path.join(".")}: ${issue.message}`,
        file,
      };
      const line = entry === undefined ? undefined : lineOfId(text, entry);
      if (line !== undefined) diagnostic.line = line;
      bag.add(diagnostic);
    }
    return [];
  }
  return parsed.data.groups.map((value) => ({ line: lineOfId(text, value.id) ?? 1, value }));
}

function parsedEntryId(json: unknown, index: number): string | undefined {
  if (typeof json !== "object" || json === null || !("groups" in json)) return undefined;
  const groups: unknown = json.groups;
  if (!Array.isArray(groups)) return undefined;
  const entry: unknown = groups[index];
  if (typeof entry !== "object" || entry === null || !("id" in entry)) return undefined;
  return typeof entry.id === "string" ? entry.id : undefined;
}

/** JSON.parse keeps no positions; the line of `"id": "<id>"` is what a reader needs to fix it. */
function lineOfId(text: string, id: string): number | undefined {
  const at = text.search(
    new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  );
  return at < 0 ? undefined : text.slice(0, at).split("\n").length;
}
