/**
 * The survey's ReportDocuments: the results (one row per round, area and unit), the index
 * input (counts per municipality and quarter, for data/methods/quality.json) and one unit
 * explained in sentences. Only aggregates enter a document: no respondent's answer, id or
 * free text.
 */
import { UsageError } from "../../diagnostics.js";
import { currentLang, formatNumberIn, t } from "../../i18n/index.js";
import { formatPeriod, type Period, parsePeriod, quarterOfMonth } from "../../period.js";
import { formatRank } from "../../rank.js";
import type { Registry } from "../../registry/index.js";
import type { ReportColumn, ReportDocument, ReportRow } from "../../report/types.js";
import { SURVEY_DEFAULTS, type SurveyCell, type SurveyCountRow } from "../../survey/index.js";
import type { SurveyRun } from "./types.js";

function areaLabel(run: SurveyRun, area: string): string {
  return run.map.labels.get(area) ?? area;
}

function title(run: SurveyRun): string {
  const base = run.map.title ?? t("survey.title");
  return `${base}${run.synthetic ? t("survey.title_synthetic") : ""}`;
}

function subtitle(run: SurveyRun): string {
  const rounds =
    run.rounds.length > 1
      ? t("survey.rounds", { list: run.rounds.join(", ") })
      : t("survey.round", { round: run.rounds[0] ?? t("survey.no_round") });
  const parts = [
    rounds,
    t("survey.by", { unit: t(`word.${run.unit}`) }),
    t("survey.areas", { n: run.map.areas.length }),
  ];
  if (run.only !== undefined) parts.push(t("word.only", { name: run.only }));
  return parts.join(" · ");
}

function notes(run: SurveyRun): string[] {
  const out = [
    t("survey.note.method", {
      from: SURVEY_DEFAULTS.satisfiedFrom,
      z: currentLang() === "da" ? String(SURVEY_DEFAULTS.z).replace(".", ",") : SURVEY_DEFAULTS.z,
    }),
    t("survey.note.suppressed", { min: SURVEY_DEFAULTS.minAnswers }),
    t(run.unit === "jobcentre" ? "survey.note.jobcentres" : "survey.note.municipalities"),
    t("survey.note.input", { questions: run.questions, input: run.input }),
  ];
  if (run.rounds.length > 1) out.push(t("survey.note.change"));
  if (run.only !== undefined) out.push(t("survey.note.only", { only: run.only }));
  if (run.synthetic) out.unshift(t("survey.synthetic_note"));
  return out;
}

/** CSV has no title or notes: a `data` column says SYNTHETIC on every row of the demo. */
function syntheticColumn(run: SurveyRun): ReportColumn[] {
  return run.synthetic ? [{ key: "data", header: "data", kind: "text", csvOnly: true }] : [];
}

function syntheticValue(run: SurveyRun): ReportRow {
  return run.synthetic ? { data: "SYNTHETIC demo" } : {};
}

function jsonCell(c: SurveyCell): Record<string, unknown> {
  return {
    unit: c.unit,
    name: c.name,
    round: c.round,
    area: c.area,
    n: c.n,
    mean: c.mean,
    satisfied_share: c.satisfied_share,
    satisfied_low: c.satisfied_low,
    satisfied_high: c.satisfied_high,
    suppressed: c.suppressed,
    rank: c.rank,
    tied: c.tied,
    change: c.change,
    rank_change: c.rank_change,
  };
}

function options(run: SurveyRun): Record<string, unknown> {
  return {
    input: run.input,
    questions: run.questions,
    unit: run.unit,
    ...(run.only !== undefined ? { only: run.only } : {}),
    ...(run.decimalMark !== undefined ? { decimalMark: run.decimalMark } : {}),
    ...(run.sheet !== undefined ? { sheet: run.sheet } : {}),
  };
}

