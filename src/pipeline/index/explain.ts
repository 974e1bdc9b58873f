/**
 * `jobindex explain UNIT`: why a jobcentre lands where it does, in sentences a journalist
 * can quote: each raw indicator against the average unit and the national figure, its
 * normalised value, its weighted contribution (the contributions add up to the score),
 * the rank and the neighbours above and below.
 */

import { contributions } from "../../composite/aggregate.js";
import { computeIndicators } from "../../composite/indicators.js";
import { describeCause } from "../../composite/missing.js";
import type { IndicatorDefinition, MethodProfile } from "../../composite/profile.js";
import type { IndexUnit, ScoredUnit } from "../../composite/types.js";
import { UsageError } from "../../diagnostics.js";
import { formatNumberIn, formatSigned, listing, MINUS, ordinalIn, t } from "../../i18n/index.js";
import { editDistance, loadRegistry, nameKey } from "../../registry/index.js";
import type { IndexUncertainty } from "../../uncertainty/types.js";
import { indicatorLabel, methodSentence, unitText } from "./document.js";
import type { IndexOptions, UnitKind } from "./options.js";
import { computeIndex } from "./run.js";
import type { IndexRun } from "./types.js";

export interface ExplainOptions extends Omit<IndexOptions, "unit"> {
  /** Jobcentre id (`561-563`), jobcentre name, or a member municipality's name or code. */
  unit: string;
  /** Explain a jobcentre (default) or a municipality on its own. */
  unitKind?: UnitKind;
}

export interface IndicatorExplanation {
  id: string;
  label: string;
  unit: string;
  better: "higher" | "lower";
  value: number;
  imputed: boolean;
  /** Mean over the ranked units: the centre the z-score measures from. */
  unit_mean: number;
  /** Ratio of the summed counts of every municipality in the input. */
  national: number | null;
  normalised: number;
  weight: number;
  contribution: number;
}

/**
 * Benefit of the doubt: the unit's score is Σ w_j·y_j with its own (unnormalised) weights;
 * its shares s_j are w_j/Σw, so the terms s_j·y_j scaled by score/Σ s_j·y_j add up to it.
 */
function bodContributions(
  scored: ScoredUnit,
  normalised: readonly number[],
): { terms: number[]; combine: "sum" } | undefined {
  const shares = scored.weights;
  if (shares === undefined) return undefined;
  const raw = normalised.map((v, j) => (shares[j] ?? 0) * v);
  const total = raw.reduce((a, b) => a + b, 0);
  const scale = total > 0 ? scored.score / total : 0;
  return { terms: raw.map((t) => t * scale), combine: "sum" };
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st (English; Danish writes 1., 2.). */
export function ordinal(n: number): string {
  return ordinalIn(n, "en");
}

/** A number in the run's language, with the true minus. */
const num = (x: number, digits: number) => formatNumberIn(x, digits);
const signed = (x: number, digits: number) => formatSigned(x, digits);

function withUnit(value: number, indicator: IndicatorDefinition): string {
  const text = num(value, indicator.digits);
  return indicator.unit === "%" ? `${text} %` : `${text} ${unitText(indicator.unit)}`;
}

/** A label inside a sentence: its first letter small, the rest as written ("non-Western"). */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Decimals that tell apart every two units of different rank among `units`: from `base`,
 * one more while two such scores still read the same (at most four more).
 */
export function distinguishingDigits(units: readonly ScoredUnit[], base: number): number {
  let digits = base;
  const clash = (d: number) =>
    units.some((u, i) =>
      units.some((v, j) => j > i && u.rank !== v.rank && num(u.score, d) === num(v.score, d)),
    );
  while (digits < base + 4 && clash(digits)) digits++;
  return digits;
}

/** The unit the user means, among those ranked (or known to the registry for a message). */
function findUnit(text: string, run: IndexRun): ScoredUnit {
  const registry = loadRegistry();
  const ranked = run.scores.units;
  const key = nameKey(text);
  const direct = ranked.find((u) => u.unit.id === text.trim() || nameKey(u.unit.name) === key);
  if (direct) return direct;
  const municipality = registry.resolveMunicipality(text);
  if (municipality.ok) {
    const member = ranked.find((u) =>
      u.unit.municipalities.includes(municipality.municipality.code),
    );
    if (member) return member;
    throw new UsageError(
      `${municipality.municipality.name} is not ranked in ${run.scores.period}: it is not in the input${run.scores.dropped.length > 0 ? " or was dropped for missing data" : ""}`,
    );
  }
  const closest = ranked
    .map((u) => ({ u, d: editDistance(key, nameKey(u.unit.name)) }))
    .sort((a, b) => a.d - b.d)[0];
  const hint = closest && closest.d <= 3 ? `; did you mean "${closest.u.unit.name}"?` : "";
  throw new UsageError(
    `no jobcentre or municipality "${text}" in the ranking of ${run.scores.period}${hint}`,
  );
}

function nationalValues(run: IndexRun): Record<string, number | null> {
  const all: IndexUnit = {
    id: "national",
    name: "all municipalities in the input",
    municipalities: [...new Set(run.records.map((r) => r.municipality))],
  };
  const [national] = computeIndicators(run.records, [all], run.method.profile.indicators);
  return national?.values ?? {};
}

function unitMeans(run: IndexRun): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { id } of run.method.profile.indicators) {
    const values = run.scores.units.map((u) => u.indicators[id]?.value ?? 0);
    out[id] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  return out;
}

