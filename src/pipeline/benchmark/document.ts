/**
 * Lays a benchmark outcome out as a ReportDocument: the CLI.md JSON (snake_case, full
 * precision, plus `options`) and the table every other reporter renders.
 */
import { relative } from "node:path";
import type { CovariateProvenance } from "../../benchmark/covariates.js";
import type { BenchmarkResult, Contradiction } from "../../benchmark/types.js";
import { dataPath } from "../../paths.js";
import type { ReportColumn, ReportDocument, ReportRow, ReportSection } from "../../report/types.js";
import {
  type Grouping,
  groupColumns,
  groupedUnits,
  groupFields,
  groupTotals,
  membersByGroup,
} from "../groups.js";
import type { BenchmarkOutcome, ModelDetails } from "./run.js";

export interface DocumentContext {
  /** Region name for a municipality code ("Region Syddanmark"). */
  regionName: (code: string) => string | undefined;
}

/** Residual persons and, with --cost-per-fte, the yearly cost: in the results and the totals. */
function personColumns(hasCost: boolean, { optional }: { optional: boolean }): ReportColumn[] {
  const persons: ReportColumn = {
    key: "residual_persons",
    header: "Residual persons",
    kind: "number",
    digits: 0,
    better: "lower",
    ...(optional ? { optional: true } : {}),
  };
  const cost: ReportColumn = {
    key: "cost_dkk",
    header: "Cost DKK/yr",
    kind: "number",
    digits: 0,
    better: "lower",
  };
  return hasCost ? [persons, cost] : [persons];
}

export function buildDocument(outcome: BenchmarkOutcome, ctx: DocumentContext): ReportDocument {
  const { mode, results } = outcome;
  const hasPublished = results.some((r) => r.publishedRank !== undefined);
  const hasStar = mode === "model" && results.some((r) => r.expectedStarPct !== undefined);
  const hasCost = outcome.options.costPerFte !== null;
  const hasInterval = outcome.model?.interval != null;
  const columns: ReportColumn[] = [
    { key: "municipality", header: "Code", kind: "text" },
    { key: "name", header: "Municipality", kind: "text" },
    { key: "region", header: "Region", kind: "text", optional: true },
    { key: "actual_pct", header: "Actual %", kind: "number", digits: 2 },
    { key: "expected_pct", header: "Expected %", kind: "number", digits: 2 },
    ...(hasStar
      ? [
          {
            key: "expected_star_pct",
            header: "STAR expected %",
            kind: "number",
            digits: 2,
            optional: true,
          } as const,
        ]
      : []),
    { key: "residual_pp", header: "Residual pp", kind: "number", digits: 2, better: "lower" },
    ...personColumns(hasCost, { optional: true }),
    ...(hasInterval
      ? [{ key: "interval_position", header: "vs interval", kind: "text" } as const]
      : []),
    // The rank as a number; `7=` for a shared place comes from `tied` (CSV: its own column).
    { key: "rank", header: "Rank", kind: "rank", tiedKey: "tied" },
    { key: "tied", header: "Tied", kind: "text", csvOnly: true },
    ...(hasPublished
      ? [{ key: "published_rank", header: "Published rank", kind: "rank" } as const]
      : []),
  ];
  let rows: ReportRow[] = results.map((r) => ({
    municipality: r.municipality,
    name: r.name,
    region: ctx.regionName(r.municipality) ?? r.region ?? undefined,
    actual_pct: r.actualPct,
    expected_pct: r.expectedPct,
    expected_star_pct: r.expectedStarPct,
    residual_pp: r.residualPp,
    residual_persons: r.residualPersons,
    cost_dkk: r.costDkk,
    interval_position: r.interval?.position,
    rank: r.rank,
    tied: r.tied,
    published_rank: r.publishedRank,
  }));
  const json = documentJson(outcome);
  const docNotes = notes(outcome);
  const docSections = sections(outcome);
  let shownColumns = columns;
  let intervals: ReportDocument["intervals"];
  let jsonResults = json.results as Array<Record<string, unknown>>;
  if (outcome.uncertainty !== undefined) {
    const { result, present } = outcome.uncertainty;
    jsonResults = present.decorateJsonResults(jsonResults, "municipality", result);
    json.uncertainty = present.uncertaintyJson(result);
    shownColumns = present.insertUncertaintyColumns(shownColumns, "rank", result);
    rows = present.decorateRows(rows, "municipality", result);
    intervals = present.reportIntervals(result);
    docNotes.push(...present.uncertaintyNotes(result));
  }
  let subtitleGroup: string | undefined;
  if (outcome.grouping !== undefined) {
    const grouping = outcome.grouping;
    const code = (r: { municipality?: unknown }) => String(r.municipality);
    // JSON keeps the national order (CLI.md); the rows read best region by region.
    jsonResults = (
      grouping.kind === "only" ? groupedUnits(grouping, jsonResults, code) : jsonResults
    ).map((r) => ({ ...r, ...groupFields(grouping, code(r)) }));
    rows = groupedUnits(grouping, rows, code).map((r) => ({
      ...r,
      ...groupFields(grouping, code(r)),
    }));
    // By region, the group columns carry the region (name, and its code in CSV).
    const own =
      grouping.kind === "by" ? shownColumns.filter((c) => c.key !== "region") : shownColumns;
    shownColumns = [...groupColumns(grouping), ...own];
    const shown = new Set(rows.map(code));
    if (intervals !== undefined) intervals = intervals.filter((i) => shown.has(i.id));
    const view = groupView(outcome, grouping, shown);
    Object.assign(json, view.json);
    docSections.unshift(view.section);
    docNotes.push(view.note);
    subtitleGroup = view.subtitle;
  }
  json.results = jsonResults;
  return {
    json,
    title:
      "STAR-style benchmark: share of 16–66-year-olds on public support, actual against expected",
    subtitle: [
      outcome.period ? `Period ${outcome.period}` : undefined,
      outcome.group ?? undefined,
      mode === "published"
        ? "published mode (STAR's expected values)"
        : "model mode (expected values estimated by OLS)",
      subtitleGroup,
    ]
      .filter((s) => s !== undefined)
      .join(" · "),
    synthetic: false,
    columns: shownColumns,
    rows,
    sections: docSections,
    notes: docNotes,
    chart: {
      valueKey: "residual_pp",
      valueLabel: "Actual − expected share (pct. points); lower is better",
      labelKey: "name",
      municipalitiesKey: "municipality",
      better: "lower",
    },
    ...(intervals !== undefined ? { intervals } : {}),
  };
}

