#!/usr/bin/env node
/**
 * Least-squares fit time in node, for the comparison with bench/fit.R: the file read by the
 * project's reader (`readTable`), the design built as model mode builds it (intercept added
 * by the fit, log of population density), then each implementation timed side by side over
 * enough repetitions to measure, median of 5:
 *
 * - `fitOls`: src/benchmark/ols.ts, the full fit model mode runs (coefficients, standard
 *   errors, t, p, fitted values, residuals, leverages, R², σ) from rows given as arrays of
 *   numbers, results as plain arrays: the headline `fit_ms`;
 * - `fitLeastSquares`: the same full fit through the library's flat API (column-major
 *   Float64Array covariates and outcome in, typed arrays out), the kernel `fitOls` adapts;
 * - `lmWork`: the work lm() itself does and bench/fit.py's `fit_ms` times: coefficients,
 *   fitted values and residuals (the decomposition on a fresh workspace loaded from the flat
 *   arrays, then Xβ and y − Xβ), without standard errors, p values, leverages or R²;
 * - `solveLeastSquares`: the bootstrap's refit, coefficients only, the workspace filled from
 *   the rows;
 * - `mlMatrix`: the ml-matrix QR fit the typed-array code replaced (bench/ols-ml-matrix.mjs,
 *   dev dependency).
 *
 * Prints one JSON line: `fit_ms` and `coefficients` are `fitOls`'s (compared with R's by
 * bench/run.mjs), `implementations` holds every one measured, with its largest relative
 * coefficient difference from `fitOls`. Needs `npm run build` (imports dist/).
 *
 *   node bench/fit.mjs FILE.csv
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { readTable, parseNumber } = await import(join(root, "dist", "read", "index.js"));
const { fitLeastSquares, fitOls, leastSquaresWorkspace, solveLeastSquares } = await import(
  join(root, "dist", "benchmark", "ols.js")
);
const { fitOlsMlMatrix } = await import("./ols-ml-matrix.mjs");

const file = process.argv[2];
let started = performance.now();
const table = await readTable(file);
const readMs = performance.now() - started;
const column = (name) => {
  const at = table.columns.indexOf(name);
  return table.rows.map((row) => parseNumber(row.values[at], table.decimalMark ?? "."));
};
const outcome = column("actual_share_pct");
const [income, education, density, immigration] = [
  "income",
  "education",
  "population_density",
  "immigration_share_pct",
].map(column);
const covariates = outcome.map((_, i) => [
  income[i],
  education[i],
  Math.log(density[i]),
  immigration[i],
]);
const n = outcome.length;
// The flat API's input: covariate c of row i at flat[c · n + i].
const flat = new Float64Array(n * covariates[0].length);
covariates.forEach((row, i) => {
  row.forEach((v, c) => {
    flat[c * n + i] = v;
  });
});
const flatOutcome = Float64Array.from(outcome);

/** The bootstrap's refit: the workspace filled from the rows, then coefficients only. */
function coefficientsOnly() {
  const p = covariates[0].length + 1;
  const ws = leastSquaresWorkspace(n, p);
  for (let i = 0; i < n; i++) {
    ws.a[i] = 1;
    for (let c = 1; c < p; c++) ws.a[c * n + i] = covariates[i][c - 1];
    ws.y[i] = outcome[i];
  }
  if (!solveLeastSquares(ws)) throw new Error("rank deficient");
  return Array.from(ws.beta);
}

/** What lm() computes: β from the QR decomposition, then fitted values and residuals. */
function lmWork() {
  const m = flat.length / n;
  const ws = leastSquaresWorkspace(n, m + 1);
  ws.a.fill(1, 0, n);
  ws.a.set(flat, n);
  ws.y.set(flatOutcome);
  if (!solveLeastSquares(ws)) throw new Error("rank deficient");
  const fitted = new Float64Array(n).fill(ws.beta[0]);
  for (let c = 1; c <= m; c++) {
    const b = ws.beta[c];
    for (let i = 0, k = (c - 1) * n; i < n; i++, k++) fitted[i] += flat[k] * b;
  }
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = flatOutcome[i] - fitted[i];
  return Array.from(ws.beta);
}

const estimates = (fit) => fit.coefficients.map((c) => c.estimate);
const implementations = {
  fitOls: () => estimates(fitOls({ covariates, outcome })),
  fitLeastSquares: () =>
    Array.from(fitLeastSquares({ covariates: flat, outcome: flatOutcome }).estimate),
  lmWork,
  solveLeastSquares: coefficientsOnly,
  mlMatrix: () => estimates(fitOlsMlMatrix({ covariates, outcome })),
};

/**
 * Median milliseconds per call over 5 rounds, after a warm-up of at least 10 calls (and
 * 100 ms): the JIT compiles the loops before timing, as R's and numpy's are compiled.
 */
function time(solve) {
  const reps = Math.max(1, Math.round(200000 / n));
  let coefficients = solve();
  const warm = performance.now();
  for (let w = 1; w < 10 || performance.now() - warm < 100; w++) coefficients = solve();
  const times = [];
  for (let t = 0; t < 5; t++) {
    started = performance.now();
    for (let r = 0; r < reps; r++) coefficients = solve();
    times.push((performance.now() - started) / reps);
  }
  times.sort((a, b) => a - b);
  return { fit_ms: times[2], coefficients };
}

const measured = Object.fromEntries(
  Object.entries(implementations).map(([name, solve]) => [name, time(solve)]),
);
const reference = measured.fitOls.coefficients;
for (const m of Object.values(measured)) {
  m.max_rel_diff = Math.max(
    ...m.coefficients.map((b, j) => Math.abs(b - reference[j]) / Math.abs(reference[j])),
  );
}
process.stdout.write(
  `${JSON.stringify({
    language: "node",
    n,
    read_ms: readMs,
    fit_ms: measured.fitOls.fit_ms,
    coefficients: measured.fitOls.coefficients,
    implementations: measured,
  })}\n`,
);
