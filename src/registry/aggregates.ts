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

/** True when the text names a total, the country or a region rather than a municipality. */
export function isAggregateArea(name: string): boolean {
  const k = key(name);
  if (k === "") return false;
  const { names, prefixes, codes } = list();
  return names.includes(k) || codes.includes(k) || prefixes.some((p) => k.startsWith(p));
}
