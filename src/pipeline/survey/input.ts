/**
 * A survey tool's export (one row per respondent) → scored responses, with every input
 * error found before computing: an answer not on the scale, a question of the map missing
 * from the file, an unknown municipality or jobcentre, a round or date that is not one.
 * Person-level data never enter a message: a bad cell is named by its line and column,
 * never by its contents (only unit names, which are not personal, are quoted).
 */
import type { DiagnosticBag } from "../../diagnostics.js";
import { formatPeriod, type Period, parsePeriod } from "../../period.js";
import { normalizeColumnName, type Table } from "../../read/index.js";
import type { Registry } from "../../registry/index.js";
import { resolutionHint } from "../../registry/resolve.js";
import { NOT_ANSWERS, type SurveyResponse } from "../../survey/index.js";
import type { QuestionMap } from "./map.js";

export const SurveyCode = {
  NoUnitColumn: "E_SURVEY_NO_UNIT_COLUMN",
  QuestionMissing: "E_SURVEY_QUESTION_MISSING",
  AnswerNotOnScale: "E_SURVEY_ANSWER",
  UnknownMunicipality: "E_UNKNOWN_MUNICIPALITY",
  UnknownJobcentre: "E_UNKNOWN_JOBCENTRE",
  BadDate: "E_BAD_DATE",
  BadPeriod: "E_BAD_PERIOD",
  NoRound: "E_SURVEY_NO_ROUND",
} as const;

const MUNICIPALITY = ["kommune", "municipality"];
const JOBCENTRE = ["jobcenter", "jobcentre", "jobcenter navn"];
const ROUND = ["runde", "round", "periode", "period"];
const DATE = ["dato", "date", "besvaret", "svardato"];

function findColumn(table: Table, names: readonly string[]): number | undefined {
  const wanted = new Set(names.map(normalizeColumnName));
  const at = table.columns.findIndex((c) => wanted.has(normalizeColumnName(c)));
  return at < 0 ? undefined : at;
}

function text(cell: unknown): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

/** YYYY-MM-DD, or DD-MM-YYYY / DD.MM.YYYY / DD/MM/YYYY as Danish tools write it; a real day. */
export function parseSurveyDate(value: string): { year: number; month: number } | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+Z?)?$/.exec(value);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?: [0-9:.]+)?$/.exec(value);
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dk
      ? [Number(dk[3]), Number(dk[2]), Number(dk[1])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? { year: y, month: m } : undefined;
}

