/**
 * Competition ranking ("1, 2, 2, 4"), shared by the index and the benchmark.
 *
 * Tie rule: values that are equal (after optional rounding to `decimals`) share the best
 * rank. Display order within a tie is by `id` ascending, so output is deterministic.
 */
export interface RankInput {
  id: string;
  value: number;
}

export interface Ranked {
  id: string;
  value: number;
  rank: number;
  /** True when another unit has the same (rounded) value. */
  tied: boolean;
}

export interface RankOptions {
  /** "desc": highest value ranks 1 (index scores); "asc": lowest ranks 1 (residuals). */
  order: "asc" | "desc";
  /** Compare values rounded to this many decimals (published figures are rounded). */
  decimals?: number;
}

function keyOf(value: number, decimals: number | undefined): number {
  if (decimals === undefined) return value;
  // Round half away from zero on the decimal representation, as published tables do.
  return Number(value.toFixed(decimals));
}

export function competitionRank(items: readonly RankInput[], options: RankOptions): Ranked[] {
  const sign = options.order === "asc" ? 1 : -1;
  const keyed = items.map((item) => ({ ...item, key: keyOf(item.value, options.decimals) }));
  keyed.sort((a, b) => sign * (a.key - b.key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Ranked[] = [];
  for (let i = 0; i < keyed.length; i++) {
    const cur = keyed[i] as (typeof keyed)[number];
    const prev = out[i - 1];
    const prevKey = i > 0 ? (keyed[i - 1] as (typeof keyed)[number]).key : undefined;
    const rank = prev && prevKey === cur.key ? prev.rank : i + 1;
    out.push({ id: cur.id, value: cur.value, rank, tied: false });
  }
  for (let i = 0; i < out.length; i++) {
    const r = out[i] as Ranked;
    r.tied = out[i - 1]?.rank === r.rank || out[i + 1]?.rank === r.rank;
  }
  return out;
}

/** `12` or `12=` for a shared place. */
export function formatRank(rank: number, tied: boolean): string {
  return tied ? `${rank}=` : String(rank);
}
