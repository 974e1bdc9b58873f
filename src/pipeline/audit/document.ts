/**
 * An audit (src/audit) of an index run → the ReportDocument. `json` is CLI.md's `audit`
 * document (snake_case field names) plus what makes it reproducible: the options, the
 * method's hash, the Sobol design. The tables: per-indicator statistics (the main table),
 * correlations, flagged pairs, principal components, leave-one-out, each unit's ranks
 * without each indicator, the Sobol indices; `audit` carries the HTML's heat map and
 * rank-shift chart.
 */
import type { IndexAudit, SobolAudit } from "../../audit/index.js";
import { KURTOSIS_LIMIT, REDUNDANT_ABOVE, SKEW_LIMIT } from "../../audit/index.js";
import type { ReportColumn, ReportDocument, ReportRow, ReportSection } from "../../report/types.js";
import type { IndexRun } from "../index/types.js";

/** JSON has no NaN: an undefined statistic is null. */
function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Paths inside the package are shown from its root, so outputs do not carry home folders. */
function shownPath(file: string): string {
  const at = file.replaceAll("\\", "/").lastIndexOf("/data/");
  return at >= 0 && !file.startsWith(".") ? file.slice(at + 1) : file;
}

function sobolJson(sobol: SobolAudit): Record<string, unknown> {
  return {
    runs: sobol.runs,
    model_runs: sobol.runs * (sobol.factors.length + 2),
    seed: sobol.seed,
    bootstrap_resamples: sobol.resamples,
    level: sobol.level,
    output: "mean_abs_rank_shift",
    mean_rank_shift: sobol.meanRankShift,
    output_variance: sobol.outputVariance,
    excluded: sobol.excluded.map((e) => ({
      normalisation: e.normalisation,
      aggregation: e.aggregation,
      reason: e.reason,
    })),
  };
}

function auditJson(run: IndexRun, audit: IndexAudit): Record<string, unknown> {
  const { profile } = run.method;
  const unitIds = run.scores.units.map((u) => u.unit.id);
  return {
    command: "audit",
    period: audit.period,
    unit: run.options.unit,
    method: run.options.method,
    synthetic: run.synthetic,
    options: {
      command: "audit",
      inputs: run.options.inputs,
      period: run.options.period,
      unit: run.options.unit,
      method: run.options.method,
      missing: run.options.missing,
      ...(run.options.weights !== undefined ? { weights: run.options.weights } : {}),
      uncertainty: audit.sobol?.runs ?? 0,
      ...(audit.sobol !== undefined ? { seed: audit.sobol.seed } : {}),
    },
    inputs: run.options.inputs.length > 0 ? run.options.inputs : run.files.map(shownPath),
    method_hash: profile.hash,
    units: audit.units,
    indicators: audit.indicators.map((i) => ({
      id: i.id,
      n: i.n,
      mean: finite(i.mean),
      sd: finite(i.sd),
      skewness: finite(i.skewness),
      kurtosis: finite(i.kurtosis),
      min: finite(i.min),
      max: finite(i.max),
      outlier_flag: i.outlierFlag,
      imputed: i.imputed,
    })),
    correlation: {
      ids: audit.ids,
      matrix: audit.correlation,
      redundant_above: REDUNDANT_ABOVE,
      pairs: audit.pairs.map((p) => ({ a: p.a, b: p.b, r: p.r, flag: p.flag })),
    },
    cronbach_alpha: finite(audit.cronbachAlpha),
    pca: { variance_share: audit.varianceShares },
    leave_one_out: audit.leaveOneOut.map((l) => ({
      indicator: l.indicator,
      mean_abs_rank_change: l.meanAbsRankChange,
      ranks: Object.fromEntries(unitIds.map((id) => [id, l.ranks[id]])),
    })),
    sobol: (audit.sobol?.factors ?? []).map((f) => ({
      factor: f.factor,
      first_order: f.firstOrder,
      total_order: f.totalOrder,
      first_order_low: f.firstOrderLow,
      first_order_high: f.firstOrderHigh,
      total_order_low: f.totalOrderLow,
      total_order_high: f.totalOrderHigh,
      levels: f.levels,
    })),
    ...(audit.sobol !== undefined ? { sobol_design: sobolJson(audit.sobol) } : {}),
  };
}

