#!/usr/bin/env node
/**
 * The SYNTHETIC business-service survey export (data/survey/business-service-SYNTHETIC-demo.csv):
 * two rounds (2023, 2024) of answers from businesses in the seven Trekant municipalities,
 * shaped as a survey tool exports them (respondent id, company, municipality, date, one
 * column per question, a free-text comment). Seeded, so the file is the same on every run.
 * Each municipality has its own satisfaction level per area; some cells are kept small on
 * purpose (under 5 answers) so suppression shows.
 *
 *   node scripts/survey-make-demo.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";
import { mulberry32 } from "./municipality-data.mjs";

const root = new URL("../", import.meta.url);
const map = JSON.parse(
  readFileSync(new URL("data/survey/business-service-questions.json", root), "utf8"),
);
const questions = Object.keys(map.questions);
const LABELS = [
  "Meget utilfreds",
  "Utilfreds",
  "Hverken tilfreds eller utilfreds",
  "Tilfreds",
  "Meget tilfreds",
];

const random = mulberry32(20240917);

// Name as a survey tool writes it, respondents per round, a level per area (mean on 1–5).
const UNITS = [
  { name: "Kolding", n: [34, 38], level: 3.9 },
  { name: "Fredericia", n: [22, 25], level: 3.6 },
  { name: "Vejen", n: [12, 14], level: 3.4 },
  { name: "Haderslev", n: [20, 19], level: 3.7 },
  { name: "Middelfart", n: [13, 15], level: 3.8 },
  { name: "Billund", n: [16, 18], level: 4.1 },
  { name: "Vejle", n: [36, 40], level: 3.5 },
];
// Internships are rare in small places: few answers there, so suppression shows.
const ANSWER_RATE = { recruitment: 0.95, upskilling: 0.7, internships: 0.45, retention: 0.6 };
const COMMENTS = [
  "",
  "",
  "",
  "Hurtig kontakt, tak.",
  "Svært at få fat i den rette konsulent.",
  "Gode kandidater.",
  "Ring gerne igen.",
];

function score(level) {
  const s = Math.round(level + (random() + random() + random() - 1.5) * 1.6);
  return Math.min(5, Math.max(1, s));
}
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const header = ["Respondent-ID", "Virksomhed", "kommune", "dato", ...questions, "Kommentar"];
const lines = [header.map(quote).join(",")];
let id = 1000;
for (const [r, year] of [2023, 2024].entries()) {
  for (const unit of UNITS) {
    for (let i = 0; i < unit.n[r]; i++) {
      id += 1 + Math.floor(random() * 3);
      const month = 3 + Math.floor(random() * 3);
      const day = 1 + Math.floor(random() * 28);
      const answers = questions.map((q) => {
        const area = map.questions[q];
        let rate = ANSWER_RATE[area];
        if (area === "internships" && unit.n[r] < 14) rate = 0.15;
        if (random() > rate) return random() < 0.3 ? "Ved ikke" : "";
        return LABELS[
          score(unit.level + (r === 1 ? 0.15 : 0) + (area === "retention" ? -0.3 : 0)) - 1
        ];
      });
      const company = `SYNTETISK Virksomhed ${id} ApS`;
      const comment = COMMENTS[Math.floor(random() * COMMENTS.length)];
      lines.push(
        [
          `R${id}`,
          company,
          unit.name,
          `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
          ...answers,
          comment,
        ]
          .map(quote)
          .join(","),
      );
    }
  }
}
writeFileSync(
  new URL("data/survey/business-service-SYNTHETIC-demo.csv", root),
  `${lines.join("\n")}\n`,
);
console.log(`wrote ${lines.length - 1} SYNTHETIC respondents`);