export function surveyDocument(run: SurveyRun): ReportDocument {
  const several = run.rounds.length > 1;
  const columns: ReportColumn[] = [
    ...(several ? [{ key: "round", header: t("survey.col.round"), kind: "text" as const }] : []),
    { key: "area", header: t("survey.col.area"), kind: "text" },
    { key: "rank", header: t("col.rank"), kind: "rank", tiedKey: "tied" },
    { key: "unit", header: t("survey.col.unit"), csvHeader: "unit", kind: "text", optional: true },
    { key: "name", header: t("col.name"), kind: "text" },
    { key: "n", header: "n", kind: "integer" },
    { key: "mean", header: t("survey.col.mean"), kind: "number", digits: 2, better: "higher" },
    {
      key: "satisfied_share",
      header: t("survey.col.satisfied"),
      kind: "number",
      digits: 3,
      better: "higher",
    },
    {
      key: "satisfied_low",
      header: t("survey.col.low"),
      kind: "number",
      digits: 3,
      optional: true,
    },
    {
      key: "satisfied_high",
      header: t("survey.col.high"),
      kind: "number",
      digits: 3,
      optional: true,
    },
    { key: "suppressed", header: "Suppressed", kind: "text", csvOnly: true },
    { key: "tied", header: "Tied", kind: "text", csvOnly: true },
    ...syntheticColumn(run),
    ...(several
      ? [
          {
            key: "change",
            header: t("survey.col.share_change"),
            kind: "number" as const,
            digits: 3,
            better: "higher" as const,
          },
          {
            key: "rank_change",
            header: t("survey.col.rank_change"),
            kind: "change" as const,
            optional: true,
          },
        ]
      : []),
  ];
  const rows: ReportRow[] = run.cells.map((c) => ({
    ...jsonCell(c),
    area: areaLabel(run, c.area),
    ...syntheticValue(run),
  }));
  const latest = run.rounds.at(-1);
  const shareIntervals = run.map.areas.map((area) => ({
    title: `${areaLabel(run, area)}${latest !== undefined ? `, ${latest}` : ""}`,
    rows: run.cells
      .filter((c) => c.round === latest && c.area === area && !c.suppressed)
      .map((c) => ({
        id: c.unit,
        name: c.name,
        value: c.satisfied_share as number,
        low: c.satisfied_low as number,
        high: c.satisfied_high as number,
      })),
  }));
  return {
    json: {
      command: "survey",
      synthetic: run.synthetic,
      options: options(run),
      rounds: run.rounds,
      areas: run.map.areas.map((a) => ({ id: a, label: areaLabel(run, a) })),
      results: run.cells.map(jsonCell),
    },
    title: title(run),
    subtitle: subtitle(run),
    synthetic: run.synthetic,
    columns,
    rows,
    sections: [],
    notes: notes(run),
    shareIntervals,
  };
}

/** The index's quarter for a round: a year's or a MAT's last quarter, a month's quarter. */
export function indexQuarter(round: string): string {
  const p = parsePeriod(round) as Period;
  if (p.kind === "quarter") return formatPeriod(p);
  if (p.kind === "month") return formatPeriod(quarterOfMonth(p));
  if (p.kind === "mat") return formatPeriod({ kind: "quarter", year: p.year, sub: p.sub });
  return `${p.year}K4`;
}

export function indexInputDocument(
  run: SurveyRun,
  counts: readonly SurveyCountRow[],
  registry: Registry,
): ReportDocument {
  const countColumns = run.map.areas.flatMap((a) => [`${a}_answers`, `${a}_satisfied`]);
  const columns: ReportColumn[] = [
    { key: "municipality", header: "municipality", kind: "text" },
    { key: "name", header: "name", kind: "text" },
    { key: "period", header: "period", kind: "text" },
    ...countColumns.map((k) => ({ key: k, header: k, kind: "integer" as const })),
    ...syntheticColumn(run),
  ];
  const rows: ReportRow[] = counts.map((r) => ({
    municipality: r.municipality,
    name: registry.municipality(r.municipality)?.name ?? r.municipality,
    period: indexQuarter(r.round),
    ...r.counts,
    ...syntheticValue(run),
  }));
  return {
    json: {
      command: "survey",
      format: "index-input",
      synthetic: run.synthetic,
      options: options(run),
      rows,
    },
    title: t("survey.index_input_title", { title: title(run) }),
    subtitle: t("survey.index_input_subtitle"),
    synthetic: run.synthetic,
    columns,
    rows,
    sections: [],
    notes: [],
  };
}

