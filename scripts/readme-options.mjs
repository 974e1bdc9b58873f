#!/usr/bin/env node
/**
 * The README's option lists, generated from the option table (src/cli/option-table.ts)
 * through the program as it registers it: `npm run readme` rewrites the blocks between
 * the `<!-- options:NAME:begin … -->` / `<!-- options:NAME:end -->` markers of README.md;
 * `--check` changes nothing and exits 1 when a block differs (npm test checks the same
 * in test/cli-unit/readme-options.test.ts). Reads the build in dist/: run `npm run build`
 * first (`npm run readme` does).
 *
 *   node scripts/readme-options.mjs [--check] [--readme FILE]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const check = args.includes("--check");
const at = args.indexOf("--readme");
const readmePath = at >= 0 && args[at + 1] !== undefined ? args[at + 1] : join(root, "README.md");

const { buildProgram } = await import(join(root, "dist", "cli", "program.js"));
const { optionSections, staleOptionSections, withOptionSections } = await import(
  join(root, "dist", "cli", "readme-options.js")
);

const readme = readFileSync(readmePath, "utf8");
const sections = optionSections(buildProgram());
if (check) {
  const stale = staleOptionSections(readme, sections);
  if (stale.length > 0) {
    process.stderr.write(
      `${readmePath}: option lists out of date: ${stale.join(", ")} (run npm run readme)\n`,
    );
    process.exitCode = 1;
  }
} else {
  const updated = withOptionSections(readme, sections);
  if (updated !== readme) writeFileSync(readmePath, updated);
  process.stdout.write(
    `${readmePath}: ${sections.size} option lists ${updated === readme ? "already current" : "rewritten"}\n`,
  );
}
