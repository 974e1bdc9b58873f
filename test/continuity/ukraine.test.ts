/**
 * The `ukraine` method profile: fetch-shaped jobindsats lines (keyed by labels) are read,
 * the share is employed / job-ready, and the published facts
 * (data/published/displaced-ukrainians-employment-fragments.csv) come out: Billund's 85 of
 * 87 job-ready in work is DA's 98 %, first place. The demo data say synthetic.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, root, runCli, tempDir } from "../cli/helpers.js";

const tmp = tempDir("ukraine");
const EMPLOYED = "Fordrevne fra Ukraine i beskæftigelse: Antal personer";
const JOB_READY = "Jobparate fordrevne fra Ukraine: Antal personer";

beforeAll(() => ensureBuilt());

function published(area: string, measure: string): string {
  const text = readFileSync(
    join(root, "data", "published", "displaced-ukrainians-employment-fragments.csv"),
    "utf8",
  );
  const line = text
    .split("\n")
    .find((l) => l.split(",")[2] === area && l.split(",")[3] === measure);
  if (line === undefined) throw new Error(`no published ${measure} for ${area}`);
  return line.split(",")[4] as string;
}

interface Result {
  name: string;
  rank: number;
  indicators: Record<string, { value: number }>;
}

describe("ukraine profile", () => {
  it("gives Billund DA's published share and first place from fetch-shaped lines", async () => {
    const rows: Array<[string, number, number]> = [
      ["Billund", 85, 87],
      ["Varde", 150, 170],
      ["Stevns", 30, 60],
      ["Svendborg", 70, 130],
      ["Fredericia", 40, 90],
    ];
    const file = tmp.write(
      "ukr.jsonl",
      rows
        .map(([Area, e, j]) =>
          JSON.stringify({ Area, Periode: "2024Q1", [EMPLOYED]: e, [JOB_READY]: j }),
        )
        .join("\n"),
    );
    const r = await runCli([
      "index",
      "--method",
      "ukraine",
      "--unit",
      "municipality",
      "--input",
      file,
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { results: Result[]; synthetic: boolean };
    expect(doc.synthetic).toBe(false);
    const billund = doc.results.find((x) => x.name === "Billund") as Result;
    const share = billund.indicators.ukrainian_employment_share?.value as number;
    expect(Math.abs(share - (100 * 85) / 87)).toBeLessThan(1e-9);
    expect(Math.round(share)).toBe(
      Number(published("Billund", "share_of_jobparate_ukrainians_employed_pct")),
    );
    expect(billund.rank).toBe(1);
  });

  it("runs on the synthetic demo data and says so", async () => {
    const r = await runCli(["index", "--method", "ukraine", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { synthetic: boolean; results: unknown[] };
    expect(doc.synthetic).toBe(true);
    expect(doc.results.length).toBe(95);
  });
});
