/**
 * `jobindex explain MUNICIPALITY` for the benchmark: actual against expected, what drives the
 * expectation (model mode), and the rank with its neighbours, in sentences a journalist can
 * quote.
 */

import { readFileSync } from "node:fs";
import type { BenchmarkResult } from "../../benchmark/types.js";
import { UsageError } from "../../diagnostics.js";
import { translateDiagnostic } from "../../i18n/diagnostics.js";
import { currentLang, formatNumberIn, formatSigned, t } from "../../i18n/index.js";
import { dataPath } from "../../paths.js";
import { formatRank } from "../../rank.js";
import { loadRegistry, resolutionHint } from "../../registry/index.js";
import type { BenchmarkOptions } from "./options.js";
import { DEFAULT_GROUP } from "./options.js";
import type { BenchmarkOutcome } from "./outcome.js";
import { computeBenchmark } from "./run.js";

export interface Contribution {
  term: string;
  coefficient: number;
  /** The municipality's value as the model uses it (after any log). */
  value: number;
  /** Mean over the municipalities (weighted under WLS): the "national mean". */
  mean: number;
  /** coefficient × (value − mean), pct. points of expected share. */
  contribution: number;
}

export interface BenchmarkExplanation {
  lines: string[];
  data: {
    municipality: string;
    name: string;
    period: string | null;
    group: string | null;
    mode: "published" | "model";
    of: number;
    result: BenchmarkResult;
    neighbours: Array<{
      municipality: string;
      name: string;
      rank: number;
      tied: boolean;
      residual_pp: number;
    }>;
    /** With uncertainty: the unit's intervals as in `benchmark --format json`, and the run. */
    uncertainty?: Record<string, unknown>;
    /** Model mode: mean of the expected shares, and each covariate's pull away from it. */
    average_expected_pct?: number;
    /** The run's warnings about this municipality's published row (W_PUBLISHED_INCONSISTENT). */
    warnings?: Array<{ code: string; municipality: string | null; message: string }>;
    /** How many of the period's municipalities the input holds (CLI.md `coverage`). */
    coverage?: { present: number; expected: number; missing: string[] };
    contributions?: Contribution[];
    /** `--peers K`: the nearest municipalities by framework conditions, nearest first. */
    peers?: {
      terms: string[];
      municipalities: Array<{
        municipality: string;
        name: string;
        rank: number;
        tied: boolean;
        residual_pp: number;
        distance: number;
      }>;
    };
  };
}

export async function explainBenchmark(
  options: (Partial<BenchmarkOptions> | Record<string, unknown>) & { unit: string },
): Promise<BenchmarkExplanation> {
  const registry = loadRegistry();
  const resolved = registry.resolveMunicipality(options.unit);
  if (!resolved.ok) {
    throw new UsageError(
      `unknown municipality '${options.unit}'${resolutionHint(resolved)}`,
      "E_UNKNOWN_MUNICIPALITY",
    );
  }
  const { unit: _unit, ...benchmarkOptions } = options;
  const outcome = await computeBenchmark(benchmarkOptions);
  const index = outcome.results.findIndex((r) => r.municipality === resolved.municipality.code);
  const result = outcome.results[index];
  if (result === undefined) {
    throw new UsageError(
      `${resolved.municipality.name} is not in the input for ${outcome.period ?? "this period"}`,
    );
  }
  const neighbours = [-2, -1, 1, 2]
    .map((d) => outcome.results[index + d])
    .filter((r): r is BenchmarkResult => r !== undefined)
    .map((r) => ({
      municipality: r.municipality,
      name: r.name,
      rank: r.rank,
      tied: r.tied,
      residual_pp: r.residualPp,
    }));
  const present =
    outcome.uncertainty === undefined ? undefined : await import("../decorate/uncertainty.js");
  const contributions = outcome.model ? contributionsOf(outcome, result.municipality) : undefined;
  const averageExpected = outcome.model ? meanExpected(outcome) : undefined;
  const ownWarnings = outcome.warnings.filter((w) => w.municipality === result.municipality);
  const peers = peersOf(outcome, result.municipality);
  const data: BenchmarkExplanation["data"] = {
    municipality: result.municipality,
    name: result.name,
    period: outcome.period,
    group: outcome.group,
    mode: outcome.mode,
    of: outcome.results.length,
    result,
    neighbours,
    ...(contributions ? { contributions } : {}),
    ...(peers !== undefined ? { peers } : {}),
    ...(averageExpected !== undefined ? { average_expected_pct: averageExpected } : {}),
    ...(ownWarnings.length > 0 ? { warnings: ownWarnings } : {}),
    ...(outcome.coverage.present < outcome.coverage.expected ? { coverage: outcome.coverage } : {}),
    ...(outcome.uncertainty !== undefined && present !== undefined
      ? {
          uncertainty: {
            ...present.uncertaintyJson(outcome.uncertainty),
            unit: present.unitJsonFields(outcome.uncertainty).get(result.municipality),
          },
        }
      : {}),
  };
  const certainty =
    outcome.uncertainty === undefined
      ? undefined
      : present?.explainBenchmarkUncertainty(outcome.uncertainty, result.municipality);
  return { lines: sentences(outcome, result, data, certainty), data };
}

