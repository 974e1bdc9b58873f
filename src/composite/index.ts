/**
 * The FH-style index as a library. The pure core (no I/O) is computeIndicators →
 * scoreIndex (normalise, aggregate, rank); runIndex and explainIndex add reading the
 * inputs, the method profile and the registry.
 */
export { aggregate, contributions } from "./aggregate.js";
export { buildIndexDocument } from "./document.js";
export { type ExplainOptions, explainIndex } from "./explain.js";
export { evaluateExpression, parseExpression } from "./expression.js";
export { rankHistory } from "./history.js";
export { computeIndicators, sumCounts } from "./indicators.js";
export { countRecords } from "./input.js";
export { loadMethod, shippedMethods } from "./methods.js";
export { resolveMissing } from "./missing.js";
export { normalise, winsorise } from "./normalise.js";
export { type MethodProfile, parseMethodProfile, withChoices, withWeights } from "./profile.js";
export { computeIndex, type IndexOptions, type RecordedIndexOptions, runIndex } from "./run.js";
export { scoreIndex } from "./score.js";
export type * from "./types.js";