/** Sum of the finite values; null when there are none (e.g. no population known). */
function sum(values: ReadonlyArray<number | null | undefined>): number | null {
  return groupTotals(values, { total: (v) => v }).total ?? null;
}

/**
 * `--by region`: a totals row per region (count, residual persons, cost). `--only`: the
 * group's totals, with actual and expected persons where the population is known.
 */
function groupView(
  outcome: BenchmarkOutcome,
  grouping: Grouping,
  shown: ReadonlySet<string>,
): { json: Record<string, unknown>; section: ReportSection; note: string; subtitle: string } {
  const hasCost = outcome.options.costPerFte !== null;
  const byCode = new Map(outcome.results.map((r) => [r.municipality, r]));
  const members = membersByGroup(grouping, [...shown], (code) => code);
  const totalsOf = (codes: readonly string[]) => {
    const results = codes.flatMap((c) => byCode.get(c) ?? []);
    const persons = codes.map((c) => outcome.persons.get(c));
    return {
      count: results.length,
      residual_persons: sum(results.map((r) => r.residualPersons)),
      ...(grouping.kind === "only"
        ? {
            actual_persons: sum(persons.map((p) => p?.actual)),
            expected_persons: sum(persons.map((p) => p?.expected)),
          }
        : {}),
      ...(hasCost ? { cost_dkk: sum(results.map((r) => r.costDkk)) } : {}),
    };
  };
  const columns: ReportColumn[] = [
    { key: "name", header: grouping.kind === "by" ? "Region" : "Group", kind: "text" },
    { key: "count", header: "Municipalities", kind: "integer" },
    ...(grouping.kind === "only"
      ? [
          { key: "actual_persons", header: "Actual persons", kind: "number", digits: 0 } as const,
          {
            key: "expected_persons",
            header: "Expected persons",
            kind: "number",
            digits: 0,
          } as const,
        ]
      : []),
    ...personColumns(hasCost, { optional: false }),
  ];
  if (grouping.kind === "by") {
    const regions = members.map((g) => ({ id: g.id, name: g.name, ...totalsOf(g.members) }));
    return {
      json: { regions },
      section: { title: "Regions: totals", columns, rows: regions },
      note: "Region rank: the place within the region, by the national ranking (shared national places are shared within the region too). Region totals add up residual persons (actual − expected full-time persons); negative is below expectation.",
      subtitle: "ranked within the regions",
    };
  }
  const group = grouping.group;
  const totals = totalsOf([...shown]);
  return {
    json: { unit_group: { id: group.id, name: group.name, kind: group.kind, totals } },
    section: { title: `Totals: ${group.name}`, columns, rows: [{ name: group.name, ...totals }] },
    note: `Only ${group.name} (${group.kind === "region" ? "region" : "group"} ${group.id}): ranks are national, of all ${outcome.results.length} municipalities; group rank is the place among these. Persons are full-time persons aged 16–66 on public support, where the population is known.`,
    subtitle: `only ${group.name}`,
  };
}

