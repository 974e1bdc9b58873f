/**
 * `fetch recipe covariates` and `fetch recipe fh` end to end against a local server
 * (node:http on 127.0.0.1, port 0) answering in the APIs' shapes from
 * fixtures/fetch/statbank and fixtures/fetch/jobindsats-fh
 * (scripts/make-fetch-fixtures-recipes.mjs): the derived covariate files give the shipped
 * default model exactly, and the assembled FH input gives the demo's 2019K4 ranking.
 */
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeBenchmark } from "../../src/pipeline/benchmark/run.js";
import { runIndex } from "../../src/pipeline/index/run.js";
import { ensureBuilt, root, runCli, stderrLines, tempDir } from "../cli/helpers.js";

const TOKEN = "tok-recipes-SECRET";
const fixtures = join(root, "fixtures", "fetch");
let server: Server;
let base = "";
const seen: Array<{ url: string; body: string }> = [];

function answer(req: IncomingMessage, body: string, res: ServerResponse) {
  const url = new URL(req.url ?? "/", base);
  seen.push({ url: req.url ?? "", body });
  if (url.pathname === "/v1/data" && req.method === "POST") {
    const table = (JSON.parse(body) as { table: string }).table;
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
    return res.end(readFileSync(join(fixtures, "statbank", `${table}.csv`), "utf8"));
  }
  const v3 = /^\/v3\/data\/(\w+)$/.exec(url.pathname);
  if (v3 && req.headers.authorization === `Bearer ${TOKEN}`) {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
    return res.end(readFileSync(join(fixtures, "jobindsats-fh", `${v3[1]}.json`), "utf8"));
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ code: 404, cause: `no such path ${url.pathname}` }));
}

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", () => answer(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const env = () => ({
  JOBINDSATS_TOKEN: TOKEN,
  JOBINDSATS_API_URL: base,
  STATBANK_API_URL: base,
  JOBINDEX_FETCH_RETRY_DELAY_MS: "5",
});
const work = tempDir("recipes");

describe("fetch recipe covariates", () => {
  it("writes the raw answers and the six covariate files; benchmark --covariates default reads the folder and gives the shipped model", async () => {
    const dir = join(work.dir, "dst-2021");
    mkdirSync(dir);
    const result = await runCli(["fetch", "recipe", "covariates", "--year", "2021", "--dir", dir], {
      env: env(),
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warning: recipe covariates: tables INDKP101, BOL101, HFUDD11, AFSTB4, LBESK69; derived income, owner_occupied_dwelling_share_pct, education, commute_distance_km, employment_per_1000, age65_pct not confirmed by a stored source; .*\[W_UNCONFIRMED_RECIPE\]$/,
    );
    const files = readdirSync(dir).sort();
    for (const name of [
      "income",
      "owner_occupied_dwelling_share_pct",
      "education",
      "commute_distance_km",
      "employment_per_1000",
      "age65_pct",
    ]) {
      expect(files).toContain(`${name}.csv`);
      expect(files).toContain(`${name}.csv.source.json`);
    }
    expect(files).toContain("FOLK1A-2021.csv");
    expect(readFileSync(join(dir, "FOLK1A-2021.csv"), "utf8")).toBe(
      readFileSync(join(fixtures, "statbank", "FOLK1A.csv"), "utf8"),
    );
    const bodies = seen
      .filter((s) => s.body !== "")
      .map(
        (s) =>
          JSON.parse(s.body) as {
            table: string;
            variables: Array<{ code: string; values: string[] }>;
          },
      );
    expect(
      bodies.find((b) => b.table === "FOLK1A")?.variables.find((v) => v.code === "Tid")?.values,
    ).toEqual(["2021K1"]);
    const source = JSON.parse(readFileSync(join(dir, "age65_pct.csv.source.json"), "utf8"));
    expect(source).toMatchObject({ derived_from: ["FOLK1A-2021.csv"], rows: 98, confirmed: false });
    expect(readFileSync(join(dir, "age65_pct.csv"), "utf8").split("\n")[0]).toBe(
      "municipality,year,value",
    );

    const shipped = await computeBenchmark({ covariates: ["default"], period: "2021QMAT04" });
    const fetched = await computeBenchmark({
      covariates: ["default"],
      period: "2021QMAT04",
      covariateData: [dir],
    });
    const view = (o: typeof shipped) =>
      o.results.map((r) => [r.municipality, r.rank, r.expectedPct]);
    expect(view(fetched)).toEqual(view(shipped));
    expect(fetched.warnings).toEqual([]);
    const used = fetched.model?.covariates.map((c) => [c.source.split(/[/\\]/).at(-1), c.years]);
    expect(used).toEqual([
      ["income.csv", [2021]],
      ["owner_occupied_dwelling_share_pct.csv", [2021]],
      ["education.csv", [2021]],
      ["commute_distance_km.csv", [2021]],
      ["employment_per_1000.csv", [2021]],
      ["age65_pct.csv", [2021]],
    ]);
  });
});

describe("fetch recipe fh", () => {
  it("fetches the five tables for 2019Q4, assembles one index input; index --method fh reads it and gives the demo's 2019K4 ranking", async () => {
    const dir = join(work.dir, "fh-2019K4");
    mkdirSync(dir);
    seen.length = 0;
    const result = await runCli(["fetch", "recipe", "fh", "--period", "2019K4", "--dir", dir], {
      env: env(),
    });
    expect(result.code, result.stderr).toBe(0);
    const lines = stderrLines(result);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warning: recipe fh: tables y01c07, y01c02; derived fh-….csv's column labels not confirmed by a stored source; .*\[W_UNCONFIRMED_RECIPE\]$/,
    );
    expect(seen.map((s) => new URL(s.url, base).searchParams.get("period.Q"))).toEqual(
      Array(5).fill("2019Q4"),
    );
    const input = join(dir, "fh-2019K4.csv");
    expect(result.stdout).toContain(`wrote ${input} (98 rows)`);

    const demo = readFileSync(join(root, "data", "demo", "fh-synthetic-2019K1-2024K4.csv"), "utf8")
      .trim()
      .split("\n");
    const rows = (lines: string[]) => {
      const header = (lines[0] ?? "").split(",");
      return new Map(
        lines.slice(1).map((l) => {
          const cells = l.split(",");
          return [
            `${cells[0]}|${cells[1]}`,
            Object.fromEntries(header.slice(2).map((h, i) => [h, Number(cells[i + 2])])),
          ];
        }),
      );
    };
    const expected = rows([demo[0] ?? "", ...demo.slice(1).filter((l) => l.includes(",2019K4,"))]);
    const assembled = rows(readFileSync(input, "utf8").trim().split("\n"));
    expect([...assembled.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, want] of expected) {
      const got = assembled.get(key) ?? {};
      for (const [column, value] of Object.entries(want))
        expect(got[column], `${key} ${column}`).toBeCloseTo(value, 6);
    }

    const fromFetch = (await runIndex({ method: "fh", inputs: [input], period: "2019K4" })).document
      .json;
    const fromDemo = (await runIndex({ method: "fh", period: "2019K4" })).document.json;
    const ranking = (json: Record<string, unknown>) =>
      (json.results as Array<{ id: string; rank: number; score: number }>).map((r) => [
        r.id,
        r.rank,
        Number(r.score.toFixed(9)),
      ]);
    expect(ranking(fromFetch)).toEqual(ranking(fromDemo));
    expect(fromFetch.synthetic).toBe(false);
  });
});
