/**
 * explain and check build a ReportDocument like every command: the sentences are its
 * prose, the text reporter prints them, the JSON reporter the document's JSON.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/pipeline/check/run.js";
import { runExplain } from "../../src/pipeline/explain/run.js";
import { explainIndex } from "../../src/pipeline/index/explain.js";
import { renderJson } from "../../src/report/json.js";
import { renderText } from "../../src/report/text.js";

const temp = mkdtempSync(join(tmpdir(), "jobindex-prose-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const GOLDEN = "fixtures/golden/benchmark-2021QMAT04-all.json";

describe("runExplain", () => {
  it("one kind: the explanation's sentences, and its data under the kind", async () => {
    const options = { unit: "Billund", kind: "index" as const, period: "2024K4", uncertainty: 0 };
    const { document, exitCode } = await runExplain(options);
    const direct = await explainIndex({ unit: "Billund", period: "2024K4" });
    expect(exitCode).toBe(0);
    expect(document.prose).toEqual(direct.lines);
    expect(document.json).toEqual({ command: "explain", unit: "Billund", index: direct.data });
    expect(document.synthetic).toBe(true);
    expect(renderText(document)).toBe(`${direct.lines.join("\n")}\n`);
    expect(JSON.parse(renderJson(document))).toEqual(document.json);
  });

  it("both kinds: a headed block each, a blank line between", async () => {
    const { document } = await runExplain({ unit: "Billund", uncertainty: 0 });
    const prose = document.prose ?? [];
    expect(prose[0]).toBe("Benchmark:");
    const gap = prose.indexOf("");
    expect(prose[gap + 1]).toBe("Index:");
    expect(Object.keys(document.json)).toEqual(["command", "unit", "benchmark", "index"]);
  });
});

describe("runCheck", () => {
  it("agreeing: exit 0 and the ok line", async () => {
    const { document, exitCode } = await runCheck({ golden: GOLDEN });
    expect(exitCode).toBe(0);
    expect(document.prose).toEqual([`ok: ${GOLDEN}: 98 results agree (relative tolerance 1e-9)`]);
    expect(document.json).toMatchObject({ command: "check", compared: 98, changes: [] });
  });

  it("a change: exit 1, one line per change, the same in the JSON", async () => {
    const golden = JSON.parse(readFileSync(GOLDEN, "utf8")) as {
      results: Array<{ municipality: string; rank: number }>;
    };
    const first = golden.results[0] as { municipality: string; rank: number };
    first.rank += 3;
    const path = join(temp, "changed.json");
    writeFileSync(path, JSON.stringify(golden));
    const { document, exitCode } = await runCheck({ golden: path });
    expect(exitCode).toBe(1);
    const named = `${first.municipality} ${(first as { name?: string }).name}`;
    // A one-line summary first (units, fields, the largest change), then the list.
    expect(document.prose).toEqual([
      `${path}: 1 change(s) in 1 of ${golden.results.length} units; fields: rank; largest: ${named}  rank: ${first.rank} → ${first.rank - 3}`,
      "Changes (unit  field: old → new):",
      `  ${named}  rank: ${first.rank} → ${first.rank - 3}`,
    ]);
    expect(document.json.changes).toEqual([
      {
        unit: first.municipality,
        name: (first as { name?: string }).name,
        field: "rank",
        old: first.rank,
        new: first.rank - 3,
      },
    ]);
  });

  it("refuses a negative tolerance", async () => {
    await expect(runCheck({ golden: GOLDEN, tolerance: -1 })).rejects.toThrow(
      "--tolerance must not be negative",
    );
  });
});
