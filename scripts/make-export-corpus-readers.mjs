#!/usr/bin/env node
/**
 * The readers' export corpus (fixtures/exports/, README there): the shipped real data
 * written the way analysts' downloads look, with title lines, footnotes, Excel's padded
 * `;;;;` rows, Danish integers with `.` for thousands, Latin-1. Seeded: the same files
 * every run. `node scripts/make-export-corpus-readers.mjs`
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32 } from "./municipality-data.mjs";

const root = join(import.meta.dirname, "..");
const out = (name) => join(root, "fixtures", "exports", name);

// Seeded, so the empty rows land in the same places.
const next = mulberry32(20240612);

// The benchmark: the shipped Y30R21 extract's latest period, as a `;` CSV.
const y30 = readFileSync(join(root, "data/benchmark/y30r21-2020QMAT02-2021QMAT04.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l));
const latest = y30.reduce((p, r) => (r.Periode > p ? r.Periode : p), "");
const rows = y30.filter((r) => r.Periode === latest);
const keys = Object.keys(rows[0]);
const benchmarkLines = [
  keys.join(";"),
  ...rows.map((r) => keys.map((k) => String(r[k])).join(";")),
];
writeFileSync(out("benchmark-clean.csv"), `${benchmarkLines.join("\n")}\n`);
const title = [`Forventet og faktisk antal fuldtidspersoner (Y30R21), ${latest}`, "Alle kommuner"];
const footnotes = [
  "Kilde: jobindsats.dk, STAR (udtrukket fra det leverede datasæt)",
  "Anm.: Forventet antal er beregnet af STAR ud fra rammevilkår.",
];
writeFileSync(
  out("benchmark-title-footnote.csv"),
  `${[...title, "", ...benchmarkLines, "", ...footnotes].join("\r\n")}\r\n`,
);
writeFileSync(
  out("benchmark-latin1-title.csv"),
  Buffer.from(`${[title[0], ...benchmarkLines].join("\r\n")}\r\n`, "latin1"),
);

// The index (open method): the shipped jobindsats quarterly counts.
const open = readFileSync(join(root, "data/open/jobindsats-quarterly.csv"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => l.split(","));
const [header, ...data] = open;
const width = header.length;
const pad = (cell) => `${cell}${";".repeat(width - 1)}`;
const padded = [
  pad("Ledighed og kontanthjælp pr. kommune"),
  pad("Kvartaler"),
  ";".repeat(width - 1),
];
padded.push(header.join(";"));
for (const row of data) {
  padded.push(row.map((c) => c.replace(".", ",")).join(";"));
  if (next() < 0.01) padded.push(";".repeat(width - 1));
}
padded.push(
  ";".repeat(width - 1),
  pad("Kilde: jobindsats.dk"),
  pad("Anm.: Gennemsnit af måneder."),
);
writeFileSync(out("index-open-excel-padded.csv"), `${padded.join("\r\n")}\r\n`);

// Integers only, Danish style: whole counts with `.` grouping thousands, and the same
// counts written plainly (the clean file to compare with).
const whole = data.map((row) => row.map((c, i) => (i < 2 ? c : String(Math.round(Number(c))))));
const thousands = (c) => c.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
writeFileSync(
  out("index-open-integers-clean.csv"),
  `${[header.join(","), ...whole.map((r) => r.join(","))].join("\n")}\n`,
);
writeFileSync(
  out("index-open-danish-integers.csv"),
  `${[header.join(";"), ...whole.map((r) => r.map((c, i) => (i < 2 || header[i] === "population_year" ? c : thousands(c))).join(";"))].join("\n")}\n`,
);