function documentJson(outcome: BenchmarkOutcome): Record<string, unknown> {
  const json: Record<string, unknown> = {
    command: "benchmark",
    mode: outcome.mode,
    period: outcome.period,
    group: outcome.group,
    results: outcome.results.map(resultJson),
  };
  if (outcome.model) json.model = modelJson(outcome.model);
  if (outcome.mode === "published")
    json.contradictions = outcome.contradictions.map(contradictionJson);
  if (outcome.mode === "model") json.population_source = outcome.population;
  if (outcome.options.costPerFte !== null) json.cost_per_fte = outcome.options.costPerFte;
  json.options = outcome.options;
  return json;
}

function resultJson(r: BenchmarkResult): Record<string, unknown> {
  return {
    municipality: r.municipality,
    name: r.name,
    region: r.region,
    actual_pct: r.actualPct,
    expected_pct: r.expectedPct,
    residual_pp: r.residualPp,
    residual_persons: r.residualPersons,
    rank: r.rank,
    tied: r.tied,
    ...(r.publishedRank !== undefined ? { published_rank: r.publishedRank } : {}),
    ...(r.expectedStarPct !== undefined ? { expected_star_pct: r.expectedStarPct } : {}),
    ...(r.costDkk !== undefined ? { cost_dkk: r.costDkk } : {}),
    ...(r.interval
      ? {
          interval: {
            lower: r.interval.lower,
            upper: r.interval.upper,
            position: r.interval.position,
          },
        }
      : {}),
  };
}

function modelJson(model: ModelDetails): Record<string, unknown> {
  const s = model.summary;
  return {
    n: s.n,
    k: s.k,
    r2: s.r2,
    adj_r2: s.adjR2,
    sigma: s.sigma,
    df: s.df,
    coefficients: s.coefficients.map((c) => ({
      term: c.term,
      estimate: c.estimate,
      std_error: c.stdError,
      t: c.t,
      p: c.p,
    })),
    weights: model.weights,
    loo: model.loo,
    interval_level: model.interval,
    covariates: model.covariates.map((c, j) => ({
      term: c.term,
      source: displayPath(c.source),
      years: c.years,
      fallback: c.fallback,
      mean: s.termMeans[j],
    })),
  };
}

function contradictionJson(c: Contradiction): Record<string, unknown> {
  const side = (x: Contradiction["better"]) => ({
    municipality: x.municipality,
    name: x.name,
    residual_pp: x.residualPp,
    published_rank: x.publishedRank,
  });
  return { better: side(c.better), worse: side(c.worse) };
}

/** Shipped files as `data/…` (the same on every machine, so golden files compare); others as given. */
export function displayPath(file: string): string {
  if (file === "input") return file;
  const rel = relative(dataPath(), file);
  return rel.startsWith("..") || rel.startsWith("/") ? file : `data/${rel.split("\\").join("/")}`;
}

