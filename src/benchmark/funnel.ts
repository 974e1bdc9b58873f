/**
 * Funnel limits and empirical-Bayes shrinkage for one period and benefit group (METHOD.md C;
 * Spiegelhalter 2005, Stat Med 24:1185): the ratio of actual to expected share, its Poisson
 * variance 1/E, overdispersion φ from winsorised z-scores, the additive between-municipality
 * variance τ², 95 % and 99.8 % limits around 1, and the shrunken ratio and rank.
 */
import { competitionRank } from "../rank.js";

/** Two-sided normal quantiles of the limits (95 % and 99.8 %). */
export const Q95 = 1.959964;
export const Q998 = 3.090232;

/** The z-scores are winsorised at these percentiles before φ is taken. */
const WINSOR = 0.1;

export interface FunnelInput {
  municipality: string;
  actualPct: number;
  expectedPct: number;
  /** Precision E: expected full-time persons. */
  expectedPersons: number;
}

export type FunnelFlag = "below" | "within" | "above";

export interface FunnelUnit {
  municipality: string;
  ratio: number;
  z: number;
  /** Variance of the ratio under the null: 1/E + τ² (the limits' and the draws' variance). */
  variance: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  flag95: FunnelFlag;
  flag998: FunnelFlag;
  shrunkRatio: number;
  shrunkRank: number;
}

export interface Funnel {
  n: number;
  phi: number;
  tau2: number;
  /** In the order given. */
  units: FunnelUnit[];
}

/**
 * The p-quantile of sorted values by linear interpolation (R type 7, numpy's default).
 *
 * @example quantileType7([1, 2, 3, 4], 0.1) // 1.3
 */
export function quantileType7(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

/** `below`/`within`/`above`: strictly outside a limit counts as outside. */
export function funnelFlag(ratio: number, lower: number, upper: number): FunnelFlag {
  if (ratio < lower) return "below";
  if (ratio > upper) return "above";
  return "within";
}

/**
 * The control limits 1 ± q·sqrt(1/E + τ²) at precision E. They widen as E falls.
 *
 * @example funnelLimits(100, 0, Q95) // { lower: 0.804…, upper: 1.196… }
 */
export function funnelLimits(
  expectedPersons: number,
  tau2: number,
  q: number,
): { lower: number; upper: number } {
  const sd = Math.sqrt(1 / expectedPersons + tau2);
  return { lower: 1 - q * sd, upper: 1 + q * sd };
}

/** Empirical Bayes: 1 + (ratio − 1)·τ²/(τ² + s²); with τ² = 0 every ratio shrinks to 1. */
export function shrunkRatio(ratio: number, s2: number, tau2: number): number {
  const weight = tau2 + s2 === 0 ? 0 : tau2 / (tau2 + s2);
  return 1 + (ratio - 1) * weight;
}

/** φ and τ² from the z-scores and the weights w = E (METHOD.md C). */
export function overdispersion(
  z: readonly number[],
  w: readonly number[],
): { phi: number; tau2: number } {
  const n = z.length;
  const sorted = [...z].sort((a, b) => a - b);
  const lo = quantileType7(sorted, WINSOR);
  const hi = quantileType7(sorted, 1 - WINSOR);
  let sumZ2 = 0;
  for (const v of z) {
    const c = Math.min(hi, Math.max(lo, v));
    sumZ2 += c * c;
  }
  const phi = sumZ2 / n;
  let sw = 0;
  let sw2 = 0;
  for (const x of w) {
    sw += x;
    sw2 += x * x;
  }
  const tau2 = Math.max(0, (n * phi - (n - 1)) / (sw - sw2 / sw));
  return { phi, tau2 };
}

/** The funnel of one slice. Units without a positive, finite E or expected share are refused. */
export function funnel(inputs: readonly FunnelInput[]): Funnel {
  for (const u of inputs) {
    if (!(u.expectedPersons > 0) || !(u.expectedPct > 0) || !Number.isFinite(u.actualPct)) {
      throw new RangeError(`funnel: ${u.municipality} has no positive expected value`);
    }
  }
  const ratio = inputs.map((u) => u.actualPct / u.expectedPct);
  const s2 = inputs.map((u) => 1 / u.expectedPersons);
  const z = ratio.map((r, i) => (r - 1) / Math.sqrt(s2[i] as number));
  const { phi, tau2 } = overdispersion(
    z,
    inputs.map((u) => u.expectedPersons),
  );
  const shrunk = ratio.map((r, i) => shrunkRatio(r, s2[i] as number, tau2));
  const shrunkRanks = new Map(
    competitionRank(
      inputs.map((u, i) => ({
        id: u.municipality,
        value: u.expectedPct * ((shrunk[i] as number) - 1),
      })),
      { order: "asc" },
    ).map((r) => [r.id, r.rank]),
  );
  const units = inputs.map((u, i): FunnelUnit => {
    const r = ratio[i] as number;
    const l95 = funnelLimits(u.expectedPersons, tau2, Q95);
    const l998 = funnelLimits(u.expectedPersons, tau2, Q998);
    return {
      municipality: u.municipality,
      ratio: r,
      z: z[i] as number,
      variance: (s2[i] as number) + tau2,
      lower95: l95.lower,
      upper95: l95.upper,
      lower998: l998.lower,
      upper998: l998.upper,
      flag95: funnelFlag(r, l95.lower, l95.upper),
      flag998: funnelFlag(r, l998.lower, l998.upper),
      shrunkRatio: shrunk[i] as number,
      shrunkRank: shrunkRanks.get(u.municipality) as number,
    };
  });
  return { n: inputs.length, phi, tau2, units };
}
