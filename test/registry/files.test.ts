import { describe, expect, it } from "vitest";
import { InputError } from "../../src/diagnostics.js";
import { parseRegistry, type RegistryTexts, readRegistryTexts } from "../../src/registry/files.js";

/** The shipped files with one of them replaced by a bad version. */
function withText(part: keyof RegistryTexts, edit: (text: string) => string): RegistryTexts {
  const texts = readRegistryTexts();
  return { ...texts, [part]: { file: `bad-${part}`, text: edit(texts[part].text) } };
}

function problems(texts: RegistryTexts): string[] {
  try {
    parseRegistry(texts);
  } catch (e) {
    if (e instanceof InputError) return e.message.split("\n");
    throw e;
  }
  return [];
}

describe("parseRegistry", () => {
  it("accepts the shipped files", () => {
    const source = parseRegistry(readRegistryTexts());
    expect(source.municipalities).toHaveLength(98);
    expect(source.jobcentres).toHaveLength(6);
    expect(source.groups).toHaveLength(6);
  });

  it("names the file, line and column of a bad municipality row", () => {
    const texts = withText("municipalities", (t) =>
      t.replace("\n751,Aarhus,DK-82", "\n751,Aarhus,DK-99"),
    );
    const [problem] = problems(texts);
    expect(problem).toMatch(/^bad-municipalities:\d+:3: error: region: must be one of DK-81/);
    expect(problem).toContain("[E_REGISTRY_ROW]");
  });

  it("refuses a spelling that names two municipalities", () => {
    const texts = withText("municipalities", (t) => t.replace(",Århus,", ",Århus|Odense,"));
    expect(problems(texts).join("\n")).toMatch(/"Odense" also names 461.*E_REGISTRY_DUPLICATE/);
  });

  it("refuses a jobcentre id that does not match its members", () => {
    const texts = withText("jobcentres", (t) => t.replace("561-563,", "563-561,"));
    expect(problems(texts)).toEqual([
      expect.stringMatching(/^bad-jobcentres:2:1: error: id: id must be the member codes/),
    ]);
  });

  it("refuses overlapping jobcentre rows and unknown codes", () => {
    const overlapping = withText("jobcentres", (t) =>
      t.replace("183,Ishøj,183,2022-01-01", "183,Ishøj,183,2021-06-01"),
    );
    expect(problems(overlapping).join("\n")).toMatch(
      /bad-jobcentres:7: .*both hold 183.*E_REGISTRY_OVERLAP/,
    );
    const unknown = withText("jobcentres", (t) =>
      t.replace("813-825,Frederikshavn-Læsø,813|825", "813-826,Frederikshavn-Læsø,813|826"),
    );
    expect(problems(unknown).join("\n")).toMatch(/municipality 826 is not in municipalities.csv/);
  });

  it("points at the group entry of a bad groups.json and reports broken JSON", () => {
    const badMember = withText("groups", (t) => t.replace('"621"', '"62"'));
    expect(problems(badMember).join("\n")).toMatch(
      /^bad-groups:\d+: error: groups\.5\.municipalities\.0: must be a 3-digit code/,
    );
    expect(problems(withText("groups", (t) => t.slice(0, -3)))[0]).toMatch(
      /^bad-groups: error: not valid JSON/,
    );
  });

  it("requires all five regions", () => {
    const texts = withText("groups", (t) => t.replace('"id": "DK-85"', '"id": "DK-84"'));
    const all = problems(texts).join("\n");
    expect(all).toMatch(/group id DK-84 repeated/);
    expect(all).toMatch(/region DK-85 is missing/);
  });
});
