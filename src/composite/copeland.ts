/**
 * Copeland scores (pairwise outranking, as COINr's `outrankMatrix` and Copeland rule): unit
 * a outranks b when the weights of the indicators on which a is better exceed those on
 * which b is better (an indicator on which they are equal counts half to each). Score =
 * the number of units a outranks minus the number that outrank it. Only the order of each
 * indicator's values matters, so any increasing transformation leaves the scores alone;
 * the method is not compensatory: a large lead on one indicator buys no more than a small one.
 */

/** Weighted majorities closer than this to a draw count as a draw (sums of 1/k in another order). */
const DRAW = 1e-12;

/** `rows[u][j]`: unit u's normalised value on indicator j (larger = better). */
export function copelandScores(rows: readonly number[][], weights: readonly number[]): number[] {
  let total = 0;
  for (const w of weights) total += w;
  const n = rows.length;
  const scores = new Array<number>(n).fill(0);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const ra = rows[a] as number[];
      const rb = rows[b] as number[];
      let margin = 0;
      for (let j = 0; j < weights.length; j++) {
        const d = (ra[j] as number) - (rb[j] as number);
        if (d !== 0) margin += ((weights[j] as number) / total) * Math.sign(d);
      }
      if (margin > DRAW) {
        scores[a] = (scores[a] as number) + 1;
        scores[b] = (scores[b] as number) - 1;
      } else if (margin < -DRAW) {
        scores[a] = (scores[a] as number) - 1;
        scores[b] = (scores[b] as number) + 1;
      }
    }
  }
  return scores;
}
