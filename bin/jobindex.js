#!/usr/bin/env node
/**
 * Launches the bundled command line, dist/cli/main.cjs, with the V8 code cache the build
 * wrote beside it (dist/cli/main.cjs.cache): V8 then takes the functions a run needs from
 * the cache instead of compiling them, which is a good part of a short run's time
 * (docs/performance.md). Node 22 does this by itself (`module.enableCompileCache`); node
 * 20 offers the cache through `vm.Script`. A missing cache, or one V8 rejects (another
 * node version), only costs that compiling: the source is the same.
 *
 * With JOBINDEX_CODE_CACHE_TRAIN (a JSON list of argument lists, set by scripts/build.mjs)
 * it writes the registry snapshot (src/registry/snapshot.ts), runs those command lines and
 * writes the cache; nothing else ever writes either.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const bundle = fileURLToPath(new URL("../dist/cli/main.cjs", import.meta.url));
const cacheFile = `${bundle}.cache`;
const training = process.env.JOBINDEX_CODE_CACHE_TRAIN;

let cachedData;
if (training === undefined) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache: compile as node would
  }
}
// The build escapes every non-ASCII character, so Latin-1 reads the bundle exactly, and
// faster than UTF-8 would.
const source = readFileSync(bundle, "latin1");
const script = new Script(
  `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
  { filename: bundle, cachedData },
);
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(bundle), cli, bundle, dirname(bundle));

if (training === undefined) {
  process.exitCode = await cli.exports.run(process.argv);
} else {
  // The registry as validated now, which runs then read instead of validating it again.
  writeFileSync(
    join(dirname(bundle), "registry-snapshot.json"),
    await cli.exports.registrySnapshot(),
  );
  for (const args of JSON.parse(training)) await cli.exports.run(["node", "jobindex", ...args]);
  process.exitCode = 0;
  writeFileSync(cacheFile, script.createCachedData());
}
