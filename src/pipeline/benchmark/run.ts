/**
 * `jobindex benchmark` as a function: options in, a ReportDocument and an exit code out.
 * read → slice (period, group) → published ranking or model → rank → document.
 * The model code (ml-matrix, stdlib) is imported only in model mode, to keep start-up fast.
 */
import { readFileSync } from "node:fs";
import {
  type CovariateCell,
  type CovariateProvenance,
  type CovariateSpec,
  parseCovariateSpec,
  provenanceOf,
  splitCovariateList,
  termValues,
  valueAsOf,
} from "../../benchmark/covariates.js";
import type { ModelRow, ModelSummary } from "../../benchmark/model.js";
import {
  findContradictions,
  PUBLISHED_DECIMALS,
  publishedResults,
  rankResults,
  type UnrankedResult,
} from "../../benchmark/published.js";
import type { BenchmarkResult, Contradiction, Observation } from "../../benchmark/types.js";
import { DiagnosticBag, InputError, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import {
  comparePeriods,
  formatPeriod,
  type Period,
  parsePeriod,
  samePeriod,
} from "../../period.js";
import { type PeriodSelection, readTable } from "../../read/index.js";
import { loadRegistry } from "../../registry/index.js";
import type { Registry } from "../../registry/types.js";
import type { ReportDocument } from "../../report/types.js";
// random.js alone (no imports, a few lines); the analysis itself is imported on demand.
import { DEFAULT_SEED } from "../../uncertainty/random.js";
import type { BenchmarkUncertainty } from "../../uncertainty/types.js";
import { type Grouping, groupingOf, groupRequest } from "../groups.js";
import { buildDocument } from "./document.js";
import { type InputRow, mapColumns, readObservations } from "./observations.js";
import { type BenchmarkOptions, normaliseOptions } from "./options.js";
import {
  catalogue,
  crossSectionFields,
  readCrossSectionField,
  readLongFile,
  SHIPPED_COVARIATE_DATA,
} from "./sources.js";

export type { BenchmarkOptions } from "./options.js";

/** The uncertainty presentation helpers; a type only, the module is imported on demand. */
export type UncertaintyPresenter = typeof import("../decorate/uncertainty.js");

/** A municipality's actual and expected full-time persons, where its population is known. */
export interface Persons {
  actual: number | null;
  expected: number | null;
}

/** The shipped Y30R21 extract, used when no --input is given. */
export const SHIPPED_EXTRACT = dataPath("benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl");

export interface BenchmarkRun {
  document: ReportDocument;
  exitCode: 0 | 1;
}

/** Everything a run computes, before it is laid out as a document (explain uses it too). */
export interface BenchmarkOutcome {
  options: BenchmarkOptions;
  mode: "published" | "model";
  period: string | null;
  group: string | null;
  results: BenchmarkResult[];
  contradictions: Contradiction[];
  model?: ModelDetails;
  population: "input" | "implied" | "none";
  /** Per municipality code (group totals). */
  persons: Map<string, Persons>;
  /** Bootstrap rank intervals (model mode, `uncertainty`), with the module presenting them. */
  uncertainty?: { result: BenchmarkUncertainty; present: UncertaintyPresenter };
  /** `--by region` or `--only NAME`. */
  grouping?: Grouping;
}

export interface ModelDetails {
  summary: ModelSummary;
  covariates: CovariateProvenance[];
  /** Per municipality code: its design values (after any log), in term order. */
  design: Map<string, number[]>;
  weights: "population" | null;
  loo: boolean;
  interval: number | null;
  /** Population aged 16–66 by municipality code, where known (the bootstrap of a WLS fit). */
  population: Map<string, number>;
}

export async function runBenchmark(
  options: Partial<BenchmarkOptions> | Record<string, unknown>,
): Promise<BenchmarkRun> {
  const outcome = await computeBenchmark(options);
  const verifyFailed = outcome.options.verify && outcome.contradictions.length > 0;
  const registry = loadRegistry();
  const document = buildDocument(outcome, {
    regionName: (code) => registry.regionOf(code)?.name,
  });
  return { document, exitCode: verifyFailed ? 1 : 0 };
}

export async function computeBenchmark(
  options: Partial<BenchmarkOptions> | Record<string, unknown>,
): Promise<BenchmarkOutcome> {
  const given = normaliseOptions(options);
  const registry = loadRegistry();
  const request = groupRequest(registry, given.by, given.only);
  if (given.uncertainty === undefined && (given.seed !== undefined || given.distinguish)) {
    throw new UsageError("--seed and --distinguish apply with --uncertainty");
  }
  const inputs = given.inputs.length > 0 ? given.inputs : [SHIPPED_EXTRACT];
  const read = await readInputs(inputs, registry, periodSelection(given.period));
  const period = choosePeriod(read, given.period);
  const slice = selectSlice(read.rows, period, given.group);
  const opts: BenchmarkOptions = {
    ...given,
    period: period === undefined ? given.period : formatPeriod(period),
    // The group's id, whatever name it was asked by.
    ...(request.only !== undefined ? { only: request.only.id } : {}),
    // The seed is recorded whenever there are refits, so `check` redraws the same ones.
    ...(given.uncertainty !== undefined ? { seed: given.seed ?? DEFAULT_SEED } : {}),
  };
  const regionOf = (code: string) => registry.municipality(code)?.region ?? null;
  const base = {
    options: opts,
    period: opts.period,
    group: slice.group,
    population: read.population,
  };

  if (opts.covariates.length === 0) {
    if (opts.weights !== null || opts.loo || opts.interval !== null) {
      throw new UsageError(
        "--weights, --loo and --interval apply to model mode: give --covariates too",
      );
    }
    if (opts.uncertainty !== undefined) {
      throw new UsageError(
        "--uncertainty needs --covariates: it refits the model, and published mode has STAR's expected values, not a model",
      );
    }
    if (!read.hasStarExpected) {
      throw new UsageError(
        "the input carries no expected values (not a Y30R21 extract): give --covariates to estimate them",
      );
    }
    const results = withCost(
      rankResults(publishedResults(slice.observations, regionOf), PUBLISHED_DECIMALS),
      opts.costPerFte,
    );
    return {
      ...base,
      mode: "published",
      results,
      contradictions: findContradictions(results),
      persons: personsOf(slice.observations, (o) => o.expectedStarPct, "published"),
      ...withGrouping(registry, request, results),
    };
  }

  const terms = await expandCovariates(opts.covariates);
  const joined = await joinCovariates(
    slice.observations,
    terms,
    period,
    opts.covariateData,
    registry,
  );
  const rows: ModelRow[] = slice.observations.map((o, i) => ({
    municipality: o.municipality,
    name: o.name,
    region: regionOf(o.municipality),
    actualPct: o.actualPct,
    x: joined.design.map((column) => column[i] as number),
    ...(o.population !== undefined ? { population: o.population } : {}),
    ...(o.expectedStarPct !== undefined ? { expectedStarPct: o.expectedStarPct } : {}),
    ...(o.publishedRank !== undefined ? { publishedRank: o.publishedRank } : {}),
  }));
  if (opts.weights === "population") requirePopulation(slice.observations);
  if (rows.length <= terms.length + 1) {
    throw new UsageError(
      `the model needs more municipalities (${rows.length}) than coefficients (${terms.length + 1})`,
    );
  }
  const { estimateModel } = await import("../../benchmark/model.js");
  const { RankDeficientError } = await import("../../benchmark/ols.js");
  let estimated: ReturnType<typeof estimateModel>;
  try {
    estimated = estimateModel(rows, {
      terms: terms.map((t) => t.term),
      weights: opts.weights,
      loo: opts.loo,
      interval: opts.interval,
    });
  } catch (error) {
    if (error instanceof RankDeficientError) throw collinearError(terms, error.column, rows.length);
    throw error;
  }
  const results = withCost(rankResults(estimated.results), opts.costPerFte);
  const model: ModelDetails = {
    summary: estimated.summary,
    covariates: joined.provenance,
    design: new Map(rows.map((r) => [r.municipality, r.x])),
    weights: opts.weights,
    loo: opts.loo,
    interval: opts.interval,
    population: new Map(
      rows.flatMap((r) => (r.population !== undefined ? [[r.municipality, r.population]] : [])),
    ),
  };
  const expected = new Map(results.map((r) => [r.municipality, r.expectedPct]));
  return {
    ...base,
    mode: "model",
    results,
    contradictions: [],
    model,
    persons: personsOf(slice.observations, (o) => expected.get(o.municipality), "model"),
    ...(await bootstrap(opts, model, results)),
    ...withGrouping(registry, request, results),
  };
}

/**
 * Bootstrap rank intervals when asked for. The module is imported here, on demand, so a
 * plain benchmark run does not load it (start-up time).
 */
async function bootstrap(
  opts: BenchmarkOptions,
  model: ModelDetails,
  results: readonly BenchmarkResult[],
): Promise<Pick<BenchmarkOutcome, "uncertainty">> {
  if (opts.uncertainty === undefined) return {};
  const U = await import("../../uncertainty/index.js");
  const design = U.benchmarkDesign(model, results, model.population);
  const result = U.bootstrapBenchmarkRanks(design, {
    runs: opts.uncertainty,
    seed: opts.seed ?? U.DEFAULT_SEED,
    ...(opts.distinguish !== undefined ? { criterion: opts.distinguish } : {}),
  });
  return { uncertainty: { result, present: U } };
}

function withGrouping(
  registry: Registry,
  request: ReturnType<typeof groupRequest>,
  results: readonly BenchmarkResult[],
): Pick<BenchmarkOutcome, "grouping"> {
  const grouping = groupingOf(
    registry,
    request,
    results.map((r) => ({ id: r.municipality, municipalities: [r.municipality], rank: r.rank })),
  );
  return grouping === undefined ? {} : { grouping };
}

/**
 * Actual and expected full-time persons. Published mode: STAR's own counts where the
 * extract has them; otherwise (and in model mode, whose expectation is the model's) the
 * share × population, so that actual − expected is the residual in persons.
 */
function personsOf(
  observations: readonly Observation[],
  expectedPct: (o: Observation) => number | undefined,
  mode: "published" | "model",
): Map<string, Persons> {
  return new Map(
    observations.map((o) => {
      const share = (pct: number | undefined) =>
        pct === undefined || o.population === undefined ? null : (pct / 100) * o.population;
      const actual = (mode === "published" ? o.actualPersons : undefined) ?? share(o.actualPct);
      const expected =
        (mode === "published" ? o.expectedPersons : undefined) ?? share(expectedPct(o));
      return [o.municipality, { actual, expected }];
    }),
  );
}

interface ReadInputs {
  rows: InputRow[];
  /** Every period the inputs name, read or left out by the selection. */
  periods: Period[];
  hasStarExpected: boolean;
  population: "input" | "implied" | "none";
}

/**
 * Only the rows of the asked period, or of the latest, are read: a long extract costs the
 * memory of one period, and rows of other periods are not checked beyond the reader's
 * syntax checks.
 */
function periodSelection(asked: string | null): PeriodSelection | undefined {
  const period = asked === null ? undefined : parsePeriod(asked);
  // A bad --period reads everything; choosePeriod then refuses it with the periods there are.
  if (asked !== null && period === undefined) return undefined;
  return {
    column: (columns) => mapColumns(columns).index.period,
    keep: period === undefined ? "latest" : { exactly: period },
  };
}

async function readInputs(
  inputs: readonly string[],
  registry: Registry,
  select: PeriodSelection | undefined,
): Promise<ReadInputs> {
  const bag = new DiagnosticBag();
  const tables = await Promise.all(
    inputs.map((file) => readTable(file, select === undefined ? {} : { select })),
  );
  const parts = tables.map((table) => readObservations(table, registry, bag));
  bag.throwIfErrors();
  const rows = parts.flatMap((p) => p.rows);
  const periods = new Map<string, Period>();
  for (const text of tables.flatMap((t) => t.periods ?? [])) {
    const period = parsePeriod(text);
    if (period !== undefined) periods.set(formatPeriod(period), period);
  }
  for (const r of rows) if (r.period) periods.set(formatPeriod(r.period), r.period);
  return {
    rows,
    periods: [...periods.values()].sort(comparePeriods),
    hasStarExpected: parts.every((p) => p.hasStarExpected),
    population: parts.every((p) => p.population === "input")
      ? "input"
      : parts.every((p) => p.population !== "none")
        ? "implied"
        : "none",
  };
}

/** The asked period (which must be in the input, if the input has periods) or the latest. */
function choosePeriod({ periods }: ReadInputs, asked: string | null): Period | undefined {
  if (asked !== null) {
    const period = parsePeriod(asked);
    if (period === undefined)
      throw new UsageError(`--period: not a period: '${asked}' (e.g. 2021QMAT04, 2019K4)`);
    if (periods.length > 0 && !periods.some((p) => samePeriod(p, period))) {
      throw new UsageError(
        `--period ${asked} is not in the input; it has ${periods.map((p) => formatPeriod(p)).join(", ")}`,
      );
    }
    return period;
  }
  return periods.at(-1);
}

/** `A-dagpenge` matches `A-dagpenge mv.`: case, spacing and the trailing "mv." do not matter. */
export function groupKey(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\bmv\.?\s*$/, "")
    .replace(/[\s.]+/g, " ")
    .trim();
}

