/**
 * Finding the columns a computation needs, whatever the file calls them: canonical names
 * and their Danish aliases live in data/columns.json, and names are compared by
 * `normalizeColumnName` (case, æøå, accents, spaces, `_` and `-` do not matter).
 */
import { readFileSync } from "node:fs";
import type { DiagnosticBag } from "../diagnostics.js";
import { dataPath } from "../paths.js";
import { editDistance } from "../text.js";
import { ReadCode } from "./codes.js";
import { normalizeColumnName } from "./names.js";
import type { Table } from "./table.js";

/** What a column holds, for `validateRows`: a count is a number that cannot be negative. */
export type ColumnType = "count" | "number" | "text" | "period";

export interface ColumnSpec {
  /** Canonical name, e.g. `activation_fte`. */
  name: string;
  /** Other names files use, e.g. `aktiverede_fuldtid`. */
  aliases?: string[];
  required?: boolean;
  type?: ColumnType;
}

/** One entry of data/columns.json. */
export interface ColumnAlias extends ColumnSpec {
  aliases: string[];
  type: ColumnType;
  meaning: string;
}

export interface ResolveOptions {
  /** `error`: a column no spec knows is a diagnostic. Default `ignore`. */
  unknown?: "error" | "ignore";
}

/** Canonical name → 0-based column index, undefined where the table lacks the column. */
export type ResolvedColumns = Record<string, number | undefined>;

const HEADER_LINE = 1;
const MAX_LISTED = 12;

export function resolveColumns(
  table: Pick<Table, "file" | "columns">,
  specs: ColumnSpec[],
  bag: DiagnosticBag,
  options: ResolveOptions = {},
): ResolvedColumns {
  const byKey = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      const key = normalizeColumnName(name);
      if (!byKey.has(key)) byKey.set(key, spec);
    }
  }
  const resolved: ResolvedColumns = {};
  for (const spec of specs) resolved[spec.name] = undefined;
  table.columns.forEach((column, index) => {
    const spec = byKey.get(normalizeColumnName(column));
    const where = { file: table.file, line: HEADER_LINE, column: index + 1 };
    if (!spec) {
      if (options.unknown === "error") bag.add(unknownColumn(column, specs, where));
      return;
    }
    const earlier = resolved[spec.name];
    if (earlier !== undefined) {
      bag.add({
        code: ReadCode.DuplicateColumn,
        message: `expected one column for ${spec.name}, found "${table.columns[earlier]}" (column ${earlier + 1}) and "${column}"`,
        ...where,
      });
      return;
    }
    resolved[spec.name] = index;
  });
  for (const spec of specs) {
    if (spec.required && resolved[spec.name] === undefined) {
      bag.add({
        code: ReadCode.MissingColumn,
        message: `expected a column "${spec.name}"${aliasText(spec)}, found ${listColumns(table.columns)}`,
        file: table.file,
        line: HEADER_LINE,
      });
    }
  }
  return resolved;
}

function aliasText(spec: ColumnSpec): string {
  const aliases = spec.aliases ?? [];
  return aliases.length === 0 ? "" : ` (or ${aliases.slice(0, 3).join(", ")})`;
}

function listColumns(columns: string[]): string {
  if (columns.length === 0) return "no columns";
  const shown = columns.slice(0, MAX_LISTED).map((c) => `"${c}"`);
  const more = columns.length > MAX_LISTED ? `, ... (${columns.length} in all)` : "";
  return `${shown.join(", ")}${more}`;
}

function unknownColumn(
  column: string,
  specs: ColumnSpec[],
  where: { file: string; line: number; column: number },
) {
  const suggestion = closestName(column, specs);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : "";
  return {
    code: ReadCode.UnknownColumn,
    message: `unknown column "${column}"${hint}`,
    ...where,
  };
}

/** The known name (canonical or alias) nearest to `column`, if it is plausibly a typo. */
export function closestName(column: string, specs: ColumnSpec[]): string | undefined {
  const key = normalizeColumnName(column);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const spec of specs) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      const distance = editDistance(key, normalizeColumnName(name));
      if (distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

let cachedAliases: ColumnAlias[] | undefined;

const COLUMN_TYPES: readonly string[] = ["count", "number", "text", "period"];

/**
 * The canonical columns and their aliases from data/columns.json (read once). Throws a plain
 * Error if the shipped file is malformed: that is a packaging bug, not bad user input.
 */
export function loadColumnAliases(): ColumnAlias[] {
  if (cachedAliases) return cachedAliases;
  const path = dataPath("columns.json");
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  const columns = (parsed as { columns?: unknown }).columns;
  if (!Array.isArray(columns)) throw new Error(`${path}: expected a "columns" array`);
  cachedAliases = columns.map((entry: unknown, i): ColumnAlias => {
    const { name, aliases, type, meaning } = (entry ?? {}) as Record<string, unknown>;
    const valid =
      typeof name === "string" &&
      Array.isArray(aliases) &&
      aliases.every((a) => typeof a === "string") &&
      typeof type === "string" &&
      COLUMN_TYPES.includes(type) &&
      typeof meaning === "string";
    if (!valid) throw new Error(`${path}: column ${i + 1} needs name, aliases, type and meaning`);
    return { name, aliases: aliases as string[], type: type as ColumnType, meaning };
  });
  return cachedAliases;
}
