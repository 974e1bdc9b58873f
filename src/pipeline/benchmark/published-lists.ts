/**
 * `benchmark --verify` against the top lists published for a period (press releases of
 * the ministry, municipal news; data/published/star-benchmark-top-lists.csv): every
 * published rank, and the persons and pct. points where the source gives them, must be
 * what the reproduced ranking shows. A tie in the reproduced ranking (rounded residuals)
 * covers the published ranks it spans. A user's own lists (`--published FILE`, the same
 * columns) are read instead of the shipped ones.
 */
import type { BenchmarkResult } from "../../benchmark/types.js";
import { DiagnosticBag } from "../../diagnostics.js";
import { t } from "../../i18n/index.js";
import { dataPath } from "../../paths.js";
import type { Registry } from "../../registry/types.js";
import type { ReportDocument } from "../../report/types.js";
import { readPublishedRows } from "../published-file.js";
import type { BenchmarkOutcome } from "./outcome.js";

export const PUBLISHED_LISTS = dataPath("published", "star-benchmark-top-lists.csv");

export interface PublishedPlace {
  period: string;
  group: string;
  rank: number;
  municipality: string;
  residualPersons: number | null;
  residualPp: number | null;
  source: string;
}

export interface PublishedComparison {
  /** The list's places for this period and group; none when nothing was published. */
  places: PublishedPlace[];
  /** One sentence per place that the reproduced ranking does not show. */
  differences: string[];
}

/** The columns a published-lists file must have (data/published/star-benchmark-top-lists.csv has more). */
export const PUBLISHED_COLUMNS = ["period", "group", "rank", "municipality"] as const;

/** The columns read, the optional ones included. */
const PUBLISHED_FIELDS = [...PUBLISHED_COLUMNS, "residual_persons", "residual_pp", "source_url"];

/**
 * Reads a published-lists file: the shipped one, or a user's (`--published FILE`) with the
 * same columns. A missing file, a missing column or a rank that is not a whole number from
 * 1 is an input error at its line.
 */
export async function readPublishedLists(file = PUBLISHED_LISTS): Promise<PublishedPlace[]> {
  const { rows, at } = await readPublishedRows(
    file,
    "published-lists file",
    PUBLISHED_COLUMNS,
    "data/published/star-benchmark-top-lists.csv",
  );
  const bag = new DiagnosticBag();
  const num = (text: string | undefined) =>
    text === undefined || text.trim() === "" ? null : Number(text);
  const places = rows.map(({ line, cells }) => {
    const r: Record<string, string | undefined> = Object.fromEntries(
      PUBLISHED_FIELDS.map((name) => [name, at(name) < 0 ? undefined : cells[at(name)]]),
    );
    const rank = Number(r.rank);
    if (!Number.isInteger(rank) || rank < 1) {
      bag.add({
        code: "E_BAD_RANK",
        message: `rank: expected a whole number from 1, got ${JSON.stringify(r.rank ?? "")}`,
        file,
        line,
        column: at("rank") + 1,
      });
    }
    return {
      period: r.period ?? "",
      group: r.group ?? "",
      rank,
      municipality: r.municipality ?? "",
      residualPersons: num(r.residual_persons),
      residualPp: num(r.residual_pp),
      source: r.source_url ?? "",
    };
  });
  bag.throwIfErrors();
  return places;
}

const oneDecimal = (x: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;

export function comparePublished(
  results: readonly BenchmarkResult[],
  period: string,
  group: string,
  lists: readonly PublishedPlace[],
  registry: Pick<Registry, "resolveMunicipality">,
): PublishedComparison {
  const places = lists.filter((p) => p.period === period && p.group === group);
  const byCode = new Map(results.map((r) => [r.municipality, r]));
  const sharing = new Map<number, number>();
  for (const r of results) sharing.set(r.rank, (sharing.get(r.rank) ?? 0) + 1);
  const differences: string[] = [];
  for (const place of places) {
    const resolved = registry.resolveMunicipality(place.municipality);
    const r = resolved.ok ? byCode.get(resolved.municipality.code) : undefined;
    const what = `published ${period} ${group} rank ${place.rank} ${place.municipality}`;
    if (r === undefined) {
      differences.push(`${what}: not in the reproduced ranking`);
      continue;
    }
    const span = sharing.get(r.rank) ?? 1;
    if (place.rank < r.rank || place.rank > r.rank + span - 1) {
      differences.push(`${what}: reproduced rank ${r.rank}${r.tied ? "=" : ""}`);
    }
    if (place.residualPersons !== null && r.residualPersons !== place.residualPersons) {
      differences.push(
        `${what}: ${place.residualPersons} persons published, ${r.residualPersons ?? "none"} reproduced`,
      );
    }
    if (place.residualPp !== null && oneDecimal(r.residualPp) !== place.residualPp) {
      differences.push(
        `${what}: ${place.residualPp} pct. points published, ${oneDecimal(r.residualPp)} reproduced`,
      );
    }
  }
  return { places, differences };
}

/**
 * The --verify hook: when a list was published for the outcome's period and group, the
 * document gains a note (and a table of differences) and the run fails on any difference.
 * Nothing changes for periods without a published list.
 */
export async function withPublishedCheck(
  document: ReportDocument,
  outcome: BenchmarkOutcome,
  registry: Pick<Registry, "resolveMunicipality">,
  file: string = PUBLISHED_LISTS,
): Promise<{ document: ReportDocument; failed: boolean }> {
  if (
    !outcome.options.verify ||
    outcome.mode !== "published" ||
    outcome.period === null ||
    outcome.group === null
  ) {
    return { document, failed: false };
  }
  const { places, differences } = comparePublished(
    outcome.results,
    outcome.period,
    outcome.group,
    await readPublishedLists(file),
    registry,
  );
  if (places.length === 0) return { document, failed: false };
  const note =
    differences.length === 0
      ? t("verify.top_list_agrees", {
          period: outcome.period,
          n: places.length,
          source: places[0]?.source ?? "",
        })
      : t("verify.top_list_differs", {
          n: differences.length,
          period: outcome.period,
          source: places[0]?.source ?? "",
        });
  return {
    failed: differences.length > 0,
    document: {
      ...document,
      json: { ...document.json, published_list: { places: places.length, differences } },
      notes: [...document.notes, note],
      sections:
        differences.length === 0
          ? document.sections
          : [
              ...document.sections,
              {
                title: t("verify.differences_title"),
                columns: [{ key: "difference", header: t("verify.col.difference"), kind: "text" }],
                rows: differences.map((difference) => ({ difference })),
              },
            ],
    },
  };
}