const STAT_COLUMNS: ReportColumn[] = [
  { key: "indicator", header: "Indicator", kind: "text" },
  { key: "n", header: "n", kind: "integer" },
  { key: "mean", header: "Mean", kind: "number", digits: 2 },
  { key: "sd", header: "SD", kind: "number", digits: 2 },
  { key: "skewness", header: "Skew", kind: "number", digits: 2 },
  { key: "kurtosis", header: "Kurt", kind: "number", digits: 2 },
  { key: "min", header: "Min", kind: "number", digits: 2, optional: true },
  { key: "max", header: "Max", kind: "number", digits: 2, optional: true },
  { key: "outlier", header: "Outliers?", kind: "text" },
  { key: "imputed", header: "Imputed", kind: "integer", optional: true },
];

function statRows(audit: IndexAudit): ReportRow[] {
  return audit.indicators.map((i) => ({
    indicator: i.id,
    n: i.n,
    mean: finite(i.mean),
    sd: finite(i.sd),
    skewness: finite(i.skewness),
    kurtosis: finite(i.kurtosis),
    min: finite(i.min),
    max: finite(i.max),
    outlier: i.outlierFlag ? "treat" : "no",
    imputed: i.imputed,
  }));
}

function correlationSection(audit: IndexAudit, shorts: readonly string[]): ReportSection {
  return {
    title: "Correlations of the normalised indicators (direction applied)",
    columns: [
      { key: "indicator", header: "Indicator", kind: "text" },
      ...audit.ids.map(
        (id, j): ReportColumn => ({
          key: `r_${id}`,
          header: shorts[j] ?? id,
          csvHeader: id,
          kind: "number",
          digits: 2,
        }),
      ),
    ],
    rows: audit.ids.map((id, a) => ({
      indicator: id,
      ...Object.fromEntries(audit.ids.map((other, b) => [`r_${other}`, audit.correlation[a]?.[b]])),
    })),
  };
}

function pairsSection(audit: IndexAudit): ReportSection {
  return {
    title: `Flagged pairs (redundant: r > ${REDUNDANT_ABOVE}; conflicting: r < 0)`,
    columns: [
      { key: "a", header: "Indicator", kind: "text" },
      { key: "b", header: "Indicator", kind: "text", csvHeader: "b" },
      { key: "r", header: "r", kind: "number", digits: 3 },
      { key: "flag", header: "Flag", kind: "text" },
    ],
    rows: audit.pairs.map((p) => ({ a: p.a, b: p.b, r: p.r, flag: p.flag })),
  };
}

function pcaSection(audit: IndexAudit): ReportSection {
  let cumulative = 0;
  return {
    title: "Principal components of the correlation matrix",
    columns: [
      { key: "component", header: "Component", kind: "text" },
      { key: "eigenvalue", header: "Eigenvalue", kind: "number", digits: 3 },
      { key: "share", header: "Share of variance", kind: "number", digits: 3 },
      { key: "cumulative", header: "Cumulative", kind: "number", digits: 3 },
    ],
    rows: audit.varianceShares.map((share, i) => {
      cumulative += share;
      return {
        component: `PC${i + 1}`,
        eigenvalue: share * audit.ids.length,
        share,
        cumulative,
      };
    }),
  };
}

