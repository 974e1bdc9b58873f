#!/usr/bin/env node
/**
 * Launches the bundled command line, dist/cli/main.cjs, with the V8 code cache the build
 * wrote beside it (dist/cli/main.cjs.cache): V8 then takes the functions a run needs from
 * the cache instead of compiling them, which is a good part of a short run's time
 * (docs/performance.md). Node 22 does this by itself (`module.enableCompileCache`); node
 * 20 offers the cache through `vm.Script`. A missing cache, or one V8 rejects (another
 * node version), only costs that compiling: the source is the same.
 *
 * This file is CommonJS (bin/package.json): node starts a CommonJS entry without setting
 * up its ES module loader, a few milliseconds of every run.
 *
 * With JOBINDEX_CODE_CACHE_TRAIN (a JSON list of argument lists, set by scripts/build.mjs)
 * it writes the snapshots (the registry, src/registry/snapshot.ts; the shipped method
 * profiles, src/pipeline/index/method-snapshot.ts), runs those command lines and writes
 * the cache; nothing else ever writes them. JOBINDEX_CODE_CACHE_REPORT=1 says on stderr
 * whether V8 took the cache (for tests).
 */
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const bundle = join(__dirname, "..", "dist", "cli", "main.cjs");
const training = process.env.JOBINDEX_CODE_CACHE_TRAIN;

/**
 * The commands with a code cache of their own (dist/cli/main.cjs.<command>.cache, trained
 * on that command alone): V8 loads the whole cache at every start, and one command's is
 * about a fifth smaller than all of theirs. Any other command line (and a missing file)
 * takes the cache of all of them, dist/cli/main.cjs.cache.
 */
const OWN_CACHE = ["index", "benchmark", "explain"];

/**
 * The command a command line names: its first word that is not --debug or --lang X (as
 * `commandOf` in src/cli/program.ts reads it; the cache is chosen before the bundle loads).
 */
function commandWord(argv) {
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === "--lang") i++;
    else if (argv[i] !== "--debug" && !argv[i].startsWith("--lang=")) return argv[i];
  }
  return undefined;
}

function cacheFileFor(name) {
  return name === undefined ? `${bundle}.cache` : `${bundle}.${name}.cache`;
}

/** The cache for this command line, and its file; undefined when there is none. */
function readCache() {
  const word = commandWord(process.argv);
  for (const name of OWN_CACHE.includes(word) ? [word, undefined] : [undefined]) {
    const file = cacheFileFor(name);
    try {
      return { data: readFileSync(file), file };
    } catch {
      // the next, or none: compile as node would
    }
  }
  return undefined;
}

/**
 * V8 keeps a code cache only for the flags it was made with: the cache holds a hash of
 * every V8 flag not at its default. The heap-size flags (`--max-old-space-size`, which the
 * E_FILE_TOO_LARGE message recommends, and its kin) size the heap when node starts and
 * change no compiled code, yet they change that hash, so the cache would be thrown away.
 * They are set back to their defaults (0) while the bundle is compiled, and to the values
 * given right after; the heap, configured at start, keeps its size either way.
 */
const HEAP_FLAGS = [
  "max-old-space-size",
  "max-semi-space-size",
  "min-semi-space-size",
  "max-heap-size",
  "initial-heap-size",
  "initial-old-space-size",
];

/** The heap-size flags given to this node (command line or NODE_OPTIONS), as written. */
function heapFlags() {
  const words = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  const given = [];
  for (const word of words) {
    const match = /^--([a-z_-]+)=(\d+)$/.exec(word);
    if (match && HEAP_FLAGS.includes(match[1].replaceAll("_", "-"))) given.push(word);
  }
  return given;
}

function compile(source, cachedData) {
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const flagged = process.execArgv.length > 0 || Boolean(process.env.NODE_OPTIONS);
  const heap = cachedData !== undefined && flagged ? heapFlags() : [];
  if (heap.length === 0) return new Script(wrapped, { filename: bundle, cachedData });
  const v8 = require("node:v8");
  for (const flag of heap) v8.setFlagsFromString(`${flag.slice(0, flag.indexOf("="))}=0`);
  try {
    return new Script(wrapped, { filename: bundle, cachedData });
  } finally {
    for (const flag of heap) v8.setFlagsFromString(flag);
  }
}

/**
 * The bundle, run from its code cache; or, with --debug, loaded by node's CommonJS loader
 * with source maps on, so that a stack trace names the files and lines of src/ (the bundle's
 * names are minified; dist/cli/main.cjs.map maps them back). A debug run compiles without
 * the cache, which only costs it time.
 */
function load() {
  if (training === undefined && process.argv.includes("--debug")) {
    process.setSourceMapsEnabled(true);
    return { cli: { exports: require(bundle) }, script: undefined };
  }
  const cache = training === undefined ? readCache() : undefined;
  const cachedData = cache?.data;
  // The build escapes every non-ASCII character, so Latin-1 reads the bundle exactly, and
  // faster than UTF-8 would.
  const script = compile(readFileSync(bundle, "latin1"), cachedData);
  if (process.env.JOBINDEX_CODE_CACHE_REPORT === "1") {
    const state =
      cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "accepted";
    const from = cache === undefined ? "" : ` (${cache.file.slice(dirname(bundle).length + 1)})`;
    process.stderr.write(`code cache: ${state}${from}\n`);
  }
  const cli = { exports: {} };
  // The bundle requires only node's built-ins and read-excel-file, which resolve from bin/
  // as from dist/cli/ (both beside the package's node_modules): this file's own require
  // serves it, without node:module's createRequire, which loads node's ES module loader.
  script.runInThisContext()(cli.exports, require, cli, bundle, dirname(bundle));
  return { cli, script };
}

const { cli, script } = load();

/**
 * Runs the command lines and writes what V8 compiled for them: the cache of all commands,
 * after writing the snapshots, or with JOBINDEX_CODE_CACHE_NAME one command's (the
 * snapshots written already, so it holds none of their validation).
 */
async function train(commandLines) {
  const name = process.env.JOBINDEX_CODE_CACHE_NAME || undefined;
  if (name === undefined) {
    // The snapshots of what is validated now, which later runs read instead of validating.
    const folder = dirname(bundle);
    writeFileSync(join(folder, "registry-snapshot.json"), await cli.exports.registrySnapshot());
    writeFileSync(join(folder, "method-snapshot.json"), await cli.exports.methodSnapshot());
  }
  for (const args of commandLines) await cli.exports.run(["node", "jobindex", ...args]);
  writeFileSync(cacheFileFor(name), script.createCachedData());
  return 0;
}

(training === undefined ? cli.exports.run(process.argv) : train(JSON.parse(training))).then(
  (code) => {
    process.exitCode = code;
  },
);