/** The run's peers of one municipality with their place in the ranking (JSON `peers`). */
function peersOf(
  outcome: BenchmarkOutcome,
  municipality: string,
): BenchmarkExplanation["data"]["peers"] {
  if (outcome.peers === undefined) return undefined;
  const byCode = new Map(outcome.results.map((r) => [r.municipality, r]));
  return {
    terms: outcome.peers.terms,
    municipalities: (outcome.peers.byMunicipality.get(municipality) ?? []).flatMap((p) => {
      const r = byCode.get(p.municipality);
      return r === undefined
        ? []
        : [
            {
              municipality: r.municipality,
              name: r.name,
              rank: r.rank,
              tied: r.tied,
              residual_pp: r.residualPp,
              distance: p.distance,
            },
          ];
    }),
  };
}

/** coefficient × (value − mean) for each covariate: how far each pulls the expectation. */
export function contributionsOf(outcome: BenchmarkOutcome, municipality: string): Contribution[] {
  const model = outcome.model;
  const x = model?.design.get(municipality);
  if (!model || !x) return [];
  return model.summary.coefficients.slice(1).map((c, j) => {
    const value = x[j] as number;
    const mean = model.summary.termMeans[j] as number;
    return {
      term: c.term,
      coefficient: c.estimate,
      value,
      mean,
      contribution: c.estimate * (value - mean),
    };
  });
}

/** The expectation of a municipality at the mean of every covariate (intercept + β·mean). */
function meanExpected(outcome: BenchmarkOutcome): number {
  const s = outcome.model?.summary;
  if (!s) return Number.NaN;
  return s.coefficients.reduce(
    (sum, c, j) => sum + c.estimate * (j === 0 ? 1 : (s.termMeans[j - 1] as number)),
    0,
  );
}

const pp = (x: number) => formatNumberIn(Math.abs(x), 2);
const pct = (x: number) => `${formatNumberIn(x, 2)}%`;

let covariateLabels: Record<string, Record<string, string>> | undefined;

/**
 * A covariate term as people read it: the label of data/benchmark/covariate-labels.json
 * (`log(income)` → "log of average disposable income, DKK"), else the term itself.
 */
export function covariateLabel(term: string): string {
  covariateLabels ??= (
    JSON.parse(readFileSync(dataPath("benchmark", "covariate-labels.json"), "utf8")) as {
      labels: Record<string, Record<string, string>>;
    }
  ).labels;
  const log = /^log\((.+)\)$/.exec(term);
  const name = log?.[1] ?? term;
  const label = covariateLabels[name]?.[currentLang()] ?? covariateLabels[name]?.en;
  if (label === undefined) return term;
  return log ? t("explain.benchmark.log_of", { label }) : label;
}

