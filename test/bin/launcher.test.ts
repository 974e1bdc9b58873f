/**
 * The launcher (bin/jobindex.js): V8 takes the build's code cache also when node is given
 * heap-size flags (`NODE_OPTIONS=--max-old-space-size=…`, which E_FILE_TOO_LARGE
 * recommends), which the cache's flag hash would otherwise refuse; the heap keeps the size
 * asked for. The build's method snapshot holds what validating each shipped profile gives.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const tmp = mkdtempSync(join(tmpdir(), "jobindex-launcher-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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

  it("loads no built-in module beyond node:vm for index, benchmark and explain into a pipe", () => {
    // Node's streams and sockets (process.stdout), async hooks and their promise hooks
    // (AsyncLocalStorage), crypto, v8, node's ES module loader: each is milliseconds of a
    // short run (docs/performance.md). What node itself loads for `node -e 0` is left out.
    const modules = (args: string[]) => {
      const list = join(tmp, `modules-${args[0]}.txt`);
      const script = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));`;
      const preload = join(tmp, "preload.cjs");
      writeFileSync(preload, script);
      const env: Record<string, string | undefined> = { ...process.env };
      delete env.NODE_EXTRA_CA_CERTS;
      delete env.JOBINDEX_CODE_CACHE_REPORT;
      const result = spawnSync(process.execPath, ["-r", preload, bin, ...args], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      expect(result.status).toBe(0);
      return readFileSync(list, "utf8").split("\n");
    };
    const bare = new Set(
      spawnSync(process.execPath, ["-p", "process.moduleLoadList.join('\\n')"], {
        encoding: "utf8",
      }).stdout.split("\n"),
    );
    for (const args of [
      ["index", "--format", "json"],
      ["benchmark", "--format", "json"],
      ["explain", "Billund"],
    ]) {
      const extra = modules(args).filter((m) => !bare.has(m) && m.startsWith("NativeModule "));
      expect(extra.map((m) => m.slice("NativeModule ".length)).sort()).toEqual(["process", "vm"]);
    }
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
