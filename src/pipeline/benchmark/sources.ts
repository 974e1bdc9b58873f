/**
 * Reading covariate data: long files (`municipality,year,value`, the file's stem names the
 * covariate) and the DST cross-section JSON, for the join (./covariates.ts); the join of
 * values to municipalities and the model itself are pure (src/benchmark).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { CovariateSeries, DatedValue } from "../../benchmark/covariates.js";
import { DiagnosticBag, InputError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { closestName } from "../../read/columns.js";
import { isMissingCell } from "../../read/decimal.js";
import { normalizeColumnName } from "../../read/names.js";
import { parseNumber } from "../../read/number.js";
import { isAggregateArea } from "../../registry/aggregates.js";
import { resolutionHint } from "../../registry/resolve.js";
import type { Registry } from "../../registry/types.js";
import { noteRead } from "../files-read.js";
import type { TableReadOptions } from "../read-options.js";
import { readInputTable } from "../read-table.js";

/** The shipped covariate data, used when no --covariate-data is given. */
export const SHIPPED_COVARIATE_DATA = dataPath("dst");

interface CrossSectionFields {
  fields: Record<string, { path: string[]; table: string }>;
}

/** Where each covariate name can be read from, without reading the values yet. */
export interface CovariateCatalogue {
  /** Long files by stem. */
  longFiles: Map<string, string>;
  /** Cross-section files (JSON with a `Kommune` object). */
  crossSections: string[];
}

/** Lists the covariate files of each path (a file or a folder), in a stable order. */
export async function catalogue(paths: readonly string[]): Promise<CovariateCatalogue> {
  const longFiles = new Map<string, string>();
  const crossSections: string[] = [];
  const add = (file: string) => {
    const ext = extname(file).toLowerCase();
    // A fetched file's record of where it came from (FILE.source.json) is not data.
    if (file.toLowerCase().endsWith(".source.json")) return;
    if (ext === ".json") crossSections.push(file);
    else if (!longFiles.has(basename(file, extname(file))))
      longFiles.set(basename(file, extname(file)), file);
  };
  const bag = new DiagnosticBag();
  for (const path of paths) {
    // A folder counts as read whole: no file inside it may be written over.
    noteRead(path);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) {
      bag.add({ code: "E_FILE_NOT_FOUND", message: "covariate data not found", file: path });
    } else if (info.isDirectory()) {
      const names = readdirSync(path)
        .filter((n) => /\.(csv|txt|json|xlsx)$/i.test(n))
        .sort();
      for (const name of names) add(join(path, name));
    } else add(path);
  }
  bag.throwIfErrors();
  return { longFiles, crossSections };
}

interface CovariateColumns {
  columns: Record<"municipality" | "year" | "value", string[]>;
}

let covariateColumns: CovariateColumns["columns"] | undefined;

/** The names each key column of a covariate file may have (data/benchmark/covariate-columns.json). */
export function covariateColumnNames(): CovariateColumns["columns"] {
  if (covariateColumns === undefined) {
    const file = dataPath("benchmark", "covariate-columns.json");
    covariateColumns = (JSON.parse(readFileSync(file, "utf8")) as CovariateColumns).columns;
  }
  return covariateColumns;
}