/** The rows of one period and benefit group; one per municipality. */
function selectSlice(
  rows: readonly InputRow[],
  period: Period | undefined,
  group: string,
): { observations: Observation[]; group: string | null } {
  const inPeriod = rows.filter(
    (r) => period === undefined || r.period === undefined || samePeriod(r.period, period),
  );
  const groups = [...new Set(inPeriod.flatMap((r) => (r.group === undefined ? [] : [r.group])))];
  let chosen: string | null = null;
  let selected = inPeriod;
  if (groups.length > 0) {
    chosen = groups.find((g) => groupKey(g) === groupKey(group)) ?? null;
    if (chosen === null) {
      throw new UsageError(
        `--group '${group}' is not in the input; it has ${groups.map((g) => `'${g}'`).join(", ")}`,
      );
    }
    selected = inPeriod.filter((r) => r.group === undefined || r.group === chosen);
  }
  const bag = new DiagnosticBag();
  const seen = new Map<string, Observation>();
  for (const { observation: o } of selected) {
    const first = seen.get(o.municipality);
    if (first) {
      bag.add({
        code: "E_DUPLICATE_ROW",
        message: `${o.name} appears twice in this period and group (first at ${first.file}:${first.line})`,
        file: o.file,
        line: o.line,
      });
    } else seen.set(o.municipality, o);
  }
  bag.throwIfErrors();
  const observations = [...seen.values()].sort((a, b) =>
    a.municipality < b.municipality ? -1 : 1,
  );
  if (observations.length === 0) throw new UsageError("no rows for this period and group");
  return { observations, group: chosen };
}

