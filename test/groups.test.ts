import { describe, expect, it } from "vitest";
import {
  belongsTo,
  groupTotals,
  rankWithinGroups,
  regionOfUnit,
  requireGroup,
} from "../src/groups.js";
import { loadRegistry } from "../src/registry/index.js";

const registry = loadRegistry();

describe("groups", () => {
  it("finds the Trekantområdet service with its seven municipalities", () => {
    const group = requireGroup(registry, "trekant");
    const names = group.municipalities.map((c) => registry.municipality(c)?.name).sort();
    expect(names).toEqual([
      "Billund",
      "Fredericia",
      "Haderslev",
      "Kolding",
      "Middelfart",
      "Vejen",
      "Vejle",
    ]);
  });

  it("refuses an unknown group, listing the known ones", () => {
    expect(() => requireGroup(registry, "Atlantis")).toThrow(
      /unknown group 'Atlantis'.*DK-84 \(Hovedstaden\)/,
    );
  });

  it("places a joint jobcentre by its lead municipality", () => {
    const syddanmark = requireGroup(registry, "Region Syddanmark");
    expect(belongsTo(syddanmark, { id: "561-563", municipalities: ["561", "563"] })).toBe(true);
    expect(belongsTo(syddanmark, { id: "101", municipalities: ["101"] })).toBe(false);
    expect(regionOfUnit(registry, { id: "185-155", municipalities: ["185", "155"] })?.id).toBe(
      "DK-84",
    );
  });

  it("ranks within groups with shared places, independently per group", () => {
    const units = [
      { id: "a", municipalities: ["1"], g: "x", v: 3 },
      { id: "b", municipalities: ["2"], g: "x", v: 1 },
      { id: "c", municipalities: ["3"], g: "y", v: 2 },
      { id: "d", municipalities: ["4"], g: "y", v: 2 },
    ];
    const ranks = rankWithinGroups(
      units,
      (u) => u.g,
      (u) => u.v,
      "asc",
    );
    expect(
      Object.fromEntries(
        [...ranks].map(([id, r]) => [id, `${r.group}:${r.rank}${r.tied ? "=" : ""}`]),
      ),
    ).toEqual({
      a: "x:2",
      b: "x:1",
      c: "y:1=",
      d: "y:1=",
    });
  });

  it("totals only finite values and gives null when there are none", () => {
    const rows = [
      { p: 10, c: null },
      { p: -30, c: null },
      { p: Number.NaN, c: null },
    ];
    expect(groupTotals(rows, { persons: (r) => r.p, cost: (r) => r.c })).toEqual({
      persons: -20,
      cost: null,
    });
  });
});
