/**
 * The linear-programme solver for benefit-of-the-doubt weights: javascript-lp-solver
 * (pure JavaScript, no WebAssembly, bundles with the CLI), adapted to the core's `LpSolve`.
 * Imported on demand, so only a run that needs it loads it (start-up time).
 */
import type { LinearProgram, LpResult, LpSolve } from "../../composite/bod.js";

interface Solver {
  Solve(model: unknown): unknown;
}

/** The solver object, whether the module arrives as ESM or CommonJS (bundled: default.default). */
function solverOf(module: unknown): Solver {
  let candidate = module as { default?: unknown; Solve?: unknown };
  for (let depth = 0; depth < 3 && typeof candidate.Solve !== "function"; depth++) {
    candidate = candidate.default as typeof candidate;
  }
  return candidate as Solver;
}

export async function loadLpSolver(): Promise<LpSolve> {
  const solver = solverOf(await import("javascript-lp-solver"));
  return (lp: LinearProgram): LpResult => {
    const constraints: Record<string, { min?: number; max?: number }> = {};
    lp.constraints.forEach((c, r) => {
      constraints[`c${r}`] = {
        ...(c.min !== undefined ? { min: c.min } : {}),
        ...(c.max !== undefined ? { max: c.max } : {}),
      };
    });
    const variables: Record<string, Record<string, number>> = {};
    lp.objective.forEach((cost, j) => {
      const coefficients: Record<string, number> = { objective: cost };
      lp.constraints.forEach((c, r) => {
        const a = c.coefficients[j] ?? 0;
        if (a !== 0) coefficients[`c${r}`] = a;
      });
      variables[`x${j}`] = coefficients;
    });
    const result = solver.Solve({
      optimize: "objective",
      opType: "max",
      constraints,
      variables,
    }) as {
      feasible: boolean;
      bounded?: boolean;
      [name: string]: number | boolean | undefined;
    };
    if (!result.feasible) return { status: "infeasible" };
    if (result.bounded === false) return { status: "unbounded" };
    return {
      status: "optimal",
      x: lp.objective.map((_, j) => {
        const v = result[`x${j}`];
        return typeof v === "number" ? v : 0;
      }),
    };
  };
}
