#!/usr/bin/env node
/**
 * The build: `npm run build`.
 *
 * 1. `tsc -p tsconfig.build.json` emits the library API (dist/index.js and the rest of
 *    dist/, with .d.ts) exactly as the sources are laid out: what `import "jobindex"` gets.
 * 2. esbuild bundles the command line, src/cli/main.ts, into one CommonJS file,
 *    dist/cli/main.cjs, with its dependencies inlined. Start-up is dominated by resolving,
 *    compiling and evaluating many small modules (commander, csv-parse, our own ~60
 *    files), and one file loads several times faster. What a dynamic `import()` brings in
 *    (reporters, model mode with ml-matrix and stdlib, html) stays in that file but is
 *    evaluated only by the run that imports it (esbuild wraps such modules lazily).
 * 3. The V8 code cache: bin/jobindex.js runs typical command lines on the shipped data
 *    once (`CODE_CACHE_TRAINING`) and writes what V8 compiled to dist/cli/main.cjs.cache,
 *    which later runs load instead of compiling (docs/performance.md); `index`,
 *    `benchmark` and `explain` get one of their own (`OWN_CACHES`). The bundle's names are
 *    minified, with a linked source map (dist/cli/main.cjs.map) for --debug stack traces.
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
const MODULE_URL = 'require("node:url").pathToFileURL(__filename)';

const keepModuleUrls = {
  name: "keep-module-urls",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (loadArgs) => {
      const text = escapeNonAscii(readFileSync(loadArgs.path, "utf8"));
      if (!text.includes("import.meta.url")) return { contents: text, loader: "ts" };
      const fromSrc = relative(join(root, "src"), loadArgs.path).replace(/\.ts$/, ".js");
      const asBuilt = relative(outdir, join(root, "dist", fromSrc))
        .split(sep)
        .join("/");
      const url = `new URL(${JSON.stringify(asBuilt)}, ${MODULE_URL}).href`;
      return { contents: text.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

/**
 * Built-in modules some code requires when it loads but most runs never use; loading each
 * costs a few milliseconds at every start. commander requires node:child_process for
 * subcommands that are separate executables (jobindex has none); the method profile's hash
 * needs node:crypto only for a profile not in the build's snapshot
 * (src/pipeline/index/method-snapshot.ts). The bundle gives those importers a stand-in that
 * loads the real module on first use.
 */
const LAZY_BUILTINS = [
  { module: "child_process", importer: /[\\/]commander[\\/]/ },
  { module: "crypto", importer: /[\\/]src[\\/]pipeline[\\/]index[\\/]profile\.ts$/ },
  // node:v8 loads node's streams (its heap snapshots are streams); the table bound asks it
  // for the heap limit only when a table grows large (src/read/limits.ts).
  { module: "v8", importer: /[\\/]src[\\/]read[\\/]limits\.ts$/ },
  // node:module loads node's ES module loader; the registry's CSV parser needs its
  // createRequire only when the registry's files differ from the build's snapshot.
  { module: "module", importer: /[\\/]src[\\/]registry[\\/]csv\.ts$/ },
];

const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    for (const { module, importer } of LAZY_BUILTINS) {
      b.onResolve({ filter: new RegExp(`^(node:)?${module}$`) }, (resolveArgs) =>
        importer.test(resolveArgs.importer)
          ? { path: module, namespace: "lazy-builtin" }
          : undefined,
      );
    }
    // A getter per export (the names as this node has them): esbuild's ES module interop
    // copies the names of a CommonJS module's exports, each as a getter, which a Proxy
    // would not show without loading the module.
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (loadArgs) => {
      const names = Object.keys(await import(`node:${loadArgs.path}`)).filter(
        (n) => n !== "default",
      );
      return {
        contents: [
          "let real;",
          `const load = () => (real ??= require("node:${loadArgs.path}"));`,
          `for (const key of ${JSON.stringify(names)}) {`,
          "  Object.defineProperty(module.exports, key, { enumerable: true, get: () => load()[key] });",
          "}",
        ].join("\n"),
        loader: "js",
      };
    });
  },
};

/**
 * stdlib's t distribution (the quantile for prediction intervals, the cdf for p values)
 * evaluates dozens of modules and their constant tables when it loads, some milliseconds,
 * and model mode and the uncertainty analysis load it with the least-squares code even in
 * runs that never call it (`explain`'s draws, published mode). The bundle gives its
 * importers a function that loads the real one on its first call.
 */
const LAZY_FUNCTIONS = [
  { module: "@stdlib/stats-base-dists-t-quantile", importer: /[\\/]src[\\/]benchmark[\\/]/ },
  { module: "@stdlib/stats-base-dists-t-cdf", importer: /[\\/]src[\\/]benchmark[\\/]/ },
];

