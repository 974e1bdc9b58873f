/**
 * How sure is rank 1? Uncertainty and sensitivity of both rankings (docs/uncertainty.md).
 * Import this module on demand (`await import(".../uncertainty/index.js")`) only when
 * `--uncertainty` is given: the bootstrap loads the benchmark model (stdlib's t distribution).
 */

export {
  type BootstrapOptions,
  bootstrapBenchmarkRanks,
  DEFAULT_BOOTSTRAP_RUNS,
} from "./bootstrap.js";
export { benchmarkDesign, type FittedModel, type FittedResult } from "./design.js";
export {
  DEFAULT_RUNS,
  type IndexUncertaintyOptions,
  simulateIndexRanks,
} from "./index-simulation.js";
export { createRandom, DEFAULT_SEED, isValidSeed, Random } from "./random.js";
export { DEFAULT_LEVEL } from "./summary.js";
export type * from "./types.js";
export { profileWeightModel } from "./weights.js";
