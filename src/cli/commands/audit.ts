/**
 * `jobindex audit`: the index audited as the JRC does (METHOD.md F). Flags → options →
 * runAudit → reporter. The statistics live in src/audit.
 */
import type { Command } from "commander";
import { addOptions, numberField, outputOptions, withExamples } from "../options.js";
import { assertNotAnInput, emit } from "../output.js";
import { standardOutput } from "../stdio.js";

interface AuditFlags {
  input: string[];
  period?: string;
  unit: string;
  method: string;
  missing?: string;
  weights?: string;
  uncertainty?: string;
  seed?: string;
  decimalMark?: "," | ".";
  sheet?: string;
  [key: string]: unknown;
}

export function registerAudit(program: Command): void {
  const cmd = program
    .command("audit")
    .description(
      "audit the index (METHOD.md F): indicator statistics and outliers, correlations, Cronbach's alpha, principal components, leave-one-out ranks, Sobol indices of the rank shift",
    );
  addOptions(cmd, "audit", [
    "input",
    "period",
    "unit",
    "method",
    "missing",
    "weights",
    "uncertainty",
    "seed",
    "decimal-mark",
    "sheet",
    "format",
    "out",
    "locale",
  ]);
  withExamples(cmd, "audit");
  cmd.action(async (flags: AuditFlags) => {
    const output = outputOptions(flags);
    if (output.out !== undefined) assertNotAnInput(output.out, [...flags.input, flags.method]);
    const { runAudit } = await import("../../pipeline/audit/run.js");
    const { document, filesRead } = await runAudit({
      command: "audit",
      inputs: flags.input,
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      unit: flags.unit,
      method: flags.method,
      ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
      ...(flags.weights !== undefined ? { weights: flags.weights } : {}),
      ...numberField("--uncertainty", "uncertainty", flags.uncertainty),
      ...numberField("--seed", "seed", flags.seed),
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
      ...(flags.sheet !== undefined ? { sheet: flags.sheet } : {}),
    });
    await emit(document, output, filesRead, standardOutput);
  });
}