/** Folds case and spaces, so "meget tilfreds" is "Meget tilfreds". */
function foldLabel(label: string): string {
  return label.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

export interface SurveyReadOptions {
  /** The round of a file without a round or date column (`--period`); such a file needs it. */
  defaultRound?: Period;
}

export interface SurveyRows {
  responses: SurveyResponse[];
  /** How the unit cells were given. */
  unitColumn: "municipality" | "jobcentre";
  /** Where the rounds came from. */
  rounds: "column" | "date" | "single";
}

/**
 * Reads one table. A jobcentre cell names a jobcentre ("Esbjerg-Fanø", "Jobcenter
 * Kolding") or a municipality; its respondents are counted at its lead municipality, so
 * pooling by the round's jobcentres puts them back together.
 */
export function surveyResponses(
  table: Table,
  map: QuestionMap,
  registry: Registry,
  options: SurveyReadOptions,
  bag: DiagnosticBag,
): SurveyRows | undefined {
  const before = bag.errors.length;
  const municipalityAt = findColumn(table, MUNICIPALITY);
  const jobcentreAt = municipalityAt === undefined ? findColumn(table, JOBCENTRE) : undefined;
  const unitAt = municipalityAt ?? jobcentreAt;
  if (unitAt === undefined) {
    bag.add({
      code: SurveyCode.NoUnitColumn,
      file: table.file,
      line: 1,
      message: "no unit column: expected a column 'kommune' (municipality) or 'jobcenter'",
    });
  }
  const questionAt = new Map<string, number>();
  for (const [question] of map.questions) {
    const at = table.columns.findIndex(
      (c) => normalizeColumnName(c) === normalizeColumnName(question),
    );
    if (at >= 0) questionAt.set(question, at);
    else {
      bag.add({
        code: SurveyCode.QuestionMissing,
        file: map.file,
        ...(map.where.get(question) ?? {}),
        message: `question column "${question}" of the map is not in ${table.file} (its header line has ${table.columns.length} columns)`,
      });
    }
  }
  if (bag.errors.length > before || unitAt === undefined) return undefined;
  const roundAt = findColumn(table, ROUND);
  const dateAt = roundAt === undefined ? findColumn(table, DATE) : undefined;
  const defaultRound = options.defaultRound;
  if (roundAt === undefined && dateAt === undefined && defaultRound === undefined) {
    bag.add({
      code: SurveyCode.NoRound,
      file: table.file,
      line: 1,
      message: `no round or date column (${[...ROUND, ...DATE].join(", ")}): say which round the answers are with --period, e.g. 2024K2`,
    });
    return undefined;
  }
  const scale = new Map([...map.scale].map(([label, score]) => [foldLabel(label), score]));
  const skip = new Set(NOT_ANSWERS.map(foldLabel));
  const expected = [...map.scale.keys(), ...NOT_ANSWERS].map((l) => `'${l}'`).join(", ");
  const jobcentreNames = new Map<string, Map<string, string>>();
  const responses: SurveyResponse[] = [];

  for (const row of table.rows) {
    const where = { file: table.file, line: row.line };
    let round = defaultRound as Period;
    if (roundAt !== undefined) {
      const parsed = parsePeriod(text(row.values[roundAt]));
      if (parsed === undefined) {
        bag.add({
          code: SurveyCode.BadPeriod,
          ...where,
          column: roundAt + 1,
          message: "round is not a period (expected e.g. 2024, 2024K2, 2024M06)",
        });
        continue;
      }
      round = parsed;
    } else if (dateAt !== undefined) {
      const date = parseSurveyDate(text(row.values[dateAt]));
      if (date === undefined) {
        bag.add({
          code: SurveyCode.BadDate,
          ...where,
          column: dateAt + 1,
          message: "not a date (expected YYYY-MM-DD or DD-MM-YYYY)",
        });
        continue;
      }
      round = parsePeriod(String(date.year)) as Period;
    }
    const roundName = formatPeriod(round);
    const unitText = text(row.values[unitAt]);
    let municipality: string | undefined;
    if (jobcentreAt !== undefined) {
      let names = jobcentreNames.get(roundName);
      if (names === undefined) {
        names = new Map();
        for (const j of registry.jobcentresFor(round)) {
          names.set(foldLabel(j.name), j.municipalities[0] as string);
          names.set(foldLabel(j.id), j.municipalities[0] as string);
        }
        jobcentreNames.set(roundName, names);
      }
      const bare = unitText.replace(/^jobcent(er|re)\s+/i, "");
      municipality = names.get(foldLabel(bare));
      if (municipality === undefined) {
        const resolved = registry.resolveMunicipality(bare);
        if (resolved.ok)
          municipality = registry.jobcentreOf(resolved.municipality.code, round)?.municipalities[0];
      }
      if (municipality === undefined) {
        bag.add({
          code: SurveyCode.UnknownJobcentre,
          ...where,
          column: unitAt + 1,
          message: `unknown jobcentre "${unitText}" in ${roundName}`,
        });
        continue;
      }
    } else {
      const resolved = registry.resolveMunicipality(unitText);
      if (!resolved.ok) {
        bag.add({
          code: SurveyCode.UnknownMunicipality,
          ...where,
          column: unitAt + 1,
          message: `unknown municipality "${unitText}"${resolutionHint(resolved)}`,
        });
        continue;
      }
      municipality = resolved.municipality.code;
    }
    const answers: SurveyResponse["answers"] = [];
    for (const [question, area] of map.questions) {
      const at = questionAt.get(question) as number;
      const label = foldLabel(text(row.values[at]));
      if (label === "" || skip.has(label)) continue;
      const score = scale.get(label);
      if (score === undefined) {
        bag.add({
          code: SurveyCode.AnswerNotOnScale,
          ...where,
          column: at + 1,
          message: `answer is not on the scale of ${map.file} (expected one of ${expected}, or empty)`,
        });
        continue;
      }
      answers.push({ area, score });
    }
    responses.push({ municipality, round: roundName, answers });
  }
  return {
    responses,
    unitColumn: jobcentreAt !== undefined ? "jobcentre" : "municipality",
    rounds: roundAt !== undefined ? "column" : dateAt !== undefined ? "date" : "single",
  };
}
