#!/usr/bin/env node
/**
 * Makes the SYNTHETIC demo meeting log of `jobindex continuity`:
 * data/demo/continuity-synthetic-2021K1-2022K4.csv, one row per meeting (citizen,
 * municipality, caseworker, date), all 98 municipalities, eight quarters across the
 * Vallensbæk–Ishøj split of 2022. Every id is invented (`synthetic-citizen-…`); the
 * numbers are not real results for any jobcentre. A few municipalities get fewer than 5
 * citizens a quarter, so suppression shows. Fixed seed: rerunning writes the same bytes.
 *
 *   node scripts/continuity-make-demo.mjs [OUT] [--meetings N --citizens C]
 *
 * With --meetings N --citizens C (tests: the memory check) it writes about N meetings of
 * about C citizens instead.
 */
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { mulberry32, ROOT, registryMunicipalities } from "./municipality-data.mjs";

const SEED = 20210101;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : Number(args[i + 1]);
};
const target = flag("--meetings");
const citizensWanted = flag("--citizens") ?? (target === undefined ? undefined : target / 3.5);
const positional = args.filter((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const OUT = positional[0] ?? join(ROOT, "data", "demo", "continuity-synthetic-2021K1-2022K4.csv");

const random = mulberry32(SEED);
const municipalities = registryMunicipalities().map((m) => ({ code: m.code, name: m.name }));
const perMunicipality =
  citizensWanted === undefined ? undefined : Math.ceil(citizensWanted / municipalities.length);
// Meetings per citizen: 1–6 in the demo; about target / citizens on average when asked.
const meanMeetings = target === undefined ? 3.5 : target / (citizensWanted ?? 1);
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
    // Short ids for the large test logs keep them quick to write and read.
    const citizen =
      target === undefined
        ? `synthetic-citizen-${citizenNo.toString(36).padStart(6, "0")}`
        : `c${citizenNo.toString(36)}`;
    const meetings = 1 + Math.floor(random() * (2 * meanMeetings - 1));
    const dates = Array.from({ length: meetings }, randomDate).sort();
    let caseworker = Math.floor(random() * caseworkers);
    for (const date of dates) {
      if (random() < changeRate)
        caseworker = (caseworker + 1 + Math.floor(random() * (caseworkers - 1))) % caseworkers;
      const name = random() < 0.1 && m % 2 === 0 ? muni.code : muni.name;
      await write(
        `${citizen},${name},${target === undefined ? "synthetic-caseworker-" : "w"}${muni.code}-${caseworker + 1},${date}\n`,
      );
    }
  }
}
out.end();
await new Promise((resolve) => out.on("finish", resolve));
