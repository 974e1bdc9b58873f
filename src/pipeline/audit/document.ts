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
import { formatNumberIn, t } from "../../i18n/index.js";
import type { ReportColumn, ReportDocument, ReportRow, ReportSection } from "../../report/types.js";
import { profileTitle, shownPath } from "../index/document.js";
import type { IndexRun } from "../index/types.js";

const num = (x: number, digits: number) => formatNumberIn(x, digits);
/** A constant as written (2, 3.5, 0.9), with the language's decimal mark. */
const plain = (x: number) => num(x, (String(x).split(".")[1] ?? "").length);

/** JSON has no NaN: an undefined statistic is null. */
function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
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
      ...(run.options.decimalMark !== undefined ? { decimalMark: run.options.decimalMark } : {}),
      ...(run.options.sheet !== undefined ? { sheet: run.options.sheet } : {}),
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

function statColumns(): ReportColumn[] {
  return [
    { key: "indicator", header: t("audit.col.indicator"), kind: "text" },
    { key: "n", header: "n", kind: "integer" },
    { key: "mean", header: t("audit.col.mean"), kind: "number", digits: 2 },
    { key: "sd", header: t("audit.col.sd"), kind: "number", digits: 2 },
    { key: "skewness", header: t("audit.col.skew"), kind: "number", digits: 2 },
    { key: "kurtosis", header: t("audit.col.kurt"), kind: "number", digits: 2 },
    { key: "min", header: t("audit.col.min"), kind: "number", digits: 2, optional: true },
    { key: "max", header: t("audit.col.max"), kind: "number", digits: 2, optional: true },
    {
      key: "outlier",
      header: t("audit.col.outliers"),
      kind: "text",
      labels: { treat: t("audit.value.treat"), no: t("audit.value.no") },
    },
    { key: "imputed", header: t("audit.col.imputed"), kind: "integer", optional: true },
  ];
}

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
    title: t("audit.title.correlations"),
    columns: [
      { key: "indicator", header: t("audit.col.indicator"), kind: "text" },
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
    title: t("audit.title.pairs", { limit: plain(REDUNDANT_ABOVE) }),
    columns: [
      { key: "a", header: t("audit.col.indicator"), kind: "text" },
      { key: "b", header: t("audit.col.indicator"), kind: "text", csvHeader: "b" },
      { key: "r", header: "r", kind: "number", digits: 3 },
      {
        key: "flag",
        header: t("audit.col.flag"),
        kind: "text",
        labels: {
          redundant: t("audit.value.redundant"),
          conflicting: t("audit.value.conflicting"),
        },
      },
    ],
    rows: audit.pairs.map((p) => ({ a: p.a, b: p.b, r: p.r, flag: p.flag })),
  };
}

function pcaSection(audit: IndexAudit): ReportSection {
  let cumulative = 0;
  return {
    title: t("audit.title.pca"),
    columns: [
      { key: "component", header: t("audit.col.component"), kind: "text" },
      { key: "eigenvalue", header: t("audit.col.eigenvalue"), kind: "number", digits: 3 },
      { key: "share", header: t("audit.col.share_of_variance"), kind: "number", digits: 3 },
      { key: "cumulative", header: t("audit.col.cumulative"), kind: "number", digits: 3 },
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
    title: t("audit.title.loo"),
    columns: [
      { key: "indicator", header: t("audit.col.left_out"), kind: "text" },
      { key: "mean_abs_rank_change", header: t("audit.col.mean_rank"), kind: "number", digits: 2 },
      { key: "max_abs_rank_change", header: t("audit.col.largest_rank"), kind: "integer" },
      { key: "units_moved", header: t("audit.col.units_moved"), kind: "integer" },
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
    title: t("audit.title.loo_ranks"),
    columns: [
      { key: "rank", header: t("audit.col.rank"), kind: "rank", tiedKey: "tied" },
      { key: "name", header: t("audit.col.unit"), kind: "text" },
      { key: "id", header: t("audit.col.id"), kind: "text", optional: true },
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
    title: t("audit.title.sobol", { pct }),
    columns: [
      { key: "factor", header: t("audit.col.factor"), kind: "text" },
      {
        key: "levels",
        header: t("audit.col.levels"),
        kind: "text",
        optional: true,
        labels: { continuous: t("audit.value.continuous") },
      },
      { key: "first_order", header: t("audit.col.first_order"), kind: "number", digits: 3 },
      { key: "first_order_low", header: t("audit.col.low"), kind: "number", digits: 3 },
      { key: "first_order_high", header: t("audit.col.high"), kind: "number", digits: 3 },
      { key: "total_order", header: t("audit.col.total_order"), kind: "number", digits: 3 },
      {
        key: "total_order_low",
        header: t("audit.col.low"),
        kind: "number",
        digits: 3,
        csvHeader: "total_order_low",
      },
      {
        key: "total_order_high",
        header: t("audit.col.high"),
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
    notes.push(t("index.note.synthetic"));
  }
  notes.push(
    t("audit.note.intro", { name: profile.json.name, units: audit.units, period: audit.period }),
  );
  notes.push(
    t("audit.note.statistics", { skew: plain(SKEW_LIMIT), kurtosis: plain(KURTOSIS_LIMIT) }),
  );
  notes.push(
    t("audit.note.alpha", {
      alpha:
        audit.cronbachAlpha === null ? t("audit.value.undefined") : num(audit.cronbachAlpha, 3),
    }),
  );
  if (audit.pairs.length === 0) {
    notes.push(t("audit.note.no_pairs", { limit: plain(REDUNDANT_ABOVE) }));
  }
  if (audit.ids.length < 2) {
    notes.push(t("audit.note.one_indicator"));
  }
  const sobol = audit.sobol;
  if (sobol === undefined) {
    notes.push(t("audit.note.sobol_off"));
  } else if (sobol.factors.length === 0) {
    notes.push(t("audit.note.sobol_none"));
  } else {
    notes.push(
      t("audit.note.sobol", {
        runs: sobol.runs,
        rankings: sobol.runs * (sobol.factors.length + 2),
        seed: sobol.seed,
        shift: num(sobol.meanRankShift, 2),
        resamples: sobol.resamples,
      }),
    );
    for (const e of sobol.excluded) {
      notes.push(
        t("audit.note.not_varied", {
          normalisation: e.normalisation.type,
          aggregation: e.aggregation.type,
          reason: e.reason,
        }),
      );
    }
    if (sobol.factors.some((f) => f.factor === "method")) {
      notes.push(t("audit.note.method_factor"));
    }
  }
  const source = run.options.inputs.length === 0 ? ` ${profile.json.input.source}` : "";
  notes.push(
    `${t("index.note.input", { files: run.files.map((f) => shownPath(f)).join(", ") })}${source}`,
  );
  notes.push(t("audit.note.profile", { hash: profile.hash.slice(0, 12) }));
  return notes;
}

export function auditDocument(run: IndexRun, audit: IndexAudit): ReportDocument {
  const { profile } = run.method;
  const shorts = profile.indicators.map((i) => i.short);
  const unitWord = t(run.options.unit === "jobcentre" ? "word.jobcentres" : "word.municipalities");
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
    title: t(run.synthetic ? "audit.title.main_synthetic" : "audit.title.main", {
      title: profileTitle(profile),
    }),
    subtitle: t("audit.subtitle", {
      period: audit.period,
      units: audit.units,
      unit_word: unitWord,
      method: run.options.method,
    }),
    synthetic: run.synthetic,
    columns: statColumns(),
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
