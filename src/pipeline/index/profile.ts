/**
 * A method profile as the outputs record it: the core's validated profile plus the sha256
 * of its canonical JSON (sorted keys), which says exactly which method ran. Hashing needs
 * node:crypto, so it lives here and not in the pure core (src/composite/profile.ts).
 */
import { createHash } from "node:crypto";
import * as core from "../../composite/profile.js";

/** A validated profile with its hash. */
export interface HashedProfile extends core.MethodProfile {
  /** sha256 of the canonical JSON (sorted keys): records exactly which method ran. */
  hash: string;
}

/** The method profile as the pipeline holds it: the core's, with its hash. */
export type MethodProfile = HashedProfile;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function profileHash(json: core.ProfileJson): string {
  return createHash("sha256").update(canonicalJson(json)).digest("hex");
}

/** The core's `parseMethodProfile`, with the hash. */
export function parseMethodProfile(raw: unknown, file: string): HashedProfile {
  const profile = core.parseMethodProfile(raw, file);
  return { ...profile, hash: profileHash(profile.json) };
}

/** The core's `withWeights` (`--weights`, validated like the file's own), with the new hash. */
export function withWeights(
  profile: core.MethodProfile,
  weights: Readonly<Record<string, number>>,
  source: string,
): HashedProfile {
  const reweighted = core.withWeights(profile, weights, source);
  return { ...reweighted, hash: profileHash(reweighted.json) };
}
