#!/usr/bin/env node
/**
 * Converts the real monthly jobindsats figures (shared data folder,
 * data/jobindsats/monthly-municipal-2021M08-2026M07.json) into a tidy quarterly file for the
 * `open` method profile: data/open/jobindsats-quarterly.csv, one row per municipality and
 * quarter, counts only (so jobcentre values are ratios of sums, as in the FH-style index).
 *
 * Months → quarters: the mean of the quarter's three months, only where all three are present
 * (suppressed small numbers appear as `null` or as a missing month; no value is invented: the
 * cell stays empty). Quarters are written where every series covers at least 90 % of the
 * municipalities and the unemployment of the same quarter a year earlier is known.
 * Population: Statistics Denmark FOLK1A (data/dst/population.csv), the latest year not after
 * the quarter's year.
 *
 * Run: node scripts/index-make-open.mjs [path/to/monthly.json]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codesBySpelling, populationRows, ROOT, spellingKey } from "./municipality-data.mjs";

const DEFAULT_SOURCE = join(
  ROOT,
  "..",
  "shared",
  "data",
  "jobindsats",
  "monthly-municipal-2021M08-2026M07.json",
);
const SOURCE = process.argv[2] ?? DEFAULT_SOURCE;
const OUT = join(ROOT, "data", "open", "jobindsats-quarterly.csv");

function codeLookup() {
  const byKey = codesBySpelling();
  return (name) => {
    const code = byKey.get(spellingKey(name)) ?? byKey.get(spellingKey(name).replace(/s$/, ""));
    if (code === undefined) throw new Error(`no municipality code for "${name}"`);
    return code;
  };
}

/** Population by code and year (FOLK1A), for the latest-year-not-after lookup. */
function populationLookup(codeOf) {
  const byCode = new Map();
  for (const row of populationRows()) {
    const code = codeOf(row.municipality === "Copenhagen" ? "København" : row.municipality);
    const years = byCode.get(code) ?? [];
    years.push([Number(row.year), Number(row.value)]);
    byCode.set(code, years);
  }
  return (code, year) => {
    const usable = (byCode.get(code) ?? []).filter(([y]) => y <= year).sort((a, b) => a[0] - b[0]);
    const last = usable.at(-1);
    if (!last) throw new Error(`no population for ${code} by ${year}`);
    return { value: last[1], year: last[0] };
  };
}

const quarterOf = (month) => {
  const m = /^(\d{4})M(\d{2})$/.exec(month);
  return `${m[1]}K${Math.ceil(Number(m[2]) / 3)}`;
};

/** Monthly series (labels + values) → Map quarter → mean, complete quarters only. */
function quarterly(labels, values) {
  const byQuarter = new Map();
  labels.forEach((label, i) => {
    const q = quarterOf(label);
    const list = byQuarter.get(q) ?? [];
    list.push(values[i]);
    byQuarter.set(q, list);
  });
  const out = new Map();
  for (const [q, list] of byQuarter) {
    if (list.length === 3 && list.every((v) => typeof v === "number" && Number.isFinite(v))) {
      out.set(q, (list[0] + list[1] + list[2]) / 3);
    }
  }
  return out;
}

function yearBefore(quarter) {
  return `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`;
}

/** Rounded to 6 decimals: means of three counts need at most that, and the file stays stable. */
const fixed = (x) => (x === undefined ? "" : String(Math.round(x * 1e6) / 1e6));

/** Share of municipalities a series must cover in a quarter for the quarter to be written. */
const MIN_COVERAGE = 0.9;

function main() {
  const data = JSON.parse(readFileSync(SOURCE, "utf8"));
  const codeOf = codeLookup();
  const population = populationLookup(codeOf);
  const perMunicipality = Object.values(data.municipalities).map((m) => {
    const activated = m.activation.labels.map((label, i) => {
      const j = m.cashAssistance.labels.indexOf(label);
      const degree = m.activation.degree[i];
      const fte = j >= 0 ? m.cashAssistance.fullTime[j] : null;
      return typeof degree === "number" && typeof fte === "number" ? (degree / 100) * fte : null;
    });
    const unemployed = quarterly(m.unemployment.labels, m.unemployment.total);
    return {
      code: codeOf(m.name),
      series: {
        unemployed,
        longterm_unemployed: quarterly(m.longterm.labels, m.longterm.total),
        cash_assistance_fte: quarterly(m.cashAssistance.labels, m.cashAssistance.fullTime),
        cash_assistance_activated_fte: quarterly(m.activation.labels, activated),
      },
    };
  });
  // Quarters where every series is complete for at least MIN_COVERAGE of the municipalities:
  // small municipalities' long-term counts are suppressed in some months, and those cells
  // stay empty rather than being guessed (the open profile imputes and marks them).
  const quarters = [...perMunicipality[0].series.unemployed.keys()].sort();
  const covered = (q) =>
    Object.keys(perMunicipality[0].series).every((name) => {
      const have = perMunicipality.filter((m) => m.series[name].has(q)).length;
      return have >= MIN_COVERAGE * perMunicipality.length;
    }) && perMunicipality.every((m) => m.series.unemployed.has(yearBefore(q)));
  const complete = quarters.filter(covered);
  const header = [
    "municipality",
    "period",
    "unemployed",
    "unemployed_year_before",
    "longterm_unemployed",
    "cash_assistance_fte",
    "cash_assistance_activated_fte",
    "population",
    "population_year",
  ];
  const lines = [header.join(",")];
  for (const q of complete) {
    for (const m of [...perMunicipality].sort((a, b) => a.code.localeCompare(b.code))) {
      const pop = population(m.code, Number(q.slice(0, 4)));
      lines.push(
        [
          m.code,
          q,
          fixed(m.series.unemployed.get(q)),
          fixed(m.series.unemployed.get(yearBefore(q))),
          fixed(m.series.longterm_unemployed.get(q)),
          fixed(m.series.cash_assistance_fte.get(q)),
          fixed(m.series.cash_assistance_activated_fte.get(q)),
          pop.value,
          pop.year,
        ].join(","),
      );
    }
  }
  writeFileSync(OUT, `${lines.join("\n")}\n`);
  process.stdout.write(
    `wrote ${OUT.slice(ROOT.length + 1)}: ${perMunicipality.length} municipalities × ${complete.length} quarters (${complete[0]}–${complete.at(-1)}); source retrieved ${data.meta.retrievedAt}\n`,
  );
}

main();
