/**
 * `jobindex benchmark` as a function: options in, a ReportDocument and an exit code out.
 * normalise (the period first, before anything is read) → read → slice (period, group) →
 * published ranking or model → rank → document → decorations (uncertainty, groups).
 * The model code (ml-matrix, stdlib) is imported only in model mode, to keep start-up fast.
 */
import {
  type BenchmarkWarning,
  findContradictions,
  findPublishedInconsistencies,
  PUBLISHED_DECIMALS,
  publishedResults,
  rankResults,
} from "../../benchmark/published.js";
import type { BenchmarkResult, Observation } from "../../benchmark/types.js";
import { UsageError } from "../../diagnostics.js";
import { translateDiagnostic } from "../../i18n/diagnostics.js";
import { formatNumberIn, MINUS, t } from "../../i18n/index.js";
import { dataPath } from "../../paths.js";
import { comparePeriods, formatPeriod } from "../../period.js";
import { loadRegistry } from "../../registry/index.js";
import type { Registry } from "../../registry/types.js";
// random.js alone (no imports, a few lines); the analysis itself is imported on demand.
import { DEFAULT_SEED } from "../../uncertainty/random.js";
import { trackReads } from "../files-read.js";
import { type GroupRequest, groupingOf, groupRequest } from "../groups.js";
import { choosePeriod } from "../period.js";
import { readOptionsOf } from "../read-options.js";
import { covariateAggregateWarnings, expandCovariates, joinCovariates } from "./covariates.js";
import { buildDocument, decorateDocument } from "./document.js";
import { estimate, modelRows } from "./estimate.js";
import { funnelIntervals, funnelOf } from "./funnel.js";
import { historyOf } from "./history.js";
import { periodSelection, readInputs } from "./inputs.js";
import { type BenchmarkOptions, normaliseBenchmarkOptions } from "./options.js";
import type { BenchmarkOutcome, BenchmarkRun, Coverage, ModelDetails, Persons } from "./outcome.js";
import { defaultPeers, peersFromDesign } from "./peers.js";
import { withPublishedCheck } from "./published-lists.js";
import { selectSlice } from "./slice.js";

export type { BenchmarkOptions } from "./options.js";
export type {
  BenchmarkOutcome,
  BenchmarkRun,
  Coverage,
  ModelDetails,
  Persons,
} from "./outcome.js";

/** The shipped Y30R21 extract, used when no --input is given. */
export const SHIPPED_EXTRACT = dataPath("benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl");

export async function runBenchmark(
  options: Partial<BenchmarkOptions> | Record<string, unknown>,
): Promise<BenchmarkRun> {
  return trackReads(async () => {
    const listsFile = (options as Record<string, unknown>).publishedLists;
    if (typeof listsFile === "string" && (options as Record<string, unknown>).verify !== true)
      throw new UsageError("--published is read by --verify: give --verify too", "E_USAGE");
    const outcome = await computeBenchmark(options);
    const inconsistent = outcome.warnings.filter((w) => w.code === "W_PUBLISHED_INCONSISTENT");
    const verifyFailed =
      outcome.options.verify && (outcome.contradictions.length > 0 || inconsistent.length > 0);
    const registry = loadRegistry();
    const document = buildDocument(outcome, {
      regionName: (code) => registry.regionOf(code)?.name,
      regionCode: (code) => registry.regionOf(code)?.id,
    });
    const messages = verifyMessages(outcome, verifyFailed, inconsistent.length);
    const checked = await withPublishedCheck(
      await decorateDocument(document, outcome),
      outcome,
      registry,
      typeof listsFile === "string" ? listsFile : undefined,
    );
    if (checked.failed) {
      messages.push(t("verify.top_list_failed", { period: outcome.period ?? "" }));
    }
    return {
      document: checked.document,
      exitCode: verifyFailed || checked.failed ? (1 as const) : (0 as const),
      messages,
    };
  });
}

/** Lines for standard error: the warnings, and why `--verify` failed. */
function verifyMessages(
  outcome: BenchmarkOutcome,
  verifyFailed: boolean,
  inconsistent: number,
): string[] {
  const messages = outcome.warnings.map(
    (w) => `${t("cli.warning")}: ${translateDiagnostic(w.code, w.message)} [${w.code}]`,
  );
  if (verifyFailed) {
    const SHOWN = 10;
    for (const c of outcome.contradictions.slice(0, SHOWN)) {
      messages.push(
        t("verify.contradiction", {
          better: c.better.name,
          better_code: c.better.municipality,
          better_pp: formatNumberIn(c.better.residualPp, 2).replace(MINUS, "-"),
          better_rank: String(c.better.publishedRank),
          worse: c.worse.name,
          worse_code: c.worse.municipality,
          worse_pp: formatNumberIn(c.worse.residualPp, 2).replace(MINUS, "-"),
          worse_rank: String(c.worse.publishedRank),
        }),
      );
    }
    if (outcome.contradictions.length > SHOWN) {
      messages.push(t("verify.more", { n: outcome.contradictions.length - SHOWN }));
    }
    const reasons = [
      outcome.contradictions.length > 0
        ? t("verify.contradictions", { n: outcome.contradictions.length })
        : undefined,
      inconsistent > 0 ? t("verify.inconsistent", { n: inconsistent }) : undefined,
    ];
    messages.push(
      t("verify.failed", { reasons: reasons.filter((s) => s !== undefined).join("; ") }),
    );
  }
  return messages;
}

