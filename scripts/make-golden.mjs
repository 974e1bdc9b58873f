#!/usr/bin/env node
// Writes the golden results in fixtures/golden/: one `--format json` output of every shipped
// historical period, as a user would keep them for `jobindex check` in CI. Re-run after a
// deliberate change of method or data (`npm run build && node scripts/make-golden.mjs`) and
// review the diff: every changed number is a changed published result.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "fixtures", "golden");
const bin = join(root, "bin", "jobindex.js");

function run(args) {
  return execFileSync(process.execPath, [bin, ...args, "--format", "json"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
}

function periodsOf(args) {
  const doc = JSON.parse(run([...args, "--history"]));
  return doc.history.periods;
}

const jobs = [];
const benchmarkPeriods = ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04"];
const groups = [
  ["all", "Ydelsesgrupper i alt"],
  ["a-dagpenge", "A-dagpenge mv."],
  ["sygedagpenge", "Sygedagpenge mv."],
  ["kontanthjaelp", "Kontanthjælp mv."],
];
for (const period of benchmarkPeriods) {
  for (const [slug, group] of groups) {
    jobs.push([
      `benchmark-${period}-${slug}.json`,
      ["benchmark", "--period", period, "--group", group],
    ]);
  }
  jobs.push([
    `benchmark-${period}-all-model-default.json`,
    ["benchmark", "--period", period, "--covariates", "default", "--interval", "0.9"],
  ]);
}
for (const period of periodsOf(["index"])) {
  jobs.push([`index-fh-${period}-jobcentre.json`, ["index", "--period", period]]);
}
jobs.push([
  "index-fh-2024K4-municipality.json",
  ["index", "--period", "2024K4", "--unit", "municipality"],
]);
jobs.push([
  "index-fh-points-2024K4-jobcentre.json",
  ["index", "--period", "2024K4", "--method", "fh-points"],
]);
for (const period of periodsOf(["index", "--method", "open"])) {
  jobs.push([
    `index-open-${period}-jobcentre.json`,
    ["index", "--method", "open", "--period", period],
  ]);
}

mkdirSync(out, { recursive: true });
for (const name of readdirSync(out)) if (name.endsWith(".json")) rmSync(join(out, name));
for (const [name, args] of jobs) {
  writeFileSync(join(out, name), run(args));
}
console.log(`wrote ${jobs.length} golden results to ${out}`);
