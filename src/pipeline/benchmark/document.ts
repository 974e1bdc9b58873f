/**
 * Lays a benchmark outcome out as a ReportDocument: the CLI.md JSON (./document-json.ts)
 * and the table every other reporter renders, with the further tables and notes
 * (./document-text.ts); then decorates it with uncertainty and groups.
 */
import type { ReportColumn, ReportDocument, ReportRow } from "../../report/types.js";
import { type GroupView, withGrouping } from "../decorate/groups.js";
import { type Grouping, groupTotals, membersByGroup } from "../groups.js";
import { documentJson } from "./document-json.js";
import { notes, sections } from "./document-text.js";
import type { BenchmarkOutcome } from "./outcome.js";

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
  const rows: ReportRow[] = results.map((r) => ({
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
  return {
    json,
    title: `STAR-style benchmark: share of 16–66-year-olds on public support, actual against expected${partialTitle(outcome)}`,
    subtitle: [
      outcome.period ? `Period ${outcome.period}` : undefined,
      outcome.group ?? undefined,
      mode === "published"
        ? "published mode (STAR's expected values)"
        : "model mode (expected values estimated by OLS)",
    ]
      .filter((s) => s !== undefined)
      .join(" · "),
    synthetic: false,
    columns,
    rows,
    sections: sections(outcome),
    notes: notes(outcome),
    chart: {
      valueKey: "residual_pp",
      valueLabel: "Actual − expected share (pct. points); lower is better",
      labelKey: "name",
      municipalitiesKey: "municipality",
      better: "lower",
    },
  };
}

/** ` (22 of 98 municipalities)` when the input lacks some of the period's municipalities. */
export function partialTitle(outcome: BenchmarkOutcome): string {
  const { present, expected } = outcome.coverage;
  return present < expected ? ` (${present} of ${expected} municipalities)` : "";
}

/**
 * The decorations of a run, on its document: the bootstrap's rank intervals (their module
 * is imported only then) and the group view.
 */
export async function decorateDocument(
  doc: ReportDocument,
  outcome: BenchmarkOutcome,
): Promise<ReportDocument> {
  const F = await import("../decorate/funnel.js");
  const context = {
    funnel: outcome.funnel,
    results: outcome.results,
    expectedPersons: new Map([...outcome.persons].map(([code, p]) => [code, p.expected])),
    ...(outcome.peers !== undefined ? { peers: outcome.peers } : {}),
  };
  let decorated = F.withFunnel(doc, context);
  if (outcome.funnelIntervals !== undefined) {
    decorated = F.withFunnelIntervals(decorated, context, outcome.funnelIntervals);
  }
  decorated = F.withPeers(decorated, context);
  if (outcome.history !== undefined) decorated = F.withHistory(decorated, outcome.history);
  if (outcome.uncertainty !== undefined) {
    const { withUncertainty } = await import("../decorate/uncertainty.js");
    decorated = withUncertainty(decorated, outcome.uncertainty, "municipality");
  }
  if (outcome.grouping !== undefined) {
    const grouping = outcome.grouping;
    decorated = withGrouping(decorated, grouping, {
      idKey: "municipality",
      // By region, the group columns carry the region (name, and its code in CSV).
      ...(grouping.kind === "by" ? { replaces: ["region"] } : {}),
      view: (shown) => groupView(outcome, grouping, shown),
    });
  }
  return decorated;
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
): GroupView {
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