/** `default` expands to the shipped default set; the rest must be names or log(name). */
async function expandCovariates(list: readonly string[]): Promise<CovariateSpec[]> {
  const texts: string[] = [];
  for (const item of list.flatMap(splitCovariateList)) {
    if (item.toLowerCase() === "default") texts.push(...(await defaultCovariates()));
    else texts.push(item);
  }
  const specs = texts.map((text) => {
    const spec = parseCovariateSpec(text);
    if (!spec)
      throw new UsageError(`--covariates: cannot read '${text}' (a column name or log(NAME))`);
    return spec;
  });
  const duplicate = specs.find((s, i) => specs.findIndex((t) => t.term === s.term) !== i);
  if (duplicate) throw new UsageError(`--covariates names ${duplicate.term} twice`);
  return specs;
}

export async function defaultCovariates(): Promise<string[]> {
  const text = readFileSync(dataPath("benchmark", "default-covariates.json"), "utf8");
  return (JSON.parse(text) as { covariates: string[] }).covariates;
}

interface JoinedCovariates {
  /** One column of design values per term, in observation order. */
  design: number[][];
  provenance: CovariateProvenance[];
}

/**
 * Each term from the input's own column if it has one, else from the covariate data
 * (long files, then cross-sections), joined as of the period's year.
 */
