/**
 * A fetch run: settings from the environment and flags → the API client (src/fetch) →
 * the file and its FILE.source.json, written together or not at all. Recipes
 * (data/fetch/recipes.json) are lists of such requests written into one folder.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type Diagnostic, reportWarning, UsageError } from "../../diagnostics.js";
import { DEFAULT_HTTP, FetchError, type HttpOptions } from "../../fetch/http.js";
import {
  type ApiVersion,
  DEFAULT_JOBINDSATS_ROOT,
  fetchJobindsats,
} from "../../fetch/jobindsats.js";
import { DEFAULT_STATBANK_ROOT, fetchStatbank } from "../../fetch/statbank.js";
import { dataPath } from "../../paths.js";
import type { Table } from "../../read/index.js";
import { loadRegistry } from "../../registry/index.js";
import { type Assembly, assembleIndexInput } from "./assemble.js";
import { bulkTable, type CovariateDerivation, deriveCovariate } from "./derive.js";
import { assertFree, type OutFile, writeTogether } from "./write.js";

export interface FetchEnv {
  JOBINDSATS_TOKEN?: string | undefined;
  JOBINDSATS_API_URL?: string | undefined;
  STATBANK_API_URL?: string | undefined;
  /** First back-off delay in ms (tests make it small). */
  JOBINDEX_FETCH_RETRY_DELAY_MS?: string | undefined;
}

export interface FetchSettings {
  env: FetchEnv;
  /** Seconds per request. */
  timeout?: number;
  /** The clock, for a reproducible `retrieved` in tests. */
  now?: () => Date;
}

export interface FetchedFile {
  path: string;
  rows: number;
  periods?: string[];
}

function httpOptions(settings: FetchSettings, secrets: string[]): HttpOptions {
  const timeout = settings.timeout ?? DEFAULT_HTTP.timeoutMs / 1000;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new UsageError(`--timeout expects seconds above 0, got ${timeout}`, "E_USAGE");
  }
  const delay = Number(settings.env.JOBINDEX_FETCH_RETRY_DELAY_MS);
  return {
    ...DEFAULT_HTTP,
    timeoutMs: timeout * 1000,
    ...(Number.isFinite(delay) && delay >= 0 ? { retryDelayMs: delay } : {}),
    secrets,
  };
}

