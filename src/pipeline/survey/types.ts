/** What one survey run found, as the documents lay it out. */
import type { SurveyCell } from "../../survey/index.js";
import type { QuestionMap } from "./map.js";

export interface SurveyRun {
  synthetic: boolean;
  input: string;
  questions: string;
  unit: "jobcentre" | "municipality";
  only?: string;
  /** The reading options given (`--decimal-mark`, `--sheet`), recorded in the JSON options. */
  decimalMark?: "," | ".";
  sheet?: string;
  map: QuestionMap;
  rounds: string[];
  cells: SurveyCell[];
}
