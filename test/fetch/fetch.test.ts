/**
 * `jobindex fetch` against a local server (node:http on 127.0.0.1, port 0) answering in
 * the APIs' documented shapes, built from the shipped real Y30R21 rows (fixtures/fetch,
 * scripts/make-fetch-fixtures.py). The binary runs as a user runs it; only the root URL
 * differs from the real APIs. Then `benchmark --verify --input FILE` on what was fetched.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runBenchmark } from "../../src/pipeline/benchmark/run.js";
import { ensureBuilt, root, runCli, STACK_FRAME, stderrLines, tempDir } from "../cli/helpers.js";

const TOKEN = "tok-3f9a7c1e-SECRET";
const fixture = (name: string) => join(root, "fixtures", "fetch", name);
const V2 = readFileSync(fixture("y30r21-2021QMAT04.v2.json"), "utf8");
const V3 = readFileSync(fixture("y30r21-2021QMAT04.v3.json"), "utf8");
const SHIPPED = readFileSync(
  join(root, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl"),
  "utf8",
)
  .split("\n")
  .filter((l) => l.includes('"Periode":"2021QMAT04"'));
const BULK =
  "\uFEFFOMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD\r\nBillund;I alt;I alt;I alt;2024K1;27011\r\nAarhus;I alt;I alt;I alt;2024K1;367095\r\n";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  body: string;
}
let server: Server;
let base = "";
let handler: Handler;
let seen: Seen[] = [];

function send(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

/** The documented answers: v2 and v3 data, v3 table metadata, StatBank bulk. */
const apis: Handler = (req, _body, res) => {
  const url = new URL(req.url ?? "/", base);
  if (url.pathname === "/v2/data/y30r21/json/") return send(res, 200, V2);
  if (url.pathname === "/v3/data/y30r21") return send(res, 200, V3);
  if (url.pathname === "/v3/table/y30r21") {
    const values = ["2020QMAT02", "2021QMAT04", "2021QMAT02"].map((period_id) => ({ period_id }));
    return send(res, 200, JSON.stringify({ periods: [{ periodtype_id: "QMAT", values }] }));
  }
  if (url.pathname === "/v1/data" && req.method === "POST") {
    res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
    return res.end(BULK);
  }
  send(res, 404, JSON.stringify({ code: 404, cause: `no such path ${url.pathname}` }));
};

beforeAll(async () => {
  ensureBuilt();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", () => {
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        auth: req.headers.authorization,
        body,
      });
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  handler = apis;
  seen = [];
});

const env = () => ({
  JOBINDSATS_TOKEN: TOKEN,
  JOBINDSATS_API_URL: base,
  STATBANK_API_URL: base,
  JOBINDEX_FETCH_RETRY_DELAY_MS: "5",
});
const work = tempDir("fetch");
let n = 0;
const outFile = () => join(work.dir, `out-${++n}.jsonl`);

function expectNoToken(...texts: string[]) {
  for (const t of texts) expect(t).not.toContain(TOKEN);
}

