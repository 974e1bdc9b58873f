#!/usr/bin/env node
/**
 * Least-squares fit time in node, for the comparison with bench/fit.R: the file read by the
 * project's reader (`readTable`), the design built as model mode builds it (intercept added
 * by `fitOls`, log of population density), then `fitOls` timed over enough repetitions to
 * measure, median of 5. Prints one JSON line. Needs `npm run build` (imports dist/).
 *
 *   node bench/fit.mjs FILE.csv
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { readTable, parseNumber } = await import(join(root, "dist", "read", "index.js"));
const { fitOls } = await import(join(root, "dist", "benchmark", "ols.js"));

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

const reps = Math.max(1, Math.round(20000 / outcome.length));
let fit = fitOls({ covariates, outcome }); // warm-up: compile before timing
const times = [];
for (let t = 0; t < 5; t++) {
  started = performance.now();
  for (let r = 0; r < reps; r++) fit = fitOls({ covariates, outcome });
  times.push((performance.now() - started) / reps);
}
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    language: "node",
    n: outcome.length,
    read_ms: readMs,
    fit_ms: times[2],
    coefficients: fit.coefficients.map((c) => c.estimate),
  })}\n`,
);
