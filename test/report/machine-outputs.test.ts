/**
 * Machine outputs a parser can trust (issue 13): `check --format junit` is well-formed XML
 * with one <testcase> per unit of the golden and a <failure> exactly in the changed ones;
 * `check --format json` has its fields; `--locale da` CSV starts with the UTF-8 byte order
 * mark and `en` does not. Run through the built command line, as CI and users run it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, tempDir } from "../cli/helpers.js";

beforeAll(() => ensureBuilt());

/**
 * Well-formed XML, strictly enough for a test: one declaration, one root, balanced tags,
 * quoted attributes, no raw `<` or stray `&` in text or values. Returns the problems.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const name = "[A-Za-z_][\\w.-]*";
  const entity = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const textOk = (text: string) => !/[<&]/.test(text.replace(entity, ""));
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  if (rest === xml) problems.push("no XML declaration first");
  const stack: string[] = [];
  let roots = 0;
  const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}="[^"<]*")*)\\s*(/?)>`);
  while (rest.length > 0) {
    const lt = rest.indexOf("<");
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (!textOk(text)) problems.push(`bad text: ${text.slice(0, 40)}`);
    if (stack.length === 0 && text.trim() !== "") problems.push("text outside the root");
    if (lt < 0) break;
    rest = rest.slice(lt);
    const m = tag.exec(rest);
    if (m === null) {
      problems.push(`bad tag at: ${rest.slice(0, 40)}`);
      break;
    }
    const [whole, close, tagName, attributes, selfClose] = m as unknown as string[];
    for (const value of (attributes ?? "").matchAll(/="([^"]*)"/g)) {
      if (!textOk(value[1] as string)) problems.push(`bad attribute value: ${value[1]}`);
    }
    if (close === "/") {
      if (stack.pop() !== tagName) problems.push(`unbalanced </${tagName}>`);
    } else {
      if (stack.length === 0) roots++;
      if (selfClose !== "/") stack.push(tagName as string);
    }
    rest = rest.slice((whole as string).length);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(", ")}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

describe("the well-formedness check itself", () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  it("accepts well-formed and refuses malformed XML", () => {
    expect(xmlProblems(`${head}<a x="1"><b/>&amp; t</a>\n`)).toEqual([]);
    expect(xmlProblems(`${head}<a><b></a>`)).not.toEqual([]);
    expect(xmlProblems(`${head}<a>x & y</a>`)).not.toEqual([]);
    expect(xmlProblems(`${head}<a x="<"/>`)).not.toEqual([]);
    expect(xmlProblems(`${head}<a/><b/>`)).not.toEqual([]);
    expect(xmlProblems("<a/>")).not.toEqual([]);
  });
});

describe("check --format junit and json on an altered golden", () => {
  const { write } = tempDir("junit");
  const golden = JSON.parse(
    readFileSync("fixtures/golden/index-fh-2024K4-jobcentre.json", "utf8"),
  ) as { results: Array<{ id: string; name: string; score: number; rank: number }> };
  // Two units changed: one score (beyond the tolerance), one rank; the rest as recorded.
  const altered = structuredClone(golden);
  const [first, , third] = altered.results as [
    (typeof golden.results)[0],
    unknown,
    (typeof golden.results)[0],
  ];
  first.score += 0.5;
  third.rank += 7;
  const changed = new Set([first.id, third.id]);
  const goldenPath = write("altered.json", JSON.stringify(altered));
  const samePath = write("same.json", JSON.stringify(golden));

  it("junit: one testcase per golden unit, a failure exactly in the changed ones", async () => {
    const { code, stdout } = await runCli(["check", "--golden", goldenPath, "--format", "junit"]);
    expect(code).toBe(1);
    expect(xmlProblems(stdout)).toEqual([]);
    const cases = [...stdout.matchAll(/<testcase [^>]*name="([^"]*)"(\/?)>/g)];
    expect(cases).toHaveLength(golden.results.length);
    expect(cases.map((c) => c[1])).toEqual(golden.results.map((r) => `${r.id} ${r.name}`));
    const failed = cases.filter((c) => c[2] !== "/").map((c) => (c[1] as string).split(" ")[0]);
    expect(new Set(failed)).toEqual(changed);
    expect(stdout.match(/<failure /g)).toHaveLength(2);
    expect(stdout).toMatch(/<testsuite [^>]*tests="95" failures="2"/);
  });

  it("junit of an unchanged golden has no failure", async () => {
    const { code, stdout } = await runCli(["check", "--golden", samePath, "--format", "junit"]);
    expect(code).toBe(0);
    expect(xmlProblems(stdout)).toEqual([]);
    expect(stdout).not.toContain("<failure");
    expect(stdout.match(/<testcase /g)).toHaveLength(golden.results.length);
  });

  it("json: the fields scripts read", async () => {
    const { code, stdout } = await runCli(["check", "--golden", goldenPath, "--format", "json"]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "command",
      "golden",
      "tolerance",
      "compared",
      "units_changed",
      "fields_changed",
      "units",
      "changes",
    ]);
    expect(json).toMatchObject({
      command: "check",
      tolerance: 1e-9,
      compared: 95,
      units_changed: 2,
      fields_changed: ["rank", "score"],
    });
    expect((json.units as unknown[]).length).toBe(95);
    const changes = json.changes as Array<Record<string, unknown>>;
    expect(changes.map((c) => Object.keys(c))).toEqual(
      changes.map(() => ["unit", "name", "field", "old", "new"]),
    );
    expect(changes.find((c) => c.field === "score")).toMatchObject({
      unit: first.id,
      name: first.name,
      old: first.score,
      new: first.score - 0.5,
    });
  });
});

describe("CSV byte order mark", () => {
  const { dir } = tempDir("bom");
  const bytes = async (locale: string) => {
    const out = join(dir, `index-${locale}.csv`);
    const { code } = await runCli([
      "index",
      "--period",
      "2024K4",
      "--format",
      "csv",
      "--locale",
      locale,
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    return readFileSync(out);
  };

  it("--locale da starts with EF BB BF, en does not; the header follows", async () => {
    const da = await bytes("da");
    const en = await bytes("en");
    expect([...da.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(en[0]).not.toBe(0xef);
    const firstColumn = en.toString("utf8").split(",")[0] as string;
    expect(firstColumn).toMatch(/^[a-z_]+$/);
    expect(da.subarray(3).toString("utf8").split(";")[0]).toBe(firstColumn);
  });
});
