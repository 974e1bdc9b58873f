/** Test helpers: the small fixture as plain records, without the readers or the registry. */
import { readFileSync } from "node:fs";
import type { CountRecord, IndexUnit } from "../../src/composite/types.js";
import { type MethodProfile, parseMethodProfile } from "../../src/pipeline/index/profile.js";

export const FIXTURE = "fixtures/index/fh-small.csv";

export const NAMES: Record<string, string> = {
  "561": "Esbjerg",
  "563": "Fanø",
  "813": "Frederikshavn",
  "825": "Læsø",
  "187": "Vallensbæk",
  "183": "Ishøj",
  "530": "Billund",
  "751": "Aarhus",
};

export const JOBCENTRES: Record<string, IndexUnit[]> = {
  "2021K4": [
    { id: "530", name: "Billund", municipalities: ["530"] },
    { id: "561-563", name: "Esbjerg-Fanø", municipalities: ["561", "563"] },
    { id: "751", name: "Aarhus", municipalities: ["751"] },
    { id: "813-825", name: "Frederikshavn-Læsø", municipalities: ["813", "825"] },
    { id: "187-183", name: "Vallensbæk-Ishøj", municipalities: ["187", "183"] },
  ],
  "2022K1": [
    { id: "183", name: "Ishøj", municipalities: ["183"] },
    { id: "187", name: "Vallensbæk", municipalities: ["187"] },
    { id: "530", name: "Billund", municipalities: ["530"] },
    { id: "561-563", name: "Esbjerg-Fanø", municipalities: ["561", "563"] },
    { id: "751", name: "Aarhus", municipalities: ["751"] },
    { id: "813-825", name: "Frederikshavn-Læsø", municipalities: ["813", "825"] },
  ],
};

export const MUNICIPALITY_UNITS: IndexUnit[] = Object.entries(NAMES).map(([code, name]) => ({
  id: code,
  name,
  municipalities: [code],
}));

export function fhProfile(): MethodProfile {
  return parseMethodProfile(
    JSON.parse(readFileSync("data/methods/fh.json", "utf8")),
    "data/methods/fh.json",
  );
}

export function profileWith(changes: Record<string, unknown>): MethodProfile {
  const raw = JSON.parse(readFileSync("data/methods/fh.json", "utf8")) as Record<string, unknown>;
  return parseMethodProfile({ ...raw, ...changes }, "test.json");
}

/** The fixture CSV as records, by period: a deliberately simple parser (no quotes in it). */
export function fixtureRecords(): Map<string, CountRecord[]> {
  const lines = readFileSync(FIXTURE, "utf8").trim().split("\n");
  const header = (lines[0] as string).split(",");
  const codeOf = new Map(Object.entries(NAMES).map(([code, name]) => [name, code]));
  const out = new Map<string, CountRecord[]>();
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(",");
    const who = cells[0] as string;
    const period = (cells[1] as string).replace("Q", "K");
    const counts: Record<string, number | null> = {};
    header.slice(2).forEach((name, j) => {
      counts[name] = Number(cells[j + 2]);
    });
    const record: CountRecord = {
      municipality: NAMES[who] ? who : (codeOf.get(who) as string),
      period,
      counts,
      source: { file: FIXTURE, line: i + 2 },
    };
    out.set(period, [...(out.get(period) ?? []), record]);
  });
  return out;
}

export interface TruthUnit {
  id: string;
  municipalities: string[];
  score: number;
  rank: number;
  indicators: Record<string, { value: number; normalised: number }>;
}

export type Truth = Record<"jobcentre" | "municipality", Record<string, TruthUnit[]>>;

export function truth(): Truth {
  return JSON.parse(readFileSync("fixtures/index/fh-small.truth.json", "utf8")) as Truth;
}

/** Relative agreement, with the scale floored at 1 because z-scores and scores are O(1). */
export function closeTo(actual: number, expected: number, relative = 1e-12): boolean {
  return (
    Math.abs(actual - expected) <= relative * Math.max(Math.abs(actual), Math.abs(expected), 1)
  );
}

/** Members as a set key, so tests do not depend on which member leads. */
export const memberKey = (codes: readonly string[]): string => [...codes].sort().join("+");
