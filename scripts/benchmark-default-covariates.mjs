#!/usr/bin/env node
/**
 * How well does an open-data model reproduce STAR's own expected values (Y30R21)? Chooses the
 * default covariate set on one period and tests it on another, then prints the agreement on
 * every shipped period × benefit group. Build first (it runs the compiled benchmark):
 *
 *   npm run build && node scripts/benchmark-default-covariates.mjs           # evaluate data/benchmark/default-covariates.json
 *   npm run build && node scripts/benchmark-default-covariates.mjs --select  # re-run the selection too
 *
 * Selection: greedy forward selection on TRAIN (2020QMAT04, all benefits): at each step add the
 * candidate framework condition that most raises the Pearson correlation between the model's
 * expected share and STAR's; stop when the gain is below MIN_GAIN or at MAX_TERMS. The model is
 * always fitted to the actual shares (never to STAR's expected values). Candidates are framework
 * conditions only: outcome measures (unemployment, welfare recipients, the cross-section's
 * welfare/disability/unemployment shares) are not offered.
 *
 * Agreement: Pearson r and the mean absolute difference between the model's and STAR's expected
 * shares; Spearman ρ between the model's benchmark rank and STAR's published rank.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleCorrelation, sampleRankCorrelation } from "simple-statistics";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { computeBenchmark } = await import(join(root, "dist", "pipeline", "benchmark", "run.js"));

const TRAIN = { period: "2020QMAT04", group: "Ydelsesgrupper i alt" };
const TEST = { period: "2021QMAT04", group: "Ydelsesgrupper i alt" };
const PERIODS = ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04"];
const GROUPS = ["Ydelsesgrupper i alt", "A-dagpenge mv.", "Sygedagpenge mv.", "Kontanthjælp mv."];
const MIN_GAIN = 0.005;
const MAX_TERMS = 6;

const CANDIDATES = [
  "education",
  "immigration_share_pct",
  "income",
  "log(income)",
  "age65_pct",
  "commute_distance_km",
  "population_density",
  "log(population_density)",
  "log(population)",
  "one_person_household_share_pct",
  "owner_occupied_dwelling_share_pct",
  "detached_house_dwelling_share_pct",
  "employment_per_1000",
  "social_housing_pct",
  "immigrants_pct",
  "descendants_pct",
  "under15_pct",
  "gp_utilisation_pct",
  "workplaces_per_1000",
  "out_commuter_share_pct",
  "agriculture_share_pct",
  "manufacturing_share_pct",
  "construction_share_pct",
  "trade_transport_share_pct",
  "ict_share_pct",
  "finance_share_pct",
  "public_sector_share_pct",
  "income_tax_rate_pct",
  "crimes_per_1000",
];

async function agreement(covariates, slice) {
  const outcome = await computeBenchmark({ ...slice, covariates: [covariates.join(",")] });
  const model = outcome.results.map((r) => r.expectedPct);
  const star = outcome.results.map((r) => r.expectedStarPct);
  return {
    pearson: sampleCorrelation(model, star),
    spearman: sampleRankCorrelation(
      outcome.results.map((r) => r.rank),
      outcome.results.map((r) => r.publishedRank),
    ),
    r2: outcome.model.summary.r2,
    mae: model.reduce((sum, m, i) => sum + Math.abs(m - star[i]), 0) / model.length,
  };
}

async function select() {
  let chosen = [];
  let best = 0;
  while (chosen.length < MAX_TERMS) {
    let step;
    for (const candidate of CANDIDATES) {
      if (
        chosen.some(
          (c) => c.replace(/^log\((.*)\)$/, "$1") === candidate.replace(/^log\((.*)\)$/, "$1"),
        )
      )
        continue;
      const a = await agreement([...chosen, candidate], TRAIN).catch(() => undefined);
      if (a && (!step || a.pearson > step.pearson)) step = { candidate, ...a };
    }
    if (!step || step.pearson - best < MIN_GAIN) break;
    chosen = [...chosen, step.candidate];
    best = step.pearson;
    console.log(`  + ${step.candidate.padEnd(34)} train r = ${step.pearson.toFixed(3)}`);
  }
  return chosen;
}

const fmt = (x) => x.toFixed(3);
if (process.argv.includes("--select")) {
  console.log(`Forward selection on ${TRAIN.period} · ${TRAIN.group}:`);
  const chosen = await select();
  console.log(`Selected: ${JSON.stringify(chosen)}\n`);
}
const defaults = JSON.parse(
  readFileSync(join(root, "data", "benchmark", "default-covariates.json"), "utf8"),
).covariates;
console.log(`Default set (data/benchmark/default-covariates.json): ${defaults.join(", ")}`);
console.log(`Chosen on ${TRAIN.period} (${TRAIN.group}); held-out test: ${TEST.period}.\n`);
console.log(
  "| period | benefit group | R² (model on actual) | Pearson r, expected share vs STAR | mean abs. difference, pp | Spearman ρ, rank vs published |",
);
console.log("|---|---|---:|---:|---:|---:|");
for (const period of PERIODS) {
  for (const group of GROUPS) {
    const a = await agreement(defaults, { period, group });
    const tag =
      period === TRAIN.period && group === TRAIN.group
        ? " (train)"
        : period === TEST.period && group === TEST.group
          ? " (test)"
          : "";
    console.log(
      `| ${period}${tag} | ${group} | ${fmt(a.r2)} | ${fmt(a.pearson)} | ${fmt(a.mae)} | ${fmt(a.spearman)} |`,
    );
  }
}
