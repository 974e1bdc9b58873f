/**
 * `jobindex explain MUNICIPALITY` for the benchmark: actual against expected, what drives the
 * expectation (model mode), and the rank with its neighbours, in sentences a journalist can
 * quote.
 */

import type { BenchmarkResult } from "../../benchmark/types.js";
import { UsageError } from "../../diagnostics.js";
import { formatRank } from "../../rank.js";
import { loadRegistry, resolutionHint } from "../../registry/index.js";
// Not toLocaleString: its first call loads ICU's number formatting, ~10 ms of a short run.
import { groupThousands } from "../../report/format.js";
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
  };
}

export async function explainBenchmark(
  options: (Partial<BenchmarkOptions> | Record<string, unknown>) & { unit: string },
): Promise<BenchmarkExplanation> {
  const registry = loadRegistry();
  const resolved = registry.resolveMunicipality(options.unit);
  if (!resolved.ok) {
    throw new UsageError(`unknown municipality '${options.unit}'${resolutionHint(resolved)}`);
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

const pp = (x: number) => Math.abs(x).toFixed(2);
const pct = (x: number) => `${x.toFixed(2)}%`;

function sentences(
  outcome: BenchmarkOutcome,
  r: BenchmarkResult,
  data: BenchmarkExplanation["data"],
  certainty: string | undefined,
): string[] {
  const lines: string[] = [];
  const when = outcome.period ? ` in ${outcome.period}` : "";
  const groupText = outcome.group && outcome.group !== DEFAULT_GROUP ? ` (${outcome.group})` : "";
  const persons =
    r.residualPersons === null
      ? ""
      : ` (${groupThousands(Math.abs(Math.round(r.residualPersons)))} ${r.residualPersons < 0 ? "fewer" : "more"} full-time persons)`;
  const rankText = `ranks it ${formatRank(r.rank, r.tied)} of ${data.of}${when}`;
  if (r.residualPp === 0) {
    lines.push(
      `${r.name} had exactly as many of its 16–66-year-olds on public support${groupText} as expected; that ${rankText}.`,
    );
  } else {
    lines.push(
      `${r.name} had ${pp(r.residualPp)} pct. points ${r.residualPp < 0 ? "fewer" : "more"} of its 16–66-year-olds on public support${groupText} than expected${persons}; that ${rankText}.`,
    );
  }
  const source =
    outcome.mode === "published"
      ? "STAR's expected share (jobindsats Y30R21)"
      : "the model's expected share";
  lines.push(`Actual share: ${pct(r.actualPct)}; ${source}: ${pct(r.expectedPct)}.`);
  if (r.tied) {
    const sharing = outcome.results
      .filter((o) => o.rank === r.rank && o.municipality !== r.municipality)
      .map((o) => o.name);
    lines.push(
      `It shares place ${formatRank(r.rank, true)} with ${sharing.join(", ")}: the published shares are rounded to two decimals.`,
    );
  }
  for (const w of data.warnings ?? []) {
    lines.push(
      `Caution: ${w.message.replace(/^[^:]*: /, "")}; the figures above are quoted as published [${w.code}].`,
    );
  }
  if (data.coverage !== undefined) {
    lines.push(
      `The input is partial: ${data.coverage.present} of the period's ${data.coverage.expected} municipalities, so this rank is among those ${data.coverage.present} only.`,
    );
  }
  if (r.publishedRank !== undefined) {
    lines.push(
      `STAR's published rank: ${r.publishedRank} of ${data.coverage?.expected ?? data.of}.`,
    );
  }
  if (r.expectedStarPct !== undefined && outcome.mode === "model") {
    lines.push(`For comparison, STAR expected ${pct(r.expectedStarPct)}.`);
  }
  if (data.contributions && data.average_expected_pct !== undefined) {
    lines.push(
      `At the average of every framework condition the model expects ${pct(data.average_expected_pct)}; ${r.name}'s conditions move that as follows:`,
    );
    const sorted = [...data.contributions].sort(
      (a, b) => Math.abs(b.contribution) - Math.abs(a.contribution),
    );
    for (const c of sorted) {
      lines.push(
        `  ${c.contribution >= 0 ? "+" : "−"}${pp(c.contribution)} pp from ${c.term} (${c.value.toFixed(3)} against a mean of ${c.mean.toFixed(3)})`,
      );
    }
  }
  if (r.interval) {
    const where = { below: "clearly below", above: "clearly above", within: "within" }[
      r.interval.position
    ];
    lines.push(
      `Its actual share is ${where} the ${Math.round((outcome.model?.interval ?? 0) * 100)}% prediction interval (${pct(r.interval.lower)} to ${pct(r.interval.upper)}).`,
    );
  }
  lines.push(...funnelSentences(outcome, r));
  if (certainty !== undefined) lines.push(certainty);
  if (r.costDkk !== undefined && r.costDkk !== null) {
    const mio = Math.abs(r.costDkk) / 1e6;
    lines.push(
      `At ${outcome.options.costPerFte?.toLocaleString("en-US")} DKK per full-time person a year, that is a ${r.costDkk < 0 ? "saving" : "cost"} of about ${mio.toFixed(1)} mio. kr. a year against expectation.`,
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
      `Municipalities with the most similar framework conditions (${outcome.peers?.terms.join(", ")}): ${list.join(", ")}.`,
    );
  }
  if (data.neighbours.length > 0) {
    const list = data.neighbours.map(
      (n) =>
        `${formatRank(n.rank, n.tied)} ${n.name} (${n.residual_pp >= 0 ? "+" : ""}${n.residual_pp.toFixed(2)})`,
    );
    lines.push(`Neighbours in the ranking: ${list.join(", ")}.`);
  }
  return lines;
}

const FLAG_WORDS = {
  below: "clearly below expectation",
  above: "clearly above expectation",
  within: "within expectation",
};

/**
 * "Clearly below expectation at the 95 % limit, within it at 99.8 %; 17 of the 98
 * municipalities lie outside the 95 % limits." and the shrunken rank beside the published.
 */
export function funnelSentences(outcome: BenchmarkOutcome, r: BenchmarkResult): string[] {
  const f = outcome.funnel;
  const u = f?.units.find((x) => x.municipality === r.municipality);
  if (f === null || f === undefined || u === undefined) return [];
  const outside = f.units.filter((x) => x.flag95 !== "within").length;
  const at998 =
    u.flag998 === u.flag95
      ? "and at 99.8 % too"
      : u.flag998 === "within"
        ? "within it at 99.8 %"
        : `${FLAG_WORDS[u.flag998]} at 99.8 %`;
  const at95 = `${FLAG_WORDS[u.flag95]} at the 95 % limit`;
  const first = `Against the funnel limits (chance variation of its size, plus the spread between municipalities) ${r.name} is ${at95}, ${at998}; ${outside} of the ${f.n} municipalities lie outside the 95 % limits.`;
  const published = r.publishedRank !== undefined ? ` (published rank ${r.publishedRank})` : "";
  const second = `Shrunk towards the national level in proportion to its uncertainty (empirical Bayes), it ranks ${u.shrunkRank} of ${f.n}, against ${formatRank(r.rank, r.tied)}${published} on the unshrunk residual.`;
  return [first, second];
}
