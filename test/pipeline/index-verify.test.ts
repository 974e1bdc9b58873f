/**
 * `index --verify [--published FILE]`: the jobcentre ranking against LO's and FH's
 * published places for the quarter (data/published/fh-lo-jobcentre-index-lists.csv), on
 * fixtures made from the shipped demo ranking (fixtures/published/README.md).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePlace, readIndexFragments } from "../../src/pipeline/index/published.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { ensureBuilt, root, runCli, STACK_FRAME, stderrLines } from "../cli/helpers.js";

const fixture = (name: string) => join(root, "fixtures", "published", name);

describe("published places", () => {
  it("ranks as the lists write them", () => {
    expect(parsePlace("7")).toEqual({ low: 7, high: 7, fromEnd: false });
    expect(parsePlace("2-5 (order not given)")).toEqual({ low: 2, high: 5, fromEnd: false });
    expect(parsePlace("bottom 10")).toEqual({ low: 1, high: 10, fromEnd: true });
    expect(parsePlace("næstsidst (2nd last)")).toEqual({ low: 2, high: 2, fromEnd: true });
    expect(parsePlace("sidst (last)")).toEqual({ low: 1, high: 1, fromEnd: true });
    for (const text of ["", "top", "5-2", "first"]) expect(parsePlace(text), text).toBeUndefined();
  });

  it("the shipped fragments: every row read, those without a place counted", async () => {
    const { places, unplaced } = await readIndexFragments();
    expect(places.find((p) => p.period === "2019K4")).toMatchObject({
      index: "FH",
      jobcentre: "Billund",
      low: 1,
      high: 1,
    });
    expect(places.filter((p) => p.period === "2011K3")).toHaveLength(10);
    expect(unplaced).toBe(0);
  });
});

describe("index --verify", () => {
  const verify = (file?: string) =>
    runIndex({
      period: "2019K4",
      verify: true,
      ...(file !== undefined ? { publishedLists: fixture(file) } : {}),
    });

  it("agrees with a list made from the ranking: exit 0, six places compared", async () => {
    const { document, exitCode, messages } = await verify("index-places-2019K4.csv");
    expect(exitCode).toBe(0);
    expect(messages).toEqual([]);
    expect(document.json.published_list).toEqual({ places: 6, differences: [] });
    expect(document.notes.at(-1)).toBe(
      "The 6 published place(s) of fixture for 2019K4 agree with the reproduced ranking (the input is synthetic demo data).",
    );
  });

  it("differs: exit 1, each difference with the reproduced rank", async () => {
    const { document, exitCode, messages } = await verify("index-places-2019K4-changed.csv");
    expect(exitCode).toBe(1);
    expect(document.json.published_list).toEqual({
      places: 6,
      differences: [
        "published fixture 2019K4 rank 1 Kolding: reproduced rank 3 of 94",
        "published fixture 2019K4 rank sidst (last) Fredensborg: reproduced rank 1 of 94",
      ],
    });
    expect(messages[0]).toMatch(
      /^verify failed: the ranking differs from the published index places for 2019K4/,
    );
    expect(document.sections.at(-1)?.title).toBe("Differences from the published index places");
  });

  it("the shipped fragments: FH 2019K4's Billund first is compared (the demo data is synthetic, so it differs)", async () => {
    const { document, exitCode } = await verify();
    expect(exitCode).toBe(1);
    expect(document.json.published_list).toEqual({
      places: 1,
      differences: [
        expect.stringMatching(/^published FH 2019K4 rank 1 Billund: reproduced rank \d+ of 94$/),
      ],
    });
  });

  it("a quarter without published places: exit 0 and a note", async () => {
    const { document, exitCode } = await runIndex({ period: "2024K4", verify: true });
    expect(exitCode).toBe(0);
    expect(document.json.published_list).toBeUndefined();
    expect(document.notes.at(-1)).toBe("No published index places for 2024K4 to verify against.");
  });
});

describe("index --verify on the command line", () => {
  beforeAll(() => ensureBuilt());

  it("exit codes and one line on stderr", async () => {
    const ok = await runCli([
      "index",
      "--period",
      "2019K4",
      "--verify",
      "--published",
      fixture("index-places-2019K4.csv"),
    ]);
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    const changed = await runCli([
      "index",
      "--period",
      "2019K4",
      "--verify",
      "--published",
      fixture("index-places-2019K4-changed.csv"),
    ]);
    expect(changed.code).toBe(1);
    expect(stderrLines(changed)).toHaveLength(1);
    for (const [args, line] of [
      [["--unit", "municipality", "--verify"], /use --unit jobcentre \[E_USAGE\]$/],
      [
        ["--published", fixture("index-places-2019K4.csv")],
        /--published is read by --verify: give --verify too \[E_USAGE\]$/,
      ],
      [
        ["--verify", "--published", fixture("absent.csv")],
        /absent\.csv: error: published index lists file not found \[E_FILE_NOT_FOUND\]$/,
      ],
      [
        ["--verify", "--published", join(root, "fixtures", "fetch", "published-2021QMAT04.csv")],
        /needs columns index, data_period, rank, jobcentre .*\[E_MISSING_COLUMN\]$/,
      ],
    ] as Array<[string[], RegExp]>) {
      const result = await runCli(["index", "--period", "2019K4", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(stderrLines(result)).toHaveLength(1);
      expect(stderrLines(result)[0]).toMatch(line);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
