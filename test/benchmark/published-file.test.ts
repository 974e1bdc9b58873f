/**
 * `benchmark --verify --published FILE`: a user's own published top lists (the columns of
 * data/published/star-benchmark-top-lists.csv) instead of the shipped ones. The fixtures
 * (fixtures/fetch/published-2021QMAT04*.csv, scripts/make-fetch-fixtures.py) hold the
 * shipped extract's own top two for 2021QMAT04, and the same with the two ranks swapped.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, root, runCli, STACK_FRAME, stderrLines, tempDir } from "../cli/helpers.js";

const fixture = (name: string) => join(root, "fixtures", "fetch", name);
const work = tempDir("published");

beforeAll(() => ensureBuilt());

describe("benchmark --verify --published FILE", () => {
  it("agrees: exit 0, the note names the file's list", async () => {
    const result = await runCli([
      "benchmark",
      "--period",
      "2021QMAT04",
      "--verify",
      "--published",
      fixture("published-2021QMAT04.csv"),
      "--format",
      "json",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.published_list).toEqual({ places: 10, differences: [] });
  });

  it("differs: exit 1, each difference listed, one line on stderr", async () => {
    const result = await runCli([
      "benchmark",
      "--period",
      "2021QMAT04",
      "--verify",
      "--published",
      fixture("published-2021QMAT04-changed.csv"),
      "--format",
      "json",
    ]);
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout);
    expect(doc.published_list.differences).toEqual([
      "published 2021QMAT04 Ydelsesgrupper i alt rank 2 Gladsaxe: reproduced rank 1",
      "published 2021QMAT04 Ydelsesgrupper i alt rank 1 Ballerup: reproduced rank 2",
    ]);
    expect(stderrLines(result)).toEqual([
      "verify failed: the reproduced top list differs from the published one for 2021QMAT04 (--format json lists the differences under published_list)",
    ]);
  });

  it("the shipped lists have nothing for 2021QMAT04: the same run without --published passes silently", async () => {
    const result = await runCli([
      "benchmark",
      "--period",
      "2021QMAT04",
      "--verify",
      "--format",
      "json",
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).published_list).toBeUndefined();
  });

  it("bad files and usage: exit 2, one line, no stack", async () => {
    const badRank = join(work.dir, "bad-rank.csv");
    writeFileSync(
      badRank,
      "period,group,rank,municipality\n2021QMAT04,Ydelsesgrupper i alt,1,Gladsaxe\n2021QMAT04,Ydelsesgrupper i alt,first,Ballerup\n",
    );
    const noColumn = join(work.dir, "no-column.csv");
    writeFileSync(noColumn, "period,rank,kommune\n2021QMAT04,1,Gladsaxe\n");
    const cases: Array<[string[], RegExp]> = [
      [
        ["--verify", "--published", join(work.dir, "absent.csv")],
        /absent\.csv: error: published-lists file not found \[E_FILE_NOT_FOUND\]$/,
      ],
      [
        ["--verify", "--published", badRank],
        /bad-rank\.csv:3:3: error: rank: expected a whole number from 1, got "first" \[E_BAD_RANK\]$/,
      ],
      [
        ["--verify", "--published", noColumn],
        /no-column\.csv:1: error: a published-lists file needs columns period, group, rank, municipality .*missing group, municipality, found period, rank, kommune \[E_MISSING_COLUMN\]$/,
      ],
      [
        ["--published", fixture("published-2021QMAT04.csv")],
        /--published is read by --verify: give --verify too \[E_USAGE\]$/,
      ],
    ];
    for (const [args, line] of cases) {
      const result = await runCli(["benchmark", "--period", "2021QMAT04", ...args]);
      expect(result.code, args.join(" ")).toBe(2);
      expect(stderrLines(result)).toHaveLength(1);
      expect(stderrLines(result)[0]).toMatch(line);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
