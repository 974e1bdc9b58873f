import { describe, expect, it } from "vitest";
import {
  belongsTo,
  groupColumns,
  groupedUnits,
  groupFields,
  groupingOf,
  groupRequest,
  groupTotals,
  membersByGroup,
  rankWithinGroups,
  regionOfUnit,
  requireGroup,
} from "../src/pipeline/groups.js";
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

  it("reads --by and --only, refusing other groupings, unknown groups and both at once", () => {
    expect(groupRequest(registry, "region", undefined)).toEqual({ by: "region" });
    expect(groupRequest(registry, null, "Trekantområdet").only?.id).toBe("trekant");
    expect(groupRequest(registry, undefined, undefined)).toEqual({});
    expect(() => groupRequest(registry, "jobcentre", undefined)).toThrow(/--by expects/);
    expect(() => groupRequest(registry, "region", "trekant")).toThrow(/either --by or --only/);
    expect(() => groupRequest(registry, undefined, "Atlantis")).toThrow(/known groups/);
  });

  // National ranks with a shared 2nd place: Kolding (621) and Aalborg (851) in other regions.
  const ranked = [
    { id: "101", municipalities: ["101"], rank: 1 },
    { id: "621", municipalities: ["621"], rank: 2 },
    { id: "851", municipalities: ["851"], rank: 2 },
    { id: "607", municipalities: ["607"], rank: 2 },
    { id: "561-563", municipalities: ["561", "563"], rank: 5 },
    { id: "147", municipalities: ["147"], rank: 6 },
  ];

  it("ranks within regions on the national ranks, so shared places stay shared", () => {
    const grouping = groupingOf(registry, { by: "region" }, ranked);
    if (grouping?.kind !== "by") throw new Error("expected a by-region grouping");
    const fields = Object.fromEntries(ranked.map((u) => [u.id, groupFields(grouping, u.id)]));
    expect(fields["621"]).toEqual({
      region: "DK-83",
      region_name: "Syddanmark",
      region_rank: 1,
      region_tied: true,
    });
    expect(fields["607"]).toMatchObject({ region_rank: 1, region_tied: true });
    expect(fields["561-563"]).toMatchObject({ region_rank: 3, region_tied: false });
    expect(fields["851"]).toMatchObject({ region: "DK-81", region_rank: 1, region_tied: false });
    expect(fields["147"]).toMatchObject({ region: "DK-84", region_rank: 2 });
    // Sorted by region id, then place; the national order within a shared place.
    expect(groupedUnits(grouping, ranked, (u) => u.id).map((u) => u.id)).toEqual([
      "851",
      "621",
      "607",
      "561-563",
      "101",
      "147",
    ]);
    expect(
      membersByGroup(grouping, ranked, (u) => u.id).map((g) => [g.id, g.members.length]),
    ).toEqual([
      ["DK-81", 1],
      ["DK-83", 3],
      ["DK-84", 2],
    ]);
    expect(groupColumns(grouping).map((c) => c.key)).toContain("region_rank");
  });

  it("filters to one group, keeping the national order, with places among its members", () => {
    const grouping = groupingOf(registry, { only: requireGroup(registry, "trekant") }, ranked);
    if (grouping?.kind !== "only") throw new Error("expected an only grouping");
    expect(groupedUnits(grouping, ranked, (u) => u.id).map((u) => u.id)).toEqual(["621", "607"]);
    expect(groupFields(grouping, "607")).toEqual({ group_rank: 1, group_tied: true });
    expect(groupFields(grouping, "101")).toEqual({});
  });
});