async function joinCovariates(
  observations: readonly Observation[],
  terms: readonly CovariateSpec[],
  period: Period | undefined,
  covariateData: readonly string[],
  registry: Registry,
): Promise<JoinedCovariates> {
  const bag = new DiagnosticBag();
  const names = observations.map((o) => o.name);
  const codes = observations.map((o) => o.municipality);
  const design: number[][] = [];
  const provenance: CovariateProvenance[] = [];
  const found = await catalogue(
    covariateData.length > 0 ? covariateData : [SHIPPED_COVARIATE_DATA],
  );
  const fields = found.crossSections.length > 0 ? await crossSectionFields() : {};
  for (const spec of terms) {
    const column = inputColumn(observations, spec.name);
    let cells: CovariateCell[];
    let source: string;
    if (column !== undefined) {
      cells = observations.map((o) => ({ value: o.columns[column], file: o.file, line: o.line }));
      source = "input";
    } else {
      const series = await findSeries(spec.name, found, fields, registry);
      if (!series) {
        throw new UsageError(
          `--covariates: no column or covariate file named '${spec.name}' (files: ${[...found.longFiles.keys(), ...Object.keys(fields)].join(", ")})`,
        );
      }
      if (period === undefined)
        throw new UsageError(`give --period: covariate ${spec.name} is dated, the input is not`);
      cells = observations.map((o) => {
        const joined = valueAsOf(series, o.municipality, period.year);
        return joined ?? { value: undefined, file: series.file, line: 1 };
      });
      source = series.file;
    }
    design.push(termValues(spec, cells, names, bag));
    provenance.push(provenanceOf(spec, source, cells, codes));
  }
  bag.throwIfErrors();
  return { design, provenance };
}

