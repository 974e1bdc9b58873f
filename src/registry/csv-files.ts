/**
 * municipalities.csv and jobcentres.csv: the header checked, each row validated against its
 * schema, and every problem a Diagnostic naming the file, line and column.
 */
import type * as z from "zod/mini";
import type { Diagnostic, DiagnosticBag } from "../diagnostics.js";
import { type CsvRecord, CsvSyntaxError, parseCsv } from "./csv.js";
import { registrySchemas } from "./schemas.js";
import type { Jobcentre, Located, Municipality } from "./types.js";

type Row = Record<string, string>;

/** Checks the header and turns records into objects keyed by column name. */
function csvRows(
  text: string,
  file: string,
  header: readonly string[],
  bag: DiagnosticBag,
): Array<{ line: number; row: Row }> {
  const parsed = csvRecords(text, file, bag);
  if (parsed === undefined) return [];
  const [head, ...records] = parsed;
  if (head === undefined || head.fields.join(",") !== header.join(",")) {
    bag.add({
      code: "E_REGISTRY_HEADER",
      message: `expected the header ${header.join(",")}`,
      file,
      line: 1,
    });
    return [];
  }
  const rows: Array<{ line: number; row: Row }> = [];
  for (const record of records) {
    if (record.fields.length !== header.length) {
      bag.add({
        code: "E_REGISTRY_ROW",
        message: `expected ${header.length} fields, found ${record.fields.length}`,
        file,
        line: record.line,
      });
      continue;
    }
    rows.push({ line: record.line, row: toRow(record, header) });
  }
  return rows;
}

/** The file's records, or undefined when it is not CSV (then one diagnostic says where). */
function csvRecords(text: string, file: string, bag: DiagnosticBag): CsvRecord[] | undefined {
  try {
    return parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const diagnostic: Diagnostic = {
      code: "E_REGISTRY_ROW",
      message: error.message,
      file,
      line: error.line,
    };
    if (error.column !== undefined) diagnostic.column = error.column;
    bag.add(diagnostic);
    return undefined;
  }
}

function toRow(record: CsvRecord, header: readonly string[]): Row {
  return Object.fromEntries(header.map((name, i) => [name, record.fields[i] ?? ""]));
}

/** One diagnostic per zod issue, pointing at the CSV column the issue is about. */
function reportIssues(
  error: z.core.$ZodError,
  where: { file: string; line?: number },
  header: readonly string[] | undefined,
  bag: DiagnosticBag,
): void {
  for (const issue of error.issues) {
    const field = issue.path.join(".");
    const column = header ? header.indexOf(String(issue.path[0])) + 1 : 0;
    const diagnostic: Diagnostic = {
      code: "E_REGISTRY_ROW",
      message: field ? `${field}: ${issue.message}` : issue.message,
      file: where.file,
    };
    if (where.line !== undefined) diagnostic.line = where.line;
    if (column > 0) diagnostic.column = column;
    bag.add(diagnostic);
  }
}

const MUNICIPALITY_HEADER = ["code", "name", "region", "aliases", "source"] as const;

export function parseMunicipalities(
  text: string,
  file: string,
  bag: DiagnosticBag,
): Array<Located<Municipality>> {
  const out: Array<Located<Municipality>> = [];
  for (const { line, row } of csvRows(text, file, MUNICIPALITY_HEADER, bag)) {
    const parsed = registrySchemas().municipalityRow.safeParse(row);
    if (!parsed.success) {
      reportIssues(parsed.error, { file, line }, MUNICIPALITY_HEADER, bag);
      continue;
    }
    const { code, name, region, aliases, source } = parsed.data;
    const aliasList = aliases
      .split("|")
      .map((a) => a.trim())
      .filter((a) => a !== "");
    out.push({ line, value: { code, name: name.trim(), region, aliases: aliasList, source } });
  }
  return out;
}

const JOBCENTRE_HEADER = [
  "id",
  "name",
  "municipalities",
  "valid_from",
  "valid_to",
  "source",
] as const;

export function parseJobcentres(
  text: string,
  file: string,
  bag: DiagnosticBag,
): Array<Located<Jobcentre>> {
  const out: Array<Located<Jobcentre>> = [];
  for (const { line, row } of csvRows(text, file, JOBCENTRE_HEADER, bag)) {
    const parsed = registrySchemas().jobcentreRow.safeParse(row);
    if (!parsed.success) {
      reportIssues(parsed.error, { file, line }, JOBCENTRE_HEADER, bag);
      continue;
    }
    const r = parsed.data;
    out.push({
      line,
      value: {
        id: r.id,
        name: r.name.trim(),
        municipalities: r.municipalities.split("|"),
        validFrom: r.valid_from === "" ? null : r.valid_from,
        validTo: r.valid_to === "" ? null : r.valid_to,
        source: r.source,
      },
    });
  }
  return out;
}
