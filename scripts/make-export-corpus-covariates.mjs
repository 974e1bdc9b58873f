#!/usr/bin/env node
/**
 * The covariate and index cases of the export corpus (issue 12 items 4 and 6):
 *
 * - fixtures/exports/covariates-aliases/: the default model's six covariates from data/dst,
 *   each file with another spelling of the header (kommune;år;værdi, område;aar;indhold,
 *   Area;Tid;Value …), `;` and decimal commas, and the country and region rows that
 *   exports carry at seeded places.
 * - fixtures/exports/covariates-statbank/: the same values in StatBank's bulk shape (BOM,
 *   CRLF, `OMRÅDE;<other variables>;TID;INDHOLD`), areas as `101 København` or by name,
 *   `000 Hele landet` and `084 Region Hovedstaden` rows, years as `2019` or `2019K1`, and
 *   `..` (not available) in seeded cells of years the 2021 join does not use.
 * - fixtures/exports/covariates-bad-header/, covariates-varying-variable/: the errors.
 * - fixtures/exports/index-fh-*.csv: the synthetic FH demo input with total and region
 *   rows, and one region only.
 *
 * Both covariate folders must give exactly the model-mode benchmark of the shipped
 * data/dst files (test/benchmark/covariate-corpus.test.ts). Seeded: a rerun writes the same
 * bytes. `node scripts/make-export-corpus-covariates.mjs`
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codesBySpelling, mulberry32, ROOT, readCsv, spellingKey } from "./municipality-data.mjs";

const SEED = 20261202;
const rand = mulberry32(SEED);
const between = (n) => Math.floor(rand() * n);
const exports = join(ROOT, "fixtures", "exports");
const folder = (name) => {
  const dir = join(exports, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const DEFAULT = [
  "income",
  "owner_occupied_dwelling_share_pct",
  "education",
  "commute_distance_km",
  "employment_per_1000",
  "age65_pct",
];
/** The year the shipped join uses for 2021 (the latest not after it), per municipality. */
const JOIN_YEAR = 2021;

const codes = codesBySpelling();
const registry = readCsv(join(ROOT, "data", "registry", "municipalities.csv"));
const nameOf = new Map(registry.map((m) => [m.code, m.name]));

/** The shipped long file as rows of strings, exactly as written. */
function shipped(name) {
  const lines = readFileSync(join(ROOT, "data", "dst", `${name}.csv`), "utf8")
    .trim()
    .split("\n");
  return lines.slice(1).map((l) => {
    const [municipality, year, value] = l.split(",");
    return { municipality, year, value };
  });
}

/** Inserts each extra row at a seeded place. */
function scatter(rows, extra) {
  const out = [...rows];
  for (const row of extra) out.splice(between(out.length + 1), 0, row);
  return out;
}

const comma = (value) => value.replace(".", ",");

// 1. Aliased headers, `;`, decimal commas, country and region rows.
const HEADERS = [
  ["kommune", "år", "værdi"],
  ["område", "aar", "indhold"],
  ["Area", "Tid", "Value"],
  ["Kommune", "År", "Værdi"],
  ["OMRÅDE", "year", "value"],
  ["municipality", "aar", "vaerdi"],
];
const AGGREGATES = [
  "Hele landet",
  "Region Hovedstaden",
  "Region Syddanmark",
  "I alt",
  "Landsdel Fyn",
];
const aliases = folder("covariates-aliases");
DEFAULT.forEach((name, i) => {
  const rows = shipped(name);
  const years = [...new Set(rows.map((r) => r.year))];
  const extra = AGGREGATES.slice(0, 2 + (i % 4)).map((area) => ({
    municipality: area,
    year: years[between(years.length)],
    value: rows[between(rows.length)].value,
  }));
  const lines = scatter(rows, extra).map((r) => [r.municipality, r.year, comma(r.value)].join(";"));
  writeFileSync(join(aliases, `${name}.csv`), `${[HEADERS[i].join(";"), ...lines].join("\n")}\n`);
});

