/**
 * The shipped registry as the build validated it. Every command reads the registry, and
 * validating its three files (zod, cross-file checks) is a few milliseconds of each run:
 * the build writes the files' texts with what validating them gave (dist/cli/
 * registry-snapshot.json, by bin/jobindex.js), and the command line points
 * `loadRegistry` at it. Where the files' texts are not exactly those, they are validated
 * as always. The library API never uses a snapshot.
 */
import { readFileSync } from "node:fs";
import type { RegistryTexts } from "./files.js";
import type { RegistrySource } from "./types.js";

interface Snapshot {
  texts: Record<keyof RegistryTexts, string>;
  source: RegistrySource;
}

let file: string | undefined;

/** Lets `loadRegistry` take the shipped registry from this snapshot when the texts match. */
export function useRegistrySnapshot(path: string): void {
  file = path;
}

/** The validated source of these texts, if the snapshot holds exactly these texts. */
export function snapshotSource(texts: RegistryTexts): RegistrySource | undefined {
  if (file === undefined) return undefined;
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  } catch {
    return undefined;
  }
  const same = (Object.keys(texts) as Array<keyof RegistryTexts>).every(
    (key) => snapshot.texts?.[key] === texts[key].text,
  );
  return same && snapshot.source !== undefined ? snapshot.source : undefined;
}

/** A snapshot of these texts and the source validating them gave. */
export function snapshotOf(texts: RegistryTexts, source: RegistrySource): string {
  const plain = {
    municipalities: texts.municipalities.text,
    jobcentres: texts.jobcentres.text,
    groups: texts.groups.text,
  };
  return JSON.stringify({ texts: plain, source } satisfies Snapshot);
}
