/**
 * The shipped method profiles as the build validated them. Every `index` run reads one,
 * and validating it (zod, the cross-field checks, the sha256 of its canonical JSON, which
 * loads node:crypto) is several milliseconds of a run that takes a few dozen: the build
 * writes each shipped profile's text with what validating it gave (dist/cli/
 * method-snapshot.json, by bin/jobindex.js), and the command line points `loadMethod` at
 * it. A profile file whose text is exactly one of those texts is taken from the snapshot;
 * any other text is validated as always. The snapshot is made by the validation itself
 * (`methodSnapshot` runs `parseMethodProfile`), so the profile schema stays the one source
 * of truth: a changed schema or profile is in the next build's snapshot. The library API
 * never uses a snapshot.
 */
import { readFileSync } from "node:fs";
import type { HashedProfile } from "./profile.js";

/**
 * One shipped profile: the file's text and the validated profile it gives, as JSON text:
 * only the profile a run uses is parsed, into objects of its own (no copy needed).
 */
interface SnapshotEntry {
  text: string;
  profile: string;
}

interface MethodSnapshot {
  profiles: Record<string, SnapshotEntry>;
}

let file: string | undefined;
let snapshot: MethodSnapshot | null | undefined;

/** Lets `loadMethod` take a profile from this snapshot when its file's text matches. */
export function useMethodSnapshot(path: string | undefined): void {
  file = path;
  snapshot = undefined;
}

function loaded(): MethodSnapshot | null {
  if (snapshot === undefined) {
    snapshot = null;
    if (file !== undefined) {
      try {
        const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<MethodSnapshot>;
        if (parsed.profiles !== undefined) snapshot = { profiles: parsed.profiles };
      } catch {
        // no snapshot (or a broken one): validate as always
      }
    }
  }
  return snapshot;
}

/** The validated profile of exactly this text, if the snapshot holds it. */
export function snapshotProfile(text: string): HashedProfile | undefined {
  const entries = loaded()?.profiles;
  if (entries === undefined) return undefined;
  for (const entry of Object.values(entries)) {
    if (entry.text === text) return JSON.parse(entry.profile) as HashedProfile;
  }
  return undefined;
}

/**
 * The snapshot of these profile files (name → text), each validated now with `parse`
 * (`parseMethodProfile`: the schema); a profile that does not validate is left out, so
 * runs validate it and report its problems as always.
 */
export function methodSnapshotOf(
  texts: Readonly<Record<string, string>>,
  parse: (raw: unknown, file: string) => HashedProfile,
): string {
  const profiles: Record<string, SnapshotEntry> = {};
  for (const [name, text] of Object.entries(texts)) {
    try {
      const profile = parse(JSON.parse(text), `data/methods/${name}.json`);
      profiles[name] = { text, profile: JSON.stringify(profile) };
    } catch {
      // left out: validated (and reported) by the runs that use it
    }
  }
  return JSON.stringify({ profiles } satisfies MethodSnapshot);
}
