#!/usr/bin/env node
/**
 * Answers of the local test server for `fetch recipe covariates` and `fetch recipe fh`
 * (test/fetch/recipes.test.ts), in the APIs' shapes (/work/shared/data/api/README.md):
 *
 * - fixtures/fetch/statbank/TABLE.csv: StatBank BULK answers (BOM, `;`, CRLF, decimal
 *   comma, INDHOLD last) of the six tables of the covariates recipe, year 2021. The values
 *   are the shipped data/dst figures the benchmark's join uses for 2021 (the latest year not
 *   after it), so `benchmark --covariates default --covariate-data DIR` on the derived files
 *   must give the shipped model exactly. Shares and rates are written as counts over a fixed
 *   base (100,000 persons, 10,000 dwellings) that give the figure back after the recipe's
 *   rounding; the country and region rows carry made-up totals.
 * - fixtures/fetch/jobindsats-fh/TABLE.json: jobindsats v3 answers
 *   (`{"columns": [...], "rows": [...]}`) of the fh recipe's five tables for 2019K4, made
 *   from the synthetic FH demo input (data/demo/fh-synthetic-2019K1-2024K4.csv), with the
 *   labels data/fetch/recipes.json names; assembled, they must give back the demo's 2019K4
 *   columns.
 *
 * Deterministic (no randomness): `node scripts/make-fetch-fixtures-recipes.mjs`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codesBySpelling, ROOT, readCsv, spellingKey } from "./municipality-data.mjs";

const YEAR = 2021;
const registry = readCsv(join(ROOT, "data", "registry", "municipalities.csv"));
const nameOf = new Map(registry.map((m) => [m.code, m.name]));
const codes = codesBySpelling();

/** The shipped value the 2021 join uses, by municipality code. */
function joined(name) {
  const rows = readCsv(join(ROOT, "data", "dst", `${name}.csv`));
  const best = new Map();
  for (const r of rows) {
    const code = codes.get(spellingKey(r.municipality));
    const y = Number(r.year);
    if (y > YEAR) continue;
    if (!best.has(code) || best.get(code).year < y) best.set(code, { year: y, value: r.value });
  }
  return [...best].sort((a, b) => Number(a[0]) - Number(b[0]));
}

const comma = (x) => String(x).replace(".", ",");
const AGGREGATE_AREAS = ["000 Hele landet", "084 Region Hovedstaden", "Region Syddanmark"];
const statbank = join(ROOT, "fixtures", "fetch", "statbank");
mkdirSync(statbank, { recursive: true });
function bulk(table, header, rows) {
  writeFileSync(
    join(statbank, `${table}.csv`),
    `\uFEFF${[header.join(";"), ...rows.map((r) => r.join(";"))].join("\r\n")}\r\n`,
  );
}
/** `101 København` for tables that write codes, else the name. */
const area = (code, coded) => (coded ? `${code} ${nameOf.get(code)}` : nameOf.get(code));
const scaled = (value, factor) => Math.round(Number(value) * factor);

// INDKP101: average disposable income, one value per municipality.
bulk(
  "INDKP101",
  ["OMRÅDE", "ENHED", "KOEN", "TID", "INDHOLD"],
  [
    ...AGGREGATE_AREAS.map((a) => [
      a,
      "Gennemsnitlig disponibel indkomst (kr.)",
      "Mænd og kvinder i alt",
      YEAR,
      "250000",
    ]),
    ...joined("income").map(([code, v]) => [
      area(code, true),
      "Gennemsnitlig disponibel indkomst (kr.)",
      "Mænd og kvinder i alt",
      YEAR,
      comma(v.value),
    ]),
  ],
);

// BOL101: occupied dwellings by tenure, per 10,000.
bulk(
  "BOL101",
  ["OMRÅDE", "BEBO", "EJER", "TID", "INDHOLD"],
  joined("owner_occupied_dwelling_share_pct").flatMap(([code, v]) => {
    const owner = scaled(v.value, 100);
    const name = area(code, false);
    return [
      [name, "Beboede boliger", "I alt", YEAR, "10000"],
      [name, "Beboede boliger", "Ejerbolig", YEAR, String(owner)],
      [name, "Beboede boliger", "Lejebolig", YEAR, String(10000 - owner)],
      [name, "Ubeboede boliger", "I alt", YEAR, "400"],
      [name, "Ubeboede boliger", "Ejerbolig", YEAR, "150"],
    ];
  }),
);

// HFUDD11: population by highest education, per 100,000.
bulk(
  "HFUDD11",
  ["BOPOMR", "HERKOMST", "HFUDD", "ALDER", "KØN", "TID", "INDHOLD"],
  [
    ...AGGREGATE_AREAS.map((a) => [a, "I alt", "I alt", "Alder i alt", "I alt", YEAR, "4000000"]),
    ...joined("education").flatMap(([code, v]) => {
      const higher = scaled(v.value, 1000);
      const short = Math.floor(higher / 3);
      const name = area(code, true);
      return [
        [name, "I alt", "I alt", "Alder i alt", "I alt", YEAR, "100000"],
        [name, "I alt", "Grundskole", "Alder i alt", "I alt", YEAR, String(100000 - higher)],
        [
          name,
          "I alt",
          "Korte videregående uddannelser",
          "Alder i alt",
          "I alt",
          YEAR,
          String(short),
        ],
        [
          name,
          "I alt",
          "Lange videregående uddannelser",
          "Alder i alt",
          "I alt",
          YEAR,
          String(higher - short),
        ],
      ];
    }),
  ],
);

