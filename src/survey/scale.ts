/** The default Danish five-point satisfaction scale (METHOD.md G) and the method's constants. */
import type { SurveyOptions } from "./types.js";

export const DEFAULT_SCALE: Readonly<Record<string, number>> = {
  "Meget tilfreds": 5,
  Tilfreds: 4,
  "Hverken tilfreds eller utilfreds": 3,
  Utilfreds: 2,
  "Meget utilfreds": 1,
};

/** Labels that are not answers: they count towards nothing. Empty cells are not answers either. */
export const NOT_ANSWERS: readonly string[] = ["Ved ikke"];

/** 95 % two-sided normal quantile, as METHOD.md G fixes it. */
export const WILSON_Z = 1.959964;

export const SURVEY_DEFAULTS: SurveyOptions = { minAnswers: 5, z: WILSON_Z, satisfiedFrom: 4 };
