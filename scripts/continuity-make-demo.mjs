#!/usr/bin/env node
/**
 * Makes the SYNTHETIC demo meeting log of `jobindex continuity`:
 * data/demo/continuity-synthetic-2021K1-2022K4.csv, one row per meeting (citizen,
 * municipality, caseworker, date), all 98 municipalities, eight quarters across the
 * Vallensbæk–Ishøj split of 2022. Every id is invented (`synthetic-citizen-…`); the
 * numbers are not real results for any jobcentre. A few municipalities get fewer than 5
 * citizens a quarter, so suppression shows. Fixed seed: rerunning writes the same bytes.
 *
 *   node scripts/continuity-make-demo.mjs [OUT] [--meetings N]
 *
 * With --meetings N (tests: the memory check) it writes about N meetings instead.
 */
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { mulberry32, ROOT, registryMunicipalities } from "./municipality-data.mjs";

const SEED = 20210101;
const args = process.argv.slice(2);
const at = args.indexOf("--meetings");
const target = at === -1 ? undefined : Number(args[at + 1]);
const positional = args.filter((a, i) => !a.startsWith("--") && (at === -1 || i !== at + 1));
const OUT = positional[0] ?? join(ROOT, "data", "demo", "continuity-synthetic-2021K1-2022K4.csv");

const random = mulberry32(SEED);
const municipalities = registryMunicipalities().map((m) => ({ code: m.code, name: m.name }));
// Meetings per citizen are ~3.5, so citizens per municipality follow the target.
const perMunicipality =
  target === undefined ? undefined : Math.ceil(target / 3.5 / municipalities.length);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function randomDate() {
  const year = random() < 0.5 ? 2021 : 2022;
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * DAYS[month - 1]);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const out = createWriteStream(OUT);
const write = (line) =>
  new Promise((resolve) => (out.write(line) ? resolve() : out.once("drain", resolve)));

await write("citizen,municipality,caseworker,date\n");
let citizenNo = 0;
for (const [m, muni] of municipalities.entries()) {
  // Læsø, Fanø and Samsø-sized caseloads: a handful of citizens, so some quarters are suppressed.
  const small = ["825", "563", "741", "492"].includes(muni.code);
  const citizens =
    perMunicipality ?? (small ? 3 + Math.floor(random() * 6) : 15 + Math.floor(random() * 30));
  const caseworkers = small ? 2 : 3 + Math.floor(random() * 6);
  // How often a meeting goes to another caseworker: the local practice being measured.
  const changeRate = 0.05 + 0.4 * random();
  for (let c = 0; c < citizens; c++) {
    citizenNo++;
    const citizen = `synthetic-citizen-${citizenNo.toString(36).padStart(6, "0")}`;
    const meetings = 1 + Math.floor(random() * 6);
    const dates = Array.from({ length: meetings }, randomDate).sort();
    let caseworker = Math.floor(random() * caseworkers);
    for (const date of dates) {
      if (random() < changeRate)
        caseworker = (caseworker + 1 + Math.floor(random() * (caseworkers - 1))) % caseworkers;
      const name = random() < 0.1 && m % 2 === 0 ? muni.code : muni.name;
      await write(
        `${citizen},${name},synthetic-caseworker-${muni.code}-${caseworker + 1},${date}\n`,
      );
    }
  }
}
out.end();
await new Promise((resolve) => out.on("finish", resolve));