function sections(outcome: BenchmarkOutcome): ReportSection[] {
  const out: ReportSection[] = [];
  if (outcome.model) {
    const s = outcome.model.summary;
    out.push({
      title: `Model: OLS${outcome.model.weights ? " weighted by population" : ""}, n = ${s.n}, k = ${s.k}, R² = ${s.r2.toFixed(3)}, adjusted R² = ${s.adjR2.toFixed(3)}, σ = ${s.sigma.toFixed(3)}`,
      columns: [
        { key: "term", header: "Term", kind: "text" },
        { key: "estimate", header: "Estimate", kind: "number", digits: 4 },
        { key: "std_error", header: "Std. error", kind: "number", digits: 4 },
        { key: "t", header: "t", kind: "number", digits: 2 },
        { key: "p", header: "p", kind: "number", digits: 4 },
      ],
      rows: s.coefficients.map((c) => ({
        term: c.term,
        estimate: c.estimate,
        std_error: c.stdError,
        t: c.t,
        p: c.p,
      })),
    });
    out.push({
      title: "Covariates: source and year used",
      columns: [
        { key: "term", header: "Term", kind: "text" },
        { key: "source", header: "Source", kind: "text" },
        { key: "years", header: "Year(s) used", kind: "text" },
        { key: "fallback", header: "Later/undated values used for", kind: "text" },
      ],
      rows: outcome.model.covariates.map((c) => ({
        term: c.term,
        source: displayPath(c.source),
        years: yearsText(c),
        fallback:
          c.fallback.length === 0
            ? ""
            : c.fallback.length === outcome.results.length
              ? "all"
              : c.fallback.join(" "),
      })),
    });
  }
  if (outcome.contradictions.length > 0) {
    out.push({
      title: "Contradictions: published ranks not consistent with the rounded residuals",
      columns: [
        { key: "better", header: "Smaller residual", kind: "text" },
        { key: "better_rank", header: "its published rank", kind: "rank" },
        { key: "worse", header: "Larger residual", kind: "text" },
        { key: "worse_rank", header: "its published rank", kind: "rank" },
      ],
      rows: outcome.contradictions.map((c) => ({
        better: `${c.better.name} (${c.better.residualPp.toFixed(2)})`,
        better_rank: c.better.publishedRank,
        worse: `${c.worse.name} (${c.worse.residualPp.toFixed(2)})`,
        worse_rank: c.worse.publishedRank,
      })),
    });
  }
  return out;
}

function yearsText(c: CovariateProvenance): string {
  if (c.source === "input") return "as in the input";
  return c.years.map((y) => (y === null ? "undated (latest)" : String(y))).join(", ");
}

function notes(outcome: BenchmarkOutcome): string[] {
  const out: string[] = [];
  const tied = outcome.results.some((r) => r.tied);
  if (outcome.mode === "published") {
    out.push(
      "Expected values are STAR's own (jobindsats Y30R21, estimated by VIVE); residual = actual − expected share in pct. points; rank 1 is furthest below expectation.",
    );
    if (tied)
      out.push(
        "Published shares are rounded to two decimals: equal rounded residuals share the best rank, marked '='.",
      );
    if (outcome.results.some((r) => r.publishedRank !== undefined)) {
      out.push(
        outcome.contradictions.length === 0
          ? "Every published rank is consistent with the order of the rounded residuals (no contradictions)."
          : `${outcome.contradictions.length} pair(s) of published ranks contradict the order of the rounded residuals; see the contradictions table.`,
      );
    }
  } else if (outcome.model) {
    const terms = outcome.model.summary.coefficients
      .slice(1)
      .map((c) => c.term)
      .join(", ");
    out.push(
      `Expected share estimated by least squares (QR decomposition) on ${terms}${outcome.model.weights ? ", weighted by population aged 16–66" : ""}; residual = actual − expected, rank 1 is furthest below expectation.`,
    );
    if (outcome.model.loo)
      out.push("Leave-one-out: each municipality's expected share is estimated without itself.");
    if (outcome.model.interval !== null) {
      out.push(
        `A ${Math.round(outcome.model.interval * 100)}% prediction interval marks municipalities clearly below or above expectation ('vs interval').`,
      );
    }
    for (const c of outcome.model.covariates) {
      if (c.fallback.length > 0) {
        out.push(
          `${c.term}: no value at or before ${outcome.period ?? "the period"} for ${c.fallback.length === outcome.results.length ? "any municipality" : c.fallback.join(", ")}; the ${c.years.includes(null) ? "undated latest" : "earliest later"} value is used.`,
        );
      }
    }
    if (outcome.results.some((r) => r.expectedStarPct !== undefined)) {
      out.push("STAR's own expected share (Y30R21) is shown beside the model's for comparison.");
    }
  }
  if (outcome.mode === "published") {
    // Published residual persons are STAR's own difference, rounded to tens.
  } else if (outcome.population === "implied") {
    out.push(
      "Population aged 16–66 is implied by the Y30R21 extract itself (actual full-time persons / actual share × 100); no separate population source is used.",
    );
  } else if (outcome.population === "none") {
    out.push("No population aged 16–66 is known for this input, so residual persons are empty.");
  }
  if (outcome.options.costPerFte !== null) {
    out.push(
      `Cost = residual persons × ${outcome.options.costPerFte} DKK a year per full-time person: positive is a cost, negative a saving against expectation.`,
    );
  }
  return out;
}