function sentences(
  outcome: BenchmarkOutcome,
  r: BenchmarkResult,
  data: BenchmarkExplanation["data"],
  certainty: string | undefined,
): string[] {
  const lines: string[] = [];
  const when = outcome.period ? t("explain.benchmark.in_period", { period: outcome.period }) : "";
  const group = outcome.group && outcome.group !== DEFAULT_GROUP ? ` (${outcome.group})` : "";
  const persons =
    r.residualPersons === null
      ? ""
      : t(`explain.benchmark.persons_${r.residualPersons < 0 ? "fewer" : "more"}`, {
          n: formatNumberIn(Math.abs(Math.round(r.residualPersons)), 0, currentLang(), true),
        });
  const rankText = t("explain.benchmark.rank_text", {
    rank: formatRank(r.rank, r.tied),
    of: data.of,
    when,
  });
  if (r.residualPp === 0) {
    lines.push(t("explain.benchmark.exact", { name: r.name, group, rank_text: rankText }));
  } else {
    lines.push(
      t(`explain.benchmark.first_${r.residualPp < 0 ? "fewer" : "more"}`, {
        name: r.name,
        pp: pp(r.residualPp),
        group,
        persons,
        rank_text: rankText,
      }),
    );
  }
  const source = t(`explain.benchmark.source_${outcome.mode}`);
  lines.push(
    t("explain.benchmark.shares", {
      actual: pct(r.actualPct),
      source,
      expected: pct(r.expectedPct),
    }),
  );
  if (r.tied) {
    const sharing = outcome.results
      .filter((o) => o.rank === r.rank && o.municipality !== r.municipality)
      .map((o) => o.name);
    lines.push(
      t("explain.benchmark.tied", { rank: formatRank(r.rank, true), list: sharing.join(", ") }),
    );
  }
  for (const w of data.warnings ?? []) {
    lines.push(
      t("explain.benchmark.caution", {
        message: translateDiagnostic(w.code, w.message).replace(/^[^:]*: /, ""),
        code: w.code,
      }),
    );
  }
  if (data.coverage !== undefined) {
    lines.push(
      t("explain.benchmark.partial", {
        present: data.coverage.present,
        expected: data.coverage.expected,
      }),
    );
  }
  if (r.publishedRank !== undefined) {
    lines.push(
      t("explain.benchmark.published_rank", {
        rank: r.publishedRank,
        of: data.coverage?.expected ?? data.of,
      }),
    );
  }
  if (r.expectedStarPct !== undefined && outcome.mode === "model") {
    lines.push(t("explain.benchmark.star_comparison", { pct: pct(r.expectedStarPct) }));
  }
  if (data.contributions && data.average_expected_pct !== undefined) {
    lines.push(
      t("explain.benchmark.average", { pct: pct(data.average_expected_pct), name: r.name }),
    );
    const sorted = [...data.contributions].sort(
      (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution),
    );
    for (const c of sorted) {
      lines.push(
        t("explain.benchmark.contribution", {
          value: formatSigned(c.contribution, 2),
          label: covariateLabel(c.term),
          term: c.term,
          own: formatNumberIn(c.value, 3),
          mean: formatNumberIn(c.mean, 3),
        }),
      );
    }
  }
  if (r.interval) {
    lines.push(
      t(`explain.benchmark.interval_${r.interval.position}`, {
        level: Math.round((outcome.model?.interval ?? 0) * 100),
        lower: pct(r.interval.lower),
        upper: pct(r.interval.upper),
      }),
    );
  }
  lines.push(...funnelSentences(outcome, r));
  if (certainty !== undefined) lines.push(certainty);
  if (r.costDkk !== undefined && r.costDkk !== null) {
    const perFte = outcome.options.costPerFte ?? 0;
    lines.push(
      t(`explain.benchmark.${r.costDkk < 0 ? "saving" : "cost"}`, {
        per_fte: formatNumberIn(perFte, Number.isInteger(perFte) ? 0 : 2, currentLang(), true),
        mio: formatNumberIn(Math.abs(r.costDkk) / 1e6, 1),
      }),
    );
  }
  const peers = outcome.peers?.byMunicipality.get(r.municipality);
  if (peers !== undefined && peers.length > 0) {
    const names = new Map(outcome.results.map((o) => [o.municipality, o]));
    const list = peers.map((p) => {
      const o = names.get(p.municipality);
      return o === undefined ? p.municipality : `${o.name} (${formatRank(o.rank, o.tied)})`;
    });
    lines.push(
      t("explain.benchmark.peers", {
        terms: outcome.peers?.terms.join(", ") ?? "",
        list: list.join(", "),
      }),
    );
  }
  if (data.neighbours.length > 0) {
    const list = data.neighbours.map(
      (n) => `${formatRank(n.rank, n.tied)} ${n.name} (${formatSigned(n.residual_pp, 2)})`,
    );
    lines.push(t("explain.benchmark.neighbours", { list: list.join(", ") }));
  }
  return lines;
}

/**
 * "Clearly below expectation at the 95 % limit, within it at 99.8 %; 17 of the 98
 * municipalities lie outside the 95 % limits." and the shrunken rank beside the published.
 */
export function funnelSentences(outcome: BenchmarkOutcome, r: BenchmarkResult): string[] {
  const f = outcome.funnel;
  const u = f?.units.find((x) => x.municipality === r.municipality);
  if (f === null || f === undefined || u === undefined) return [];
  const outside = f.units.filter((x) => x.flag95 !== "within").length;
  const flag = (side: "below" | "above" | "within") => t(`explain.funnel.flag_${side}`);
  const at998 =
    u.flag998 === u.flag95
      ? t("explain.funnel.at998_same")
      : u.flag998 === "within"
        ? t("explain.funnel.at998_within")
        : t("explain.funnel.at998", { flag: flag(u.flag998) });
  const at95 = t("explain.funnel.at95", { flag: flag(u.flag95) });
  const first = t("explain.funnel.first", { name: r.name, at95, at998, outside, n: f.n });
  const published =
    r.publishedRank !== undefined ? t("explain.funnel.published", { rank: r.publishedRank }) : "";
  const second = t("explain.funnel.shrunk", {
    shrunk: u.shrunkRank,
    n: f.n,
    rank: formatRank(r.rank, r.tied),
    published,
  });
  return [first, second];
}
