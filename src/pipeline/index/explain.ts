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
import { editDistance, loadRegistry, nameKey } from "../../registry/index.js";
import { formatNumber } from "../../report/format.js";
import type { IndexUncertainty } from "../../uncertainty/types.js";
import { methodSentence } from "./document.js";
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

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

function signed(x: number, digits: number): string {
  const text = formatNumber(Math.abs(x), digits);
  return `${x < 0 && Number(text) !== 0 ? "−" : "+"}${text}`;
}

function digitsOf(indicator: IndicatorDefinition): number {
  return indicator.digits;
}

function withUnit(value: number, indicator: IndicatorDefinition): string {
  const text = formatNumber(value, digitsOf(indicator));
  return indicator.unit === "%" ? `${text} %` : `${text} ${indicator.unit}`;
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
      return `${formatNumber(Math.abs(n), 2)} standard deviations ${n >= 0 ? "better" : "worse"} than the average ${unitWord}`;
    case "points":
      return `${formatNumber(n, 0)} of ${profile.json.normalisation.bins} points`;
    case "rank":
      return `rank ${formatNumber(n, 1)} counted from the worst`;
    default:
      return `${formatNumber(n, 1)} on a 0–100 scale (100 = best)`;
  }
}

/** "A", "A and B", "A, B and C". */
function listing(names: readonly string[]): string {
  return names.length < 2
    ? (names[0] ?? "")
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** `−0.125 + 0.201 − 0.020`: a sum as people write it. */
function sumText(terms: readonly number[], digits: number): string {
  return terms
    .map((t, i) => {
      const text = formatNumber(Math.abs(t), digits);
      const negative = t < 0 && Number(text) !== 0;
      if (i === 0) return negative ? `−${text}` : text;
      return `${negative ? "−" : "+"} ${text}`;
    })
    .join(" ");
}

function weightPhrase(profile: MethodProfile, e: IndicatorExplanation, digits: number): string {
  switch (profile.json.aggregation.type) {
    case "sum":
      return `it adds ${signed(e.contribution, digits)} to the total`;
    case "geometric":
      return `weighted ${formatNumber(e.weight, 2)}, it adds ${signed(e.contribution, 3)} to ln(score + shift)`;
    case "harmonic":
    case "generalised":
    case "copeland":
      return `weighted ${formatNumber(e.weight, 2)}, its weighted value is ${signed(e.contribution, digits)}`;
    default:
      return `weighted ${formatNumber(e.weight, 2)}, it adds ${signed(e.contribution, digits)} to the score`;
  }
}

function members(unit: IndexUnit, names: (code: string) => string): string {
  if (unit.municipalities.length < 2) return "";
  const list = unit.municipalities.map(names);
  return ` (the jobcentre for ${listing(list)})`;
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
  const unitWord = run.options.unit === "jobcentre" ? "jobcentre" : "municipality";
  const score = scored.score;
  const digits =
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
      label: i.label,
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

  const position = units.indexOf(scored);
  const above = units.slice(Math.max(0, position - 2), position);
  const below = units.slice(position + 1, position + 3);
  const sharing = units.filter((u) => u.rank === scored.rank && u !== scored);
  const name = (code: string) => registry.municipality(code)?.name ?? code;

  const lines: string[] = [];
  const shared =
    sharing.length > 0 ? ` (shared with ${listing(sharing.map((u) => u.unit.name))})` : "";
  lines.push(
    `${scored.unit.name}${members(scored.unit, name)} ranks ${ordinal(scored.rank)} of ${units.length} ${unitWord === "jobcentre" ? "jobcentres" : "municipalities"}${shared} in ${run.scores.period}, with a score of ${formatNumber(score, digits)}.`,
  );
  const present =
    run.uncertainty === undefined ? undefined : await import("../decorate/uncertainty.js");
  const certainty =
    run.uncertainty === undefined
      ? undefined
      : present?.explainIndexUncertainty(run.uncertainty, scored.unit.id);
  if (certainty !== undefined) lines.push(certainty);
  if (run.synthetic)
    lines.push("These are SYNTHETIC demo data, not real results for any jobcentre.");
  lines.push(methodSentence(profile));
  for (const [k, e] of indicators.entries()) {
    const indicator = profile.indicators[k] as IndicatorDefinition;
    const nationalText =
      e.national !== null
        ? ` (all municipalities in the input together: ${withUnit(e.national, indicator)})`
        : "";
    const imputedText = e.imputed
      ? " This value is imputed: the real one is missing, so the average stands in for it."
      : "";
    const treatedAs = scored.indicators[e.id]?.treated;
    const treatedText =
      treatedAs === "winsorised"
        ? ` As an outlier it was winsorised to ${withUnit(scored.indicators[e.id]?.treatedValue ?? Number.NaN, indicator)} before normalising.`
        : treatedAs === "log"
          ? " The indicator was log-transformed for its outliers before normalising."
          : "";
    lines.push(
      `${e.label}: ${withUnit(e.value, indicator)} against ${withUnit(e.unit_mean, indicator)} for the average ${unitWord}${nationalText}. ${e.better === "higher" ? "Higher" : "Lower"} is better, so this is ${normalisedPhrase(profile, e, unitWord)}; ${weightPhrase(profile, e, digits)}.${imputedText}${treatedText}`,
    );
  }
  const total = parts.terms.reduce((a, b) => a + b, 0);
  if (profile.json.aggregation.type === "copeland") {
    lines.push(
      `The score counts the ${unitWord === "jobcentre" ? "jobcentres" : "municipalities"} ${scored.unit.name} outranks (better on indicators of more than half the weight) minus those that outrank it; the weighted values only show where it is strong.`,
    );
  } else if (parts.combine === "none") {
    lines.push(
      `A ${profile.json.aggregation.type} mean is not a sum of contributions; the weighted values ${sumText(parts.terms, digits)} show where the score comes from.`,
    );
  } else if (parts.combine === "sum") {
    lines.push(
      `The contributions add up to the score: ${sumText(parts.terms, digits)} = ${formatNumber(total, digits)}.`,
    );
  } else {
    lines.push(
      `The log contributions add up to ln(score + shift) = ${formatNumber(total, 3)}, so the score is exp(${formatNumber(total, 3)}) − shift = ${formatNumber(score, digits)}.`,
    );
  }
  const sorted = [...indicators].sort((a, b) => b.contribution - a.contribution);
  const best = sorted[0];
  const worst = sorted.at(-1);
  if (best && worst && best !== worst) {
    lines.push(
      `Strongest: ${best.label.toLowerCase()} (${signed(best.contribution, digits)}); weakest: ${worst.label.toLowerCase()} (${signed(worst.contribution, digits)}).`,
    );
  }
  const neighbour = (u: ScoredUnit) =>
    `${ordinal(u.rank)} ${u.unit.name} (${formatNumber(u.score, digits)})`;
  if (above.length > 0 || below.length > 0) {
    lines.push(
      [
        above.length > 0
          ? `Just above: ${above.map(neighbour).join(", ")}`
          : `Nobody ranks above ${scored.unit.name}`,
        below.length > 0
          ? `just below: ${below.map(neighbour).join(", ")}.`
          : "nobody ranks below.",
      ].join("; "),
    );
  }
  for (const c of run.scores.imputed.filter((c) => c.unit.id === scored.unit.id)) {
    const from =
      c.imputation === undefined
        ? ""
        : c.imputation.method === "group-mean"
          ? `; the mean of ${c.imputation.from} stands in`
          : `; its value of ${c.imputation.from} stands in`;
    lines.push(`Missing and imputed: ${c.indicator} (${describeCause(c.cause)}${from}).`);
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
