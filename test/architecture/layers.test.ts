/**
 * The layering of src/ (docs/ARCHITECTURE.md), checked on the sources: a pure core, no
 * import cycle among files or among folders, and only the command line touching the
 * terminal. Fails on the first forbidden import, naming the file and what it imports.
 */

import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, importGraph, src } from "./imports.js";

const graph = importGraph();
const local = graph.filter((i) => i.local);

/** The numerical core: plain data in, plain data out. */
const CORE = /^(composite|benchmark|uncertainty)\//;
/** What the core may import besides itself: the shared leaf modules. */
const CORE_MAY_USE =
  /^(composite\/|benchmark\/|uncertainty\/|diagnostics\.ts$|period\.ts$|rank\.ts$)/;

/**
 * Cycles another change removes (issue 11 splits src/read); listed so that any other
 * cycle fails now. Remove the entry once the split is in.
 */
const KNOWN_CYCLES = new Set(["read/decimal.ts read/limits.ts read/select.ts"]);

const topFolder = (path: string) => (path.includes("/") ? (path.split("/")[0] as string) : path);
const subFolder = (path: string) => path.split("/").slice(0, 2).join("/");
const key = (cycle: readonly string[]) => [...cycle].sort().join(" ");

describe("the import graph", () => {
  it("is read from the sources, with type-only and dynamic imports told apart", () => {
    expect(graph).toContainEqual(
      expect.objectContaining({
        from: "composite/missing.ts",
        to: "diagnostics.ts",
        typeOnly: true,
      }),
    );
    expect(graph).toContainEqual(
      expect.objectContaining({ from: "composite/score.ts", to: "rank.ts", typeOnly: false }),
    );
    expect(graph).toContainEqual(
      expect.objectContaining({
        from: "pipeline/index/run.ts",
        to: "uncertainty/index.ts",
        dynamic: true,
      }),
    );
  });

  it("finds a cycle when there is one", () => {
    expect(
      cycles([
        ["a", "b"],
        ["b", "c"],
        ["c", "a"],
        ["c", "d"],
      ]).map(key),
    ).toEqual(["a b c"]);
    expect(
      cycles([
        ["a", "b"],
        ["b", "c"],
      ]),
    ).toEqual([]);
  });
});

describe("layers", () => {
  it("the core (composite, benchmark, uncertainty) loads no node: module", () => {
    const builtins = new Set(builtinModules);
    const offending = graph.filter(
      (i) =>
        CORE.test(i.from) &&
        !i.local &&
        (i.to.startsWith("node:") || builtins.has(i.to.split("/")[0] as string)),
    );
    expect(offending.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("the core imports only itself and the shared leaves, and the registry only as types", () => {
    const offending = local.filter(
      (i) =>
        CORE.test(i.from) &&
        !CORE_MAY_USE.test(i.to) &&
        !(i.typeOnly && i.to.startsWith("registry/")),
    );
    expect(offending.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("the shared leaves (diagnostics, period, rank) import nothing of the project's layers", () => {
    const offending = local.filter(
      (i) => /^(diagnostics|period|rank)\.ts$/.test(i.from) && i.to.includes("/"),
    );
    expect(offending.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("nothing below src/cli imports it", () => {
    const offending = local.filter((i) => !i.from.startsWith("cli/") && i.to.startsWith("cli/"));
    expect(offending.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("only src/cli prints, exits or reads process.argv", () => {
    const offending = [...new Set(graph.map((i) => i.from))].filter(
      (file) =>
        !file.startsWith("cli/") &&
        /process\.(stdout|stderr|exit|argv)\b/.test(readFileSync(join(src, file), "utf8")),
    );
    expect(offending).toEqual([]);
  });
});

describe("no import cycles", () => {
  it("among files (type-only and dynamic imports included)", () => {
    const found = cycles(local.map((i) => [i.from, i.to] as const));
    expect(found.filter((c) => !KNOWN_CYCLES.has(key(c)))).toEqual([]);
  });

  it("among the folders of src/", () => {
    expect(cycles(local.map((i) => [topFolder(i.from), topFolder(i.to)] as const))).toEqual([]);
  });

  it("among the folders within each folder (pipeline/index, pipeline/benchmark, …)", () => {
    const within = local.filter((i) => topFolder(i.from) === topFolder(i.to));
    const found = cycles(within.map((i) => [subFolder(i.from), subFolder(i.to)] as const));
    expect(found.filter((c) => !KNOWN_CYCLES.has(key(c)))).toEqual([]);
  });
});
