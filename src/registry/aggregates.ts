/**
 * Totals and regions are not municipalities: `isAggregateArea(name)` says whether an
 * area cell names one (`Hele landet`, `I alt`, `Region Hovedstaden`, `Landsdel …`). The
 * names and patterns, with their sources, live in data/registry/aggregates.json; every
 * reader of area cells (benchmark extracts, index inputs, covariate files) asks here.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

interface AggregateList {
  names: string[];
  prefixes: string[];
  codes: string[];
}

let cached: AggregateList | undefined;

function key(text: string): string {
  return text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ");
}

function list(): AggregateList {
  if (cached === undefined) {
    const file = JSON.parse(readFileSync(dataPath("registry", "aggregates.json"), "utf8")) as {
      names: Array<{ name: string }>;
      prefixes: Array<{ prefix: string }>;
      codes: Array<{ code: string }>;
    };
    cached = {
      names: file.names.map((n) => key(n.name)),
      prefixes: file.prefixes.map((p) => `${key(p.prefix)} `),
      codes: file.codes.map((c) => c.code),
    };
  }
  return cached;
}

/** StatBank's code-and-text form of an area: `084 Region Hovedstaden`, `000 Hele landet`. */
const CODED = /^(\d{1,4})\s+(\S.*)$/;

/**
 * True when the text names a total, the country or a region rather than a municipality:
 * a listed name, a name with a listed prefix, a listed code, or a code followed by a
 * text where either is listed.
 */
export function isAggregateArea(name: string): boolean {
  const k = key(name);
  if (k === "") return false;
  const { names, prefixes, codes } = list();
  const named = (text: string) => names.includes(text) || prefixes.some((p) => text.startsWith(p));
  if (named(k) || codes.includes(k)) return true;
  const coded = CODED.exec(k);
  return coded !== null && (codes.includes(coded[1] as string) || named(coded[2] as string));
}

/** Counts the skipped aggregate rows by name, for one warning: `Hele landet (4), Region Sjælland (4)`. */
export function aggregateSummary(skipped: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const name of skipped) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n === 1 ? name : `${name} (${n})`)).join(", ");
}
