import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nearestPeers } from "../../src/benchmark/peers.js";

/** numpy's answers: `python3 scripts/benchmark-funnel-fixture.py` on lm-input.csv. */
const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/benchmark/funnel-peers.json", import.meta.url), "utf8"),
) as { k: number; peers: Record<string, { name: string; distance: number }[]> };

const lines = readFileSync(
  new URL("../../fixtures/benchmark/lm-input.csv", import.meta.url),
  "utf8",
)
  .trim()
  .split("\n");
const header = (lines[0] as string).split(",");
const records = lines.slice(1).map((l) => {
  const cells = l.split(",");
  return Object.fromEntries(header.map((h, i) => [h, cells[i] as string]));
});

describe("peers against numpy", () => {
  it("the 5 nearest municipalities of each, with their distances", () => {
    const names = records.map((r) => r.municipality as string);
    const rows = records.map((r) => [
      Math.log(Number(r.income)),
      Number(r.education),
      Number(r.population_density),
      Number(r.immigration_share_pct),
      Number(r.age65_pct),
    ]);
    const peers = nearestPeers(names, rows, fixture.k);
    expect(peers.size).toBe(98);
    for (const name of names) {
      const got = peers.get(name) ?? [];
      const want = fixture.peers[name] ?? [];
      expect(got.map((p) => p.municipality)).toEqual(want.map((p) => p.name));
      got.forEach((p, i) => {
        expect(Math.abs(p.distance - (want[i]?.distance as number))).toBeLessThan(1e-9);
      });
    }
  });

  it("ties by code, and never the municipality itself", () => {
    const peers = nearestPeers(["300", "200", "100"], [[0], [1], [-1]], 2);
    expect(peers.get("300")?.map((p) => p.municipality)).toEqual(["100", "200"]);
    expect(peers.get("200")?.map((p) => p.municipality)).toEqual(["300", "100"]);
  });
});