// 2. StatBank bulk: the other variables each hold one value, as a BULK answer with one
// value selected per variable does.
const BULK = {
  income: {
    area: "OMRÅDE",
    other: [
      ["ENHED", "Gennemsnitlig disponibel indkomst (kr.)"],
      ["KOEN", "Mænd og kvinder i alt"],
    ],
    coded: true,
    quarter: false,
  },
  owner_occupied_dwelling_share_pct: {
    area: "OMRÅDE",
    other: [["ENHED", "Procent"]],
    coded: false,
    quarter: false,
  },
  education: {
    area: "BOPOMR",
    other: [
      ["HERKOMST", "I alt"],
      ["ALDER", "Alder i alt"],
      ["KØN", "I alt"],
    ],
    coded: true,
    quarter: false,
  },
  commute_distance_km: { area: "BOPKOM", other: [], coded: false, quarter: false },
  employment_per_1000: {
    area: "BOPKOM",
    other: [["ENHED", "Pr. 1.000 indbyggere"]],
    coded: true,
    quarter: false,
  },
  age65_pct: {
    area: "OMRÅDE",
    other: [
      ["KØN", "I alt"],
      ["CIVILSTAND", "I alt"],
    ],
    coded: true,
    quarter: true,
  },
};
const statbank = folder("covariates-statbank");
for (const name of DEFAULT) {
  const spec = BULK[name];
  const rows = shipped(name);
  const used = new Map();
  for (const r of rows) {
    const y = Number(r.year);
    if (y <= JOIN_YEAR && y > (used.get(r.municipality) ?? 0)) used.set(r.municipality, y);
  }
  // `..` in a few cells the 2021 join does not read (another year than the one it uses).
  const blank = new Set();
  const unused = rows.filter((r) => Number(r.year) !== used.get(r.municipality));
  for (let k = 0; k < 3 && unused.length > 0; k++) blank.add(unused[between(unused.length)]);
  const area = (municipality) => {
    const code = codes.get(spellingKey(municipality));
    if (code === undefined) throw new Error(`no code for ${municipality}`);
    return spec.coded ? `${code} ${nameOf.get(code)}` : nameOf.get(code);
  };
  const time = (year) => (spec.quarter ? `${year}K1` : year);
  const years = [...new Set(rows.map((r) => r.year))];
  const mapped = rows.map((r) => ({
    municipality: area(r.municipality),
    year: r.year,
    value: blank.has(r) ? ".." : comma(r.value),
  }));
  const extra = [
    {
      municipality: "000 Hele landet",
      year: years[between(years.length)],
      value: comma(rows[0].value),
    },
    {
      municipality: "084 Region Hovedstaden",
      year: years[between(years.length)],
      value: comma(rows[1].value),
    },
  ];
  const body = scatter(mapped, extra).map((r) =>
    [r.municipality, ...spec.other.map(([, v]) => v), time(r.year), r.value].join(";"),
  );
  const header = [spec.area, ...spec.other.map(([c]) => c), "TID", "INDHOLD"].join(";");
  writeFileSync(join(statbank, `${name}.csv`), `\uFEFF${[header, ...body].join("\r\n")}\r\n`);
}

// 3. The errors: a header the reader cannot place, and a variable holding several values.
writeFileSync(
  join(folder("covariates-bad-header"), "income.csv"),
  `kommunen;aargang;vaerdi\n${shipped("income")
    .slice(0, 5)
    .map((r) => [r.municipality, r.year, r.value].join(";"))
    .join("\n")}\n`,
);
writeFileSync(
  join(folder("covariates-varying-variable"), "age65_pct.csv"),
  `\uFEFFOMRÅDE;KØN;TID;INDHOLD\r\n${shipped("age65_pct")
    .slice(0, 4)
    .flatMap((r) => [
      `${r.municipality};Mænd;${r.year}K1;${comma(r.value)}`,
      `${r.municipality};Kvinder;${r.year}K1;${comma(r.value)}`,
    ])
    .join("\r\n")}\r\n`,
);

// 4. Index inputs: the demo's 2024K4 with the country and region totals as extra rows (the
// clean ranking), and Region Syddanmark only with its total (a partial input).
const demoLines = readFileSync(join(ROOT, "data", "demo", "fh-synthetic-2019K1-2024K4.csv"), "utf8")
  .trim()
  .split("\n");
const demoHeader = demoLines[0];
const demo = demoLines
  .slice(1)
  .map((l) => l.split(","))
  .filter((c) => c[1] === "2024K4");
const regionOf = new Map(registry.map((m) => [m.code, m.region]));
const total = (rows, label) => [
  label,
  "2024K4",
  ...rows[0].slice(2).map((_, k) => {
    const sum = rows.reduce((s, r) => s + Number(r[k + 2]), 0);
    return Number.isInteger(sum) ? String(sum) : sum.toFixed(1);
  }),
];
const REGIONS = [
  ["DK-84", "Region Hovedstaden"],
  ["DK-85", "Region Sjælland"],
  ["DK-83", "Region Syddanmark"],
  ["DK-82", "Region Midtjylland"],
  ["DK-81", "Region Nordjylland"],
];
const withTotals = scatter(demo, [
  total(demo, "Hele landet"),
  ...REGIONS.map(([id, label]) =>
    total(
      demo.filter((r) => regionOf.get(r[0]) === id),
      label,
    ),
  ),
  total(
    demo.filter((r) => regionOf.get(r[0]) === "DK-84"),
    "084 Region Hovedstaden",
  ),
]);
const csv = (rows) => `${[demoHeader, ...rows.map((r) => r.join(","))].join("\n")}\n`;
writeFileSync(join(exports, "index-fh-2024K4-clean.csv"), csv(demo));
writeFileSync(join(exports, "index-fh-2024K4-aggregate-rows.csv"), csv(withTotals));
const syddanmark = demo.filter((r) => regionOf.get(r[0]) === "DK-83");
writeFileSync(
  join(exports, "index-fh-2024K4-syddanmark-only.csv"),
  csv([total(syddanmark, "Region Syddanmark"), ...syddanmark]),
);
