import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/diagnostics.js";
import { parseWeights } from "../../src/pipeline/index/options.js";

describe("index --weights", () => {
  it("parses indicator=weight pairs", () => {
    expect(parseWeights("upskilling_share=0.4, activation_rate = 0.6")).toEqual({
      upskilling_share: 0.4,
      activation_rate: 0.6,
    });
  });

  it("refuses anything else with a usage error naming the bad part", () => {
    expect(() => parseWeights("upskilling_share:0.4")).toThrow(UsageError);
    expect(() => parseWeights("a=-1")).toThrow(/got 'a=-1'/);
    expect(() => parseWeights("a=x")).toThrow(/indicator=weight/);
  });
});
