#!/usr/bin/env node
/**
 * Makes the SYNTHETIC demo input of the FH-style index:
 * data/demo/fh-synthetic-2019K1-2024K4.csv, 98 municipalities × 24 quarters, METHOD.md A's
 * canonical columns (counts, not ratios).
 *
 * Everything is generated from a fixed seed with a small PRNG (mulberry32), except the size
 * of each municipality: its real population on 1 January 2019 (Statistics Denmark FOLK1A,
 * via data/dst/population.csv, copied from the shared data folder) scales the counts so
 * magnitudes are realistic. The figures are not real results for any jobcentre.
 *
 * Run: node scripts/index-make-demo.mjs   (same output byte for byte on every run)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  codesBySpelling,
  mulberry32,
  populationRows,
  ROOT,
  registryMunicipalities,
  spellingKey,
} from "./municipality-data.mjs";

const SEED = 20190101;
const FIRST_YEAR = 2019;
const LAST_YEAR = 2024;
const OUT = join(ROOT, "data", "demo", `fh-synthetic-${FIRST_YEAR}K1-${LAST_YEAR}K4.csv`);
const POPULATION_YEAR = "2019";

const random = mulberry32(SEED);
/** Standard normal by Box–Muller (one of the pair; simplicity over speed). */
function normal() {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
const round1 = (x) => Math.round(x * 10) / 10;

function municipalitiesWithPopulation() {
  const municipalities = registryMunicipalities();
  const byKey = codesBySpelling(municipalities);
  const population = new Map();
  for (const row of populationRows()) {
    if (row.year !== POPULATION_YEAR) continue;
    const code = byKey.get(spellingKey(row.municipality));
    if (code !== undefined) population.set(code, Number(row.value));
  }
  const out = municipalities.map((m) => ({ code: m.code, population: population.get(m.code) }));
  const lacking = out.filter((m) => !(m.population > 0));
  if (lacking.length > 0)
    throw new Error(
      `no ${POPULATION_YEAR} population for ${lacking.map((m) => m.code).join(", ")}`,
    );
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

/** National unemployment level by quarter: a 2020–21 pandemic rise, a 2022 low. */
function cycle(year, quarter) {
  const t = year + (quarter - 1) / 4;
  let level = 1;
  if (t >= 2020.25 && t < 2021.5) level = 1.45 - 0.25 * (t - 2020.25);
  else if (t >= 2021.5 && t < 2023) level = 0.82;
  else if (t >= 2023) level = 0.82 + 0.06 * (t - 2023);
  const season = [1.08, 0.97, 0.95, 1.0][quarter - 1];
  return level * season;
}

const INDICATOR_EFFECTS = ["upskilling", "sickness", "nonwestern", "activation", "unemployment"];

function main() {
  const municipalities = municipalitiesWithPopulation().map((m) => {
    const quality = normal();
    const effects = Object.fromEntries(
      INDICATOR_EFFECTS.map((k) => [k, 0.6 * quality + 0.8 * normal()]),
    );
    const drift = Object.fromEntries(INDICATOR_EFFECTS.map((k) => [k, 0]));
    const size = m.population / 50000;
    return {
      ...m,
      effects,
      drift,
      // Non-Western share of the labour force: larger in bigger, urban municipalities.
      nonwesternShare: clamp(0.02 + 0.05 * Math.exp(0.5 * normal()) * size ** 0.2, 0.015, 0.22),
      unemploymentLevel: Math.exp(0.18 * normal()),
      sicknessRate: 0.011 * Math.exp(0.12 * normal()),
    };
  });
  // The columns the fh profile reads, in its order: the profile is their one source.
  const fh = JSON.parse(readFileSync(join(ROOT, "data", "methods", "fh.json"), "utf8"));
  const header = ["municipality", "period", ...fh.input.columns.map((c) => c.name)];
  const lines = [header.join(",")];
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const level = cycle(year, quarter);
      for (const m of municipalities) {
        // Effort drifts slowly (AR(1)), so ranks persist but move from quarter to quarter.
        for (const k of INDICATOR_EFFECTS) m.drift[k] = 0.8 * m.drift[k] + 0.3 * normal();
        const effect = (k) => m.effects[k] + m.drift[k];
        const growth = 1 + 0.004 * (year - FIRST_YEAR);
        const labourForce = 0.5 * m.population * growth;
        const nonwesternLF = Math.max(8, Math.round(labourForce * m.nonwesternShare));
        const danishLF = Math.round(labourForce * (0.93 - m.nonwesternShare));
        const danishRate = 0.034 * level * m.unemploymentLevel * Math.exp(0.04 * normal());
        const excess = clamp(0.075 * level * Math.exp(-0.2 * effect("nonwestern")), 0.01, 0.3);
        const danishUnemployed = Math.max(1, Math.round(danishLF * danishRate));
        const nonwesternUnemployed = Math.max(1, Math.round(nonwesternLF * (danishRate + excess)));
        const gross = round1(Math.max(2, 0.92 * (danishUnemployed + nonwesternUnemployed)));
        const activation = round1(
          gross * clamp(0.24 * Math.exp(0.18 * effect("activation")), 0.06, 0.6),
        );
        const education = round1(
          activation * clamp(0.21 * Math.exp(0.2 * effect("upskilling")), 0.03, 0.7),
        );
        const spells = Math.max(1, Math.round(gross * 0.85 * Math.exp(0.08 * normal())));
        const spellLength = clamp(
          15 * Math.sqrt(level) * Math.exp(-0.09 * effect("unemployment")),
          5,
          40,
        );
        const sickSpells = Math.max(
          1,
          Math.round(m.population * m.sicknessRate * Math.exp(0.06 * normal())),
        );
        const sickLength = clamp(10.5 * Math.exp(-0.08 * effect("sickness")), 4, 30);
        lines.push(
          [
            m.code,
            `${year}K${quarter}`,
            activation,
            Math.min(education, activation),
            gross,
            spells,
            Math.round(spells * spellLength * Math.exp(0.03 * normal())),
            sickSpells,
            Math.round(sickSpells * sickLength * Math.exp(0.03 * normal())),
            Math.min(nonwesternUnemployed, nonwesternLF),
            nonwesternLF,
            danishUnemployed,
            danishLF,
          ].join(","),
        );
      }
    }
  }
  writeFileSync(OUT, `${lines.join("\n")}\n`);
  process.stdout.write(`wrote ${OUT.slice(ROOT.length + 1)} (${lines.length - 1} rows)\n`);
}

main();
