/**
 * Covariates of the model: parsing `--covariates`, and joining long files
 * (`municipality,year,value` or an alias; StatBank bulk) to a period as of the latest year not after the period's year.
 */
import type { DiagnosticBag } from "../diagnostics.js";

/** One model term: a column or long-file name, optionally log-transformed. */
export interface CovariateSpec {
  /** As the user wrote it and as the coefficient is labelled: `log(income)`. */
  term: string;
  /** The column or long-file stem: `income`. */
  name: string;
  log: boolean;
}

/** Splits `a, log(b), c` on the commas outside parentheses. */
export function splitCovariateList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  parts.push(current.trim());
  return parts.filter((p) => p !== "");
}

const LOG_TERM = /^log\s*\(\s*([^()]+?)\s*\)$/i;

/** `log(income)` → {name: income, log: true}; `income` → {log: false}; undefined if malformed. */
export function parseCovariateSpec(text: string): CovariateSpec | undefined {
  const term = text.trim();
  const m = LOG_TERM.exec(term);
  if (m) return { term: `log(${m[1]})`, name: m[1] as string, log: true };
  if (term === "" || /[()]/.test(term)) return undefined;
  return { term, name: term, log: false };
}

/** One observed value in a long file. `year` null marks an undated snapshot. */
export interface DatedValue {
  year: number | null;
  value: number;
  line: number;
}

/** A covariate in long form: values by municipality code, each list sorted by year. */
export interface CovariateSeries {
  name: string;
  file: string;
  values: ReadonlyMap<string, readonly DatedValue[]>;
  /** Area names of rows skipped as totals or regions (`Hele landet`, `Region …`). */
  skipped?: readonly string[];
}

export interface JoinedValue {
  value: number;
  year: number | null;
  /** True when no value at or before the period's year existed (earliest used instead). */
  fallback: boolean;
  file: string;
  line: number;
}

/**
 * The value as of `year`: the latest year not after it; else the earliest available
 * (flagged), so a period before the first observation still gets the nearest value.
 * An undated snapshot is used for any year, flagged.
 */
export function valueAsOf(
  series: CovariateSeries,
  municipality: string,
  year: number,
): JoinedValue | undefined {
  const values = series.values.get(municipality);
  if (!values || values.length === 0) return undefined;
  let chosen: DatedValue | undefined;
  for (const v of values) if (v.year !== null && v.year <= year) chosen = v;
  const fallback = chosen === undefined;
  const used = chosen ?? (values[0] as DatedValue);
  return { value: used.value, year: used.year, fallback, file: series.file, line: used.line };
}

/** Where a term's values came from, for the output (the year used per covariate). */
export interface CovariateProvenance {
  term: string;
  /** `input` or the long file. */
  source: string;
  /** The distinct years used (null = undated), ascending. */
  years: Array<number | null>;
  /** Municipalities whose value came from a later year than the period (or undated). */
  fallback: string[];
}

/** A value with where it came from, before the log transform. */
export interface CovariateCell {
  value: number | undefined;
  file: string;
  line: number;
  year?: number | null;
  fallback?: boolean;
}

/**
 * The design values of one term for every municipality, log-transformed if asked. A missing
 * or (for log) non-positive value is a diagnostic naming the municipality and its row.
 */
export function termValues(
  spec: CovariateSpec,
  cells: readonly CovariateCell[],
  names: readonly string[],
  bag: DiagnosticBag,
): number[] {
  return cells.map((cell, i) => {
    const name = names[i] ?? "?";
    const where = { file: cell.file, line: cell.line };
    if (cell.value === undefined || !Number.isFinite(cell.value)) {
      bag.add({
        code: "E_MISSING_COVARIATE",
        message: `${name} has no value for ${spec.name}`,
        ...where,
      });
      return Number.NaN;
    }
    if (!spec.log) return cell.value;
    if (cell.value <= 0) {
      bag.add({
        code: "E_LOG_NONPOSITIVE",
        message: `${spec.term}: ${name} has ${spec.name} = ${cell.value}; the log needs a positive value`,
        ...where,
      });
      return Number.NaN;
    }
    return Math.log(cell.value);
  });
}

/** Summarises the years a term's values were taken from. */
export function provenanceOf(
  spec: CovariateSpec,
  source: string,
  cells: readonly CovariateCell[],
  municipalities: readonly string[],
): CovariateProvenance {
  const years = new Set<number | null>();
  const fallback: string[] = [];
  cells.forEach((c, i) => {
    if (c.year !== undefined) years.add(c.year);
    if (c.fallback) fallback.push(municipalities[i] ?? "?");
  });
  return {
    term: spec.term,
    source,
    years: [...years].sort(
      (a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY),
    ),
    fallback,
  };
}
