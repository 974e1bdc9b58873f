import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/diagnostics.js";
import { explainIndex, ordinal } from "../../src/pipeline/index/explain.js";
import { FIXTURE } from "./helpers.js";

interface Explained {
  id: string;
  score: number;
  rank: number;
  indicators: Array<{ contribution: number; value: number; unit_mean: number }>;
  contributions: { terms: number[]; total: number };
  neighbours: { above: Array<{ id: string }>; below: Array<{ id: string }> };
}

describe("explainIndex", () => {
  it("resolves a jobcentre by id, name, or any member's name or code", async () => {
    for (const unit of ["561-563", "Esbjerg-Fanø", "esbjerg fanø", "Fanø", "563", "Esbjerg"]) {
      const { data } = await explainIndex({ unit, inputs: [FIXTURE], period: "2021K4" });
      expect((data as unknown as Explained).id).toBe("561-563");
    }
  });

  it("contributions add up to the score; values sit against the average unit", async () => {
    const { data, lines } = await explainIndex({
      unit: "Billund",
      inputs: [FIXTURE],
      period: "2022K1",
    });
    const d = data as unknown as Explained;
    const sum = d.indicators.reduce((a, i) => a + i.contribution, 0);
    expect(Math.abs(sum - d.score)).toBeLessThan(1e-12);
    expect(d.rank).toBe(1);
    expect(d.neighbours.above).toEqual([]);
    expect(d.neighbours.below.map((n) => n.id)).toEqual(["187", "751"]);
    expect(lines[0]).toBe("Billund ranks 1st of 6 jobcentres in 2022K1, with a score of 1.459.");
    expect(lines.some((l) => l.startsWith("The contributions add up to the score:"))).toBe(true);
    expect(
      lines.some((l) =>
        /^Use of education in activation: 34\.2 % against \d+\.\d % for the average jobcentre/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it("names the members of a shared jobcentre and the neighbours", async () => {
    const { lines } = await explainIndex({ unit: "Læsø", inputs: [FIXTURE], period: "2022K1" });
    expect(lines[0]).toMatch(
      /^Frederikshavn-Læsø \(the jobcentre for Frederikshavn and Læsø\) ranks 5th of 6 jobcentres/,
    );
    expect(lines.at(-1)).toMatch(
      /^Just above: 3rd Aarhus .*, 4th Esbjerg-Fanø .*; just below: 6th Ishøj/,
    );
  });

  it("says when the data are synthetic, and explains municipalities on their own", async () => {
    const { lines, data } = await explainIndex({ unit: "Fanø", unitKind: "municipality" });
    expect((data as unknown as Explained).id).toBe("563");
    expect(lines[1]).toMatch(/SYNTHETIC/);
  });

  it("refuses what it cannot find, with a suggestion", async () => {
    await expect(explainIndex({ unit: "Bilund", inputs: [FIXTURE] })).rejects.toThrow(
      /did you mean "Billund"/,
    );
    await expect(explainIndex({ unit: "Odense", inputs: [FIXTURE] })).rejects.toThrow(UsageError);
  });

  it("writes ordinals as people do", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 94, 101].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "94th",
      "101st",
    ]);
  });
});