function pct(x: number): string {
  return `${(100 * x).toFixed(0)} %`;
}

const integer = (n: number) => formatNumberIn(n, 0, currentLang(), true);

/** The unit a text names in the latest round: a unit id or name, or a member municipality. */
function findUnit(run: SurveyRun, text: string, registry: Registry): string {
  const latest = run.rounds.at(-1);
  const cells = run.cells.filter((c) => c.round === latest);
  const folded = text.trim().toLowerCase();
  const direct = cells.find((c) => c.unit === text.trim() || c.name.toLowerCase() === folded);
  if (direct !== undefined) return direct.unit;
  const resolved = registry.resolveMunicipality(text);
  if (resolved.ok && latest !== undefined) {
    const code = resolved.municipality.code;
    if (run.unit === "municipality") return code;
    const j = registry.jobcentreOf(code, parsePeriod(latest) as Period);
    if (j !== undefined) return j.id;
  }
  const known = [...new Set(cells.map((c) => c.name))].join(", ");
  throw new UsageError(`--explain: '${text}' is not a unit of the survey; units: ${known}`);
}

export function explainDocument(run: SurveyRun, text: string, registry: Registry): ReportDocument {
  const id = findUnit(run, text, registry);
  const latest = run.rounds.at(-1) as string;
  const mine = run.cells.filter((c) => c.unit === id && c.round === latest);
  const name = mine[0]?.name ?? id;
  const prose: string[] = [];
  if (run.synthetic) prose.push(t("survey.explain.synthetic"));
  prose.push(
    t("survey.explain.first", {
      name,
      round: latest,
      pooled: run.unit === "jobcentre" ? t("survey.explain.pooled") : "",
    }),
  );
  const facts: Record<string, unknown>[] = [];
  for (const area of run.map.areas) {
    const c = mine.find((x) => x.area === area);
    const label = areaLabel(run, area);
    if (c === undefined) {
      prose.push(t("survey.explain.no_answers", { label }));
      continue;
    }
    facts.push({
      area,
      n: c.n,
      mean: c.mean,
      satisfied_share: c.satisfied_share,
      satisfied_low: c.satisfied_low,
      satisfied_high: c.satisfied_high,
      suppressed: c.suppressed,
      rank: c.rank,
      change: c.change,
    });
    if (c.suppressed) {
      prose.push(
        t(c.n === 1 ? "survey.explain.suppressed_one" : "survey.explain.suppressed", {
          label,
          n: integer(c.n),
          min: SURVEY_DEFAULTS.minAnswers,
        }),
      );
      continue;
    }
    const ranked = run.cells.filter(
      (x) => x.round === latest && x.area === area && x.rank !== null,
    ).length;
    const since =
      c.change === null
        ? ""
        : t(`survey.explain.${c.change > 0 ? "rose" : c.change < 0 ? "fell" : "same"}`, {
            points: (100 * Math.abs(c.change)).toFixed(0),
          });
    prose.push(
      t("survey.explain.area", {
        label,
        n: integer(c.n),
        mean: formatNumberIn(c.mean as number, 2),
        share: pct(c.satisfied_share as number),
        low: pct(c.satisfied_low as number),
        high: pct(c.satisfied_high as number),
        rank: formatRank(c.rank as number, c.tied),
        of: ranked,
        since,
      }),
    );
  }
  prose.push(t("survey.explain.intervals"));
  return {
    json: {
      command: "survey",
      ...(run.synthetic ? { data: "SYNTHETIC demo export" } : {}),
      explain: id,
      name,
      round: latest,
      synthetic: run.synthetic,
      areas: facts,
    },
    title: t("survey.explain.title", { name }),
    subtitle: t("survey.round", { round: latest }),
    synthetic: run.synthetic,
    columns: [],
    rows: [],
    sections: [],
    notes: [],
    prose,
  };
}