function normalisedPhrase(
  profile: MethodProfile,
  indicator: IndicatorExplanation,
  unitWord: string,
): string {
  const n = indicator.normalised;
  switch (profile.json.normalisation.type) {
    case "zscore":
      return t(n >= 0 ? "explain.index.norm.zscore_better" : "explain.index.norm.zscore_worse", {
        sd: num(Math.abs(n), 2),
        unit: unitWord,
      });
    case "points":
      return t("explain.index.norm.points", {
        points: num(n, 0),
        bins: profile.json.normalisation.bins,
      });
    case "rank":
      return t("explain.index.norm.rank", { rank: num(n, 1) });
    default:
      return t("explain.index.norm.scale", { value: num(n, 1) });
  }
}

/** `−0.125 + 0.201 − 0.020`: a sum as people write it, one minus sign throughout. */
function sumText(terms: readonly number[], digits: number): string {
  return terms
    .map((term, i) => {
      const text = num(Math.abs(term), digits);
      const negative = term < 0 && Number(Math.abs(term).toFixed(digits)) !== 0;
      if (i === 0) return negative ? `${MINUS}${text}` : text;
      return `${negative ? MINUS : "+"} ${text}`;
    })
    .join(" ");
}

function weightPhrase(profile: MethodProfile, e: IndicatorExplanation, digits: number): string {
  switch (profile.json.aggregation.type) {
    case "sum":
      return t("explain.index.adds_total", { value: signed(e.contribution, digits) });
    case "geometric":
      return t("explain.index.adds_log", {
        weight: num(e.weight, 2),
        value: signed(e.contribution, 3),
      });
    case "harmonic":
    case "generalised":
    case "copeland":
      return t("explain.index.weighted_value", {
        weight: num(e.weight, 2),
        value: signed(e.contribution, digits),
      });
    default:
      return t("explain.index.adds_score", {
        weight: num(e.weight, 2),
        value: signed(e.contribution, digits),
      });
  }
}

function members(unit: IndexUnit, names: (code: string) => string): string {
  if (unit.municipalities.length < 2) return "";
  return ` (${t("explain.index.members", { list: listing(unit.municipalities.map(names)) })})`;
}

/**
 * Which indicators lift the score and which hold it back, in words true to the signs:
 * "strongest" only for one that adds, "weakest" only for one that subtracts.
 */
function strengthSentence(
  indicators: readonly IndicatorExplanation[],
  digits: number,
): string | undefined {
  const sorted = [...indicators].sort((a, b) => b.contribution - a.contribution);
  const best = sorted[0];
  const worst = sorted.at(-1);
  if (best === undefined || worst === undefined || best === worst) return undefined;
  const show = (e: IndicatorExplanation) => ({
    label: inSentence(e.label),
    value: signed(e.contribution, digits),
  });
  const shown = (e: IndicatorExplanation) => Number(Math.abs(e.contribution).toFixed(digits));
  if (best.contribution > 0 && shown(best) > 0 && worst.contribution < 0 && shown(worst) > 0) {
    const b = show(best);
    const w = show(worst);
    return t("explain.index.strongest_weakest", {
      best: b.label,
      best_value: b.value,
      worst: w.label,
      worst_value: w.value,
    });
  }
  if (worst.contribution >= 0 || shown(worst) === 0) {
    // Nothing holds the score back: the largest and the smallest addition.
    return t("explain.index.all_add", {
      most: show(best).label,
      most_value: show(best).value,
      least: show(worst).label,
      least_value: show(worst).value,
    });
  }
  // Nothing adds: every indicator pulls the score down, the least and the most.
  return t("explain.index.all_subtract", {
    most: show(worst).label,
    most_value: show(worst).value,
    least: show(best).label,
    least_value: show(best).value,
  });
}

