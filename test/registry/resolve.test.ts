import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRegistry, type MunicipalityResolution } from "../../src/registry/index.js";
import { fixtureLines } from "./fixtures.js";

const registry = loadRegistry();
const codeOf = (text: string): string | undefined => {
  const r = registry.resolveMunicipality(text);
  return r.ok ? r.municipality.code : undefined;
};

/** Every name in a list resolves, to 98 different codes: a one-to-one match. */
function expectOneToOne(names: string[]): void {
  const codes = names.map((name) => [name, codeOf(name)]);
  expect(codes.filter(([, code]) => code === undefined)).toEqual([]);
  expect(new Set(codes.map(([, code]) => code)).size).toBe(98);
  expect(names).toHaveLength(98);
}

describe("resolveMunicipality: forms of the same municipality", () => {
  it.each([
    ["101", "101"],
    ["0101", "101"],
    ["101 København", "101"],
    ["0751  Aarhus", "751"],
    ["Århus", "751"],
    ["AARHUS", "751"],
    ["Copenhagen", "101"],
    ["Kobenhavn", "101"],
    ["koebenhavn", "101"],
    ["Københavns Kommune", "101"],
    ["Aarhus Kommune", "751"],
    ["Vesthimmerland", "820"],
    ["Vesthimmerlands kommune", "820"],
    ["Nordfyn", "480"],
    ["Brønderslev-Dronninglund", "810"],
    ["Aabenraa", "580"],
    ["Åbenrå", "580"],
    ["Bornholms Regionskommune", "400"],
    ["Bornholm", "400"],
    ["hoeje taastrup", "169"],
    ["Høje Taastrup", "169"],
    ["ringkoebing-skjern", "760"],
    ["Ringkobing Skjern", "760"],
    ["aeroe", "492"],
    ["Tarnby", "185"],
  ])("%s → %s", (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it("resolves every name and alias in the registry to its own municipality", () => {
    for (const m of registry.municipalities) {
      for (const spelling of [m.name, ...m.aliases, m.code, `0${m.code}`, `${m.code} ${m.name}`]) {
        expect(codeOf(spelling), spelling).toBe(m.code);
      }
    }
  });
});

describe("resolveMunicipality: refusals", () => {
  const refused = (text: string): Extract<MunicipalityResolution, { ok: false }> => {
    const r = registry.resolveMunicipality(text);
    if (r.ok) throw new Error(`${text} resolved to ${r.municipality.name}`);
    return r;
  };

  it("refuses Christiansø by name and code, saying why", () => {
    for (const text of ["Christiansø", "christiansoe", "411", "0411"]) {
      expect(refused(text).reason).toMatch(/Christiansø \(411\) is not a municipality/);
    }
  });

  it("refuses regions, provinces and the whole country", () => {
    expect(refused("Region Hovedstaden").reason).toMatch(/is a region/);
    expect(refused("Region Nordjylland").reason).toMatch(/is a region/);
    expect(refused("Province Bornholm").reason).toMatch(/is a province/);
    expect(refused("All Denmark").reason).toMatch(/whole country/);
  });

  it("suggests the nearest official name for a misspelling", () => {
    expect(refused("Vesthimerland").suggestion).toBe("Vesthimmerlands");
    expect(refused("Kobenhaven").suggestion).toBe("København");
    expect(refused("Fredriksberg").suggestion).toBe("Frederiksberg");
    expect(refused("Hjoring Kommune").suggestion).toBe("Hjørring");
  });

  it("gives no suggestion for text that is nothing like a municipality", () => {
    expect(refused("Stockholm")).toEqual({ ok: false });
    expect(refused("").reason).toBe("no municipality given");
  });

  it("refuses unknown codes and a code that contradicts its name", () => {
    expect(refused("999").reason).toBe("no municipality has code 999");
    expect(refused("101 Aarhus").reason).toBe("code 101 is København, but the name says Aarhus");
  });
});

describe("every municipality name in the shared data resolves (fixtures/registry)", () => {
  it("jobindsats Y30R21 Area", () => expectOneToOne(fixtureLines("y30r21-areas.txt")));

  it("dst/*.csv municipality column", () =>
    expectOneToOne(fixtureLines("dst-municipality-names.txt")));

  it("monthly jobindsats file: keys and names", () => {
    const rows = fixtureLines("monthly-keys.txt").map((line) => line.split("\t"));
    expectOneToOne(rows.map(([key]) => key ?? ""));
    for (const [key = "", name = ""] of rows) expect(codeOf(name), name).toBe(codeOf(key));
  });

  it("cross-section 4-digit codes, 0411 Christiansø refused", () => {
    const codes = fixtureLines("cross-section-codes.txt");
    expectOneToOne(codes.filter((c) => c !== "0411"));
    expect(codeOf("0411")).toBeUndefined();
  });

  it.each(["statbank-auk01-omraade.txt", "statbank-lbesk69-bopkom.txt"])(
    "raw StatBank labels in %s: municipalities resolve, wider areas do not",
    (file) => {
      const labels = fixtureLines(file);
      const wider = (label: string) =>
        /^(Region|Province) /.test(label) ||
        [
          "All Denmark",
          "Abroad",
          "Outside Denmark",
          "Not stated municipality",
          "Christiansø",
        ].includes(label);
      expectOneToOne(labels.filter((label) => !wider(label)));
      for (const label of labels.filter(wider)) expect(codeOf(label), label).toBeUndefined();
    },
  );

  // The fixtures are copies; when the shared data sits beside the clone, check them against it.
  const shared = new URL("../../../shared/data/", import.meta.url);
  it.skipIf(!existsSync(shared))("fixtures match the live Y30R21 file", () => {
    const live = readFileSync(
      new URL("jobindsats/y30r21-2020QMAT02-2021QMAT04.jsonl", shared),
      "utf8",
    )
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { Area: string }).Area);
    expect([...new Set(live)].sort()).toEqual(fixtureLines("y30r21-areas.txt"));
  });
});

describe("round trip under random case and accent changes (fast-check)", () => {
  /** Rewrites a name the way messy sources do: any case, æøå as digraphs or umlauts, stray accents. */
  const respelling = (name: string) =>
    fc
      .tuple(...[...name].map((ch) => fc.tuple(fc.constant(ch), fc.nat(3), fc.boolean())))
      .map((letters) =>
        letters
          .map(([ch, variant, upper]) => {
            const lower = ch.toLowerCase();
            const options: Record<string, string[]> = {
              æ: ["æ", "ae", "ä", "AE"],
              ø: ["ø", "oe", "ö", "OE"],
              å: ["å", "aa", "å".normalize("NFD"), "AA"],
              e: ["e", "é", "è", "e\u0301"],
              o: ["o", "ó", "ò", "o"],
              "-": ["-", " ", "  ", "–"],
            };
            const choices = options[lower] ?? [ch];
            const out = choices[variant % choices.length] ?? ch;
            return upper ? out.toUpperCase() : out.toLowerCase();
          })
          .join(""),
      );

  it("resolve(respelled name) gives back the municipality", () => {
    for (const m of registry.municipalities) {
      fc.assert(
        fc.property(respelling(m.name), (text) => {
          expect(codeOf(text)).toBe(m.code);
        }),
        { numRuns: 25 },
      );
    }
  });
});
