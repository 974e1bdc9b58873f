import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root, one level above this file: `src/paths.ts` under vitest and
 * `dist/paths.js` once built (tsconfig.build.json maps src/ onto dist/), so both resolve alike.
 */
const packageRoot = fileURLToPath(new URL("../", import.meta.url));

/** Absolute path of a file shipped in `data/`, e.g. `dataPath("registry", "groups.json")`. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot, "data", ...parts);
}
