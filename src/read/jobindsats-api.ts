/**
 * jobindsats API v2 responses (`{ "Variables": [...], "Data": [[...], ...] }`, or an array of
 * such objects, which are concatenated) map to a table like this: one column per entry of
 * `Variables`, named by its `Label` (or `label`, `Name`, `name`; a plain string is its own
 * label), and one row per array in `Data`, cells in `Variables` order. The labels are the
 * keys the API's JSON-lines form uses (`Area`, `Periode`, `Ydelsesgrupper`,
 * `Forventet og faktisk antal ...: Forventet antal`, ...), so both forms give the same
 * columns. Row lines are where each record (object, or `Data` row) starts.
 */
import type { DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import type { JsonObject, JsonValue } from "./json-parse.js";
import { describe, isObject, type JsonRecord, type LineOf } from "./json-records.js";
import { fatal } from "./source.js";

export function isApiResponse(value: JsonValue): value is JsonObject {
  return isObject(value) && value.has("Variables") && value.has("Data");
}

function variableName(variable: JsonValue | undefined): string | undefined {
  if (typeof variable === "string") return variable;
  if (!isObject(variable)) return undefined;
  for (const key of ["Label", "label", "Name", "name"]) {
    const name = variable.get(key);
    if (typeof name === "string" && name !== "") return name;
  }
  return undefined;
}

/** jobindsats API v2 responses: columns from `Variables` labels, rows from `Data`. */
export function apiTable(
  responses: JsonObject[],
  lineOf: LineOf,
  file: string,
  bag: DiagnosticBag,
): JsonRecord[] {
  let columns: string[] | undefined;
  const records: JsonRecord[] = [];
  for (const response of responses) {
    const variables = response.get("Variables");
    const data = response.get("Data");
    const line = lineOf(response);
    if (!Array.isArray(variables) || !Array.isArray(data)) {
      fatal({
        code: ReadCode.JsonShape,
        message: "expected Variables and Data to be arrays",
        file,
        line,
      });
    }
    const names = variables.map(variableName);
    const bad = names.indexOf(undefined);
    if (bad >= 0) {
      fatal({
        code: ReadCode.JsonShape,
        message: `expected variable ${bad + 1} to have a Label or Name, found ${describe(variables[bad])}`,
        file,
        line: lineOf(variables),
      });
    }
    const these = names as string[];
    if (columns && columns.join("\u0000") !== these.join("\u0000")) {
      fatal({
        code: ReadCode.JsonShape,
        message: `expected every response to have the same Variables (${columns.join(", ")}), found ${these.join(", ")}`,
        file,
        line: lineOf(variables),
      });
    }
    columns = these;
    for (const item of data) {
      const rowLine = lineOf(item, lineOf(data));
      if (!Array.isArray(item)) {
        bag.add({
          code: ReadCode.JsonShape,
          message: `expected each Data row to be an array, found ${describe(item)}`,
          file,
          line: rowLine,
        });
        continue;
      }
      if (item.length !== these.length) {
        bag.add({
          code: ReadCode.RaggedRow,
          message: `expected ${these.length} values as in Variables, found ${item.length}`,
          file,
          line: rowLine,
        });
        continue;
      }
      records.push({ line: rowLine, entries: these.map((name, i) => [name, item[i] ?? null]) });
    }
  }
  return records;
}
