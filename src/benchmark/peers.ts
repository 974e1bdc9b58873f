/**
 * Peers (METHOD.md D): the K municipalities with the most similar framework conditions.
 * Each covariate is standardised across the municipalities (z-score, sample sd), distance
 * is Euclidean, nearest first, ties by code. Log terms come in as their logged values.
 */

export interface Peer {
  municipality: string;
  distance: number;
}

/**
 * `rows[i]` holds municipality `codes[i]`'s covariate values (one per term). A column with
 * zero spread carries no information and is left out.
 *
 * @example nearestPeers(["1", "2", "3"], [[0], [1], [3]], 1).get("2") // [{ municipality: "1", distance: 0.6… }]
 */
export function nearestPeers(
  codes: readonly string[],
  rows: readonly (readonly number[])[],
  k: number,
): Map<string, Peer[]> {
  const n = codes.length;
  const terms = rows[0]?.length ?? 0;
  const z: number[][] = rows.map(() => []);
  for (let j = 0; j < terms; j++) {
    let mean = 0;
    for (const row of rows) mean += row[j] as number;
    mean /= n;
    let ss = 0;
    for (const row of rows) ss += ((row[j] as number) - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    if (!(sd > 0)) continue;
    rows.forEach((row, i) => {
      (z[i] as number[]).push(((row[j] as number) - mean) / sd);
    });
  }
  const out = new Map<string, Peer[]>();
  for (let i = 0; i < n; i++) {
    const zi = z[i] as number[];
    const others: Peer[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const zj = z[j] as number[];
      let d2 = 0;
      for (let t = 0; t < zi.length; t++) d2 += ((zi[t] as number) - (zj[t] as number)) ** 2;
      others.push({ municipality: codes[j] as string, distance: Math.sqrt(d2) });
    }
    others.sort(
      (a, b) =>
        a.distance - b.distance ||
        (a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0),
    );
    out.set(codes[i] as string, others.slice(0, k));
  }
  return out;
}
