/** Plain data of a business-service survey (METHOD.md G), as the pure core takes it. */

/** One answer that counts: its area and its score on the map's scale. */
export interface SurveyAnswer {
  area: string;
  score: number;
}

/** One respondent, reduced to what the method uses: where, when, and the scored answers. */
export interface SurveyResponse {
  /** Municipality code of the respondent's unit cell. */
  municipality: string;
  /** Survey round (a canonical period, e.g. "2024"). */
  round: string;
  answers: SurveyAnswer[];
}

/** A unit of one round: a municipality or a jobcentre pooling its members. */
export interface SurveyUnit {
  id: string;
  name: string;
  municipalities: readonly string[];
}

/** One unit × area × round: the JSON result of CLI.md `survey`, with the change columns. */
export interface SurveyCell {
  unit: string;
  name: string;
  round: string;
  area: string;
  n: number;
  mean: number | null;
  satisfied_share: number | null;
  satisfied_low: number | null;
  satisfied_high: number | null;
  suppressed: boolean;
  rank: number | null;
  tied: boolean;
  /** Satisfied share minus the previous round's (null: no earlier round, or either suppressed). */
  change: number | null;
  /** This rank minus the previous round's (negative: moved up), as the index history has it. */
  rank_change: number | null;
}

export interface SurveyOptions {
  /** Cells with fewer answers are suppressed (Danish statistics' small-count rule). */
  minAnswers: number;
  /** Normal quantile of the Wilson interval. */
  z: number;
  /** Scores at or above this count as satisfied. */
  satisfiedFrom: number;
}
