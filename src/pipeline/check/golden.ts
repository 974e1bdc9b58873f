/**
 * Golden files (earlier `--format json` outputs): reading one, finding its recorded inputs,
 * and recording them, when a result is written to a file, relative to that file, so that
 * `check` works from any working directory.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { InputError } from "../../diagnostics.js";
import { noteRead } from "../files-read.js";

/**
 * Top-level field saying the recorded paths are relative to the golden file's folder.
 * Written only where there are paths to record, so results on shipped data (`inputs: []`)
 * stay as they were; a golden without it records paths relative to the working directory.
 */
export const PATHS_BASE_FIELD = "inputs_relative_to";

/** A method given as a file rather than by a shipped profile's name. */
function isPathLike(text: string): boolean {
  return /[/\\]|\.json$/i.test(text);
}

/** The recorded options' fields that hold paths: inputs, covariate data, a method file. */
function mapPaths(
  options: Record<string, unknown>,
  map: (path: string) => string,
): Record<string, unknown> {
  const out = { ...options };
  const list = (value: unknown) =>
    Array.isArray(value) ? value.map((v) => (typeof v === "string" ? map(v) : v)) : value;
  if ("inputs" in out) out.inputs = list(out.inputs);
  if ("covariateData" in out) out.covariateData = list(out.covariateData);
  if (typeof out.method === "string" && isPathLike(out.method)) out.method = map(out.method);
  return out;
}

function hasPaths(options: Record<string, unknown>): boolean {
  const some = (value: unknown) => Array.isArray(value) && value.length > 0;
  return (
    some(options.inputs) ||
    some(options.covariateData) ||
    (typeof options.method === "string" && isPathLike(options.method))
  );
}

/**
 * The JSON result as written to `goldenPath`: relative paths (as given, from the working
 * directory) re-expressed from the golden file's folder; absolute ones and `-` kept.
 */
export function relocateForGolden(
  json: Record<string, unknown>,
  goldenPath: string,
): Record<string, unknown> {
  const options = json.options;
  if (typeof options !== "object" || options === null) return json;
  const recorded = options as Record<string, unknown>;
  if (!hasPaths(recorded)) return json;
  const folder = dirname(resolve(goldenPath));
  const map = (path: string) => {
    if (path === "-" || isAbsolute(path)) return path;
    const from = relative(folder, resolve(path));
    return sep === "\\" ? from.replaceAll("\\", "/") : from;
  };
  const out: Record<string, unknown> = { ...json, options: mapPaths(recorded, map) };
  if (Array.isArray(json.inputs) && Array.isArray(recorded.inputs) && recorded.inputs.length > 0) {
    out.inputs = (out.options as Record<string, unknown>).inputs;
  }
  out[PATHS_BASE_FIELD] = "golden";
  return out;
}

export function readGolden(path: string): Record<string, unknown> {
  if (!existsSync(path)) {
    throw new InputError([
      { code: "E_FILE_NOT_FOUND", message: "golden file not found", file: path },
    ]);
  }
  let parsed: unknown;
  noteRead(path);
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError([
      {
        code: "E_JSON",
        message: `not a JSON document (${(error as Error).message}); expected an earlier --format json output`,
        file: path,
      },
    ]);
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc !== "object" || doc === null || typeof doc.options !== "object") {
    throw new InputError([
      {
        code: "E_GOLDEN_NO_OPTIONS",
        message:
          "the golden file has no 'options' record; expected an earlier --format json output",
        file: path,
      },
    ]);
  }
  return doc;
}

/**
 * A recorded path as `check` should read it. A golden written with `PATHS_BASE_FIELD`
 * records paths from its own folder; an older one from the working directory it was made
 * in, so those are tried from the working directory, then beside the golden file.
 */
export function locatePath(text: string, goldenPath: string, fromGolden: boolean): string {
  if (text === "-" || isAbsolute(text)) return text;
  const beside = resolve(dirname(goldenPath), text);
  if (fromGolden) return beside;
  if (existsSync(text)) return text;
  return existsSync(beside) ? beside : text;
}

/** Recorded relative inputs: see `locatePath`. */
export function locateInputs(recorded: unknown, goldenPath: string, fromGolden = false): string[] {
  if (!Array.isArray(recorded)) return [];
  return recorded.map((input) => locatePath(String(input), goldenPath, fromGolden));
}

/** The golden's recorded options with every path located (inputs, covariate data, method). */
export function locateOptions(
  golden: Record<string, unknown>,
  goldenPath: string,
): Record<string, unknown> {
  const fromGolden = golden[PATHS_BASE_FIELD] === "golden";
  return mapPaths(golden.options as Record<string, unknown>, (p) =>
    locatePath(p, goldenPath, fromGolden),
  );
}
