/**
 * Finding and reading a method profile: `--method NAME` looks in data/methods/NAME.json,
 * anything else is a path.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { PROFILE_CODE } from "../../composite/profile.js";
import { InputError, UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { noteRead } from "../files-read.js";
import { snapshotProfile } from "./method-snapshot.js";
import { type HashedProfile, parseMethodProfile } from "./profile.js";

export const DEFAULT_METHOD = "fh";

const NAME = /^[a-z][a-z0-9_-]*$/;

export interface LoadedMethod {
  profile: HashedProfile;
  /** As the user named it: `fh` or `./my-profile.json`. */
  ref: string;
  /** The file read. */
  file: string;
  /** True for a profile shipped in data/methods. */
  shipped: boolean;
}

/** Names of the shipped profiles (data/methods/*.json). */
export function shippedMethods(): string[] {
  const folder = dataPath("methods");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

export function loadMethod(ref: string = DEFAULT_METHOD): LoadedMethod {
  const shippedFile = dataPath("methods", `${ref}.json`);
  const shipped = NAME.test(ref) && existsSync(shippedFile);
  const file = shipped ? shippedFile : ref;
  if (!shipped && !existsSync(file)) {
    throw new UsageError(
      `unknown method '${ref}': expected a shipped profile (${shippedMethods().join(", ")}) or the path of a profile JSON file`,
    );
  }
  const shown = shipped ? `data/methods/${ref}.json` : ref;
  let raw: unknown;
  noteRead(file);
  try {
    const text = readFileSync(file, "utf8");
    const validated = snapshotProfile(text);
    if (validated !== undefined) return { profile: validated, ref, file, shipped };
    raw = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError([{ code: PROFILE_CODE, file: shown, message: `not valid JSON: ${why}` }]);
  }
  return { profile: parseMethodProfile(raw, shown), ref, file, shipped };
}