/** `2024`, `2024K1`, `2024Q1`, `2024M01`, `2024H1`: the year; else undefined. */
export function yearOf(cell: unknown): number | undefined {
  const text =
    typeof cell === "number" ? String(cell) : typeof cell === "string" ? cell.trim() : "";
  const m = /^(\d{4})(?:[KQ][1-4]|M(?:0[1-9]|1[0-2])|H[12])?$/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

const KEYS = ["municipality", "year", "value"] as const;

/**
 * The municipality, year and value columns of a covariate file by their names or aliases;
 * an error naming the header found and, for each column not found, the nearest alias.
 */
function keyColumns(
  columns: readonly string[],
  file: string,
): Record<(typeof KEYS)[number], number> {
  const names = covariateColumnNames();
  const normal = columns.map(normalizeColumnName);
  const at = Object.fromEntries(
    KEYS.map((k) => [k, normal.findIndex((c) => names[k].map(normalizeColumnName).includes(c))]),
  ) as Record<(typeof KEYS)[number], number>;
  const lacking = KEYS.filter((k) => at[k] < 0);
  if (lacking.length === 0) return at;
  const unused = columns.filter((_, i) => !KEYS.some((k) => at[k] === i));
  const hints = lacking.map((k) => {
    const spec = { name: k, aliases: names[k] };
    const near = unused
      .map((c) => ({ c, name: closestName(c, [spec]) }))
      .find((x) => x.name !== undefined);
    return `no ${k} column (${names[k].slice(0, 4).join(", ")}…)${near ? `; "${near.c}" is closest to "${near.name}"` : ""}`;
  });
  throw new InputError([
    {
      code: "E_MISSING_COLUMN",
      message: `a covariate file needs a municipality, a year and a value column; found header ${columns.map((c) => `"${c}"`).join(", ")}: ${hints.join("; ")}`,
      file,
      line: 1,
    },
  ]);
}

/**
 * A StatBank answer's other variables (`KØN`, `ALDER`, …) must each hold one value: a
 * covariate is one number per municipality and year. Otherwise an error naming them.
 */
function checkOtherVariables(
  table: Awaited<ReturnType<typeof readInputTable>>,
  used: readonly number[],
  kept: ReadonlySet<number>,
  bag: DiagnosticBag,
): void {
  if (table.format !== "statbank") return;
  table.columns.forEach((column, i) => {
    if (used.includes(i)) return;
    const values = new Set<string>();
    for (const [r, row] of table.rows.entries())
      if (kept.has(r)) values.add(String(row.values[i] ?? ""));
    if (values.size <= 1) return;
    const shown = [...values].slice(0, 4).map((v) => `"${v}"`);
    bag.add({
      code: "E_COVARIATE_VARIABLE",
      message: `column ${column} holds ${values.size} values (${shown.join(", ")}${values.size > 4 ? ", …" : ""}); a covariate file needs one value per municipality and year: select one ${column} (fetch statbank --var ${column}=CODE) or derive the figure first`,
      file: table.file,
      line: 1,
      column: i + 1,
    });
  });
}

/**
 * Reads one covariate file into a series. Columns by name or alias (municipality/kommune/
 * område/area, year/år/aar/tid, value/værdi/indhold), decimal commas, StatBank's bulk shape
 * (`OMRÅDE;TID;INDHOLD`, areas by name or as `101 København`, years as `2024` or `2024K1`,
 * `..` for not available); rows for the country, regions or totals are skipped and
 * returned in `skipped`.
 */
export async function readLongFile(
  name: string,
  file: string,
  registry: Registry,
  read: TableReadOptions = {},
): Promise<CovariateSeries> {
  const table = await readInputTable(file, read);
  const bag = new DiagnosticBag();
  const { municipality: m, year: y, value: v } = keyColumns(table.columns, file);
  const decimalMark = table.decimalMark ?? (table.separator === ";" ? "," : ".");
  const values = new Map<string, DatedValue[]>();
  const skipped: string[] = [];
  const kept = new Set<number>();
  for (const [r, row] of table.rows.entries()) {
    const where = { file, line: row.line };
    const named = String(row.values[m] ?? "").trim();
    const resolved = registry.resolveMunicipality(named);
    if (!resolved.ok && isAggregateArea(named)) {
      skipped.push(named);
      continue;
    }
    kept.add(r);
    if (!resolved.ok) {
      bag.add({
        code: "E_UNKNOWN_MUNICIPALITY",
        message: `unknown municipality "${named}"${resolutionHint(resolved)}`,
        ...where,
        column: m + 1,
      });
      continue;
    }
    const year = yearOf(row.values[y]);
    if (year === undefined) {
      bag.add({
        code: "E_BAD_YEAR",
        message: `year: expected a year such as 2024 or 2024K1, got ${JSON.stringify(row.values[y])}`,
        ...where,
        column: y + 1,
      });
      continue;
    }
    const cell = row.values[v] ?? null;
    // StatBank's `..` (not available): no value that year; a join that needs it says so.
    if (isMissingCell(cell)) continue;
    const value = parseNumber(cell, decimalMark);
    if (value === undefined) {
      bag.add({
        code: "E_NOT_A_NUMBER",
        message: `value: expected a number, got ${JSON.stringify(cell)}`,
        ...where,
        column: v + 1,
      });
      continue;
    }
    const list = values.get(resolved.municipality.code) ?? [];
    if (list.some((d) => d.year === year)) {
      bag.add({
        code: "E_DUPLICATE_ROW",
        message: `${resolved.municipality.name} ${year} appears twice`,
        ...where,
      });
      continue;
    }
    list.push({ year, value, line: row.line });
    values.set(resolved.municipality.code, list);
  }
  checkOtherVariables(table, [m, y, v], kept, bag);
  // The variables' error explains the duplicates it causes; list it first.
  bag.items.sort(
    (a, b) => Number(b.code === "E_COVARIATE_VARIABLE") - Number(a.code === "E_COVARIATE_VARIABLE"),
  );
  bag.throwIfErrors();
  for (const list of values.values()) list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return { name, file, values, skipped };
}

/** The covariate names the shipped field map gives to cross-section fields. */
export async function crossSectionFields(): Promise<CrossSectionFields["fields"]> {
  const fieldMap = dataPath("benchmark", "cross-section-covariates.json");
  noteRead(fieldMap);
  const text = readFileSync(fieldMap, "utf8");
  return (JSON.parse(text) as CrossSectionFields).fields;
}

/** Reads one field of a cross-section JSON (`Kommune` keyed by 4-digit code) as an undated series. */
export async function readCrossSectionField(
  name: string,
  path: readonly string[],
  file: string,
  registry: Registry,
): Promise<CovariateSeries> {
  noteRead(file);
  const text = readFileSync(file, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError([
      { code: "E_JSON", message: `not JSON: ${(error as Error).message}`, file },
    ]);
  }
  const municipalities = (parsed as { Kommune?: unknown }).Kommune;
  if (typeof municipalities !== "object" || municipalities === null) {
    throw new InputError([
      {
        code: "E_JSON_SHAPE",
        message: "a cross-section needs a Kommune object keyed by code",
        file,
      },
    ]);
  }
  const lines = keyLines(text);
  const values = new Map<string, DatedValue[]>();
  for (const [code, record] of Object.entries(municipalities as Record<string, unknown>)) {
    const resolved = registry.resolveMunicipality(code);
    if (!resolved.ok) continue; // Christiansø (0411) is in the file but is not a municipality.
    const value = path.reduce<unknown>(
      (node, key) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      record,
    );
    if (typeof value === "number" && Number.isFinite(value)) {
      values.set(resolved.municipality.code, [{ year: null, value, line: lines.get(code) ?? 1 }]);
    }
  }
  return { name, file, values };
}

/** Line of each `"0101": {` key, so a diagnostic can point at the municipality's record. */
function keyLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split("\n").forEach((line, i) => {
    const m = /^\s*"(\d{4})"\s*:\s*\{/.exec(line);
    if (m && !lines.has(m[1] as string)) lines.set(m[1] as string, i + 1);
  });
  return lines;
}
