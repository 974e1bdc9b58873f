#!/usr/bin/env node
/**
 * Seeded generators for benchmark and test inputs: the same seed gives the same bytes, so
 * figures can be reproduced and a failing test re-run.
 *
 *   node bench/generate.mjs index  OUT.csv  --mb 200 [--seed 1] [--quarters 400]   index input of ~N MB
 *   node bench/generate.mjs model  OUT.csv  [--rows 98] [--seed 1] model-mode input
 *
 * `index`: the `jobindex index` input format (municipality, period, 11 counts), the 98
 * municipalities repeated over consecutive quarters, so files of any size are valid CSV
 * (beyond 98 × the quarter span, municipality × quarter keys repeat: a reader benchmark,
 * not an index run; with `--quarters` above the file's span, every key is unique: a valid
 * extract `jobindex index --history` can rank). `model`: municipality, actual share, population and covariates drawn
 * from a known linear model, so least squares has something to find; with more than 98
 * rows the municipalities repeat (an OLS scaling benchmark, not a ranking).
 */
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "../scripts/municipality-data.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The seeded PRNG of every generated file (mulberry32). */
export const rng = mulberry32;

/** The 98 municipality codes, in registry order. */
export function municipalityCodes() {
  const text = readFileSync(join(root, "data", "registry", "municipalities.csv"), "utf8");
  return text
    .split("\n")
    .slice(1)
    .map((line) => line.slice(0, 3))
    .filter((code) => /^\d{3}$/.test(code));
}

/** The index input columns, in the order the shipped fh profile declares them. */
export const INDEX_HEADER = [
  "municipality",
  "period",
  ...JSON.parse(readFileSync(join(root, "data", "methods", "fh.json"), "utf8")).input.columns.map(
    (c) => c.name,
  ),
];

/** One plausible index row: sub-counts never exceed their totals. */
export function indexRow(random, code, period) {
  const size = 20 + random() * 8000;
  const activation = size * (0.15 + random() * 0.25);
  const education = activation * (0.05 + random() * 0.3);
  const spells = Math.round(size * (0.6 + random() * 0.4));
  const sick = Math.round(size * (0.3 + random() * 0.4));
  const nwForce = Math.round(size * (1 + random() * 3));
  const dkForce = Math.round(size * (20 + random() * 20));
  return [
    code,
    period,
    activation.toFixed(1),
    education.toFixed(1),
    size.toFixed(1),
    spells,
    Math.round(spells * (10 + random() * 10)),
    sick,
    Math.round(sick * (8 + random() * 6)),
    Math.round(nwForce * (0.05 + random() * 0.15)),
    nwForce,
    Math.round(dkForce * (0.02 + random() * 0.05)),
    dkForce,
  ].join(",");
}

/** The i-th of `span` consecutive quarters, ending by 2100 (the last year a period may name). */
function quarter(i, span = 400) {
  const first = Math.min(2000, 2100 - Math.ceil(span / 4));
  return `${first + Math.floor(i / 4)}K${(i % 4) + 1}`;
}

/** Writes an index-format CSV of at least `bytes` bytes; resolves to { rows, bytes }. */
export async function writeIndexCsv(path, bytes, seed = 1, quarters = 400) {
  const random = rng(seed);
  const codes = municipalityCodes();
  const out = createWriteStream(path);
  let written = 0;
  let rows = 0;
  let chunk = `${INDEX_HEADER.join(",")}\n`;
  // With a span of quarters given, the last quarter is written whole (a valid extract).
  const whole = quarters !== 400;
  while (written + chunk.length < bytes || (whole && rows % codes.length !== 0)) {
    const code = codes[rows % codes.length];
    chunk += `${indexRow(random, code, quarter(Math.floor(rows / codes.length) % quarters, quarters))}\n`;
    rows++;
    if (chunk.length > 1 << 20) {
      written += chunk.length;
      if (!out.write(chunk)) await once(out, "drain");
      chunk = "";
    }
  }
  written += chunk.length;
  out.end(chunk);
  await once(out, "finish");
  return { rows, bytes: written };
}

export const MODEL_COVARIATES = [
  "income",
  "education",
  "population_density",
  "immigration_share_pct",
];

/** Writes a model-mode CSV: actual share = linear in the covariates plus noise. */
export async function writeModelCsv(path, rows = 98, seed = 1) {
  const random = rng(seed);
  const codes = municipalityCodes();
  const normal = () => {
    // Box–Muller: noise with a known spread, so R² is neither 0 nor 1.
    const u = Math.max(random(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const lines = [
    ["municipality", "actual_share_pct", "population_16_66", ...MODEL_COVARIATES].join(","),
  ];
  for (let i = 0; i < rows; i++) {
    const income = 220000 + random() * 150000;
    const education = 20 + random() * 40;
    const density = 20 + random() * 3000;
    const immigration = 3 + random() * 25;
    const share =
      14 -
      income / 50000 -
      education * 0.05 +
      Math.log(density) * 0.2 +
      immigration * 0.08 +
      normal() * 0.6;
    const population = Math.round(8000 + random() * 200000);
    lines.push(
      [
        codes[i % codes.length],
        share.toFixed(2),
        population,
        Math.round(income),
        education.toFixed(1),
        density.toFixed(2),
        immigration.toFixed(2),
      ].join(","),
    );
  }
  const out = createWriteStream(path);
  out.end(`${lines.join("\n")}\n`);
  await once(out, "finish");
  return { rows };
}

function flag(argv, name, fallback) {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] !== undefined ? Number(argv[at + 1]) : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [kind, out, ...rest] = process.argv.slice(2);
  const seed = flag(rest, "--seed", 1);
  if (kind === "index" && out) {
    const mb = flag(rest, "--mb", 10);
    const result = await writeIndexCsv(out, mb * 1024 * 1024, seed, flag(rest, "--quarters", 400));
    process.stdout.write(`${out}: ${result.rows} rows, ${result.bytes} bytes\n`);
  } else if (kind === "model" && out) {
    const result = await writeModelCsv(out, flag(rest, "--rows", 98), seed);
    process.stdout.write(`${out}: ${result.rows} rows\n`);
  } else {
    process.stderr.write(
      "usage: node bench/generate.mjs index|model OUT [--mb N] [--quarters N] [--rows N] [--seed N]\n",
    );
    process.exitCode = 2;
  }
}
