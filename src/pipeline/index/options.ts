/**
 * `index`'s options: what `runIndex` accepts (the CLI's flags or the `options` a JSON
 * result recorded), and their normalised form, checked before any file is opened.
 */
import { MISSING_MODES, type MissingMode } from "../../composite/profile.js";
import { UsageError } from "../../diagnostics.js";
import type { Period } from "../../period.js";
import { parsePeriodOption } from "../period.js";
import { readOptionsOf } from "../read-options.js";
import { DEFAULT_METHOD } from "./method.js";

export const UNIT_KINDS = ["jobcentre", "municipality"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** What `runIndex` accepts: the CLI's flags, or the `options` a JSON result recorded. */
export interface IndexOptions {
  command?: string;
  /** Input files; empty or absent = the profile's shipped default input. */
  inputs?: string[];
  /** A quarter; absent = the latest in the input. */
  period?: string;
  unit?: string;
  /** Shipped profile name or a path to a profile JSON file. */
  method?: string;
  /** Absent = the profile's own default (`error` for fh). */
  missing?: string;
  history?: boolean;
  /**
   * Override of the profile's weights, by indicator id; must sum to 1. As the command line
   * gives it (`a=0.5,b=0.5`) or as recorded.
   */
  weights?: Record<string, number> | string;
  /** Monte Carlo draws of the method for rank intervals (docs/uncertainty.md); absent = none. */
  uncertainty?: number;
  /** Seed of those draws; absent = the uncertainty module's DEFAULT_SEED. */
  seed?: number;
  /** `region`: rank within the regions too, and total each region. */
  by?: string;
  /** A region or named group: only its units (national ranks kept), and their totals. */
  only?: string;
  /** The inputs' decimal mark (`--decimal-mark`); absent = decided from each file. */
  decimalMark?: "," | ".";
  /** The sheet of .xlsx inputs (`--sheet`); absent = the first. */
  sheet?: string;
}

/** The options as recorded in every JSON output: enough for `runIndex` to reproduce it. */
export interface RecordedIndexOptions {
  command: "index";
  inputs: string[];
  period: string;
  unit: UnitKind;
  method: string;
  missing: MissingMode;
  history: boolean;
  weights?: Record<string, number>;
  /** Present only with uncertainty; the seed is always recorded then, so `check` redraws the same. */
  uncertainty?: number;
  seed?: number;
  by?: "region";
  /** The group's id (`trekant`, `DK-83`), whatever name it was asked by. */
  only?: string;
  /** Recorded only when given, so the outputs of runs without them stay as they were. */
  decimalMark?: "," | ".";
  sheet?: string;
}

/** The options checked and parsed: nothing read yet. */
export interface IndexRequest {
  inputs: string[];
  decimalMark?: "," | ".";
  sheet?: string;
  /** The quarter asked for; undefined = the latest in the input. */
  period: Period | undefined;
  unit: UnitKind;
  method: string;
  /** Undefined = the profile's own default. */
  missing: MissingMode | undefined;
  history: boolean;
  weights: Record<string, number> | undefined;
  /** Draws of the Monte Carlo; undefined = no uncertainty analysis. */
  uncertainty: number | undefined;
  seed: number | undefined;
  by: unknown;
  only: unknown;
}

/**
 * `upskilling_share=0.3,sickness_duration=0.1,…` → { upskilling_share: 0.3, … }; a key
 * given twice is refused (which one was meant?).
 */
export function parseWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) {
    throw new UsageError(
      "--weights expects indicator=weight pairs separated by commas (weights ≥ 0 summing to 1), got nothing",
    );
  }
  for (const part of parts) {
    const match = /^([a-z][a-z0-9_]*)\s*=\s*(\S+)$/.exec(part);
    const value = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(value) || value < 0) {
      throw new UsageError(
        `--weights expects indicator=weight pairs separated by commas (weights ≥ 0 summing to 1), got '${part}'`,
      );
    }
    const key = match[1] as string;
    if (Object.hasOwn(weights, key)) {
      throw new UsageError(`--weights gives '${key}' twice; give each indicator once`);
    }
    weights[key] = value;
  }
  return weights;
}

function unitKind(text: string | undefined): UnitKind {
  const kind = text ?? "jobcentre";
  if ((UNIT_KINDS as readonly string[]).includes(kind)) return kind as UnitKind;
  throw new UsageError(`--unit expects one of ${UNIT_KINDS.join(", ")}, got '${kind}'`);
}

function missingMode(text: string | undefined): MissingMode | undefined {
  if (text === undefined) return undefined;
  if ((MISSING_MODES as readonly string[]).includes(text)) return text as MissingMode;
  throw new UsageError(`--missing expects one of ${MISSING_MODES.join(", ")}, got '${text}'`);
}

/**
 * Checks every option that can be checked without reading: the period first, so a
 * mistyped `--period` is refused at once, whatever the input.
 */
export function normaliseIndexOptions(options: IndexOptions): IndexRequest {
  const period = parsePeriodOption(options.period, "quarter");
  const unit = unitKind(options.unit);
  const missing = missingMode(options.missing);
  if (options.uncertainty === undefined && options.seed !== undefined) {
    throw new UsageError("--seed applies with --uncertainty");
  }
  return {
    inputs: [...(options.inputs ?? [])],
    ...readOptionsOf(options),
    period,
    unit,
    method: options.method ?? DEFAULT_METHOD,
    missing,
    history: options.history === true,
    weights:
      options.weights === undefined
        ? undefined
        : typeof options.weights === "string"
          ? parseWeights(options.weights)
          : { ...options.weights },
    uncertainty: options.uncertainty,
    seed: options.seed,
    by: options.by,
    only: options.only,
  };
}
