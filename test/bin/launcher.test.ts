/**
 * The launcher (bin/jobindex.js): V8 takes the build's code cache also when node is given
 * heap-size flags (`NODE_OPTIONS=--max-old-space-size=…`, which E_FILE_TOO_LARGE
 * recommends), which the cache's flag hash would otherwise refuse; the heap keeps the size
 * asked for. The build's method snapshot holds what validating each shipped profile gives.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMethod, shippedMethods } from "../../src/pipeline/index/method.js";
import { bin, ensureBuilt, root } from "../cli/helpers.js";

function launch(args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    JOBINDEX_CODE_CACHE_REPORT: "1",
    ...env,
  };
  delete childEnv.NODE_EXTRA_CA_CERTS;
  return spawnSync(process.execPath, [...nodeArgs, bin, ...args], {
    cwd: root,
    env: childEnv,
    encoding: "utf8",
  });
}

describe("bin/jobindex.js", () => {
  beforeAll(() => ensureBuilt());

  it("takes the code cache without flags, with heap-size flags in NODE_OPTIONS or on the command line", () => {
    expect(launch(["--version"]).stderr).toContain("code cache: accepted");
    const viaEnv = launch(["--version"], { NODE_OPTIONS: "--max-old-space-size=200" });
    expect(viaEnv.stderr).toContain("code cache: accepted");
    const viaArgs = launch(["--version"], {}, [
      "--max-semi-space-size=8",
      "--max_old_space_size=300",
    ]);
    expect(viaArgs.stderr).toContain("code cache: accepted");
    // Any other V8 flag changes what V8 compiles: the cache is refused, the run still works.
    const other = launch(["--version"], {}, ["--no-opt"]);
    expect(other.stderr).toContain("code cache: rejected");
    expect(other.status).toBe(0);
  });

  it("maps a --debug stack trace back to src/ through the source map (the bundle's names are minified)", () => {
    const result = launch(["index", "--input", join(root, "no-such-file.csv"), "--debug"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("[E_FILE_NOT_FOUND]");
    const frames = result.stderr.split("\n").filter((line) => /^\s+at /.test(line));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames[0]).toMatch(/[\\/]src[\\/]diagnostics\.ts:\d+:\d+\)$/);
    expect(frames.some((line) => line.includes("main.cjs"))).toBe(false);
    // Without --debug: one line, no trace.
    const plain = launch(["index", "--input", join(root, "no-such-file.csv")]);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
  });

  it("takes a command's own code cache for index, benchmark and explain, and the cache of all for others", () => {
    for (const name of ["index", "benchmark", "explain"]) {
      const own = join(root, "dist", "cli", `main.cjs.${name}.cache`);
      expect(statSync(own).size).toBeLessThan(
        statSync(join(root, "dist", "cli", "main.cjs.cache")).size,
      );
    }
    expect(launch(["--lang", "en", "index", "--format", "json"]).stderr).toContain(
      "code cache: accepted (main.cjs.index.cache)",
    );
    expect(launch(["explain", "Billund"]).stderr).toContain(
      "code cache: accepted (main.cjs.explain.cache)",
    );
    expect(launch(["audit", "--format", "json"]).stderr).toContain(
      "code cache: accepted (main.cjs.cache)",
    );
  });

  it("keeps the heap size asked for", () => {
    const script = [
      "const v8 = require('node:v8');",
      `process.argv = [process.argv[0], ${JSON.stringify(bin)}, '--version'];`,
      `require(${JSON.stringify(bin)});`,
      "process.on('exit', () => process.stderr.write('heap ' + Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20) + '\\n'));",
    ].join("\n");
    const result = spawnSync(process.execPath, ["-e", script], {
      cwd: root,
      env: {
        ...process.env,
        NODE_OPTIONS: "--max-old-space-size=200",
        JOBINDEX_CODE_CACHE_REPORT: "1",
      },
      encoding: "utf8",
    });
    expect(result.stderr).toContain("code cache: accepted");
    const heap = Number(/heap (\d+)/.exec(result.stderr)?.[1]);
    expect(heap).toBeGreaterThan(150);
    expect(heap).toBeLessThan(300);
  });

  it("has a method snapshot equal to validating each shipped profile now", () => {
    const snapshot = JSON.parse(
      readFileSync(join(root, "dist", "cli", "method-snapshot.json"), "utf8"),
    ) as { profiles: Record<string, { text: string; profile: string }> };
    const names = shippedMethods();
    expect(Object.keys(snapshot.profiles).sort()).toEqual(names);
    for (const name of names) {
      const validated = loadMethod(name).profile;
      const entry = snapshot.profiles[name];
      expect(entry?.text).toBe(readFileSync(join(root, "data", "methods", `${name}.json`), "utf8"));
      expect(JSON.parse(entry?.profile ?? "null")).toEqual(JSON.parse(JSON.stringify(validated)));
    }
    // The command line takes it: the hash it reports is the validated profile's.
    const run = JSON.parse(launch(["index", "--format", "json"]).stdout);
    expect(run.method.hash).toBe(loadMethod("fh").profile.hash);
  });
});
