/**
 * `writeJson` (the JSON of a large document, written in pieces) must be exactly
 * `renderJson`'s text, `JSON.stringify(json, null, 2)`: on random JSON values with the
 * values JSON.stringify leaves out or writes as null (undefined, functions, NaN), getters,
 * empty containers, nesting below the depth where it stops opening containers, and keys
 * and strings that need escaping.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderJson, writeJson } from "../../src/report/json.js";
import type { ReportDocument } from "../../src/report/types.js";

const documentOf = (json: Record<string, unknown>): ReportDocument => ({
  json,
  title: "",
  subtitle: "",
  synthetic: false,
  columns: [],
  rows: [],
  sections: [],
  notes: [],
});

function written(doc: ReportDocument): string[] {
  const pieces: string[] = [];
  writeJson(doc, (piece) => pieces.push(piece));
  return pieces;
}

/** JSON values plus what JSON.stringify drops or writes as null. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0, () => 1),
    fc.string({ unit: "binary" }),
  ),
  array: fc.array(tie("node"), { maxLength: 4 }),
  object: fc.dictionary(fc.string({ unit: "binary", maxLength: 6 }), tie("node"), {
    maxKeys: 4,
  }),
  node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("array"), tie("object")),
}));

describe("writeJson writes renderJson's text", () => {
  it("on random documents", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value.node, { maxKeys: 6 }), (json) => {
        const doc = documentOf(json);
        expect(written(doc).join("")).toBe(renderJson(doc));
      }),
      { numRuns: 500 },
    );
  });

  it("reads getters once, in key order, and cuts a long text into pieces", () => {
    const reads: number[] = [];
    const units = Array.from({ length: 40 }, (_, i) => ({
      id: String(i),
      get ranks() {
        reads.push(i);
        return Array.from({ length: 200 }, (_, p) => ({ p, tied: p % 3 === 0, score: p / 7 }));
      },
    }));
    const doc = documentOf({ history: { periods: ["a", "b"], units }, notes: ["x\ny", "é–"] });
    const pieces = written(doc);
    expect(reads).toEqual(units.map((_, i) => i));
    reads.length = 0;
    expect(pieces.join("")).toBe(renderJson(doc));
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(128 * 1024);
  });
});
