/**
 * The additions of METHOD.md C–E on a benchmark document: the funnel (top-level `funnel`,
 * each result's `funnel`, the flag and shrunken-rank columns, the HTML funnel plot), funnel
 * rank intervals in published mode, peers and history. Fields are added, never changed,
 * so the rest of the document reads as before.
 */
import { type Funnel, Q95, Q998 } from "../../benchmark/funnel.js";
import type { BenchmarkHistory } from "../../benchmark/history.js";
import type { Peer } from "../../benchmark/peers.js";
import { currentLang, formatNumberIn, t } from "../../i18n/index.js";
import { formatRank } from "../../rank.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../../report/types.js";
import type { FunnelRankIntervals } from "../../uncertainty/funnel-draws.js";
import { withNotes } from "./notes.js";

type Json = Record<string, unknown>;

/** What the decorations need of a benchmark run (plain data, so decorate knows no pipeline). */
export interface FunnelContext {
  funnel: Funnel | null;
  /** Rank order, as the results. */
  results: ReadonlyArray<{ municipality: string; name: string; rank: number }>;
  /** Expected full-time persons by code (the funnel's E). */
  expectedPersons: ReadonlyMap<string, number | null>;
  peers?: { terms: string[]; byMunicipality: Map<string, Peer[]> };
}

/** `json` with `extra` keys placed before `options` (which stays last). */
function withTopLevel(json: Json, extra: Json): Json {
  const { options, ...rest } = json;
  return { ...rest, ...extra, ...(options !== undefined ? { options } : {}) };
}

function insertAfter(columns: readonly ReportColumn[], key: string, extra: ReportColumn[]) {
  const at = columns.findIndex((c) => c.key === key);
  return at < 0
    ? [...columns, ...extra]
    : [...columns.slice(0, at + 1), ...extra, ...columns.slice(at + 1)];
}

function funnelUnitJson(u: Funnel["units"][number]): Json {
  return {
    ratio: u.ratio,
    z: u.z,
    lower95: u.lower95,
    upper95: u.upper95,
    lower998: u.lower998,
    upper998: u.upper998,
    flag95: u.flag95,
    flag998: u.flag998,
    shrunk_ratio: u.shrunkRatio,
    shrunk_rank: u.shrunkRank,
  };
}

/** `below`, `above`, `within` in the run's language, for the table's cells. */
export function sideLabels(): Record<string, string> {
  return Object.fromEntries(
    ["below", "above", "within"].map((side) => [side, t(`word.side_${side}`)]),
  );
}

export function withFunnel(doc: ReportDocument, outcome: FunnelContext): ReportDocument {
  const f = outcome.funnel;
  const byCode = new Map(f?.units.map((u) => [u.municipality, u]) ?? []);
  const results = ((doc.json.results ?? []) as Json[]).map((r) => {
    const u = byCode.get(r.municipality as string);
    return { ...r, funnel: u === undefined ? null : funnelUnitJson(u) };
  });
  const json = withTopLevel(
    { ...doc.json, results },
    { funnel: f === null ? null : { n: f.n, phi: f.phi, tau2: f.tau2 } },
  );
  if (f === null) return { ...doc, json };
  const rows = doc.rows.map((row) => {
    const u = byCode.get(row.municipality as string);
    return u === undefined
      ? row
      : { ...row, flag95: u.flag95, flag998: u.flag998, shrunk_rank: u.shrunkRank };
  });
  const columns = insertAfter(
    doc.columns,
    doc.columns.some((c) => c.key === "published_rank") ? "published_rank" : "rank",
    [
      { key: "shrunk_rank", header: t("col.shrunk_rank"), kind: "rank", optional: true },
      { key: "flag95", header: "95 %", kind: "text", optional: true, labels: sideLabels() },
      {
        key: "flag998",
        header: currentLang() === "da" ? "99,8 %" : "99.8 %",
        kind: "text",
        optional: true,
        labels: sideLabels(),
      },
    ],
  );
  const expected = new Map(
    [...outcome.expectedPersons].map(([code, e]) => [code, e ?? Number.NaN]),
  );
  const names = new Map(outcome.results.map((r) => [r.municipality, r.name]));
  const count = (level: "flag95" | "flag998", flag: string) =>
    f.units.filter((u) => u[level] === flag).length;
  const note = t("funnel.note", {
    phi: formatNumberIn(f.phi, 2),
    tau2: precision(f.tau2, 3),
    below95: count("flag95", "below"),
    above95: count("flag95", "above"),
    below998: count("flag998", "below"),
    above998: count("flag998", "above"),
    n: f.n,
  });
  return withNotes(
    {
      ...doc,
      json,
      rows,
      columns,
      funnel: {
        tau2: f.tau2,
        q95: Q95,
        q998: Q998,
        points: f.units.map((u) => ({
          id: u.municipality,
          name: names.get(u.municipality) ?? u.municipality,
          expected: expected.get(u.municipality) as number,
          ratio: u.ratio,
          flag95: u.flag95,
          flag998: u.flag998,
        })),
      },
    },
    [note],
  );
}