function looSummarySection(audit: IndexAudit, run: IndexRun): ReportSection {
  const reference = new Map(run.scores.units.map((u) => [u.unit.id, u.rank]));
  return {
    title: "Leave one indicator out (remaining weights rescaled to sum to 1)",
    columns: [
      { key: "indicator", header: "Left out", kind: "text" },
      { key: "mean_abs_rank_change", header: "Mean |Δ rank|", kind: "number", digits: 2 },
      { key: "max_abs_rank_change", header: "Largest |Δ rank|", kind: "integer" },
      { key: "units_moved", header: "Units moved", kind: "integer" },
    ],
    rows: audit.leaveOneOut.map((l) => {
      const changes = Object.entries(l.ranks).map(([id, rank]) =>
        Math.abs(rank - (reference.get(id) as number)),
      );
      return {
        indicator: l.indicator,
        mean_abs_rank_change: l.meanAbsRankChange,
        max_abs_rank_change: Math.max(0, ...changes),
        units_moved: changes.filter((c) => c > 0).length,
      };
    }),
  };
}

function looRanksSection(
  audit: IndexAudit,
  run: IndexRun,
  shorts: readonly string[],
): ReportSection {
  return {
    title: "Ranks without each indicator",
    columns: [
      { key: "rank", header: "Rank", kind: "rank", tiedKey: "tied" },
      { key: "name", header: "Unit", kind: "text" },
      { key: "id", header: "Id", kind: "text", optional: true },
      ...audit.leaveOneOut.map(
        (l): ReportColumn => ({
          key: `without_${l.indicator}`,
          header: `− ${shorts[audit.ids.indexOf(l.indicator)] ?? l.indicator}`,
          csvHeader: `rank_without_${l.indicator}`,
          kind: "rank",
        }),
      ),
    ],
    rows: run.scores.units.map((u) => ({
      rank: u.rank,
      tied: u.tied,
      name: u.unit.name,
      id: u.unit.id,
      ...Object.fromEntries(
        audit.leaveOneOut.map((l) => [`without_${l.indicator}`, l.ranks[u.unit.id]]),
      ),
    })),
  };
}

function sobolSection(sobol: SobolAudit): ReportSection {
  const pct = Math.round(sobol.level * 100);
  return {
    title: `Sobol indices of the mean absolute rank shift (${pct} % bootstrap intervals)`,
    columns: [
      { key: "factor", header: "Factor", kind: "text" },
      { key: "levels", header: "Levels", kind: "text", optional: true },
      { key: "first_order", header: "First order", kind: "number", digits: 3 },
      { key: "first_order_low", header: "low", kind: "number", digits: 3 },
      { key: "first_order_high", header: "high", kind: "number", digits: 3 },
      { key: "total_order", header: "Total order", kind: "number", digits: 3 },
      {
        key: "total_order_low",
        header: "low",
        kind: "number",
        digits: 3,
        csvHeader: "total_order_low",
      },
      {
        key: "total_order_high",
        header: "high",
        kind: "number",
        digits: 3,
        csvHeader: "total_order_high",
      },
    ],
    rows: sobol.factors.map((f) => ({
      factor: f.factor,
      levels: f.levels > 0 ? String(f.levels) : "continuous",
      first_order: f.firstOrder,
      first_order_low: f.firstOrderLow,
      first_order_high: f.firstOrderHigh,
      total_order: f.totalOrder,
      total_order_low: f.totalOrderLow,
      total_order_high: f.totalOrderHigh,
    })),
  };
}

