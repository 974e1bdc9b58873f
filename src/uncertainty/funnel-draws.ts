/**
 * Rank intervals in published mode (METHOD.md C; Marshall & Spiegelhalter 1998): each draw
 * takes ratio_i* ~ N(ratio_i, 1/E_i + τ²) independently and ranks the residual
 * expected_pct_i · (ratio_i* − 1) ascending; per municipality the 2.5 %, 50 % and 97.5 %
 * quantiles (R type 7) of its simulated rank.
 */
import { createRandom } from "./random.js";
import { Ranker } from "./ranking.js";
import { rankHistograms } from "./summary.js";
import type { RankInterval } from "./types.js";

export interface FunnelDrawUnit {
  id: string;
  ratio: number;
  /** 1/E + τ². */
  variance: number;
  expectedPct: number;
}

export interface FunnelRankIntervals {
  kind: "funnel";
  runs: number;
  seed: number;
  level: number;
  /** In the order given. */
  units: { id: string; rankInterval: RankInterval }[];
}

/** The 95 % interval of METHOD.md C. */
export const FUNNEL_LEVEL = 0.95;

/**
 * The type-7 p-quantile of the ranks in one histogram row (`counts[offset + r]` = draws with
 * rank r): linear interpolation between the order statistics around (total − 1)·p.
 */
export function histogramQuantileType7(
  counts: ArrayLike<number>,
  offset: number,
  length: number,
  total: number,
  p: number,
): number {
  const h = (total - 1) * p;
  const lo = Math.floor(h);
  const at = (k: number) => {
    let cumulative = 0;
    for (let r = 1; r < length; r++) {
      cumulative += counts[offset + r] as number;
      if (cumulative > k) return r;
    }
    return length - 1;
  };
  const a = at(lo);
  const b = lo + 1 < total ? at(lo + 1) : a;
  return a + (h - lo) * (b - a);
}

export function funnelRankIntervals(
  units: readonly FunnelDrawUnit[],
  options: { runs: number; seed: number; level?: number },
): FunnelRankIntervals {
  const { runs, seed } = options;
  const level = options.level ?? FUNNEL_LEVEL;
  const n = units.length;
  const random = createRandom(seed);
  const scores = new Float64Array(n);
  const ranker = new Ranker(scores, "asc", undefined);
  const order = new Uint32Array(n).map((_, i) => i);
  const ranks = new Uint16Array(runs * n);
  const sd = units.map((u) => Math.sqrt(u.variance));
  for (let d = 0; d < runs; d++) {
    for (let i = 0; i < n; i++) {
      const u = units[i] as FunnelDrawUnit;
      const drawn = u.ratio + (sd[i] as number) * random.normal();
      scores[i] = u.expectedPct * (drawn - 1);
    }
    ranker.rank(order, n, ranks, d * n);
  }
  const counts = rankHistograms(ranks, runs, n);
  const tail = (1 - level) / 2;
  const width = n + 1;
  return {
    kind: "funnel",
    runs,
    seed,
    level,
    units: units.map((u, i) => ({
      id: u.id,
      rankInterval: {
        low: histogramQuantileType7(counts, i * width, width, runs, tail),
        median: histogramQuantileType7(counts, i * width, width, runs, 0.5),
        high: histogramQuantileType7(counts, i * width, width, runs, 1 - tail),
      },
    })),
  };
}
