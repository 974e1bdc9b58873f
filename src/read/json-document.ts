/**
 * A JSON document: an array of flat objects, or a jobindsats API v2 response (or an array
 * of them; src/read/jobindsats-api.ts), parsed whole by the located parser so every row
 * knows the line its record starts on.
 */
import { readFileSync } from "node:fs";
import { DiagnosticBag } from "../diagnostics.js";
import { ReadCode } from "./codes.js";
import { apiTable, isApiResponse } from "./jobindsats-api.js";
import { type JsonObject, JsonParseError, type JsonValue, parseJson } from "./json-parse.js";
import {
  describe,
  finishJsonTable,
  isObject,
  type JsonRecord,
  type LineOf,
  parseErrorDiagnostic,
  parseLimits,
  recordsTable,
} from "./json-records.js";
import { formatSize, type Limits } from "./limits.js";
import type { ReadOptions } from "./options.js";
import { decodeLatin1, fatal, type Source, sniffEncoding } from "./source.js";
import type { Table } from "./table.js";

export async function readJsonDocument(
  source: Source,
  options: ReadOptions,
  limits: Limits,
): Promise<Table> {
  const { file } = source;
  if (source.size > limits.maxJsonDocumentBytes) {
    fatal({
      code: ReadCode.FileTooLarge,
      message: `expected a JSON document of at most ${formatSize(limits.maxJsonDocumentBytes)}, found ${source.size} bytes; write large extracts as JSON lines`,
      file,
    });
  }
  const bytes = source.bytes ?? readFileSync(file);
  const encoding = options.encoding ?? sniffEncoding(bytes, true);
  const text = encoding === "utf-8" ? new TextDecoder("utf-8").decode(bytes) : decodeLatin1(bytes);
  let parsed: ReturnType<typeof parseJson>;
  try {
    parsed = parseJson(text, parseLimits(limits));
  } catch (error) {
    if (error instanceof JsonParseError) fatal(parseErrorDiagnostic(error, file));
    throw error;
  }
  const bag = new DiagnosticBag();
  const { value, lines } = parsed;
  const lineOf: LineOf = (v, fallback = 1) =>
    (typeof v === "object" && v !== null ? lines.get(v) : undefined) ?? fallback;
  let records: JsonRecord[];
  if (isApiResponse(value)) {
    records = apiTable([value], lineOf, file, bag);
  } else if (Array.isArray(value) && value.length > 0 && value.every(isApiResponse)) {
    records = apiTable(value as JsonObject[], lineOf, file, bag);
  } else if (Array.isArray(value)) {
    records = arrayRecords(value, lineOf, file, bag);
  } else {
    const found = isObject(value)
      ? `an object with keys ${[...value.keys()].slice(0, 8).join(", ")}`
      : describe(value);
    fatal({
      code: ReadCode.JsonShape,
      message: `expected an array of objects or a jobindsats API response (Variables, Data), found ${found}`,
      file,
      line: lineOf(value),
    });
  }
  const table = recordsTable(records, file, bag, options.select);
  return finishJsonTable({ file, format: "json", encoding, ...table }, bag);
}

function arrayRecords(
  items: JsonValue[],
  lineOf: LineOf,
  file: string,
  bag: DiagnosticBag,
): JsonRecord[] {
  const records: JsonRecord[] = [];
  items.forEach((item, index) => {
    if (!isObject(item)) {
      bag.add({
        code: ReadCode.JsonShape,
        message: `expected an object as element ${index + 1} of the array, found ${describe(item)}`,
        file,
        line: lineOf(item, lineOf(items)),
      });
      return;
    }
    records.push({ line: lineOf(item), entries: [...item.entries()] });
  });
  return records;
}
