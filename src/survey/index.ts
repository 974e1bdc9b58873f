export { type SurveyCountRow, surveyCounts } from "./index-input.js";
export { DEFAULT_SCALE, NOT_ANSWERS, SURVEY_DEFAULTS, WILSON_Z } from "./scale.js";
export { summariseSurvey } from "./summarise.js";
export type {
  SurveyAnswer,
  SurveyCell,
  SurveyOptions,
  SurveyResponse,
  SurveyUnit,
} from "./types.js";
export { wilsonInterval } from "./wilson.js";
