import { readFileSync } from "node:fs";

/** A name list from fixtures/registry (made by scripts/make-registry.mjs), without comments. */
export function fixtureLines(name: string): string[] {
  const text = readFileSync(new URL(`../../fixtures/registry/${name}`, import.meta.url), "utf8");
  return text.split("\n").filter((line) => line !== "" && !line.startsWith("#"));
}
