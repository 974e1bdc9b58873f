/**
 * `index --verify`: the jobcentre ranking against the places LO and FH published for the
 * same quarter (data/published/fh-lo-jobcentre-index-lists.csv, or a user's file with the
 * same columns via `--published FILE`). Only rows whose `data_period` is the run's quarter
 * are compared; ranks are whole numbers, ranges (`2-5 (order not given)`) or counted from
 * the end (`bottom 10`, `næstsidst`, `sidst (last)`); a shared place in the reproduced
 * ranking covers the published ranks it spans. Nothing is compared for other quarters.
 */
import { DiagnosticBag } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { formatPeriod, parsePeriod } from "../../period.js";
import type { Registry } from "../../registry/types.js";
import type { ReportDocument } from "../../report/types.js";
import { readPublishedRows } from "../published-file.js";
import type { IndexRun } from "./types.js";

export const INDEX_FRAGMENTS = dataPath("published", "fh-lo-jobcentre-index-lists.csv");
export const FRAGMENT_COLUMNS = ["index", "data_period", "rank", "jobcentre"] as const;

/** A published place: ranks `low`…`high`, counted from the top, or from the end when `fromEnd`. */
export interface IndexPlace {
  index: string;
  period: string;
  rank: string;
  low: number;
  high: number;
  fromEnd: boolean;
  jobcentre: string;
  source: string;
  line: number;
}

/** `7` → 7…7; `2-5 (order not given)` → 2…5; `bottom 10` → the last 10; `sidst` → the last. */
export function parsePlace(text: string): Pick<IndexPlace, "low" | "high" | "fromEnd"> | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d+)$/.exec(t);
  if (m) return { low: Number(m[1]), high: Number(m[1]), fromEnd: false };
  m = /^(\d+)\s*[-–]\s*(\d+)\b/.exec(t);
  if (m && Number(m[1]) <= Number(m[2]))
    return { low: Number(m[1]), high: Number(m[2]), fromEnd: false };
  m = /^bottom\s+(\d+)$/.exec(t);
  if (m) return { low: 1, high: Number(m[1]), fromEnd: true };
  if (/^(næstsidst|second last)\b/.test(t)) return { low: 2, high: 2, fromEnd: true };
  if (/^(sidst|last)\b/.test(t)) return { low: 1, high: 1, fromEnd: true };
  return undefined;
}

/** The fragments file; rows whose rank says no place (a note) are kept out, counted in `unplaced`. */
export async function readIndexFragments(file = INDEX_FRAGMENTS): Promise<{
  places: IndexPlace[];
  unplaced: number;
}> {
  const { rows, at } = await readPublishedRows(
    file,
    "published index lists file",
    FRAGMENT_COLUMNS,
    "data/published/fh-lo-jobcentre-index-lists.csv",
  );
  const bag = new DiagnosticBag();
  const places: IndexPlace[] = [];
  let unplaced = 0;
  for (const row of rows) {
    const cell = (name: string) => (row.cells[at(name)] ?? "").trim();
    const place = parsePlace(cell("rank"));
    if (cell("jobcentre") === "") {
      bag.add({
        code: "E_MISSING_VALUE",
        message: "jobcentre is empty",
        file,
        line: row.line,
        column: at("jobcentre") + 1,
      });
      continue;
    }
    if (place === undefined) {
      unplaced++;
      continue;
    }
    places.push({
      index: cell("index"),
      period: cell("data_period"),
      rank: cell("rank"),
      ...place,
      jobcentre: cell("jobcentre"),
      source: at("source_url") >= 0 ? cell("source_url") : "",
      line: row.line,
    });
  }
  bag.throwIfErrors();
  return { places, unplaced };
}

export interface IndexComparison {
  places: IndexPlace[];
  differences: string[];
}

/** The quarter's published places against the run's ranking (jobcentres). */
export function compareIndexPlaces(
  run: Pick<IndexRun, "scores">,
  places: readonly IndexPlace[],
  registry: Pick<Registry, "resolveMunicipality">,
): IndexComparison {
  const period = run.scores.period;
  const mine = places.filter((p) => {
    const parsed = parsePeriod(p.period);
    return parsed !== undefined && formatPeriod(parsed) === period;
  });
  const units = run.scores.units;
  const n = units.length;
  const sharing = new Map<number, number>();
  for (const u of units) sharing.set(u.rank, (sharing.get(u.rank) ?? 0) + 1);
  const key = (s: string) => s.normalize("NFC").trim().toLowerCase();
  const differences: string[] = [];
  for (const place of mine) {
    const byName = units.find((u) => key(u.unit.name) === key(place.jobcentre));
    const resolved = byName ? undefined : registry.resolveMunicipality(place.jobcentre);
    const unit =
      byName ??
      (resolved?.ok
        ? units.find((u) => u.unit.municipalities.includes(resolved.municipality.code))
        : undefined);
    const what = `published ${place.index} ${place.period} rank ${place.rank} ${place.jobcentre}`;
    if (unit === undefined) {
      differences.push(`${what}: not in the reproduced ranking`);
      continue;
    }
    const [low, high] = place.fromEnd
      ? [n - place.high + 1, n - place.low + 1]
      : [place.low, place.high];
    const span = sharing.get(unit.rank) ?? 1;
    // The reproduced place covers ranks rank…rank+span−1; it must meet the published range.
    if (unit.rank > high || unit.rank + span - 1 < low) {
      differences.push(`${what}: reproduced rank ${unit.rank}${unit.tied ? "=" : ""} of ${n}`);
    }
  }
  return { places: mine, differences };
}

/**
 * The `--verify` hook of `index`: a note, `published_list` in the JSON and a table of the
 * differences; `failed` on any. A quarter without a published place changes nothing but
 * a note saying so.
 */
export async function withIndexPublishedCheck(
  document: ReportDocument,
  run: IndexRun,
  registry: Pick<Registry, "resolveMunicipality">,
  file: string = INDEX_FRAGMENTS,
): Promise<{ document: ReportDocument; failed: boolean }> {
  const { places } = await readIndexFragments(file);
  const { places: mine, differences } = compareIndexPlaces(run, places, registry);
  const period = run.scores.period;
  if (mine.length === 0) {
    return {
      failed: false,
      document: {
        ...document,
        notes: [...document.notes, `No published index places for ${period} to verify against.`],
      },
    };
  }
  const lists = [...new Set(mine.map((p) => p.index))].join(", ");
  const synthetic = run.synthetic ? " (the input is synthetic demo data)" : "";
  const note =
    differences.length === 0
      ? `The ${mine.length} published place(s) of ${lists} for ${period} agree with the reproduced ranking${synthetic}.`
      : `${differences.length} of ${mine.length} published place(s) of ${lists} for ${period} differ from the reproduced ranking${synthetic}; see the table.`;
  return {
    failed: differences.length > 0,
    document: {
      ...document,
      json: { ...document.json, published_list: { places: mine.length, differences } },
      notes: [...document.notes, note],
      sections:
        differences.length === 0
          ? document.sections
          : [
              ...document.sections,
              {
                title: "Differences from the published index places",
                columns: [{ key: "difference", header: "Difference", kind: "text" }],
                rows: differences.map((difference) => ({ difference })),
              },
            ],
    },
  };
}
