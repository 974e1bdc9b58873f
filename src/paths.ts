/**
 * Where the package's own files are. `src/paths.ts` (under vitest) and `dist/paths.js`
 * (after build) both sit one folder below the package root, so one rule serves both.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageRoot: string = fileURLToPath(new URL("..", import.meta.url));

/** A path inside the shipped `data/` folder, e.g. `dataPath("columns.json")`. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot, "data", ...parts);
}