function token(env: FetchEnv): string {
  const t = env.JOBINDSATS_TOKEN?.trim();
  if (t === undefined || t === "") {
    throw new UsageError(
      "JOBINDSATS_TOKEN is not set: jobindsats needs your own API token (README: Fetching real data)",
      "E_FETCH_TOKEN",
    );
  }
  return t;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface JobindsatsRequest {
  table: string;
  api: ApiVersion;
  periods: readonly string[];
  areas: readonly string[];
  /** `ID=V1,V2` texts or parsed. */
  filters: Readonly<Record<string, readonly string[]>>;
  out: string;
}

/** `CODE=V1,V2` → [CODE, [V1, V2]]; values may not hold commas. */
export function parseAssignment(text: string, flag: string): [string, string[]] {
  const at = text.indexOf("=");
  const code = text.slice(0, at).trim();
  const values = text
    .slice(at + 1)
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
  if (at <= 0 || code === "" || values.length === 0) {
    throw new UsageError(`${flag} expects CODE=V1,V2…, got '${text}'`, "E_USAGE");
  }
  return [code, values];
}

async function jobindsatsFiles(
  req: JobindsatsRequest,
  settings: FetchSettings,
): Promise<{ files: OutFile[]; rows: number; periods: string[] }> {
  const secret = token(settings.env);
  const http = httpOptions(settings, [secret]);
  const root = settings.env.JOBINDSATS_API_URL?.trim() || DEFAULT_JOBINDSATS_ROOT;
  const periods = req.periods.length > 0 ? req.periods : ["latest"];
  const result = await fetchJobindsats(
    {
      root,
      token: secret,
      api: req.api,
      table: req.table,
      periods,
      areas: req.areas.length > 0 ? req.areas : ["*"],
      filters: req.filters,
    },
    http,
  );
  const lines = result.rows.map((r) => JSON.stringify(r)).join("\n");
  const source = {
    api: "jobindsats",
    version: req.api,
    url: result.url,
    table: req.table,
    periods: result.periods,
    areas: req.areas.length > 0 ? req.areas : ["*"],
    filters: req.filters,
    rows: result.rows.length,
    retrieved: (settings.now?.() ?? new Date()).toISOString(),
  };
  const text = `${scrubbed(lines, secret)}\n`;
  return {
    files: [
      { path: req.out, text },
      { path: `${req.out}.source.json`, text: scrubbed(json(source), secret) },
    ],
    rows: result.rows.length,
    periods: result.periods,
  };
}

/** jobindsats names quarters `2019Q4`; the project's `2019K4` is translated. */
function jobindsatsPeriod(value: string): string {
  const m = /^(\d{4})K([1-4])$/i.exec(value.trim());
  return m ? `${m[1]}Q${m[2]}` : value;
}

/** Belt and braces: the token is never in a file, whatever the API echoed. */
function scrubbed(text: string, secret: string): string {
  if (!text.includes(secret)) return text;
  throw new FetchError("the API's answer contains the token; nothing written", "E_FETCH_SHAPE");
}

export async function runFetchJobindsats(
  req: JobindsatsRequest,
  settings: FetchSettings,
): Promise<FetchedFile> {
  assertFree([req.out, `${req.out}.source.json`]);
  const { files, rows, periods } = await jobindsatsFiles(req, settings);
  writeTogether(files);
  return { path: req.out, rows, periods };
}

export interface StatbankRequest {
  table: string;
  variables: ReadonlyArray<{ code: string; values: readonly string[] }>;
  out: string;
}

async function statbankFiles(
  req: StatbankRequest,
  settings: FetchSettings,
): Promise<{ files: OutFile[]; rows: number }> {
  const http = httpOptions(settings, []);
  const root = settings.env.STATBANK_API_URL?.trim() || DEFAULT_STATBANK_ROOT;
  const result = await fetchStatbank({ root, table: req.table, variables: req.variables }, http);
  const rows = result.text.trim().split(/\r?\n/).length - 1;
  const source = {
    api: "statbank",
    version: "v1",
    url: result.url,
    table: req.table,
    request: result.body,
    rows,
    retrieved: (settings.now?.() ?? new Date()).toISOString(),
  };
  return {
    files: [
      { path: req.out, text: result.text },
      { path: `${req.out}.source.json`, text: json(source) },
    ],
    rows,
  };
}

export async function runFetchStatbank(
  req: StatbankRequest,
  settings: FetchSettings,
): Promise<FetchedFile> {
  assertFree([req.out, `${req.out}.source.json`]);
  const { files, rows } = await statbankFiles(req, settings);
  writeTogether(files);
  return { path: req.out, rows };
}

interface RecipeRequest {
  api: "jobindsats" | "statbank";
  table: string;
  filters?: Record<string, string[]>;
  variables?: Record<string, string[]>;
  out: string;
  confirmed: boolean;
  note?: string;
}

export interface Recipe {
  description: string;
  parameter: "period" | "year";
  requests: RecipeRequest[];
  /** One index input assembled from the jobindsats answers (./assemble.ts). */
  assemble?: Assembly;
  /** Covariate files made from the StatBank answers (./derive.ts), by covariate name. */
  derive?: Record<string, CovariateDerivation & { confirmed?: boolean; note?: string }>;
}

export const RECIPES_FILE = dataPath("fetch", "recipes.json");

export function loadRecipes(file = RECIPES_FILE): Record<string, Recipe> {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { recipes: Record<string, Recipe> };
  return parsed.recipes;
}

export interface RecipeRun {
  name: string;
  /** --period or --year, by the recipe's parameter. */
  value: string;
  outDir: string;
  api: ApiVersion;
  recipes?: Record<string, Recipe>;
  /** Called before each request: "2/6 statbank BOL101". */
  onProgress?: (done: number, total: number, what: string) => void;
}

const fill = (text: string, key: string, value: string) => text.split(`{${key}}`).join(value);

/**
 * Runs every request of a recipe and writes all files at the end, so a failure in the
 * fifth request leaves none of the first four behind.
 */
export async function runRecipe(run: RecipeRun, settings: FetchSettings): Promise<FetchedFile[]> {
  const recipes = run.recipes ?? loadRecipes();
  const recipe = recipes[run.name];
  if (recipe === undefined) {
    throw new UsageError(
      `no recipe '${run.name}' in data/fetch/recipes.json (recipes: ${Object.keys(recipes).join(", ")})`,
      "E_RECIPE",
    );
  }
  const key = recipe.parameter;
  const requests = recipe.requests.map((r) => ({
    ...r,
    out: join(run.outDir, fill(r.out, key, run.value)),
  }));
  const derived = [
    ...Object.keys(recipe.derive ?? {}).map((name) => join(run.outDir, `${name}.csv`)),
    ...(recipe.assemble !== undefined
      ? [join(run.outDir, fill(recipe.assemble.out, key, run.value))]
      : []),
  ];
  assertFree(
    [...requests.map((r) => r.out), ...derived].flatMap((out) => [out, `${out}.source.json`]),
  );
  const files: OutFile[] = [];
  const fetched: FetchedFile[] = [];
  const answers = new Map<string, { path: string; text: string }>();
  const fetchedRows = new Map<string, Array<Record<string, unknown>>>();
  for (const [i, r] of requests.entries()) {
    run.onProgress?.(i + 1, requests.length, `${r.api} ${r.table}`);
    if (r.api === "jobindsats") {
      const got = await jobindsatsFiles(
        {
          table: r.table,
          api: run.api,
          periods: [jobindsatsPeriod(run.value)],
          areas: ["*"],
          filters: r.filters ?? {},
          out: r.out,
        },
        settings,
      );
      files.push(...got.files);
      fetched.push({ path: r.out, rows: got.rows, periods: got.periods });
      const lines = (got.files[0]?.text ?? "").split("\n").filter((l) => l.trim() !== "");
      fetchedRows.set(
        r.table,
        lines.map((l) => JSON.parse(l) as Record<string, unknown>),
      );
    } else {
      const variables = Object.entries(r.variables ?? {}).map(([code, values]) => ({
        code,
        values: values.map((v) => fill(v, key, run.value)),
      }));
      const got = await statbankFiles({ table: r.table, variables, out: r.out }, settings);
      files.push(...got.files);
      fetched.push({ path: r.out, rows: got.rows });
      answers.set(r.table, { path: r.out, text: got.files[0]?.text ?? "" });
    }
  }
  if (recipe.derive !== undefined) {
    const made = await derivedFiles(recipe.derive, answers, run.outDir, settings);
    files.push(...made.files);
    fetched.push(...made.fetched);
  }
  if (recipe.assemble !== undefined) {
    const path = join(run.outDir, fill(recipe.assemble.out, key, run.value));
    const { text, rows } = assembleIndexInput(recipe.assemble, fetchedRows, loadRegistry());
    const source = {
      assembled_from: requests.filter((r) => r.api === "jobindsats").map((r) => basename(r.out)),
      columns: recipe.assemble.columns,
      confirmed: recipe.assemble.confirmed ?? false,
      ...(recipe.assemble.note !== undefined ? { note: recipe.assemble.note } : {}),
      rows,
      retrieved: (settings.now?.() ?? new Date()).toISOString(),
    };
    files.push({ path, text }, { path: `${path}.source.json`, text: json(source) });
    fetched.push({ path, rows });
  }
  writeTogether(files);
  const warning = unconfirmedWarning(run.name, recipe);
  if (warning !== undefined) reportWarning(warning);
  return fetched;
}

/**
 * One warning naming the recipe's table ids, variable codes and derivations that no stored
 * source confirms (`confirmed: false` in data/fetch/recipes.json), or none.
 */
export function unconfirmedWarning(name: string, recipe: Recipe): Diagnostic | undefined {
  const tables = recipe.requests.filter((r) => !r.confirmed).map((r) => r.table);
  const derived = [
    ...Object.entries(recipe.derive ?? {})
      .filter(([, d]) => d.confirmed !== true)
      .map(([n]) => n),
    ...(recipe.assemble !== undefined && recipe.assemble.confirmed !== true
      ? [`${recipe.assemble.out.replace(/\{\w+\}/g, "…")}'s column labels`]
      : []),
  ];
  if (tables.length === 0 && derived.length === 0) return undefined;
  const parts = [
    tables.length > 0 ? `tables ${tables.join(", ")}` : undefined,
    derived.length > 0 ? `derived ${derived.join(", ")}` : undefined,
  ].filter((p) => p !== undefined);
  return {
    code: "W_UNCONFIRMED_RECIPE",
    severity: "warning",
    message: `recipe ${name}: ${parts.join("; ")} not confirmed by a stored source; check the files and correct data/fetch/recipes.json where they are wrong`,
  };
}

/** The recipe's covariate files, derived from the StatBank answers in memory. */
async function derivedFiles(
  derive: NonNullable<Recipe["derive"]>,
  answers: ReadonlyMap<string, { path: string; text: string }>,
  outDir: string,
  settings: FetchSettings,
): Promise<{ files: OutFile[]; fetched: FetchedFile[] }> {
  const tables = new Map<string, Table>();
  for (const [table, answer] of answers) tables.set(table, await bulkTable(table, answer.text));
  const registry = loadRegistry();
  const files: OutFile[] = [];
  const fetched: FetchedFile[] = [];
  for (const [name, rule] of Object.entries(derive)) {
    const { text, rows } = deriveCovariate(name, rule, tables, registry);
    const path = join(outDir, `${name}.csv`);
    const from = [rule.numerator, ...(rule.denominator ? [rule.denominator] : [])].map(
      (s) => answers.get(s.table)?.path ?? s.table,
    );
    const source = {
      derived_from: [...new Set(from.map((f) => basename(f)))],
      rule: {
        numerator: rule.numerator,
        denominator: rule.denominator,
        scale: rule.scale,
        decimals: rule.decimals,
      },
      confirmed: rule.confirmed ?? false,
      ...(rule.note !== undefined ? { note: rule.note } : {}),
      rows,
      retrieved: (settings.now?.() ?? new Date()).toISOString(),
    };
    files.push({ path, text }, { path: `${path}.source.json`, text: json(source) });
    fetched.push({ path, rows });
  }
  return { files, fetched };
}
