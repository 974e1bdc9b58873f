/**
 * Hand-built ReportDocuments for the HTML tests: a municipality-level benchmark (signed
 * residuals, lower is better, with trend and intervals) and a jobcentre-level index
 * (unsigned scores, higher is better, with the shared jobcentre 561-563 Esbjerg-Fanø).
 * Values are made up but deterministic (a hash of the code).
 */

import { competitionRank, type Ranked } from "../../src/rank.js";
import { loadGeometry } from "../../src/report/svg/geometry.js";
import type { ReportDocument, ReportRow, ReportValue } from "../../src/report/types.js";

/** A name that must be escaped everywhere it appears. */
export const TRICKY_NAME = 'Ærø <b>&amp; "friends"</b>';

/** Deterministic pseudo-random number in [0, 1) from a string. */
function unit(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0;
  return (h % 100_000) / 100_000;
}

function municipalities(): Array<{ code: string; name: string }> {
  return loadGeometry().municipalities.map(({ code, name }) => ({
    code,
    name: code === "492" ? TRICKY_NAME : name,
  }));
}

/** Competition ranks keyed by id, as the commands compute them. */
function ranksBy(
  items: ReadonlyArray<{ id: string; value: number }>,
  order: "asc" | "desc",
): Map<string, Ranked> {
  return new Map(competitionRank(items, { order }).map((r) => [r.id, r]));
}

export function benchmarkDoc(synthetic = true): ReportDocument {
  const units = municipalities().map((m) => {
    const expected = 10 + 8 * unit(`e${m.code}`);
    const residual = Math.round((unit(`r${m.code}`) * 4 - 2) * 100) / 100;
    return { ...m, expected, actual: expected + residual, residual };
  });
  const ranks = ranksBy(
    units.map((u) => ({ id: u.code, value: u.residual })),
    "asc",
  );
  const rankOf = (id: string) => ranks.get(id)?.rank ?? 0;
  const ordered = [...units].sort(
    (a, b) => rankOf(a.code) - rankOf(b.code) || (a.code < b.code ? -1 : 1),
  );
  const rows: ReportRow[] = ordered.map((u) => ({
    municipality: u.code,
    name: u.name,
    actual_pct: u.actual,
    expected_pct: u.expected,
    residual_pp: u.residual,
    rank: rankOf(u.code),
    tied: ranks.get(u.code)?.tied ?? false,
  }));
  const periods = ["2020QMAT02", "2020QMAT04", "2021QMAT02", "2021QMAT04"];
  return {
    json: { command: "benchmark" },
    title: "Benchmark: actual vs expected share on public benefits",
    subtitle: "Period 2021QMAT04 · Ydelsesgrupper i alt · published mode",
    synthetic,
    columns: [
      { key: "rank", header: "Rank", kind: "rank" },
      { key: "municipality", header: "Code", kind: "text" },
      { key: "name", header: "Municipality", kind: "text" },
      { key: "actual_pct", header: "Actual %", kind: "number", digits: 2 },
      { key: "expected_pct", header: "Expected %", kind: "number", digits: 2 },
      { key: "residual_pp", header: "Difference pp", kind: "number", digits: 2, better: "lower" },
    ],
    rows,
    sections: [
      {
        title: "Model",
        columns: [
          { key: "term", header: "Term", kind: "text" },
          { key: "estimate", header: "Estimate", kind: "number", digits: 3 },
        ],
        rows: [
          { term: "(Intercept)", estimate: 1.5 },
          { term: "log(population) < & >", estimate: -0.25 },
        ],
      },
    ],
    notes: [
      "Difference = actual − expected share of the 16–66 population, in percentage points.",
      "Source: STAR, jobindsats.dk table Y30R21 <published>.",
    ],
    chart: {
      valueKey: "residual_pp",
      valueLabel: "Difference (pp)",
      labelKey: "name",
      municipalitiesKey: "municipality",
      better: "lower",
    },
    trend: {
      periods,
      series: ordered.map((u) => ({
        id: u.code,
        name: u.name,
        ranks: periods.map((p, i) =>
          i === 1 && u.code === "101" ? null : 1 + Math.floor(unit(`${p}${u.code}`) * 98),
        ),
      })),
    },
    intervals: ordered.map((u) => {
      const r = rankOf(u.code);
      const spread = 3 + Math.floor(unit(`s${u.code}`) * 20);
      return {
        id: u.code,
        name: u.name,
        rank: r,
        low: Math.max(1, r - spread),
        median: r,
        high: Math.min(98, r + spread),
      };
    }),
  };
}

/** Jobcentre rows: 561-563 covers Esbjerg and Fanø; every other municipality its own. */
export function indexDoc(synthetic = false): ReportDocument {
  const all = municipalities();
  const shared = { id: "561-563", name: "Esbjerg-Fanø", codes: ["561", "563"] };
  const units = [
    shared,
    ...all
      .filter((m) => !shared.codes.includes(m.code))
      .map((m) => ({ id: m.code, name: m.name, codes: [m.code] })),
  ].map((u) => ({ ...u, score: Math.round(unit(`score${u.id}`) * 1000) / 10 }));
  const ranks = ranksBy(
    units.map((u) => ({ id: u.id, value: u.score })),
    "desc",
  );
  const rankOf = (id: string) => ranks.get(id)?.rank ?? 0;
  const ordered = [...units].sort((a, b) => rankOf(a.id) - rankOf(b.id) || (a.id < b.id ? -1 : 1));
  // ReportValue has no list type yet; the index command puts the member codes here as a list.
  const rows = ordered.map(
    (u): Record<string, ReportValue | string[]> => ({
      id: u.id,
      name: u.name,
      municipalities: u.codes,
      score: u.score,
      rank: rankOf(u.id),
      tied: ranks.get(u.id)?.tied ?? false,
    }),
  ) as ReportRow[];
  return {
    json: { command: "index" },
    title: "Jobcentre index",
    subtitle: "Period 2019K4 · by jobcentre",
    synthetic,
    columns: [
      { key: "rank", header: "Rank", kind: "rank" },
      { key: "name", header: "Jobcentre", kind: "text" },
      { key: "municipalities", header: "Municipalities", kind: "text" },
      { key: "score", header: "Score", kind: "number", digits: 1, better: "higher" },
    ],
    rows,
    sections: [],
    notes: ["Score: mean of five normalised indicators, 0–100."],
    chart: {
      valueKey: "score",
      valueLabel: "Score",
      labelKey: "name",
      municipalitiesKey: "municipalities",
      better: "higher",
    },
  };
}
