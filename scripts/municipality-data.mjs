/**
 * What the data scripts share: the registry's spellings of each municipality, FOLK1A
 * population, and a seedable PRNG. Scripts only (the project's own readers are in src/read).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** A small comma-separated file as objects keyed by header (csv-parse, as the readers use). */
export function readCsv(path) {
  return parse(readFileSync(path, "utf8"), { columns: true, bom: true, skip_empty_lines: true });
}

/** Lower case, æ/ø/å as digraphs, letters only: `Høje-Taastrup` → `hoejetaastrup`. */
export const spellingKey = (s) =>
  s
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .replace(/[^a-z]/g, "");

/** The registry's municipalities (rows of data/registry/municipalities.csv). */
export function registryMunicipalities() {
  return readCsv(join(ROOT, "data", "registry", "municipalities.csv"));
}

/** `spellingKey` of every name and alias → municipality code. */
export function codesBySpelling(municipalities = registryMunicipalities()) {
  const byKey = new Map();
  for (const m of municipalities) {
    for (const spelling of [m.name, ...m.aliases.split("|").filter(Boolean)])
      byKey.set(spellingKey(spelling), m.code);
  }
  return byKey;
}

/** FOLK1A population rows (municipality, year, value): the project's copy, else the shared one. */
export function populationRows() {
  const files = [
    join(ROOT, "data", "dst", "population.csv"),
    join(ROOT, "..", "shared", "data", "dst", "population.csv"),
  ];
  const file = files.find((f) => existsSync(f));
  if (!file) throw new Error(`population file not found: ${files.join(" or ")}`);
  return readCsv(file);
}

/** mulberry32: a tiny, well-known 32-bit PRNG; good enough for generated data, not for secrets. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