/** Published mode with --uncertainty: `rank_interval` per result, `uncertainty.method: "funnel"`. */
export function withFunnelIntervals(
  doc: ReportDocument,
  outcome: FunnelContext,
  draws: FunnelRankIntervals,
): ReportDocument {
  const byCode = new Map(draws.units.map((u) => [u.id, u.rankInterval]));
  const results = ((doc.json.results ?? []) as Json[]).map((r) => {
    const i = byCode.get(r.municipality as string);
    return i === undefined
      ? r
      : { ...r, rank_interval: { low: i.low, median: i.median, high: i.high } };
  });
  const json = withTopLevel(
    { ...doc.json, results },
    { uncertainty: { method: "funnel", runs: draws.runs, seed: draws.seed, level: draws.level } },
  );
  const rows: ReportRow[] = doc.rows.map((row) => {
    const i = byCode.get(row.municipality as string);
    return i === undefined
      ? row
      : {
          ...row,
          rank_interval: `${formatRank(row.rank as number, row.tied === true)} (${trim(i.low)}–${trim(i.high)})`,
        };
  });
  return withNotes(
    {
      ...doc,
      json,
      rows,
      columns: insertAfter(doc.columns, "rank", [
        { key: "rank_interval", header: t("col.rank_95"), kind: "text" },
      ]),
      intervals: outcome.results.flatMap((r) => {
        const i = byCode.get(r.municipality);
        return i === undefined
          ? []
          : [
              {
                id: r.municipality,
                name: r.name,
                rank: r.rank,
                low: i.low,
                median: i.median,
                high: i.high,
              },
            ];
      }),
    },
    [
      t("funnel.intervals_note", {
        runs: formatNumberIn(draws.runs, 0, currentLang(), true),
        seed: draws.seed,
      }),
    ],
  );
}

/** Interpolated quantiles may fall between ranks: one decimal at most. */
function trim(x: number): string {
  return Number.isInteger(x) ? String(x) : formatNumberIn(x, 1);
}

/** `toPrecision` in the run's language (τ² = 0.00123 / 0,00123). */
function precision(x: number, digits: number): string {
  const text = x.toPrecision(digits);
  return currentLang() === "da" ? text.replace(".", ",") : text;
}

/** `--peers K`: `peers` (codes, nearest first) per result and a Peers column. */
export function withPeers(doc: ReportDocument, outcome: FunnelContext): ReportDocument {
  const peers = outcome.peers;
  if (peers === undefined) return doc;
  const names = new Map(outcome.results.map((r) => [r.municipality, r.name]));
  const of = (code: string) => peers.byMunicipality.get(code)?.map((p) => p.municipality) ?? [];
  const results = ((doc.json.results ?? []) as Json[]).map((r) => ({
    ...r,
    peers: of(r.municipality as string),
  }));
  return withNotes(
    {
      ...doc,
      json: withTopLevel({ ...doc.json, results }, { peer_terms: peers.terms }),
      rows: doc.rows.map((row) => ({
        ...row,
        peers: of(row.municipality as string)
          .map((c) => names.get(c) ?? c)
          .join(", "),
      })),
      columns: [...doc.columns, { key: "peers", header: t("col.peers"), kind: "text" }],
    },
    [t("funnel.peers_note", { terms: peers.terms.join(", ") })],
  );
}

/** `--history`: top-level `history`, a section of rank per period with ▲▼, the HTML trend. */
export function withHistory(doc: ReportDocument, history: BenchmarkHistory): ReportDocument {
  const { periods } = history;
  const columns: ReportColumn[] = [
    { key: "municipality", header: t("col.code"), kind: "text" },
    { key: "name", header: t("col.municipality"), kind: "text" },
    ...periods.flatMap((p, i): ReportColumn[] => [
      { key: `rank_${p}`, header: p, kind: "integer" },
      ...(i > 0 ? [{ key: `change_${p}`, header: "±", kind: "text" } as const] : []),
    ]),
  ];
  const rows: ReportRow[] = history.units.map((u) => {
    const row: ReportRow = { municipality: u.municipality, name: u.name };
    periods.forEach((p, i) => {
      const rank = u.ranks[p] ?? null;
      row[`rank_${p}`] = rank;
      if (i > 0) row[`change_${p}`] = change(u.ranks[periods[i - 1] as string] ?? null, rank);
    });
    return row;
  });
  const persistence = history.persistence
    .map((p) => `${p.from} → ${p.to}: ${formatNumberIn(p.spearman, 2)}`)
    .join("; ");
  return withNotes(
    {
      ...doc,
      json: withTopLevel(doc.json, {
        history: {
          periods,
          units: history.units.map((u) => ({ municipality: u.municipality, ranks: u.ranks })),
          persistence: history.persistence,
        },
      }),
      sections: [...doc.sections, { title: t("history.section_title"), columns, rows }],
      trend: {
        periods,
        series: history.units.map((u) => ({
          id: u.municipality,
          name: u.name,
          ranks: periods.map((p) => u.ranks[p] ?? null),
        })),
      },
    },
    persistence === "" ? [] : [t("history.persistence", { list: persistence })],
  );
}

/** `▲3`: three places better (a smaller rank); `▼2` worse; `=` unchanged. */
export function change(before: number | null, after: number | null): string {
  if (before === null || after === null) return "";
  if (after < before) return `▲${before - after}`;
  if (after > before) return `▼${after - before}`;
  return "=";
}