const lazyFunctions = {
  name: "lazy-functions",
  setup(b) {
    for (const { module, importer } of LAZY_FUNCTIONS) {
      const filter = new RegExp(`^${module.replace(/[/.-]/g, "\\$&")}$`);
      b.onResolve({ filter }, (resolveArgs) =>
        importer.test(resolveArgs.importer)
          ? { path: module, namespace: "lazy-function" }
          : undefined,
      );
    }
    b.onLoad({ filter: /.*/, namespace: "lazy-function" }, (loadArgs) => ({
      // The real module is resolved from the project root (this stand-in has no folder).
      resolveDir: root,
      contents: [
        "let real;",
        `module.exports = function lazy(...args) { return (real ??= require(${JSON.stringify(loadArgs.path)}))(...args); };`,
      ].join("\n"),
      loader: "js",
    }));
  },
};

async function bundleCli() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    outfile: join(outdir, "main.cjs"),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    legalComments: "none",
    // Fewer bytes to read, hash and (without a cache) parse at every start; names are kept
    // so a --debug stack trace still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    // Short local names: a third less to read and to keep in the code cache, ~2 ms of
    // every start. A --debug run maps its stack trace back to src/ through the source
    // map (bin/jobindex.js).
    minifyIdentifiers: true,
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [keepModuleUrls, lazyBuiltins, lazyFunctions],
    // The .xlsx reader stays a package of its own, required from node_modules by the run
    // that reads a workbook: inlined, its ~160 KB would be read at every start.
    external: ["read-excel-file"],
    // bin/jobindex.js runs the bundle as a vm.Script, which has no dynamic import(): a lazy
    // import of a node built-in (node:stream/promises) becomes a require() when called.
    supported: { "dynamic-import": false },
  });
  if (args.has("--metafile")) {
    writeFileSync(join(outdir, "meta.json"), JSON.stringify(result.metafile));
  }
  asciiOnly(join(outdir, "main.cjs"));
  // Chunks of the earlier, code-split layout would only confuse a reader of dist/.
  for (const name of readdirSafe(outdir)) {
    if (name.startsWith("chunk-")) rmSync(join(outdir, name), { force: true });
  }
}

/**
 * esbuild escapes non-ASCII characters in strings but keeps them in regular expression
 * literals (`/æ/g`). Escaped there too, the bundle is ASCII, which bin/jobindex.js reads as
 * Latin-1: a one-byte string, without UTF-8 decoding (about half the read time). The
 * sources are escaped as esbuild loads them, so the source map's columns hold.
 * One UTF-16 unit at a time: a character beyond U+FFFF becomes its surrogate pair, which
 * strings and regular expressions (with or without the u flag) read as that character.
 */
function escapeNonAscii(text) {
  return text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** What the packages bundled left non-ASCII (none today), escaped after the fact. */
function asciiOnly(file) {
  const text = readFileSync(file, "utf8");
  const escaped = escapeNonAscii(text);
  if (escaped !== text) writeFileSync(file, escaped);
}

/** Command lines whose code the cache holds: the runs that should start fastest. */
const CODE_CACHE_TRAINING = [
  ["--version"],
  ["index"],
  ["index", "--format", "json"],
  ["benchmark"],
  ["benchmark", "--format", "json"],
  ["explain", "Billund"],
];

/**
 * The commands with a cache of their own (bin/jobindex.js picks it by the command's name),
 * each trained on its typical command lines alone.
 */
const OWN_CACHES = {
  index: [["index"], ["index", "--format", "json"]],
  benchmark: [["benchmark"], ["benchmark", "--format", "json"]],
  explain: [["explain", "Billund"]],
};

/**
 * Runs the training command lines, each set in one process: the cache of all commands
 * (dist/cli/main.cjs.cache, with the snapshots), then each command's own.
 */
function writeCodeCache() {
  for (const name of readdirSafe(outdir)) {
    if (name.endsWith(".cache")) rmSync(join(outdir, name), { force: true });
  }
  rmSync(join(outdir, "registry-snapshot.json"), { force: true });
  rmSync(join(outdir, "method-snapshot.json"), { force: true });
  const train = (lines, name) => {
    const result = spawnSync(process.execPath, [join(root, "bin", "jobindex.js")], {
      cwd: root,
      env: {
        ...process.env,
        JOBINDEX_CODE_CACHE_TRAIN: JSON.stringify(lines),
        JOBINDEX_CODE_CACHE_NAME: name ?? "",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (result.status !== 0) throw new Error("writing the code cache failed (see above)");
  };
  train(CODE_CACHE_TRAINING);
  for (const [name, lines] of Object.entries(OWN_CACHES)) train(lines, name);
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

// tsc first (it also writes dist/cli/main.js, the unbundled entry, which nothing runs). A
// type error still fails the build, but only after the bundle is written, so the command
// line stays runnable while a half-finished module elsewhere does not type-check.
const tscStatus = args.has("--bundle-only") ? 0 : runTsc();
await bundleCli();
writeCodeCache();
if (tscStatus !== 0) process.exitCode = tscStatus;
