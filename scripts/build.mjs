#!/usr/bin/env node
/**
 * The build: `npm run build`.
 *
 * 1. `tsc -p tsconfig.build.json` emits the library API (dist/index.js and the rest of
 *    dist/, with .d.ts) exactly as the sources are laid out: what `import "jobindex"` gets.
 * 2. esbuild bundles the command line, src/cli/main.ts, into dist/cli/main.js with its
 *    dependencies inlined. Start-up is dominated by resolving and evaluating many small
 *    modules (commander, csv-parse, our own ~60 files), and one file loads several times
 *    faster. Code splitting keeps every dynamic `import()` (reporters, model mode with
 *    ml-matrix and stdlib, html) in its own chunk, loaded only by the run that needs it.
 *
 * Flags: `--bundle-only` skips tsc (for quick start-up measurements); `--metafile` writes
 * dist/cli/meta.json for `npx esbuild --analyze`-style inspection.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "cli");
const args = new Set(process.argv.slice(2));

/** tsc's exit status; its output for src/cli/main.ts is then replaced by the bundle. */
function runTsc() {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  return result.status ?? 1;
}

/**
 * Code that finds files relative to itself (`new URL("../", import.meta.url)` in
 * src/paths.ts, the package.json next to src/cli/program.ts) must see the URL it has in
 * the tsc layout (src/x/y.ts → dist/x/y.js), not the bundle's. Every output file of the
 * bundle lives flat in dist/cli/, so each module's own URL is a fixed relative step away.
 */
const keepModuleUrls = {
  name: "keep-module-urls",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (loadArgs) => {
      const text = readFileSync(loadArgs.path, "utf8");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "ts" };
      const fromSrc = relative(join(root, "src"), loadArgs.path).replace(/\.ts$/, ".js");
      const asBuilt = relative(outdir, join(root, "dist", fromSrc))
        .split(sep)
        .join("/");
      const url = `new URL(${JSON.stringify(asBuilt)}, import.meta.url).href`;
      return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

async function bundleCli() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: "src/cli/main.ts" },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    chunkNames: "chunk-[hash]",
    legalComments: "none",
    metafile: true,
    logLevel: "warning",
    // CommonJS dependencies (cli-table3, stdlib) call require() for Node built-ins; an ES
    // module has no `require`, so each output file gets one.
    banner: {
      js: 'import { createRequire as __jobindexRequire } from "node:module";\nconst require = __jobindexRequire(import.meta.url);',
    },
    plugins: [keepModuleUrls],
  });
  if (args.has("--metafile")) {
    writeFileSync(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  }
  // Chunks of earlier builds linger (their names carry content hashes). They are removed
  // only after the new ones are written, so a jobindex already running (a test, another
  // shell) never finds its chunks missing; unchanged chunks keep their names.
  const written = new Set(Object.keys(result.metafile.outputs).map((p) => join(root, p)));
  for (const name of readdirSafe(outdir)) {
    const path = join(outdir, name);
    if (name.startsWith("chunk-") && !written.has(path)) rmSync(path, { force: true });
  }
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// tsc first: it also writes dist/cli/main.js, which the bundle must overwrite. A type
// error still fails the build, but only after the bundle is written, so the command line
// stays runnable while a half-finished module elsewhere does not type-check.
const tscStatus = args.has("--bundle-only") ? 0 : runTsc();
await bundleCli();
if (tscStatus !== 0) process.exitCode = tscStatus;
