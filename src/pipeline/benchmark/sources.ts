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
import { parseNumber } from "../../read/number.js";
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

/** Reads one long file into a series; rows must name a municipality, a year and a value. */
export async function readLongFile(
  name: string,
  file: string,
  registry: Registry,
  read: TableReadOptions = {},
): Promise<CovariateSeries> {
  const table = await readInputTable(file, read);
  const bag = new DiagnosticBag();
  const lower = table.columns.map((c) => c.trim().toLowerCase());
  const col = (label: string) => lower.indexOf(label);
  const [m, y, v] = [col("municipality"), col("year"), col("value")];
  if (m < 0 || y < 0 || v < 0) {
    throw new InputError([
      {
        code: "E_MISSING_COLUMN",
        message: "a covariate file needs columns municipality, year, value",
        file,
        line: 1,
      },
    ]);
  }
  const decimalMark = table.decimalMark ?? ".";
  const values = new Map<string, DatedValue[]>();
  for (const row of table.rows) {
    const where = { file, line: row.line };
    const named = String(row.values[m] ?? "");
    const resolved = registry.resolveMunicipality(named);
    const year = parseNumber(row.values[y] ?? null, decimalMark);
    const value = parseNumber(row.values[v] ?? null, decimalMark);
    if (!resolved.ok) {
      bag.add({
        code: "E_UNKNOWN_MUNICIPALITY",
        message: `unknown municipality "${named}"${resolutionHint(resolved)}`,
        ...where,
        column: m + 1,
      });
      continue;
    }
    if (year === undefined || !Number.isInteger(year)) {
      bag.add({
        code: "E_BAD_YEAR",
        message: `year: expected a whole year, got ${JSON.stringify(row.values[y])}`,
        ...where,
        column: y + 1,
      });
      continue;
    }
    if (value === undefined) {
      bag.add({
        code: "E_NOT_A_NUMBER",
        message: `value: expected a number, got ${JSON.stringify(row.values[v])}`,
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
  bag.throwIfErrors();
  for (const list of values.values()) list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return { name, file, values };
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