/** The input column holding a covariate: its exact header, else one equal ignoring case. */
function inputColumn(observations: readonly Observation[], name: string): string | undefined {
  const headers = Object.keys(observations[0]?.columns ?? {});
  return (
    headers.find((h) => h === name) ??
    headers.find((h) => h.trim().toLowerCase() === name.toLowerCase())
  );
}

async function findSeries(
  name: string,
  found: Awaited<ReturnType<typeof catalogue>>,
  fields: Awaited<ReturnType<typeof crossSectionFields>>,
  registry: Registry,
) {
  const file = found.longFiles.get(name);
  if (file !== undefined) return readLongFile(name, file, registry);
  const field = fields[name];
  const crossSection = found.crossSections[0];
  if (field && crossSection !== undefined)
    return readCrossSectionField(name, field.path, crossSection, registry);
  return undefined;
}

function requirePopulation(observations: readonly Observation[]): void {
  const bag = new DiagnosticBag();
  for (const o of observations) {
    if (o.population === undefined) {
      bag.add({
        code: "E_NO_POPULATION",
        message: `--weights population: ${o.name} has no population_16_66`,
        file: o.file,
        line: o.line,
      });
    }
  }
  bag.throwIfErrors();
}

function collinearError(terms: readonly CovariateSpec[], column: number, n: number): InputError {
  const term = column === 0 ? "the intercept" : (terms[column - 1]?.term ?? "?");
  return new InputError([
    {
      code: "E_COLLINEAR",
      message: `the covariates are collinear or constant at ${term} (n = ${n}, k = ${terms.length + 1}); drop one`,
    },
  ]);
}

/** Fiscal translation: residual persons × yearly cost per full-time person. */
function withCost(results: BenchmarkResult[], costPerFte: number | null): BenchmarkResult[] {
  if (costPerFte === null) return results;
  return results.map((r) => ({
    ...r,
    costDkk: r.residualPersons === null ? null : r.residualPersons * costPerFte,
  }));
}

export type { UnrankedResult };
