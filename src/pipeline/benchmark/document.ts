/**
 * Lays a benchmark outcome out as a ReportDocument: the CLI.md JSON (./document-json.ts)
 * and the table every other reporter renders, with the further tables and notes
 * (./document-text.ts); then decorates it with uncertainty and groups.
 */
import { t } from "../../i18n/index.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../../report/types.js";
import { type GroupView, withGrouping } from "../decorate/groups.js";
import { type Grouping, groupTotals, membersByGroup } from "../groups.js";
import { documentJson } from "./document-json.js";
import { notes, sections } from "./document-text.js";
import type { BenchmarkOutcome } from "./outcome.js";

export interface DocumentContext {
  /** Region name for a municipality code ("Region Syddanmark"). */
  regionName: (code: string) => string | undefined;
  /** Region code for a municipality code ("DK-83"): CSV's `region`, as with --by region. */
  regionCode?: (code: string) => string | undefined;
}

/** Residual persons and, with --cost-per-fte, the yearly cost: in the results and the totals. */
function personColumns(hasCost: boolean, { optional }: { optional: boolean }): ReportColumn[] {
  const persons: ReportColumn = {
    key: "residual_persons",
    header: t("col.residual_persons"),
    kind: "number",
    digits: 0,
    better: "lower",
    ...(optional ? { optional: true } : {}),
  };
  const cost: ReportColumn = {
    key: "cost_dkk",
    header: t("col.cost_dkk"),
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
    { key: "municipality", header: t("col.code"), kind: "text" },
    { key: "name", header: t("col.municipality"), kind: "text" },
    // As in every CSV: `region` the code, `region_name` the name (also with --by region).
    { key: "region_name", header: t("col.region"), kind: "text", optional: true },
    { key: "region", header: t("col.region_code"), kind: "text", csvOnly: true },
    { key: "actual_pct", header: t("col.actual_pct"), kind: "number", digits: 2 },
    { key: "expected_pct", header: t("col.expected_pct"), kind: "number", digits: 2 },
    ...(hasStar
      ? [
          {
            key: "expected_star_pct",
            header: t("col.expected_star_pct"),
            kind: "number",
            digits: 2,
            optional: true,
          } as const,
        ]
      : []),
    {
      key: "residual_pp",
      header: t("col.residual_pp"),
      kind: "number",
      digits: 2,
      better: "lower",
    },
    ...personColumns(hasCost, { optional: true }),
    ...(hasInterval
      ? [
          {
            key: "interval_position",
            header: t("col.interval_position"),
            kind: "text",
            labels: Object.fromEntries(
              ["below", "above", "within"].map((side) => [side, t(`word.side_${side}`)]),
            ),
          } as const,
        ]
      : []),
    // The rank as a number; `7=` for a shared place comes from `tied` (CSV: its own column).
    { key: "rank", header: t("col.rank"), kind: "rank", tiedKey: "tied" },
    { key: "tied", header: t("col.tied"), kind: "text", csvOnly: true },
    ...(hasPublished
      ? [{ key: "published_rank", header: t("col.published_rank"), kind: "rank" } as const]
      : []),
  ];
  const rows: ReportRow[] = results.map((r) => ({
    municipality: r.municipality,
    name: r.name,
    region_name: ctx.regionName(r.municipality) ?? r.region ?? undefined,
    region: ctx.regionCode?.(r.municipality),
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
    title: `${t("benchmark.title")}${partialTitle(outcome)}`,
    subtitle: [
      outcome.period ? t("word.period", { period: outcome.period }) : undefined,
      outcome.group ?? undefined,
      mode === "published" ? t("benchmark.mode_published") : t("benchmark.mode_model"),
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
      valueLabel: t("benchmark.chart_label"),
      labelKey: "name",
      municipalitiesKey: "municipality",
      better: "lower",
    },
  };
}

/** ` (22 of 98 municipalities)` when the input lacks some of the period's municipalities. */
export function partialTitle(outcome: BenchmarkOutcome): string {
  const { present, expected } = outcome.coverage;
  return present < expected ? ` (${t("benchmark.partial_title", { present, expected })})` : "";
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
      ...(grouping.kind === "by" ? { replaces: ["region", "region_name"] } : {}),
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
    { key: "name", header: t(grouping.kind === "by" ? "col.region" : "col.group"), kind: "text" },
    { key: "count", header: t("col.municipalities"), kind: "integer" },
    ...(grouping.kind === "only"
      ? [
          {
            key: "actual_persons",
            header: t("col.actual_persons"),
            kind: "number",
            digits: 0,
          } as const,
          {
            key: "expected_persons",
            header: t("col.expected_persons"),
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
      section: { title: t("benchmark.regions_title"), columns, rows: regions },
      note: t("benchmark.regions_note"),
      subtitle: t("word.ranked_within_regions"),
    };
  }
  const group = grouping.group;
  const totals = totalsOf([...shown]);
  return {
    json: { unit_group: { id: group.id, name: group.name, kind: group.kind, totals } },
    section: {
      title: t("word.totals", { name: group.name }),
      columns,
      rows: [{ name: group.name, ...totals }],
    },
    note: t("benchmark.only_note", {
      name: group.name,
      kind: t(group.kind === "region" ? "word.region" : "word.group"),
      id: group.id,
      n: outcome.results.length,
    }),
    subtitle: t("word.only", { name: group.name }),
  };
}