/** A failed fetch: exit 2, one line with the code, no file, no token, no stack. */
async function expectFailure(args: string[], code: string, extraEnv: Record<string, string> = {}) {
  const out = outFile();
  const result = await runCli([...args, "--out", out], { env: { ...env(), ...extraEnv } });
  expect(result.code, result.stderr).toBe(2);
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^error: .*\\[${code}\\]$`));
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expectNoToken(result.stdout, result.stderr);
  expect(existsSync(out)).toBe(false);
  expect(existsSync(`${out}.source.json`)).toBe(false);
  expect(readdirSync(work.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  return lines[0] ?? "";
}

describe("fetch jobindsats", () => {
  it("v3: Bearer token, rows keyed by the labels exactly as the shipped file, source.json, then benchmark --verify", async () => {
    const out = outFile();
    const result = await runCli(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04", "--out", out],
      { env: env() },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("392 rows");
    expect(seen).toHaveLength(1);
    expect(seen[0]?.auth).toBe(`Bearer ${TOKEN}`);
    const url = new URL(seen[0]?.url ?? "", base);
    expect(url.pathname).toBe("/v3/data/y30r21");
    expect(url.searchParams.get("period.QMAT")).toBe("2021QMAT04");
    expect(url.searchParams.get("hierarchy._nykom")).toBe("*");
    const text = readFileSync(out, "utf8");
    expect(text.trimEnd().split("\n")).toEqual(SHIPPED);
    const source = JSON.parse(readFileSync(`${out}.source.json`, "utf8"));
    expect(source).toMatchObject({
      api: "jobindsats",
      version: "v3",
      table: "y30r21",
      periods: ["2021QMAT04"],
      rows: 392,
    });
    expect(source.url).toBe(`${base}${seen[0]?.url}`);
    expect(Number.isNaN(Date.parse(source.retrieved))).toBe(false);
    expectNoToken(result.stdout, text, readFileSync(`${out}.source.json`, "utf8"));

    const verify = await runCli(["benchmark", "--verify", "--input", out, "--format", "json"]);
    expect(verify.stderr).toBe("");
    expect(verify.code).toBe(0);
    const doc = JSON.parse(verify.stdout);
    expect(doc.period).toBe("2021QMAT04");
  });

  it("v2: bare token, period and area in the query; the round trip agrees with a published list made from the extract", async () => {
    const out = outFile();
    const result = await runCli(
      [
        "fetch",
        "jobindsats",
        "y30r21",
        "--api",
        "v2",
        "--period",
        "2021QMAT04",
        "--filter",
        "_ygrp_y30r21=Ydelsesgrupper i alt,Sygedagpenge mv.",
        "--out",
        out,
      ],
      { env: env() },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(seen[0]?.auth).toBe(TOKEN);
    const url = new URL(seen[0]?.url ?? "", base);
    expect(url.searchParams.get("period")).toBe("2021QMAT04");
    expect(url.searchParams.get("area")).toBe("*");
    expect(url.searchParams.get("_ygrp_y30r21")).toBe("Ydelsesgrupper i alt,Sygedagpenge mv.");
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toEqual(SHIPPED);
    expect(JSON.parse(readFileSync(`${out}.source.json`, "utf8")).version).toBe("v2");

    const agree = await runBenchmark({
      inputs: [out],
      verify: true,
      publishedLists: fixture("published-2021QMAT04.csv"),
    });
    expect(agree.exitCode).toBe(0);
    expect(agree.document.json.published_list).toEqual({ places: 10, differences: [] });
    expect(agree.document.notes.join(" ")).toContain("agrees with the reproduced ranking");

    const changed = await runBenchmark({
      inputs: [out],
      verify: true,
      publishedLists: fixture("published-2021QMAT04-changed.csv"),
    });
    expect(changed.exitCode).toBe(1);
    const differences = (changed.document.json.published_list as { differences: string[] })
      .differences;
    expect(differences).toEqual([
      "published 2021QMAT04 Ydelsesgrupper i alt rank 2 Gladsaxe: reproduced rank 1",
      "published 2021QMAT04 Ydelsesgrupper i alt rank 1 Ballerup: reproduced rank 2",
    ]);
  });

  it("--period latest reads the table's periods first", async () => {
    const out = outFile();
    const result = await runCli(
      ["fetch", "jobindsats", "y30r21", "--period", "latest", "--out", out],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(new URL(seen[0]?.url ?? "", base).pathname).toBe("/v3/table/y30r21");
    expect(new URL(seen[1]?.url ?? "", base).searchParams.get("period.QMAT")).toBe("2021QMAT04");
  });

  it("a refused token (HTTP 401) and the v2 refusal body fail cleanly", async () => {
    handler = (_req, _body, res) =>
      send(res, 401, JSON.stringify({ code: 401, cause: "Unauthorized" }));
    await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04"],
      "E_FETCH_TOKEN",
    );
    handler = (_req, _body, res) =>
      send(res, 200, JSON.stringify({ "Forkert nøgle eller nøglen er udløbet.": "" }));
    const line = await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--api", "v2", "--period", "2021QMAT04"],
      "E_FETCH_TOKEN",
    );
    expect(line).toContain("Forkert nøgle");
  });

  it("a missing token is refused before any request", async () => {
    await expectFailure(["fetch", "jobindsats", "y30r21"], "E_FETCH_TOKEN", {
      JOBINDSATS_TOKEN: "",
    });
    expect(seen).toHaveLength(0);
  });

  it("malformed JSON and an answer of another shape", async () => {
    handler = (_req, _body, res) => send(res, 200, '{"columns": ["Area", ');
    await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04"],
      "E_FETCH_SHAPE",
    );
    handler = (_req, _body, res) => send(res, 200, V3);
    await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--api", "v2", "--period", "2021QMAT04"],
      "E_FETCH_SHAPE",
    );
  });

  it("a slow answer times out after --timeout", async () => {
    handler = (_req, _body, res) => {
      setTimeout(() => {
        if (!res.writableEnded) send(res, 200, V3);
      }, 3000).unref();
    };
    const line = await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04", "--timeout", "0.3"],
      "E_FETCH_TIMEOUT",
    );
    expect(line).toContain("0.3 s");
  });

  it("429 then success: retried, honouring Retry-After", async () => {
    let calls = 0;
    handler = (req, body, res) => {
      calls++;
      if (calls === 1)
        return send(res, 429, JSON.stringify({ cause: "slow down" }), { "retry-after": "0" });
      apis(req, body, res);
    };
    const out = outFile();
    const result = await runCli(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04", "--out", out],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(calls).toBe(2);
    expect(existsSync(out)).toBe(true);
  });

  it("a lasting 500 gives up after the bounded retries, with the API's cause", async () => {
    handler = (_req, _body, res) =>
      send(res, 500, JSON.stringify({ code: 500, cause: "database down" }));
    const line = await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04"],
      "E_FETCH_HTTP",
    );
    expect(line).toContain("HTTP 500 after 4 attempts: database down");
    expect(seen).toHaveLength(4);
  });

  it("HTTP 422 shows the API's own cause, without retrying", async () => {
    handler = (_req, _body, res) =>
      send(res, 422, JSON.stringify({ code: 422, cause: "Unknown hierarchies: [_x]" }));
    const line = await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--filter", "_x=a", "--period", "2021QMAT04"],
      "E_FETCH_HTTP",
    );
    expect(line).toContain("Unknown hierarchies: [_x]");
    expect(seen).toHaveLength(1);
  });

  it("no network: nothing listens at the root", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expectFailure(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04"],
      "E_FETCH_NETWORK",
      {
        JOBINDSATS_API_URL: `http://127.0.0.1:${port}`,
      },
    );
  });

  it("never writes over an existing file", async () => {
    const out = outFile();
    writeFileSync(out, "mine\n");
    const result = await runCli(
      ["fetch", "jobindsats", "y30r21", "--period", "2021QMAT04", "--out", out],
      { env: env() },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("[E_OUT_EXISTS]");
    expect(readFileSync(out, "utf8")).toBe("mine\n");
    expect(seen).toHaveLength(0);
  });
});

