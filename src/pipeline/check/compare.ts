/**
 * Compares a recomputed JSON result with a golden one: ranks and text exactly, numbers to
 * a relative tolerance. Pure: the `check` command does the reading and re-running.
 */

export interface Change {
  /** Unit id (`561-563`, `530`), or `(document)` / `model` for fields outside results. */
  unit: string;
  /** Dotted path below the unit, e.g. `indicators.activation_rate.value`. */
  field: string;
  old: unknown;
  new: unknown;
}

export interface CompareOptions {
  /** Relative tolerance for numbers (default 1e-9). Fields named in `exact` compare exactly. */
  tolerance: number;
}

/** Fields that must agree exactly whatever the tolerance. */
const EXACT_FIELDS = new Set(["rank", "published_rank", "tied"]);

/**
 * Fields that describe the run rather than its result (how it was asked for, where the
 * input lay, prose notes): never compared, so a re-run on a copied input or a reworded
 * note does not fail a pipeline.
 */
const IGNORED_TOP_LEVEL = new Set(["options", "inputs", "inputs_relative_to", "notes"]);

/**
 * Top-level fields added after the first golden files were written: compared only when
 * the golden has them, so an older golden still checks.
 */
const ADDED_TOP_LEVEL = new Set(["coverage", "warnings"]);

/**
 * Fields added by later versions (the funnel of METHOD.md C): a golden written before them
 * lacks them, and is compared only on the fields it has. Present in the golden, they compare.
 */
const ADDED_FIELDS = new Set(["funnel"]);

export function numbersAgree(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

function unitKey(result: Record<string, unknown>): string {
  const key = result.id ?? result.municipality;
  return typeof key === "string" ? key : JSON.stringify(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compareValues(
  unit: string,
  path: string,
  oldValue: unknown,
  newValue: unknown,
  options: CompareOptions,
  out: Change[],
): void {
  const leaf = path.slice(path.lastIndexOf(".") + 1);
  if (typeof oldValue === "number" && typeof newValue === "number") {
    const tolerance = EXACT_FIELDS.has(leaf) ? 0 : options.tolerance;
    if (!numbersAgree(oldValue, newValue, tolerance)) {
      out.push({ unit, field: path, old: oldValue, new: newValue });
    }
    return;
  }
  if (Array.isArray(oldValue) && Array.isArray(newValue)) {
    const n = Math.max(oldValue.length, newValue.length);
    for (let i = 0; i < n; i++) {
      compareValues(unit, `${path}[${i}]`, oldValue[i], newValue[i], options, out);
    }
    return;
  }
  if (isRecord(oldValue) && isRecord(newValue)) {
    const keys = [...new Set([...Object.keys(oldValue), ...Object.keys(newValue)])].sort();
    for (const key of keys) {
      if (ADDED_FIELDS.has(key) && !(key in oldValue)) continue;
      compareValues(
        unit,
        path ? `${path}.${key}` : key,
        oldValue[key],
        newValue[key],
        options,
        out,
      );
    }
    return;
  }
  if (oldValue !== newValue) out.push({ unit, field: path, old: oldValue, new: newValue });
}

/** Every difference between a golden document and a recomputed one, in a stable order. */
export function compareDocuments(
  golden: Record<string, unknown>,
  current: Record<string, unknown>,
  options: CompareOptions,
): Change[] {
  const changes: Change[] = [];
  const keys = [...new Set([...Object.keys(golden), ...Object.keys(current)])].sort();
  for (const key of keys) {
    if (IGNORED_TOP_LEVEL.has(key)) continue;
    if ((ADDED_TOP_LEVEL.has(key) || ADDED_FIELDS.has(key)) && !(key in golden)) continue;
    if (key === "results") continue;
    const unit = key === "model" ? "model" : "(document)";
    compareValues(unit, key === "model" ? "" : key, golden[key], current[key], options, changes);
  }
  const oldResults = asResults(golden.results);
  const newResults = asResults(current.results);
  const oldByUnit = new Map(oldResults.map((r) => [unitKey(r), r]));
  const newByUnit = new Map(newResults.map((r) => [unitKey(r), r]));
  const units = [...new Set([...oldByUnit.keys(), ...newByUnit.keys()])].sort();
  for (const unit of units) {
    const before = oldByUnit.get(unit);
    const after = newByUnit.get(unit);
    if (!before || !after) {
      changes.push({
        unit,
        field: "(unit)",
        old: before ? "present" : "absent",
        new: after ? "present" : "absent",
      });
      continue;
    }
    compareValues(unit, "", before, after, options, changes);
  }
  return changes;
}

function asResults(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** One readable line per change: `561-563  rank: 3 → 4`. */
export function formatChangeLine(change: Change): string {
  const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));
  return `${change.unit}  ${change.field || "(value)"}: ${show(change.old)} → ${show(change.new)}`;
}
