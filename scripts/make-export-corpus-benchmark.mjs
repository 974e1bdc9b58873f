#!/usr/bin/env node
/**
 * The benchmark's export corpus (fixtures/exports/benchmark-*): realistic variations of the
 * shipped Y30R21 extract (data/benchmark/y30r21-2020QMAT02-2021QMAT04.jsonl), each a case
 * of issue 12 with the ranking or warning it must give (test/benchmark/export-corpus.test.ts).
 * Seeded, so a rerun writes the same bytes: `node scripts/make-export-corpus-benchmark.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./municipality-data.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = (name) => join(root, "fixtures", "exports", name);
const SEED = 20261201;

const rand = mulberry32(SEED);
const pick = (list) => list[Math.floor(rand() * list.length)];

const lines = readFileSync(
  join(root, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl"),
  "utf8",
)
  .trim()
  .split("\n");
const rows = lines.map((l) => JSON.parse(l));
const PERIOD = "2021QMAT04";
const latest = rows.filter((r) => r.Periode === PERIOD);
const key = (suffix) => Object.keys(rows[0]).find((k) => k.endsWith(suffix));
const EXPECTED_PCT = key("Forventet andel (pct.)");
const RANK = "Placering på benchmarkranglisten";

const registry = readFileSync(join(root, "data", "registry", "municipalities.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(","));
const syddanmark = new Set(registry.filter((c) => c[2] === "DK-83").map((c) => c[1]));

const jsonl = (records) => `${records.map((r) => JSON.stringify(r)).join("\n")}\n`;

// 1. Region Syddanmark's 22 municipalities only, every period and group.
writeFileSync(
  out("benchmark-syddanmark-only.jsonl"),
  jsonl(rows.filter((r) => syddanmark.has(r.Area))),
);

// 2. A JSON array holding one object: one municipality, the latest period, all benefits.
const one = pick(latest.filter((r) => r.Ydelsesgrupper === "Ydelsesgrupper i alt"));
writeFileSync(out("benchmark-one-object.json"), `${JSON.stringify([one], null, 2)}\n`);

// 3. Inconsistent published figures, latest period: one expected share edited by 0.30 (so
// actual − expected ≠ the published difference), and one published rank given twice.
const total = latest.filter((r) => r.Ydelsesgrupper === "Ydelsesgrupper i alt");
const edited = pick(total);
const [rankFrom, rankTo] = [
  pick(total.filter((r) => r !== edited)),
  pick(total.filter((r) => r !== edited)),
];
const inconsistent = latest.map((r) => {
  if (r === edited) {
    const value = Number(String(r[EXPECTED_PCT]).replace(",", ".")) + 0.3;
    return { ...r, [EXPECTED_PCT]: value.toFixed(2).replace(".", ",") };
  }
  if (r === rankFrom && rankFrom !== rankTo) return { ...r, [RANK]: rankTo[RANK] };
  return r;
});
writeFileSync(out("benchmark-inconsistent-published.jsonl"), jsonl(inconsistent));

// 4. Total and region rows, as jobindsats exports carry them: `Hele landet` and the five
// regions per group, inserted at seeded places among the latest period's rows.
const aggregateNames = [
  "Hele landet",
  "Region Hovedstaden",
  "Region Sjælland",
  "Region Syddanmark",
  "Region Midtjylland",
  "Region Nordjylland",
];
const withAggregates = [...latest];
for (const group of [...new Set(latest.map((r) => r.Ydelsesgrupper))]) {
  const template = latest.find((r) => r.Ydelsesgrupper === group);
  for (const name of aggregateNames) {
    const at = Math.floor(rand() * (withAggregates.length + 1));
    withAggregates.splice(at, 0, { ...template, Area: name, [RANK]: null });
  }
}
writeFileSync(out("benchmark-aggregate-rows.jsonl"), jsonl(withAggregates));

console.log(
  `wrote fixtures/exports/benchmark-*: one object ${one.Area}; inconsistent: ${edited.Area}'s expected share +0.30, ${rankFrom.Area} given ${rankTo.Area}'s rank ${rankTo[RANK]}`,
);
