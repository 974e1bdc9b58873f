#!/usr/bin/env node
/**
 * The demo input of `index --method quality-combined` (data/methods/README.md): one row per
 * municipality and quarter of the seven Trekantområdet and Haderslev jobcentres, 2023K4 and
 * 2024K4 (the survey demo's two rounds), with three sources side by side:
 *
 * - the open-data counts of `open`: REAL, copied from data/open/jobindsats-quarterly.csv;
 * - the survey's four areas: SYNTHETIC, `jobindex survey --format index-input` on the
 *   SYNTHETIC demo export (data/survey/business-service-SYNTHETIC-demo-index-input.csv);
 * - caseworker continuity: SYNTHETIC, `jobindex continuity --unit municipality --format
 *   index-input` on a seeded synthetic meeting log of those municipalities and quarters,
 *   written here too (data/demo/continuity-synthetic-trekant-2023K4-2024K4.csv).
 *
 * The file is labelled SYNTHETIC (its `data` column and its name): two of its three sources
 * are invented. Needs the built command line (`npm run build`); fixed seed, so a rerun
 * writes the same bytes. `node scripts/quality-combined-make-demo.mjs`
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32, ROOT } from "./municipality-data.mjs";

const SEED = 20231001;
const random = mulberry32(SEED);
const QUARTERS = [
  { period: "2023K4", year: 2023 },
  { period: "2024K4", year: 2024 },
];
/** Trekantområdet og Haderslev (data/registry/groups.json `trekant`): one jobcentre each. */
const MUNICIPALITIES = [
  { code: "410", name: "Middelfart" },
  { code: "510", name: "Haderslev" },
  { code: "530", name: "Billund" },
  { code: "575", name: "Vejen" },
  { code: "607", name: "Fredericia" },
  { code: "621", name: "Kolding" },
  { code: "630", name: "Vejle" },
];
const LOG = join(ROOT, "data", "demo", "continuity-synthetic-trekant-2023K4-2024K4.csv");
const OUT = join(ROOT, "data", "demo", "quality-combined-SYNTHETIC-2023K4-2024K4.csv");
const bin = join(ROOT, "bin", "jobindex.js");

// 1. The synthetic meeting log: meetings in October–December of each year.
const log = ["citizen,municipality,caseworker,date"];
let citizenNo = 0;
for (const muni of MUNICIPALITIES) {
  const caseworkers = 3 + Math.floor(random() * 5);
  const changeRate = 0.05 + 0.35 * random();
  for (const { year } of QUARTERS) {
    const citizens = 12 + Math.floor(random() * 25);
    for (let c = 0; c < citizens; c++) {
      citizenNo++;
      const citizen = `synthetic-citizen-q${citizenNo.toString(36).padStart(5, "0")}`;
      const meetings = 1 + Math.floor(random() * 5);
      const dates = Array.from({ length: meetings }, () => {
        const month = 10 + Math.floor(random() * 3);
        const day = 1 + Math.floor(random() * (month === 11 ? 30 : 31));
        return `${year}-${month}-${String(day).padStart(2, "0")}`;
      }).sort();
      let caseworker = Math.floor(random() * caseworkers);
      for (const date of dates) {
        if (random() < changeRate)
          caseworker = (caseworker + 1 + Math.floor(random() * (caseworkers - 1))) % caseworkers;
        log.push(
          `${citizen},${muni.name},synthetic-caseworker-${muni.code}-${caseworker + 1},${date}`,
        );
      }
    }
  }
}
writeFileSync(LOG, `${log.join("\n")}\n`);

// 2. The three sources per municipality and quarter.
function csvRows(text) {
  const [header, ...lines] = text.trim().split("\n");
  const names = header.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v])));
}
const key = (r) => `${r.municipality}|${r.period}`;
const continuity = new Map(
  csvRows(
    execFileSync(
      process.execPath,
      [bin, "continuity", "--input", LOG, "--unit", "municipality", "--format", "index-input"],
      { encoding: "utf8" },
    ),
  ).map((r) => [key(r), r]),
);
const survey = new Map(
  csvRows(
    readFileSync(
      join(ROOT, "data", "survey", "business-service-SYNTHETIC-demo-index-input.csv"),
      "utf8",
    ),
  ).map((r) => [key(r), r]),
);
const open = new Map(
  csvRows(readFileSync(join(ROOT, "data", "open", "jobindsats-quarterly.csv"), "utf8")).map((r) => [
    key(r),
    r,
  ]),
);

const OPEN = [
  "unemployed",
  "unemployed_year_before",
  "longterm_unemployed",
  "cash_assistance_fte",
  "cash_assistance_activated_fte",
  "population",
];
const SURVEY = ["recruitment", "upskilling", "internships", "retention"].flatMap((a) => [
  `${a}_answers`,
  `${a}_satisfied`,
]);
const CONTINUITY = ["continuity_citizens", "continuity_changes", "continuity_changed_citizens"];
const header = ["municipality", "name", "period", ...OPEN, ...SURVEY, ...CONTINUITY, "data"];
const lines = [header.join(",")];
for (const muni of MUNICIPALITIES) {
  for (const { period } of QUARTERS) {
    const k = `${muni.code}|${period}`;
    const o = open.get(k);
    const s = survey.get(k);
    const c = continuity.get(k);
    if (!o || !s || !c)
      throw new Error(`no ${!o ? "open" : !s ? "survey" : "continuity"} row for ${k}`);
    lines.push(
      [
        muni.code,
        muni.name,
        period,
        ...OPEN.map((n) => o[n]),
        ...SURVEY.map((n) => s[n]),
        ...CONTINUITY.map((n) => c[n]),
        "SYNTHETIC demo (open-data columns real)",
      ].join(","),
    );
  }
}
writeFileSync(OUT, `${lines.join("\n")}\n`);