export async function explainIndex(
  options: ExplainOptions,
): Promise<{ lines: string[]; data: Record<string, unknown> }> {
  const { unit: target, unitKind, ...rest } = options;
  const run = await computeIndex({ ...rest, unit: unitKind ?? "jobcentre" });
  const registry = loadRegistry();
  const profile = run.method.profile;
  const scored = findUnit(target, run);
  const units = run.scores.units;
  const unitWord = t(run.options.unit === "jobcentre" ? "word.jobcentre" : "word.municipality");
  const score = scored.score;
  const baseDigits =
    profile.json.aggregation.type === "copeland"
      ? 0
      : profile.json.normalisation.type === "zscore" ||
          profile.json.weighting?.type === "benefit_of_the_doubt"
        ? 3
        : profile.json.normalisation.type === "points" && profile.json.aggregation.type === "sum"
          ? 0
          : 1;

  const national = nationalValues(run);
  const means = unitMeans(run);
  const normalised = profile.indicators.map((i) => scored.indicators[i.id]?.normalised ?? 0);
  // Benefit of the doubt: the unit's own weights; PCA: the quarter's.
  const weights = scored.weights ?? run.scores.weights ?? profile.weights;
  const parts =
    bodContributions(scored, normalised) ??
    contributions(normalised, weights, profile.json.aggregation);
  const indicators: IndicatorExplanation[] = profile.indicators.map((i, k) => {
    const v = scored.indicators[i.id];
    return {
      id: i.id,
      label: indicatorLabel(i, "label"),
      unit: i.unit,
      better: i.better,
      value: v?.value ?? Number.NaN,
      imputed: v?.imputed ?? false,
      unit_mean: means[i.id] ?? Number.NaN,
      national: national[i.id] ?? null,
      normalised: v?.normalised ?? Number.NaN,
      weight: weights[k] ?? 0,
      contribution: parts.terms[k] ?? 0,
    };
  });

  // Neighbours are the units of other places: those sharing the place are named as such.
  const sharing = units.filter((u) => u.rank === scored.rank && u !== scored);
  const aboveAll = units.filter((u) => u.rank < scored.rank);
  const above = aboveAll.slice(Math.max(0, aboveAll.length - 2));
  const below = units.filter((u) => u.rank > scored.rank).slice(0, 2);
  const name = (code: string) => registry.municipality(code)?.name ?? code;
  // Scores of different places must read differently: one more decimal where they would not.
  const digits = distinguishingDigits([...above, scored, ...below], baseDigits);

  const lines: string[] = [];
  const shared =
    sharing.length > 0
      ? ` (${t("explain.index.shared_with", { list: listing(sharing.map((u) => u.unit.name)) })})`
      : "";
  lines.push(
    t("explain.index.first", {
      name: scored.unit.name,
      members: members(scored.unit, name),
      rank: ordinalIn(scored.rank),
      of: units.length,
      units: t(run.options.unit === "jobcentre" ? "word.jobcentres" : "word.municipalities"),
      shared,
      period: run.scores.period,
      score: num(score, digits),
    }),
  );
  const present =
    run.uncertainty === undefined ? undefined : await import("../decorate/uncertainty.js");
  const certainty =
    run.uncertainty === undefined
      ? undefined
      : present?.explainIndexUncertainty(run.uncertainty, scored.unit.id);
  if (certainty !== undefined) lines.push(certainty);
  if (run.synthetic) lines.push(t("explain.index.synthetic"));
  lines.push(methodSentence(profile));
  for (const [k, e] of indicators.entries()) {
    const indicator = profile.indicators[k] as IndicatorDefinition;
    const nationalText =
      e.national !== null
        ? ` (${t("explain.index.national", { value: withUnit(e.national, indicator) })})`
        : "";
    const imputedText = e.imputed ? ` ${t("explain.index.imputed")}` : "";
    const treatedAs = scored.indicators[e.id]?.treated;
    const treatedText =
      treatedAs === "winsorised"
        ? ` ${t("explain.index.winsorised", {
            value: withUnit(scored.indicators[e.id]?.treatedValue ?? Number.NaN, indicator),
          })}`
        : treatedAs === "log"
          ? ` ${t("explain.index.logged")}`
          : "";
    lines.push(
      t("explain.index.indicator", {
        label: e.label,
        value: withUnit(e.value, indicator),
        mean: withUnit(e.unit_mean, indicator),
        unit: unitWord,
        national: nationalText,
        better: t(
          e.better === "higher" ? "explain.index.higher_better" : "explain.index.lower_better",
        ),
        normalised: normalisedPhrase(profile, e, unitWord),
        weight: weightPhrase(profile, e, baseDigits),
        imputed: `${imputedText}${treatedText}`,
      }),
    );
  }
  const total = parts.terms.reduce((a, b) => a + b, 0);
  if (profile.json.aggregation.type === "copeland") {
    lines.push(
      t("explain.index.copeland", {
        units: t(run.options.unit === "jobcentre" ? "word.jobcentres" : "word.municipalities"),
        name: scored.unit.name,
      }),
    );
  } else if (parts.combine === "none") {
    lines.push(
      t("explain.index.not_a_sum", {
        mean: t(`explain.index.mean_${profile.json.aggregation.type}`),
        terms: sumText(parts.terms, baseDigits),
      }),
    );
  } else if (parts.combine === "sum") {
    lines.push(
      t("explain.index.sum", {
        terms: sumText(parts.terms, baseDigits),
        total: num(total, baseDigits),
      }),
    );
  } else {
    lines.push(
      t("explain.index.log_sum", {
        total: num(total, 3),
        score: num(score, baseDigits),
      }),
    );
  }
  const strength = strengthSentence(indicators, baseDigits);
  if (strength !== undefined) lines.push(strength);
  const neighbour = (u: ScoredUnit) =>
    `${ordinalIn(u.rank)}${u.tied ? "=" : ""} ${u.unit.name} (${num(u.score, digits)})`;
  if (above.length > 0 || below.length > 0) {
    lines.push(
      [
        above.length > 0
          ? t("explain.index.above", { list: above.map(neighbour).join(", ") })
          : t("explain.index.nobody_above", { name: scored.unit.name }),
        below.length > 0
          ? t("explain.index.below", { list: below.map(neighbour).join(", ") })
          : t("explain.index.nobody_below"),
      ].join("; "),
    );
  }
  for (const c of run.scores.imputed.filter((c) => c.unit.id === scored.unit.id)) {
    const from =
      c.imputation === undefined
        ? ""
        : t(
            c.imputation.method === "group-mean"
              ? "explain.index.from_group"
              : "explain.index.from_previous",
            { from: c.imputation.from },
          );
    lines.push(
      t("explain.index.missing", {
        indicator: c.indicator,
        cause: `${describeCause(c.cause)}${from}`,
      }),
    );
  }

  const data: Record<string, unknown> = {
    command: "explain",
    period: run.scores.period,
    unit: run.options.unit,
    id: scored.unit.id,
    name: scored.unit.name,
    municipalities: [...scored.unit.municipalities],
    score,
    rank: scored.rank,
    tied: scored.tied,
    of: units.length,
    indicators,
    contributions: { terms: parts.terms, combine: parts.combine, total },
    neighbours: {
      above: above.map((u) => ({ id: u.unit.id, name: u.unit.name, rank: u.rank, score: u.score })),
      below: below.map((u) => ({ id: u.unit.id, name: u.unit.name, rank: u.rank, score: u.score })),
    },
    method: { name: profile.json.name, hash: profile.hash },
    ...(present !== undefined && run.uncertainty !== undefined
      ? uncertaintyData(present, run.uncertainty, scored.unit.id)
      : {}),
    synthetic: run.synthetic,
    options: { ...run.options, explain: target },
  };
  return { lines, data };
}

/** The unit's rank interval and P(top 10) as in `index --format json`, plus what was run. */
function uncertaintyData(
  present: typeof import("../decorate/uncertainty.js"),
  result: IndexUncertainty,
  id: string,
): Record<string, unknown> {
  const unit = present.unitJsonFields(result).get(id);
  return {
    uncertainty: {
      ...present.uncertaintyJson(result),
      ...(unit !== undefined ? { unit } : {}),
    },
  };
}
