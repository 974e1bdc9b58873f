/**
 * `jobindex index`: the FH-style jobcentre index (METHOD.md A). Flags → options →
 * runIndex → reporter. The computation lives in src/composite.
 */
import type { Command } from "commander";
import { UsageError } from "../../diagnostics.js";
import { addOptions, numberField, outputOptions, withExamples } from "../options.js";
import { emit } from "../output.js";

interface IndexFlags {
  input: string[];
  period?: string;
  unit: string;
  method: string;
  missing?: string;
  history?: boolean;
  weights?: string;
  uncertainty?: string;
  seed?: string;
  by?: string;
  only?: string;
  decimalMark?: "," | ".";
  [key: string]: unknown;
}

/** `upskilling_share=0.3,sickness_duration=0.1,…` → { upskilling_share: 0.3, … }. */
export function parseWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const match = /^([a-z][a-z0-9_]*)\s*=\s*(\S+)$/.exec(part);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value) || value < 0) {
      throw new UsageError(
        `--weights expects indicator=weight pairs separated by commas (weights ≥ 0 summing to 1), got '${part}'`,
      );
    }
    weights[match[1] as string] = value;
  }
  return weights;
}

export function registerIndex(program: Command): void {
  const cmd = program
    .command("index")
    .description(
      "rank jobcentres (or municipalities) on an FH-style index of five effort indicators; without --input, on the shipped synthetic demo data",
    );
  addOptions(cmd, "index", [
    "input",
    "period",
    "unit",
    "method",
    "missing",
    "history",
    "weights",
    "uncertainty",
    "seed",
    "by",
    "only",
    "decimal-mark",
    "format",
    "out",
    "locale",
  ]);
  withExamples(cmd, "index");
  cmd.action(async (flags: IndexFlags) => {
    const { runIndex } = await import("../../pipeline/index/run.js");
    const { document } = await runIndex({
      command: "index",
      inputs: flags.input,
      ...(flags.period !== undefined ? { period: flags.period } : {}),
      unit: flags.unit,
      method: flags.method,
      ...(flags.missing !== undefined ? { missing: flags.missing } : {}),
      history: flags.history === true,
      ...(flags.weights !== undefined ? { weights: parseWeights(flags.weights) } : {}),
      ...numberField("--uncertainty", "uncertainty", flags.uncertainty),
      ...numberField("--seed", "seed", flags.seed),
      ...(flags.by !== undefined ? { by: flags.by } : {}),
      ...(flags.only !== undefined ? { only: flags.only } : {}),
      ...(flags.decimalMark !== undefined ? { decimalMark: flags.decimalMark } : {}),
    });
    await emit(document, outputOptions(flags), flags.input, process.stdout);
  });
}
