#!/usr/bin/env node
/**
 * Builds the benchmark's test fixtures from the shipped real data (deterministic, re-runnable):
 *
 *   node scripts/benchmark-fixtures.mjs
 *
 * - fixtures/benchmark/y30r21-2021QMAT04-api.json   the 2021QMAT04 rows as a jobindsats API v2
 *   response (Variables/Data), shares as strings with decimal commas as the API writes them
 * - fixtures/benchmark/y30r21-2021QMAT04.csv        the same rows as a `;`-separated CSV with
 *   decimal commas and the same column labels
 * - fixtures/benchmark/y30r21-swapped-rank.jsonl    2021QMAT04, all benefits, with the published
 *   ranks of Gladsaxe (1) and Ballerup (2) swapped: a deliberate contradiction
 * - fixtures/benchmark/lm-input.csv                 98 municipalities: Y30R21 actual share
 *   2021QMAT04 (all benefits), the implied population 16–66, and covariates from data/dst as of
 *   2021 (latest year not after 2021), for scripts/benchmark-lm-fixture.R
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = (name) => join(root, "fixtures", "benchmark", name);
const lines = readFileSync(
  join(root, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl"),
  "utf8",
)
  .split("\n")
  .filter((l) => l.trim() !== "");
const records = lines.map((l) => JSON.parse(l));
const latest = records.filter((r) => r.Periode === "2021QMAT04");
const labels = Object.keys(latest[0]);

// API v2 form: Variables with labels, Data rows in Variables order.
const api = {
  Variables: labels.map((label) => ({ Label: label })),
  Data: latest.map((r) => labels.map((l) => r[l])),
};
writeFileSync(out("y30r21-2021QMAT04-api.json"), `${JSON.stringify(api, null, 1)}\n`);

// CSV form: `;` separator, decimal commas (counts are integers already).
const csvCell = (v) => {
  const text = typeof v === "number" ? String(v).replace(".", ",") : String(v);
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
writeFileSync(
  out("y30r21-2021QMAT04.csv"),
  `${[labels.map(csvCell).join(";"), ...latest.map((r) => labels.map((l) => csvCell(r[l])).join(";"))].join("\n")}\n`,
);

// A deliberate contradiction: swap the published ranks of the first two.
const RANK = "Placering på benchmarkranglisten";
const total = latest.filter((r) => r.Ydelsesgrupper === "Ydelsesgrupper i alt");
const swapped = total.map((r) => {
  if (r.Area === "Gladsaxe") return { ...r, [RANK]: 2 };
  if (r.Area === "Ballerup") return { ...r, [RANK]: 1 };
  return r;
});
writeFileSync(
  out("y30r21-swapped-rank.jsonl"),
  `${swapped.map((r) => JSON.stringify(r)).join("\n")}\n`,
);

// Model fixture input: actual share and covariates as of 2021.
const COVARIATES = [
  "income",
  "education",
  "population_density",
  "immigration_share_pct",
  "age65_pct",
];
const YEAR = 2021;
const dstName = (name) => (name === "Copenhagen" ? "København" : name);
const asOf = {};
for (const cov of COVARIATES) {
  const rows = readFileSync(join(root, "data", "dst", `${cov}.csv`), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const byName = new Map();
  for (const row of rows) {
    const [name, year, value] = row.split(",");
    const list = byName.get(dstName(name)) ?? [];
    list.push([Number(year), Number(value)]);
    byName.set(dstName(name), list);
  }
  asOf[cov] = (name) => {
    const list = (byName.get(name) ?? []).sort((a, b) => a[0] - b[0]);
    const before = list.filter(([y]) => y <= YEAR);
    return (before.at(-1) ?? list[0])[1];
  };
}
const share = (s) => Number(String(s).replace(",", "."));
const header = ["municipality", "actual_share_pct", "population_16_66", ...COVARIATES];
const body = total.map((r) => {
  const actual = share(
    r["Forventet og faktisk andel fuldtidspersoner på offentlig forsørgelse: Faktisk andel (pct.)"],
  );
  const persons =
    r["Forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse: Faktisk antal"];
  const population = (persons / actual) * 100;
  return [r.Area, actual, population, ...COVARIATES.map((c) => asOf[c](r.Area))].join(",");
});
writeFileSync(out("lm-input.csv"), `${[header.join(","), ...body].join("\n")}\n`);
console.log(
  `wrote ${latest.length} API/CSV rows, ${swapped.length} swapped rows, ${body.length} model rows`,
);

// Derived cases for the diagnostics and join tests (fixtures/benchmark/bad, …/covariates).
const modelRows = body.map((line) => line.split(","));
const csvOf = (head, rows) => `${[head.join(","), ...rows.map((r) => r.join(","))].join("\n")}\n`;
const col = (name) => header.indexOf(name);
writeFileSync(
  out("bad/zero-density.csv"),
  csvOf(
    header,
    modelRows.map((r) =>
      r[0] === "Billund" ? r.map((v, i) => (i === col("population_density") ? "0" : v)) : r,
    ),
  ),
);
writeFileSync(out("bad/duplicate.csv"), csvOf(header, [...modelRows, modelRows[5]]));
writeFileSync(
  out("bad/collinear.csv"),
  csvOf(
    [...header, "income_twice"],
    modelRows.map((r) => [...r, String(2 * Number(r[col("income")]))]),
  ),
);
/** A long file `municipality,year,value` with the given [year, value] pairs per model row. */
const writeLongFile = (name, pairsOf) =>
  writeFileSync(
    out(`covariates/${name}.csv`),
    csvOf(
      ["municipality", "year", "value"],
      modelRows.flatMap((r) => pairsOf(r).map(([year, value]) => [r[0], year, value])),
    ),
  );
writeLongFile("density_test", (r) => [
  [2019, r[col("population_density")]],
  [2023, 2 * Number(r[col("population_density")])],
]);
writeLongFile("late_only", (r) => [[2023, r[col("age65_pct")]]]);

// Counts instead of a share: public_support_fte and population_16_66, with a period column.
writeFileSync(
  out("counts-input.csv"),
  csvOf(
    ["municipality", "period", "public_support_fte", "population_16_66", "income", "education"],
    modelRows.map((r) => [
      r[0],
      "2021QMAT04",
      String((Number(r[col("actual_share_pct")]) / 100) * Number(r[col("population_16_66")])),
      r[col("population_16_66")],
      r[col("income")],
      r[col("education")],
    ]),
  ),
);
