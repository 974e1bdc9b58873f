/**
 * `jobindex survey` as a function: options in, ReportDocument out. Reads the question map
 * and the export, resolves each respondent's municipality, takes the units of each round
 * from the registry (jobcentres pool their municipalities as they stood on the round's
 * last day), hands plain data to the pure core (src/survey) and lays out the document:
 * the results, the index input, or one unit's explanation.
 */
import { DiagnosticBag, InputError, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { comparePeriods, type Period, parsePeriod } from "../../period.js";
import { readTable } from "../../read/index.js";
import { loadRegistry, type Registry } from "../../registry/index.js";
import type { ReportDocument } from "../../report/types.js";
import {
  SURVEY_DEFAULTS,
  type SurveyUnit,
  summariseSurvey,
  surveyCounts,
} from "../../survey/index.js";
import { belongsTo, requireGroup } from "../groups.js";
import { readOptionsOf } from "../read-options.js";
import { explainDocument, indexInputDocument, surveyDocument } from "./document.js";
import { surveyResponses } from "./input.js";
import { loadQuestionMap } from "./map.js";
import type { SurveyRun } from "./types.js";

export type { SurveyRun } from "./types.js";

export const DEMO_INPUT = "survey/business-service-SYNTHETIC-demo.csv";
export const DEMO_MAP = "survey/business-service-questions.json";

export interface SurveyOptions {
  input?: string;
  questions?: string;
  unit?: string;
  only?: string;
  /** Round of an export without a round or date column (required then; no default, so a run does not depend on the date). */
  period?: string;
  /** Explain this unit in sentences instead of the results. */
  explain?: string;
  /** Write the index input (counts per municipality and quarter) instead of the results. */
  indexInput?: boolean;
  /** `--decimal-mark` and `--sheet` (an .xlsx export's sheet) for reading the export. */
  decimalMark?: "," | ".";
  sheet?: string;
}

function unitsOf(
  registry: Registry,
  kind: "jobcentre" | "municipality",
  round: string,
): SurveyUnit[] {
  const period = parsePeriod(round) as Period;
  if (kind === "municipality") {
    return registry.municipalities.map((m) => ({
      id: m.code,
      name: m.name,
      municipalities: [m.code],
    }));
  }
  return registry.jobcentresFor(period).map((j) => ({
    id: j.id,
    name: j.name,
    municipalities: [...j.municipalities],
  }));
}

export async function runSurvey(
  options: SurveyOptions,
): Promise<{ document: ReportDocument; run: SurveyRun }> {
  const unit = options.unit ?? "jobcentre";
  if (unit !== "jobcentre" && unit !== "municipality") {
    throw new UsageError(`--unit expects jobcentre or municipality, got '${unit}'`);
  }
  const defaultRound = options.period === undefined ? undefined : parsePeriod(options.period);
  if (options.period !== undefined && defaultRound === undefined) {
    throw new UsageError(
      `--period expects a period such as 2024 or 2024K2, got '${options.period}'`,
      "E_PERIOD",
    );
  }
  const reading = readOptionsOf(options);
  const registry = loadRegistry();
  const group = options.only !== undefined ? requireGroup(registry, options.only) : undefined;
  const synthetic = options.input === undefined;
  const inputPath = options.input ?? dataPath(...DEMO_INPUT.split("/"));
  const inputShown = options.input ?? `data/${DEMO_INPUT}`;
  const mapPath = options.questions ?? (synthetic ? dataPath(...DEMO_MAP.split("/")) : undefined);
  if (mapPath === undefined) throw new UsageError("--questions MAP.json is required with --input");
  const mapShown = options.questions ?? `data/${DEMO_MAP}`;
  const map = loadQuestionMap(mapPath, mapShown);

  const bag = new DiagnosticBag();
  let rows: ReturnType<typeof surveyResponses>;
  try {
    const table = await readTable(inputPath, reading);
    rows = surveyResponses(
      synthetic ? { ...table, file: inputShown } : table,
      map,
      registry,
      defaultRound === undefined ? {} : { defaultRound },
      bag,
    );
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const d of error.diagnostics) bag.add(d);
  }
  bag.throwIfErrors();
  const responses = rows?.responses ?? [];
  const rounds = [...new Set(responses.map((r) => r.round))]
    .map((r) => parsePeriod(r) as Period)
    .sort(comparePeriods)
    .map(
      (p) =>
        responses.find((r) => comparePeriods(parsePeriod(r.round) as Period, p) === 0)
          ?.round as string,
    );
  const cells = summariseSurvey(
    responses,
    rounds,
    (round) => unitsOf(registry, unit, round),
    map.areas,
    SURVEY_DEFAULTS,
  );
  const kept =
    group === undefined
      ? cells
      : cells.filter((c) => {
          const u = unitsOf(registry, unit, c.round).find((x) => x.id === c.unit);
          return u !== undefined && belongsTo(group, u);
        });
  const run: SurveyRun = {
    synthetic,
    input: options.input ?? inputShown,
    questions: mapShown,
    unit,
    ...(group !== undefined ? { only: group.name } : {}),
    ...reading,
    map,
    rounds,
    cells: kept,
  };
  if (options.indexInput === true) {
    const counts = surveyCounts(responses, map.areas, SURVEY_DEFAULTS).filter(
      (r) => group === undefined || group.municipalities.includes(r.municipality),
    );
    return { document: indexInputDocument(run, counts, registry), run };
  }
  if (options.explain !== undefined) {
    return { document: explainDocument(run, options.explain, registry), run };
  }
  return { document: surveyDocument(run), run };
}
