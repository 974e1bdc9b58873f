/**
 * The Sobol design's base sample N by default: the uncertainty analysis's default number
 * of draws (DEFAULT_RUNS, docs/uncertainty.md; a test checks they agree). A module of its
 * own, importing nothing, so the option table can show it without loading the pipeline.
 */
export const AUDIT_SOBOL_RUNS = 10_000;
