#!/usr/bin/env node
/**
 * Speed of the index Monte Carlo (src/uncertainty) on a generated quarter of 94 jobcentres
 * × 5 indicators, for comparison with the same loop in R (bench/uncertainty.R).
 *
 *   npm run build && node bench/uncertainty.mjs [--runs 10000] [--reps 5] [--json]
 *
 * Two configurations, each timed `reps` times after a warm-up (the median is reported):
 * - `same-as-R`: z-scores only, arithmetic mean, Dirichlet(α · w) weights, as the R loop;
 * - `fh`: the shipped fh profile's alternatives (6 normalisations × 2 aggregations,
 *   weights ±50 %), what `jobindex index --uncertainty` runs by default.
 * Both include the per-unit intervals and the sensitivity indices. Also timed: the
 * benchmark bootstrap (2,000 refits, 98 municipalities × 8 covariates). A smoke check, not a
 * timed test: it exits 1 only if 10,000 runs take more than a second.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const runs = option("--runs", 10_000);
const reps = option("--reps", 5);
const json = args.includes("--json");
const UNITS = 94;
const BUDGET_MS = 1000;

const load = async (path) => {
  try {
    return await import(join(root, "dist", path));
  } catch {
    console.error("bench/uncertainty.mjs: dist/ is missing or stale; run `npm run build` first");
    process.exit(2);
  }
};
const { simulateIndexRanks } = await load("uncertainty/index-simulation.js");
const { createRandom } = await load("uncertainty/random.js");
const { parseMethodProfile } = await load("composite/profile.js");
const { bootstrapBenchmarkRanks } = await load("uncertainty/bootstrap.js");

const profile = parseMethodProfile(
  JSON.parse(readFileSync(join(root, "data", "methods", "fh.json"), "utf8")),
  "data/methods/fh.json",
);

/** A quarter of plausible raw indicator values (mean, sd per indicator), seeded. */
function quarter(seed) {
  const random = createRandom(seed);
  const levels = [
    ["upskilling_share", 25, 6],
    ["sickness_duration", 11, 2],
    ["nonwestern_excess_unemployment", 8, 2],
    ["activation_rate", 30, 7],
    ["unemployment_duration", 14, 3],
  ];
  return Array.from({ length: UNITS }, (_, i) => ({
    unit: { id: String(100 + i), name: `Jobcentre ${i + 1}`, municipalities: [String(100 + i)] },
    period: "2019K4",
    counts: {},
    values: Object.fromEntries(levels.map(([id, m, sd]) => [id, m + sd * random.normal()])),
    missing: {},
    sources: [],
  }));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(options) {
  const units = quarter(1);
  simulateIndexRanks(units, profile, { ...options, runs: Math.min(runs, 1000) }); // warm-up
  const times = [];
  for (let r = 0; r < reps; r++) {
    const start = process.hrtime.bigint();
    simulateIndexRanks(units, profile, { ...options, runs, seed: r + 1 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

const sameAsR = time({
  normalisations: [{ type: "zscore" }],
  aggregations: [{ type: "arithmetic" }],
  weights: { kind: "dirichlet", concentration: 50 },
});
const fh = time({});

/** 2,000 bootstrap refits of a 98-municipality model with 8 covariates (median of reps). */
function timeBootstrap() {
  const random = createRandom(2);
  const rows = Array.from({ length: 98 }, (_, i) => {
    const x = Array.from({ length: 8 }, () => random.normal());
    const actual = 10 + x.reduce((s, v) => s + v, 0) + random.normal();
    return { id: String(101 + i), name: `M${i + 1}`, actual, x };
  });
  const design = { rows, weights: null, loo: false };
  bootstrapBenchmarkRanks(design, { runs: 200 }); // warm-up
  const times = [];
  for (let r = 0; r < reps; r++) {
    const start = process.hrtime.bigint();
    bootstrapBenchmarkRanks(design, { runs: 2000, seed: r + 1 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}
const bootstrap = timeBootstrap();
const result = {
  language: "node",
  runs,
  units: UNITS,
  indicators: 5,
  same_as_r_ms: sameAsR,
  fh_ms: fh,
  bootstrap_2000_ms: bootstrap,
};
if (json) console.log(JSON.stringify(result));
else {
  console.log(
    `uncertainty (node ${process.version}): ${runs} runs × ${UNITS} units × 5 indicators`,
  );
  console.log(`  same loop as R (z-scores, Dirichlet weights): ${sameAsR.toFixed(1)} ms`);
  console.log(`  fh alternatives (12 method combinations, weights ±50 %): ${fh.toFixed(1)} ms`);
  console.log(
    `  benchmark bootstrap, 2,000 refits of 98 municipalities × 8 covariates: ${bootstrap.toFixed(1)} ms`,
  );
}
if (runs === 10_000 && Math.max(sameAsR, fh) > BUDGET_MS) {
  console.error(`bench/uncertainty.mjs: slower than ${BUDGET_MS} ms for 10,000 runs`);
  process.exit(1);
}
