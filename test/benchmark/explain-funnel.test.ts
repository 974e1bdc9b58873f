import { describe, expect, it } from "vitest";
import { explainBenchmark } from "../../src/pipeline/benchmark/explain.js";

describe("explain: the funnel sentence and the shrunken rank", () => {
  it("Gladsaxe 2021QMAT04: clearly below at both limits; 17 of 98 outside 95 % (numpy fixture: 5 below + 12 above)", async () => {
    const { lines } = await explainBenchmark({ unit: "Gladsaxe", period: "2021QMAT04" });
    const text = lines.join("\n");
    expect(text).toMatch(
      /clearly below expectation at the 95 % limit, and at 99\.8 % too; 17 of the 98 municipalities lie outside the 95 % limits/,
    );
    expect(text).toMatch(/it ranks 1 of 98, against 1 \(published rank 1\)/);
  });

  it("Læsø: within both", async () => {
    const { lines } = await explainBenchmark({ unit: "Læsø", period: "2021QMAT04" });
    expect(lines.join("\n")).toMatch(/Læsø is within expectation at the 95 % limit/);
  });

  it("names the peers when asked", async () => {
    const { lines } = await explainBenchmark({ unit: "Billund", period: "2021QMAT04", peers: 3 });
    expect(lines.join("\n")).toMatch(/most similar framework conditions \(log\(income\)/);
  });
});