describe("fetch statbank and recipes", () => {
  it("statbank: POST /v1/data in BULK format, the answer written as returned", async () => {
    const out = join(work.dir, "folk1a.csv");
    const result = await runCli(
      ["fetch", "statbank", "FOLK1A", "--var", "OMRÅDE=*", "--var", "Tid=2024K1", "--out", out],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(seen[0]?.method).toBe("POST");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({
      table: "FOLK1A",
      format: "BULK",
      variables: [
        { code: "OMRÅDE", values: ["*"] },
        { code: "Tid", values: ["2024K1"] },
      ],
    });
    expect(readFileSync(out, "utf8")).toBe(BULK);
    expect(JSON.parse(readFileSync(`${out}.source.json`, "utf8")).rows).toBe(2);
  });

  it("statbank: the API's message on a 400", async () => {
    handler = (_req, _body, res) =>
      send(
        res,
        400,
        JSON.stringify({
          errorTypeCode: "EXTRACT-NOTALLOWED",
          message: "Der skal vælges værdier for variabel: KØN",
        }),
      );
    const line = await expectFailure(
      ["fetch", "statbank", "FOLK1A", "--var", "OMRÅDE=*"],
      "E_FETCH_HTTP",
    );
    expect(line).toContain("Der skal vælges værdier for variabel: KØN");
  });

  it("recipe benchmark: Y30R21 with the four benefit groups into --dir, readable by benchmark", async () => {
    const dir = join(work.dir, "recipe");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    const result = await runCli(
      ["fetch", "recipe", "benchmark", "--period", "2021QMAT04", "--dir", dir],
      { env: env() },
    );
    expect(result.code, result.stderr).toBe(0);
    const url = new URL(seen[0]?.url ?? "", base);
    expect(url.searchParams.get("hierarchy._ygrp_y30r21")).toBe(
      "Ydelsesgrupper i alt,A-dagpenge mv.,Sygedagpenge mv.,Kontanthjælp mv.",
    );
    const file = join(dir, "y30r21-2021QMAT04.jsonl");
    expect(readFileSync(file, "utf8").trimEnd().split("\n")).toEqual(SHIPPED);
    const bench = await runCli(["benchmark", "--verify", "--input", file]);
    expect(bench.code, bench.stderr).toBe(0);
  });

  it("recipe covariates: a failure in a later request leaves no file of the earlier ones", async () => {
    const dir = join(work.dir, "covariates");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir);
    let calls = 0;
    handler = (req, body, res) => {
      calls++;
      if (calls === 3) return send(res, 400, JSON.stringify({ message: "Ukendt tabel" }));
      apis(req, body, res);
    };
    const result = await runCli(["fetch", "recipe", "covariates", "--year", "2024", "--dir", dir], {
      env: env(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Ukendt tabel");
    expect(readdirSync(dir)).toEqual([]);
  });
});
