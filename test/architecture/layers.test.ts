/**
 * The layering of src/ (docs/ARCHITECTURE.md). The import rules (a pure core, no cycle
 * among files or folders, reporters that know only the document) are dependency-cruiser's
 * (.dependency-cruiser.cjs, `npm run deps`, part of `npm test`); this test runs that check
 * and shows it fails on a forbidden import, and checks what an import graph cannot: only
 * the command line touches the terminal.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const depcruise = join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

function cruise(args: string[]) {
  return spawnSync(process.execPath, [depcruise, ...args, "--output-type", "err"], {
    cwd: root,
    encoding: "utf8",
  });
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith(".ts")
        ? [join(dir, e.name)]
        : [],
  );
}

describe("the import rules", () => {
  it("hold for src/", () => {
    const run = cruise(["src", "--config", ".dependency-cruiser.cjs"]);
    expect(run.stdout + run.stderr).toMatch(/no dependency violations found/);
    expect(run.status).toBe(0);
  });

  it("fail on a core file that reads files or imports a reader, and on a cycle", () => {
    // A scratch copy of the layout with three offending files, cruised with the same rules.
    const dir = mkdtempSync(join(tmpdir(), "jobindex-layers-"));
    try {
      const scratch = relative(root, dir);
      const rules = readFileSync(join(root, ".dependency-cruiser.cjs"), "utf8")
        .replaceAll('"^src/', `"^${scratch}/src/`)
        .replace(/tsConfig: \{[^}]*\},/, "");
      writeFileSync(join(dir, "rules.cjs"), rules);
      const files: Record<string, string> = {
        "src/composite/score.ts":
          'import { readFileSync } from "node:fs";\nimport { x } from "../read/csv.js";\nexport const y = [readFileSync, x];\n',
        "src/read/csv.ts": 'import { z } from "./sniff.js";\nexport const x = z;\n',
        "src/read/sniff.ts": 'import { x } from "./csv.js";\nexport const z = () => x;\n',
      };
      for (const [path, text] of Object.entries(files)) {
        const full = join(dir, path);
        mkdirSync(join(full, ".."), { recursive: true });
        writeFileSync(full, text);
      }
      const run = cruise([join(scratch, "src"), "--config", join(scratch, "rules.cjs")]);
      const out = run.stdout + run.stderr;
      expect(run.status).not.toBe(0);
      expect(out).toMatch(/core-no-node/);
      expect(out).toMatch(/core-no-io-layers/);
      expect(out).toMatch(/no-cycle/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the terminal", () => {
  it("only src/cli prints, exits or reads process.argv", () => {
    const src = join(root, "src");
    const offending = sources(src)
      .map((file) => relative(src, file))
      .filter(
        (file) =>
          !file.startsWith("cli/") &&
          /process\.(stdout|stderr|exit|argv)\b/.test(readFileSync(join(src, file), "utf8")),
      );
    expect(offending).toEqual([]);
  });
});
