#!/usr/bin/env node
/**
 * Builds data/registry/municipalities.csv and the name-list fixtures in fixtures/registry/
 * from the shared real data (default ../shared/data beside the clone; override with
 * SHARED_DATA=/path). Re-runnable and deterministic: the same inputs give the same bytes.
 *
 *   node scripts/make-registry.mjs
 *
 * jobcentres.csv and groups.json are written by hand (each row cites its own source).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.SHARED_DATA ?? join(root, "..", "shared", "data");

/** Christiansø has a code in the geo file but is not a municipality and has no jobcentre. */
const NOT_A_MUNICIPALITY = new Set(["411"]);

/** The geo file carries pre-2007/2011 names for three municipalities; STAR's names are current. */
const CURRENT_NAME = { 751: "Aarhus", 810: "Brønderslev", 820: "Vesthimmerlands" };

/** Spelling variants seen in real sources that no mechanical rule produces. */
const EXTRA_ALIASES = {
  101: ["Copenhagen", "Kobenhavn", "Koebenhavn"],
  173: ["Lyngby-Tårbæk", "Lyngby"],
  217: ["Elsinore"],
  400: ["Bornholms Regionskommune", "Bornholms"],
  430: ["Fåborg-Midtfyn"],
  480: ["Nordfyn"],
  580: ["Åbenrå"],
  751: ["Århus"],
  810: ["Brønderslev-Dronninglund"],
  820: ["Vesthimmerland"],
  851: ["Ålborg"],
};

const SOURCE =
  "Danmarks Statistik, KOMMUNER / Geodatastyrelsen via shared/data/geo/municipalities.csv (code, region); name: STAR jobindsats Y30R21";

/** æ/ø/å as the digraphs Danish uses without them (the monthly file's keys: aeroe, koebenhavn). */
const digraphs = (s) =>
  s
    .replace(/Æ/g, "Ae")
    .replace(/æ/g, "ae")
    .replace(/Ø/g, "Oe")
    .replace(/ø/g, "oe")
    .replace(/Å/g, "Aa")
    .replace(/å/g, "aa");

/** The plain-ASCII spelling English sources use (Tarnby, Koge, Aero). */
const plainAscii = (s) =>
  s
    .replace(/Æ/g, "Ae")
    .replace(/æ/g, "ae")
    .replace(/Ø/g, "O")
    .replace(/ø/g, "o")
    .replace(/Å/g, "A")
    .replace(/å/g, "a");

function readCsvRows(path, separator = ",") {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(separator));
}

const csvField = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function unique(values) {
  return [...new Set(values)];
}

function writeLines(path, header, lines) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${[...header.map((h) => `# ${h}`), ...lines].join("\n")}\n`);
}

// --- municipalities.csv -------------------------------------------------------------------

const geo = readCsvRows(join(shared, "geo", "municipalities.csv")).slice(1);
const municipalities = geo
  .filter(([code]) => !NOT_A_MUNICIPALITY.has(code))
  .map(([code, labelEn, labelDk, region]) => {
    const name = CURRENT_NAME[code] ?? labelDk;
    const variants = [
      labelDk,
      labelEn,
      digraphs(name),
      plainAscii(name),
      ...(EXTRA_ALIASES[code] ?? []),
    ];
    const aliases = unique(variants.filter((v) => v !== name));
    return { code, name, region, aliases };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

if (municipalities.length !== 98) throw new Error(`expected 98, got ${municipalities.length}`);

const y30r21File = readdirSync(join(shared, "jobindsats")).find((f) => f.startsWith("y30r21"));
const y30r21Areas = unique(
  readFileSync(join(shared, "jobindsats", y30r21File), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l).Area),
).sort();
const names = municipalities.map((m) => m.name).sort();
if (JSON.stringify(names) !== JSON.stringify(y30r21Areas)) {
  throw new Error("municipality names differ from the Y30R21 Area names: update CURRENT_NAME");
}

mkdirSync(join(root, "data", "registry"), { recursive: true });
writeFileSync(
  join(root, "data", "registry", "municipalities.csv"),
  `${[
    "code,name,region,aliases,source",
    ...municipalities.map((m) =>
      [m.code, m.name, m.region, m.aliases.join("|"), SOURCE].map(csvField).join(","),
    ),
  ].join("\n")}\n`,
);

// --- fixtures/registry: every municipality name the shared data uses ----------------------

const fixtures = join(root, "fixtures", "registry");
const provenance = (what) => [
  what,
  "Extracted by scripts/make-registry.mjs from /work/shared/data (see its README for sources).",
  "One value per line; lines starting with # are comments.",
];

writeLines(
  join(fixtures, "y30r21-areas.txt"),
  provenance(
    "Distinct `Area` values of jobindsats/y30r21-2020QMAT02-2021QMAT04.jsonl (STAR Y30R21).",
  ),
  y30r21Areas,
);

const dstFiles = readdirSync(join(shared, "dst"))
  .filter((f) => f.endsWith(".csv") && !f.startsWith("raw-"))
  .sort();
const dstNames = unique(
  dstFiles.flatMap((f) =>
    readCsvRows(join(shared, "dst", f))
      .slice(1)
      .map((r) => r[0]),
  ),
).sort();
writeLines(
  join(fixtures, "dst-municipality-names.txt"),
  provenance(`Distinct \`municipality\` values of dst/{${dstFiles.join(",")}}.`),
  dstNames,
);

/** Raw StatBank labels include regions, provinces and totals, which must NOT resolve. */
for (const [file, column, slug] of [
  ["raw-auk01-net-social-assistance-recipients.csv", "OMRÅDE", "auk01-omraade"],
  ["raw-lbesk69-fulltime-employees.csv", "BOPKOM", "lbesk69-bopkom"],
]) {
  const rows = readCsvRows(join(shared, "dst", file), ";");
  const index = rows[0].indexOf(column);
  const labels = unique(rows.slice(1).map((r) => r[index])).sort();
  writeLines(
    join(fixtures, `statbank-${slug}.txt`),
    provenance(
      `Distinct \`${column}\` labels of dst/${file} (all of them, not only municipalities).`,
    ),
    labels,
  );
}

const monthly = JSON.parse(
  readFileSync(join(shared, "jobindsats", "monthly-municipal-2021M08-2026M07.json"), "utf8"),
);
writeLines(
  join(fixtures, "monthly-keys.txt"),
  provenance(
    "Keys and `name` fields of `municipalities` in jobindsats/monthly-municipal-2021M08-2026M07.json, as `key<TAB>name`.",
  ),
  Object.entries(monthly.municipalities)
    .map(([key, value]) => `${key}\t${value.name}`)
    .sort(),
);

const crossSection = JSON.parse(
  readFileSync(join(shared, "dst", "cross-section-latest.json"), "utf8"),
);
writeLines(
  join(fixtures, "cross-section-codes.txt"),
  provenance(
    "Keys of `Kommune` in dst/cross-section-latest.json (4-digit codes; 0411 is Christiansø).",
  ),
  Object.keys(crossSection.Kommune).sort(),
);

console.log(`wrote ${municipalities.length} municipalities and 6 fixture lists`);
