import { describe, expect, it } from "vitest";
import { type Period, parsePeriod } from "../../src/period.js";
import { jobcentresOnDate, loadRegistry, REGION_CODES } from "../../src/registry/index.js";

const registry = loadRegistry();
const period = (text: string): Period => {
  const p = parsePeriod(text);
  if (!p) throw new Error(`bad period ${text}`);
  return p;
};
const ids = (text: string) => registry.jobcentresFor(period(text)).map((j) => j.id);

describe("municipalities", () => {
  it("are the 98, sorted by code, without Christiansø", () => {
    const codes = registry.municipalities.map((m) => m.code);
    expect(codes).toHaveLength(98);
    expect(codes).toEqual([...codes].sort());
    expect(codes).not.toContain("411");
    expect(registry.municipality("751")?.name).toBe("Aarhus");
    expect(registry.municipality("411")).toBeUndefined();
  });

  it("is loaded once per process", () => {
    expect(loadRegistry()).toBe(registry);
  });
});

describe("regions", () => {
  const regions = registry.groups.filter((g) => g.kind === "region");

  it("are the five ISO regions and partition the 98 municipalities", () => {
    expect(regions.map((g) => g.id)).toEqual([...REGION_CODES]);
    const members = regions.flatMap((g) => g.municipalities);
    expect(members).toHaveLength(98);
    expect(new Set(members).size).toBe(98);
    expect(Object.fromEntries(regions.map((g) => [g.name, g.municipalities.length]))).toEqual({
      Nordjylland: 11,
      Midtjylland: 19,
      Syddanmark: 22,
      Hovedstaden: 29,
      Sjælland: 17,
    });
  });

  it("are found by code, name and 'Region <name>'", () => {
    for (const text of ["DK-84", "dk-84", "Hovedstaden", "Region Hovedstaden", "Capital Region"]) {
      expect(registry.findGroup(text)?.id, text).toBe("DK-84");
    }
    expect(registry.findGroup("Region Sjaelland")?.id).toBe("DK-85");
    expect(registry.findGroup("Atlantis")).toBeUndefined();
  });

  it("regionOf gives a municipality's region", () => {
    expect(registry.regionOf("851")?.name).toBe("Nordjylland");
    expect(registry.regionOf("101")?.id).toBe("DK-84");
    expect(registry.regionOf("411")).toBeUndefined();
  });
});

describe("cooperation groups", () => {
  it("Trekantområdet og Haderslev has its seven municipalities", () => {
    const trekant = registry.findGroup("trekant");
    expect(trekant?.kind).toBe("cooperation");
    expect(trekant?.municipalities.map((c) => registry.municipality(c)?.name).sort()).toEqual([
      "Billund",
      "Fredericia",
      "Haderslev",
      "Kolding",
      "Middelfart",
      "Vejen",
      "Vejle",
    ]);
    expect(registry.findGroup("Trekantomraadet")).toBe(trekant);
    expect(registry.findGroup("trekantområdet og haderslev")).toBe(trekant);
  });
});

describe("jobcentres", () => {
  it("are 94 in 2019 and 95 from 2022", () => {
    expect(ids("2019K4")).toHaveLength(94);
    expect(ids("2021K4")).toHaveLength(94);
    expect(ids("2021QMAT04")).toHaveLength(94);
    expect(ids("2022K1")).toHaveLength(95);
    expect(ids("2024M06")).toHaveLength(95);
  });

  it("put Vallensbæk and Ishøj together until 2021 and apart from 2022", () => {
    const at = (p: string, code: string) => registry.jobcentreOf(code, period(p));
    expect(at("2021K4", "183")).toMatchObject({ id: "187-183", name: "Vallensbæk-Ishøj" });
    expect(at("2021K4", "187")?.id).toBe("187-183");
    expect(at("2022K1", "183")).toMatchObject({
      id: "183",
      name: "Ishøj",
      municipalities: ["183"],
    });
    expect(at("2022K1", "187")).toMatchObject({ id: "187", name: "Vallensbæk" });
    // A year is mapped by its last day: 2021 as a whole is still the joint unit.
    expect(at("2021", "183")?.id).toBe("187-183");
    expect(at("2022M01", "183")?.id).toBe("183");
  });

  it("name the standing joint units lead first", () => {
    const joint = registry
      .jobcentresFor(period("2022K1"))
      .filter((j) => j.municipalities.length > 1);
    expect(joint.map((j) => [j.id, j.name])).toEqual([
      ["185-155", "Tårnby-Dragør"],
      ["561-563", "Esbjerg-Fanø"],
      ["813-825", "Frederikshavn-Læsø"],
    ]);
  });

  it("a single municipality is its own unit: id its code, name its name", () => {
    expect(registry.jobcentreOf("530", period("2019K4"))).toMatchObject({
      id: "530",
      name: "Billund",
      municipalities: ["530"],
    });
  });

  it("hold every municipality exactly once, sorted by id, in every quarter 2007–2030", () => {
    const all = registry.municipalities.map((m) => m.code).sort();
    for (let year = 2007; year <= 2030; year++) {
      for (let q = 1; q <= 4; q++) {
        const units = registry.jobcentresFor({ kind: "quarter", year, sub: q });
        expect(units.flatMap((j) => j.municipalities).sort()).toEqual(all);
        const unitIds = units.map((j) => j.id);
        expect(unitIds).toEqual([...unitIds].sort());
      }
    }
  });

  it("jobcentresOnDate switches exactly at the validity boundary", () => {
    const { municipalities } = registry;
    const rows = [
      {
        id: "187-183",
        name: "Vallensbæk-Ishøj",
        municipalities: ["187", "183"],
        validFrom: null,
        validTo: "2021-12-31",
        source: "test",
      },
    ];
    expect(jobcentresOnDate("2021-12-31", rows, municipalities)).toHaveLength(97);
    expect(jobcentresOnDate("2022-01-01", rows, municipalities)).toHaveLength(98);
  });
});