// AFSTB4: average commuting distance, km, one decimal.
bulk(
  "AFSTB4",
  ["BOPKOM", "TID", "INDHOLD"],
  [
    ["Hele landet", YEAR, "21,6"],
    ...joined("commute_distance_km").map(([code, v]) => [area(code, false), YEAR, comma(v.value)]),
  ],
);

// LBESK69: full-time employees by residence, over FOLK1A's 100,000 residents.
bulk(
  "LBESK69",
  ["BOPKOM", "TID", "INDHOLD"],
  joined("employment_per_1000").map(([code, v]) => [
    area(code, true),
    YEAR,
    String(scaled(v.value, 100)),
  ]),
);

// FOLK1A (1 January): 100,000 residents, the share aged 65+ in `65 år`, the rest in `64 år`.
bulk(
  "FOLK1A",
  ["OMRÅDE", "KØN", "ALDER", "CIVILSTAND", "TID", "INDHOLD"],
  [
    ...AGGREGATE_AREAS.map((a) => [a, "I alt", "Alder i alt", "I alt", `${YEAR}K1`, "5900000"]),
    ...joined("age65_pct").flatMap(([code, v]) => {
      const old = scaled(v.value, 1000);
      const name = area(code, true);
      return [
        [name, "I alt", "Alder i alt", "I alt", `${YEAR}K1`, "100000"],
        [name, "I alt", "64 år", "I alt", `${YEAR}K1`, String(100000 - old)],
        [name, "I alt", "65 år", "I alt", `${YEAR}K1`, String(old)],
      ];
    }),
  ],
);

// The fh recipe's five jobindsats tables (API v3 answers) for 2019K4, from the demo input.
const QUARTER = "2019K4";
const demoLines = readFileSync(join(ROOT, "data", "demo", "fh-synthetic-2019K1-2024K4.csv"), "utf8")
  .trim()
  .split("\n");
const head = demoLines[0].split(",");
const demo = demoLines
  .slice(1)
  .map((l) => Object.fromEntries(l.split(",").map((c, i) => [head[i], c])))
  .filter((r) => r.period === QUARTER);
const dk = (text) => text.replace(".", ",");
const jobindsats = join(ROOT, "fixtures", "fetch", "jobindsats-fh");
mkdirSync(jobindsats, { recursive: true });
const PERIOD = "2019Q4";
function v3(table, columns, rows) {
  writeFileSync(join(jobindsats, `${table}.json`), `${JSON.stringify({ columns, rows })}\n`);
}
const place = (r) => nameOf.get(r.municipality);
const sum = (key) => demo.reduce((s, r) => s + Number(r[key]), 0);
v3(
  "y01c07",
  ["Area", "Periode", "Fuldtidspersoner i aktivering", "Bruttoledige fuldtidspersoner"],
  [
    [
      "Hele landet",
      PERIOD,
      dk(sum("activation_fte").toFixed(1)),
      dk(sum("gross_unemployed_fte").toFixed(1)),
    ],
    ...demo.map((r) => [place(r), PERIOD, dk(r.activation_fte), dk(r.gross_unemployed_fte)]),
  ],
);
v3(
  "y01c02",
  ["Area", "Periode", "Tilbudstype", "Fuldtidspersoner i aktivering"],
  demo.flatMap((r) => {
    const rest = Number(r.activation_fte) - Number(r.activation_education_fte);
    const wage = Math.floor(rest / 2);
    return [
      [place(r), PERIOD, "Vejledning og opkvalificering i alt", dk(r.activation_education_fte)],
      [place(r), PERIOD, "Ansættelse med løntilskud i alt", String(wage)],
      [place(r), PERIOD, "Virksomhedspraktik i alt", dk((rest - wage).toFixed(1))],
    ];
  }),
);
for (const [table, spells, weeks] of [
  ["y01a27", "unemployment_spells_ended", "unemployment_spell_weeks"],
  ["y07a07", "sickness_spells_ended", "sickness_spell_weeks"],
]) {
  v3(
    table,
    ["Area", "Periode", "Afsluttede forløb", "Gennemsnitlig varighed (uger)"],
    [
      ["Region Syddanmark", PERIOD, "1000", 12.5],
      ...demo.map((r) => [place(r), PERIOD, r[spells], Number(r[weeks]) / Number(r[spells])]),
    ],
  );
}
v3(
  "y01a02",
  ["Area", "Periode", "Oprindelse", "Ledige fuldtidspersoner", "Arbejdsstyrke"],
  demo.flatMap((r) => [
    [
      place(r),
      PERIOD,
      "Personer med dansk oprindelse",
      r.danish_origin_unemployed,
      r.danish_origin_labour_force,
    ],
    [
      place(r),
      PERIOD,
      "Indvandrere fra ikke-vestlige lande",
      r.nonwestern_unemployed,
      r.nonwestern_labour_force,
    ],
    [place(r), PERIOD, "Efterkommere fra ikke-vestlige lande", "12", "200"],
  ]),
);
