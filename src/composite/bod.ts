/**
 * Benefit of the doubt (Cherchye, Moesen, Rogge & Van Puyenbroeck 2007; OECD/JRC Handbook
 * 2008, 6.1.x): each unit is scored with the weights most favourable to it. For unit i with
 * normalised values y_i (≥ 0):
 *
 *   BoD_i = max_w Σ_j w_j·y_ij  subject to  Σ_j w_j·y_uj ≤ 1 for every unit u,  w ≥ 0,
 *           lower ≤ w_j / Σ_m w_m ≤ upper  for every indicator j (share bounds),
 *
 * so no unit scores above 1 with anyone's chosen weights and the best units score 1. The
 * bounds keep a unit from putting all weight on its one good indicator. The linear
 * programme is solved by a solver the caller passes in (the pipeline loads it on demand);
 * the solver's vertex is then re-solved exactly from its active constraints, so the score
 * is accurate to rounding whatever the solver's own tolerance.
 */

/** max c·x subject to each row's lower ≤ a·x ≤ upper, x ≥ 0. */
export interface LinearProgram {
  objective: number[];
  constraints: Array<{ coefficients: number[]; max?: number; min?: number }>;
}

export type LpResult = { status: "optimal"; x: number[] } | { status: "infeasible" | "unbounded" };

/** A linear-programme solver (the pipeline adapts a library to this). */
export type LpSolve = (lp: LinearProgram) => LpResult;

/** The BoD programme of unit `i` over `rows[u][j]`. */
export function bodProgram(
  rows: readonly number[][],
  i: number,
  lower: number,
  upper: number,
): LinearProgram {
  const k = (rows[0] as number[]).length;
  const constraints: LinearProgram["constraints"] = rows.map((r) => ({
    coefficients: [...r],
    max: 1,
  }));
  for (let j = 0; j < k; j++) {
    const share = (bound: number) => Array.from({ length: k }, (_, m) => (m === j ? 1 : 0) - bound);
    if (lower > 0) constraints.push({ coefficients: share(lower), min: 0 });
    if (upper < 1) constraints.push({ coefficients: share(upper), max: 0 });
  }
  return { objective: [...(rows[i] as number[])], constraints };
}

const dot = (a: readonly number[], b: readonly number[]) => {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += (a[j] as number) * (b[j] as number);
  return s;
};

/** Solves A x = b (square) by Gaussian elimination with partial pivoting; undefined if singular. */
function solveSquare(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[c] as number) > Math.abs((m[p] as number[])[c] as number))
        p = r;
    if (Math.abs((m[p] as number[])[c] as number) < 1e-12) return undefined;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const f = (row[c] as number) / (pivot[c] as number);
      if (f === 0) continue;
      for (let j = c; j <= n; j++) row[j] = (row[j] as number) - f * (pivot[j] as number);
    }
  }
  return m.map((r, i) => (r[n] as number) / (r[i] as number));
}

/** Is x feasible to rounding? */
function feasible(lp: LinearProgram, x: readonly number[], scale: number): boolean {
  return (
    x.every((v) => v >= -1e-12 * scale) &&
    lp.constraints.every((c) => {
      const v = dot(c.coefficients, x);
      const slack = 1e-10 * Math.max(1, Math.abs(v));
      return (
        (c.max === undefined || v <= c.max + slack) && (c.min === undefined || v >= c.min - slack)
      );
    })
  );
}

/** Subsets of size k of 0…m−1, at most `limit` of them (lexicographic). */
function* subsets(m: number, k: number, limit: number): Generator<number[]> {
  const pick = Array.from({ length: k }, (_, i) => i);
  for (let count = 0; count < limit && k <= m; count++) {
    yield [...pick];
    let i = k - 1;
    while (i >= 0 && (pick[i] as number) === m - k + i) i--;
    if (i < 0) return;
    pick[i] = (pick[i] as number) + 1;
    for (let j = i + 1; j < k; j++) pick[j] = (pick[j - 1] as number) + 1;
  }
}

/** Vertices tried when many constraints are nearly active (a degenerate or near-degenerate optimum). */
const MAX_VERTICES = 5000;

/**
 * The exact vertex near an approximate optimum: among the constraints active there
 * (within the solver's tolerance; rows at a bound, or x_j = 0), every set of k independent
 * ones is solved as equations, and the feasible solution with the largest objective is
 * kept. Undefined when no such vertex is found (the caller keeps the solver's point).
 */
export function polishVertex(lp: LinearProgram, x: readonly number[]): number[] | undefined {
  const k = x.length;
  const scale = Math.max(1, ...x.map(Math.abs));
  const tolerance = 1e-7 * scale;
  const candidates: Array<{ a: number[]; b: number }> = [];
  for (const c of lp.constraints) {
    const v = dot(c.coefficients, x);
    const norm = Math.max(1, ...c.coefficients.map(Math.abs));
    if (c.max !== undefined && Math.abs(v - c.max) <= tolerance * norm)
      candidates.push({ a: c.coefficients, b: c.max });
    if (c.min !== undefined && Math.abs(v - c.min) <= tolerance * norm)
      candidates.push({ a: c.coefficients, b: c.min });
  }
  for (let j = 0; j < k; j++) {
    if (Math.abs(x[j] as number) <= tolerance)
      candidates.push({ a: Array.from({ length: k }, (_, m) => (m === j ? 1 : 0)), b: 0 });
  }
  let best: number[] | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const subset of subsets(candidates.length, k, MAX_VERTICES)) {
    const rows = subset.map((r) => candidates[r] as { a: number[]; b: number });
    const exact = solveSquare(
      rows.map((c) => [...c.a]),
      rows.map((c) => c.b),
    );
    if (exact === undefined || !feasible(lp, exact, scale)) continue;
    const value = dot(lp.objective, exact);
    if (value > bestValue) {
      bestValue = value;
      best = exact.map((v) => Math.max(0, v));
    }
  }
  return best;
}

export interface BodResult {
  /** Per unit: the most favourable score, 0 … 1. */
  scores: number[];
  /** Per unit: its weights as shares summing to 1 (a solver's choice where not unique). */
  shares: number[][];
}

/** Benefit-of-the-doubt scores of every unit, or why they cannot be computed. */
export function bodScores(
  rows: readonly number[][],
  lower: number,
  upper: number,
  solve: LpSolve,
): BodResult | string {
  if (rows.some((r) => r.some((v) => !(v >= 0)))) {
    return "benefit_of_the_doubt needs normalised values ≥ 0; choose minmax, goalposts, percentile, rank, points or distance_to_best";
  }
  if (rows.every((r) => r.every((v) => v === 0))) {
    return "benefit_of_the_doubt needs some normalised value > 0";
  }
  const scores: number[] = [];
  const shares: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const lp = bodProgram(rows, i, lower, upper);
    const result = solve(lp);
    if (result.status !== "optimal")
      return `the benefit-of-the-doubt programme is ${result.status}`;
    const w = polishVertex(lp, result.x) ?? result.x;
    const total = w.reduce((a, b) => a + b, 0);
    scores.push(dot(w, rows[i] as number[]));
    shares.push(total > 0 ? w.map((v) => v / total) : w.map(() => 1 / w.length));
  }
  return { scores, shares };
}
