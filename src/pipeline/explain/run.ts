/**
 * `jobindex explain UNIT` as a function: why a jobcentre or municipality lands where it
 * does, for the benchmark, the index, or both, as one prose ReportDocument. `kind`
 * chooses; by default the options and the input decide (model/group options or a
 * Y30R21-like extract → benchmark; method/unit options or a counts extract → index);
 * with no input and no such option, both are explained on the shipped data.
 */
import { UsageError } from "../../diagnostics.js";
import { t } from "../../i18n/index.js";
import type { ReportDocument } from "../../report/types.js";
import { type FileRead, trackReads } from "../files-read.js";
import { proseDocument } from "../prose.js";
import { readOptionsOf, type TableReadOptions } from "../read-options.js";
import { readInputTable } from "../read-table.js";
import {
  type ExplainCommandOptions,
  type ExplainKind,
  type ExplainRequest,
  normaliseExplainOptions,
} from "./options.js";

export type { ExplainCommandOptions, ExplainKind } from "./options.js";

/** Columns that only a benchmark extract carries (Y30R21 labels or model-mode counts). */
const BENCHMARK_COLUMN = /forventet|expected|public_support|offentlig forsørgelse|placering/i;

async function inputKind(path: string, read: TableReadOptions): Promise<ExplainKind> {
  const table = await readInputTable(path, read);
  return table.columns.some((c) => BENCHMARK_COLUMN.test(c)) ? "benchmark" : "index";
}

async function kindsToExplain(request: ExplainRequest): Promise<ExplainKind[]> {
  if (request.kind !== "auto") return [request.kind];
  const benchmarkOptions =
    request.group !== undefined ||
    request.covariates !== undefined ||
    request.peers !== undefined ||
    request.covariateData.length > 0;
  const indexOptions =
    request.unitKind !== undefined || request.method !== undefined || request.missing !== undefined;
  if (benchmarkOptions && indexOptions) {
    throw new UsageError("explain: give either benchmark flags or index flags, or say --kind");
  }
  if (benchmarkOptions) return ["benchmark"];
  if (indexOptions) return ["index"];
  const first = request.inputs[0];
  if (first !== undefined) return [await inputKind(first, readOptionsOf(request))];
  // Shipped data: a moving-window period belongs to the benchmark, a quarter to the index.
  const period = request.parsedPeriod;
  if (period?.kind === "mat") return ["benchmark"];
  if (period?.kind === "quarter") return ["index"];
  return ["benchmark", "index"];
}

async function explainOne(
  kind: ExplainKind,
  request: ExplainRequest,
): Promise<{ lines: string[]; data: unknown }> {
  if (kind === "benchmark") {
    const { explainBenchmark } = await import("../benchmark/explain.js");
    return explainBenchmark({
      unit: request.unit,
      inputs: request.inputs,
      period: request.period ?? null,
      ...(request.group !== undefined ? { group: request.group } : {}),
      covariates: request.covariates === undefined ? [] : [request.covariates],
      covariateData: request.covariateData,
      weights: request.weights ?? null,
      loo: request.loo === true,
      // Published mode has no model to refit: the sentence is for model mode only.
      ...(request.covariates !== undefined ? request.uncertaintyOptions : {}),
      ...(request.distinguish !== undefined ? { distinguish: request.distinguish } : {}),
      ...(request.peers !== undefined ? { peers: request.peers } : {}),
      ...readOptionsOf(request),
    });
  }
  const { explainIndex } = await import("../index/explain.js");
  return explainIndex({
    unit: request.unit,
    inputs: request.inputs,
    ...(request.period !== undefined ? { period: request.period } : {}),
    ...(request.method !== undefined ? { method: request.method } : {}),
    ...(request.missing !== undefined ? { missing: request.missing } : {}),
    ...(request.unitKind === "municipality" ? { unitKind: "municipality" as const } : {}),
    ...request.uncertaintyOptions,
    ...readOptionsOf(request),
  });
}

/** `residualPp` → `residual_pp`: explain's JSON in the one naming style of the other JSON. */
const snakeKey = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();

/**
 * Every key of `value` in snake_case, except inside `options` (the recorded options, read
 * back by `check`), and keys that are data (periods, ids) are left as they are.
 */
export function snakeCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCase);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      /^[a-z][a-zA-Z0-9]*$/.test(k) ? snakeKey(k) : k,
      k === "options" ? v : snakeCase(v),
    ]),
  );
}

/**
 * The explanations as one document: JSON `{ command, unit, benchmark?, index? }`, and the
 * sentences, a block per kind (headed when there are two).
 */
function explainDocument(
  unit: string,
  explanations: ReadonlyArray<{ kind: ExplainKind; lines: string[]; data: unknown }>,
): ReportDocument {
  const json = {
    command: "explain",
    unit,
    ...Object.fromEntries(explanations.map((e) => [e.kind, snakeCase(e.data)])),
  };
  const prose: string[] = [];
  for (const [i, e] of explanations.entries()) {
    if (i > 0) prose.push("");
    const header = explanations.length > 1 ? t(`explain.header.${e.kind}`) : "";
    prose.push(...[header, ...e.lines].filter((line) => line !== ""));
  }
  const synthetic = explanations.some(
    (e) => (e.data as { synthetic?: unknown } | null)?.synthetic === true,
  );
  return proseDocument(json, prose, synthetic);
}

/** The `explain` command: 0 always; a unit that cannot be found or bad input throws. */
export async function runExplain(
  options: ExplainCommandOptions,
): Promise<{ document: ReportDocument; exitCode: 0 | 1; filesRead: FileRead[] }> {
  return trackReads(async () => {
    const request = normaliseExplainOptions(options);
    const kinds = await kindsToExplain(request);
    const explanations = [];
    for (const kind of kinds) explanations.push({ kind, ...(await explainOne(kind, request)) });
    return { document: explainDocument(request.unit, explanations), exitCode: 0 as const };
  });
}