/** Which of the registry's municipalities the results hold. */
function coverageOf(registry: Registry, results: readonly BenchmarkResult[]): Coverage {
  const present = new Set(results.map((r) => r.municipality));
  const missing = registry.municipalities.map((m) => m.code).filter((c) => !present.has(c));
  return { present: present.size, expected: registry.municipalities.length, missing };
}

/** One warning counting the total and region rows skipped, or none. */
function aggregateWarnings(skipped: readonly string[]): BenchmarkWarning[] {
  if (skipped.length === 0) return [];
  const names = [...new Set(skipped)];
  return [
    {
      code: "W_SKIPPED_AGGREGATE_ROWS",
      municipality: null,
      message: `skipped ${skipped.length} row(s) for totals or regions, not municipalities: ${names.join(", ")}`,
    },
  ];
}

export async function computeBenchmark(
  options: Partial<BenchmarkOptions> | Record<string, unknown>,
): Promise<BenchmarkOutcome> {
  const { options: given, period: asked } = normaliseBenchmarkOptions(options);
  const registry = loadRegistry();
  const request = groupRequest(registry, given.by, given.only);
  const inputs = given.inputs.length > 0 ? given.inputs : [SHIPPED_EXTRACT];
  const reading = readOptionsOf(given);
  const read = await readInputs(inputs, registry, periodSelection(asked), reading);
  const period = choosePeriod(asked, read.periods);
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
  const skipped = aggregateWarnings(read.skippedAggregates);

  if (opts.covariates.length === 0) {
    if (!read.hasStarExpected) {
      throw new UsageError(
        "the input carries no expected values (not a Y30R21 extract): give --covariates to estimate them",
      );
    }
    const results = withCost(
      rankResults(publishedResults(slice.observations, regionOf), PUBLISHED_DECIMALS),
      opts.costPerFte,
    );
    const persons = personsOf(slice.observations, (o) => o.expectedStarPct, "published");
    const funnel = funnelOf(results, persons);
    const history =
      opts.history === true
        ? historyOf(
            (
              await readInputs(
                inputs,
                registry,
                {
                  ...periodSelection(undefined),
                  ...(period !== undefined ? { keep: { upTo: period } } : {}),
                },
                reading,
              )
            ).rows,
            read.periods.filter((p) => period === undefined || comparePeriods(p, period) <= 0),
            opts.group,
          )
        : undefined;
    return {
      ...base,
      mode: "published",
      results,
      contradictions: findContradictions(results),
      coverage: coverageOf(registry, results),
      warnings: [
        ...findPublishedInconsistencies(slice.observations, registry.municipalities.length),
        ...skipped,
      ],
      persons,
      funnel,
      ...(funnel !== null && opts.uncertainty !== undefined
        ? {
            funnelIntervals: await funnelIntervals(
              funnel,
              results,
              opts.uncertainty,
              opts.seed ?? DEFAULT_SEED,
            ),
          }
        : {}),
      ...(opts.peers !== undefined
        ? {
            peers: await defaultPeers(
              slice.observations,
              period,
              opts.covariateData,
              registry,
              opts.peers,
              reading,
            ),
          }
        : {}),
      ...(history !== undefined ? { history } : {}),
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
    reading,
  );
  const rows = modelRows(slice.observations, joined, regionOf);
  const estimated = await estimate(rows, slice.observations, terms, opts);
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
  const persons = personsOf(slice.observations, (o) => expected.get(o.municipality), "model");
  return {
    ...base,
    mode: "model",
    results,
    contradictions: [],
    coverage: coverageOf(registry, results),
    warnings: [...skipped, ...covariateAggregateWarnings(joined.skippedAggregates)],
    model,
    persons,
    funnel: funnelOf(results, persons),
    ...(opts.peers !== undefined
      ? {
          peers: peersFromDesign(
            terms.map((t) => t.term),
            model.design,
            opts.peers,
          ),
        }
      : {}),
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
  const uncertainty = U.bootstrapBenchmarkRanks(design, {
    runs: opts.uncertainty,
    seed: opts.seed ?? U.DEFAULT_SEED,
    ...(opts.distinguish !== undefined ? { criterion: opts.distinguish } : {}),
  });
  return { uncertainty };
}

function withGrouping(
  registry: Registry,
  request: GroupRequest,
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

/** Fiscal translation: residual persons × yearly cost per full-time person. */
function withCost(results: BenchmarkResult[], costPerFte: number | null): BenchmarkResult[] {
  if (costPerFte === null) return results;
  return results.map((r) => ({
    ...r,
    costDkk: r.residualPersons === null ? null : r.residualPersons * costPerFte,
  }));
}