function notesFor(run: IndexRun, audit: IndexAudit): string[] {
  const { profile } = run.method;
  const notes: string[] = [];
  if (run.synthetic) {
    notes.push(
      "SYNTHETIC demo data (data/demo/README.md): generated figures for trying the tool, not real results for any jobcentre.",
    );
  }
  notes.push(
    `Audit of ${profile.json.name} over the ${audit.units} units it ranks in ${audit.period} (METHOD.md F, as the JRC/OECD Handbook and COINr do).`,
  );
  notes.push(
    `Statistics of the raw values: sample sd, skewness and excess kurtosis as Excel's SKEW and KURT; 'treat' flags |skewness| > ${SKEW_LIMIT} and kurtosis > ${KURTOSIS_LIMIT} (COINr's default outlier rule). Imputed values are left out of these statistics.`,
  );
  notes.push(
    `Cronbach's alpha of the normalised indicators: ${audit.cronbachAlpha === null ? "undefined" : audit.cronbachAlpha.toFixed(3)}.`,
  );
  if (audit.pairs.length === 0) {
    notes.push(
      `No pair of indicators is redundant (r > ${REDUNDANT_ABOVE}) or conflicting (r < 0).`,
    );
  }
  if (audit.ids.length < 2) {
    notes.push("One indicator: no correlations, alpha or leave-one-out to compute.");
  }
  const sobol = audit.sobol;
  if (sobol === undefined) {
    notes.push("Sobol indices left out (--uncertainty 0).");
  } else if (sobol.factors.length === 0) {
    notes.push(
      "No Sobol indices: the profile names no alternatives (normalisations, aggregations, weight_spread) to vary.",
    );
  } else {
    notes.push(
      `Sobol indices: Saltelli design with N = ${sobol.runs} (${sobol.runs * (sobol.factors.length + 2)} rankings, seed ${sobol.seed}); output the mean absolute rank shift against the index as configured (mean ${sobol.meanRankShift.toFixed(2)} places); first order Saltelli (2010), total order Jansen; estimates clipped to [0, 1]; intervals from ${sobol.resamples} bootstrap resamples of the design's rows.`,
    );
    for (const e of sobol.excluded) {
      notes.push(
        `Not varied: ${e.normalisation.type} with ${e.aggregation.type} aggregation (${e.reason}).`,
      );
    }
    if (sobol.factors.some((f) => f.factor === "method")) {
      notes.push(
        "Some normalisation × aggregation pairs cannot be computed, so the computable pairs are one factor, 'method' (Sobol needs independent factors).",
      );
    }
  }
  const source = run.options.inputs.length === 0 ? ` ${profile.json.input.source}` : "";
  notes.push(`Input: ${run.files.map((f) => shownPath(f)).join(", ")}.${source}`);
  notes.push(`Method profile sha256 ${profile.hash.slice(0, 12)}.`);
  return notes;
}

export function auditDocument(run: IndexRun, audit: IndexAudit): ReportDocument {
  const { profile } = run.method;
  const shorts = profile.indicators.map((i) => i.short);
  const unitWord = run.options.unit === "jobcentre" ? "jobcentres" : "municipalities";
  const sections = [
    correlationSection(audit, shorts),
    ...(audit.pairs.length > 0 ? [pairsSection(audit)] : []),
    pcaSection(audit),
    ...(audit.leaveOneOut.length > 0
      ? [looSummarySection(audit, run), looRanksSection(audit, run, shorts)]
      : []),
    ...(audit.sobol !== undefined && audit.sobol.factors.length > 0
      ? [sobolSection(audit.sobol)]
      : []),
  ];
  const reference = new Map(run.scores.units.map((u) => [u.unit.id, u.rank]));
  return {
    json: auditJson(run, audit),
    title: `Audit: ${profile.json.title}${run.synthetic ? " (synthetic demo data)" : ""}`,
    subtitle: `Period ${audit.period} · ${audit.units} ${unitWord} · method ${run.options.method}`,
    synthetic: run.synthetic,
    columns: STAT_COLUMNS,
    rows: statRows(audit),
    sections,
    notes: notesFor(run, audit),
    audit: {
      indicators: profile.indicators.map((i) => ({ id: i.id, short: i.short })),
      correlation: audit.correlation,
      leaveOneOut: audit.leaveOneOut.map((l) => ({
        indicator: l.indicator,
        meanAbsRankChange: l.meanAbsRankChange,
        shifts: run.scores.units.map((u) => ({
          id: u.unit.id,
          name: u.unit.name,
          rank: reference.get(u.unit.id) as number,
          without: l.ranks[u.unit.id] as number,
        })),
      })),
    },
  };
}
