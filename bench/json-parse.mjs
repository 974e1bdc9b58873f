#!/usr/bin/env node
/**
 * The located JSON parser (src/read/json-parse.ts) against jsonc-parser's located visitor
 * (`visit`, which reports offsets, lines and columns), side by side on the same texts, to
 * decide which the readers use (docs/performance.md, "Parsing JSON"):
 *
 *   node bench/json-parse.mjs [--rounds 15] [--rows 100000] [--json]
 *
 * Both build the same result: objects as Maps in key order, the line each object and array
 * starts on, strings checked against the field limit, nesting against the depth limit
 * (the visitor's side of that is `visitLocated` below). `JSON.parse` is timed beside them as
 * the floor (it keeps no positions). Inputs:
 * - the shipped JSON lines, data/benchmark/*.jsonl, every line parsed on its own (the
 *   readers take flat lines with `JSON.parse` and give the located parser only the lines
 *   it cannot take, or that are wrong; this is the cost if every line went to it);
 * - the jobindsats API response fixtures/benchmark/y30r21-2021QMAT04-api.json (51 KB), a
 *   document parsed whole;
 * - a generated API response of `--rows` Data rows (seeded, ~13 MB at 100,000 rows).
 * Times are medians of `--rounds` rounds after warm-up, the two parsers alternating; the
 * first call in a fresh process (cold, as a command line's one parse is) is timed too, in
 * child processes, as is loading each module.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const ROUNDS = option("--rounds", 15);
const ROWS = option("--rows", 100_000);
const LIMITS = { maxStringChars: 1024 * 1024, maxDepth: 64 };
const ours = join(root, "dist", "read", "json-parse.js");

if (!existsSync(ours)) {
  process.stderr.write("dist/read/json-parse.js is missing: run npm run build first\n");
  process.exit(2);
}

// --- the visitor, building what parseJson builds --------------------------------------

/** jsonc-parser's `visit` made to build parseJson's result (the candidate replacement). */
export function visitLocated(visit, text, limits, firstLine = 1) {
  const lines = new WeakMap();
  const stack = [];
  let key;
  let root;
  let failure;
  const fail = (message, line, column) => {
    failure ??= { message, line: line + firstLine, column: column + 1 };
  };
  const add = (value) => {
    const parent = stack.at(-1);
    if (parent === undefined) root = value;
    else if (Array.isArray(parent)) parent.push(value);
    else parent.set(key, value);
  };
  const open = (value, line, column) => {
    if (stack.length >= limits.maxDepth) {
      fail(`expected at most ${limits.maxDepth} levels of nesting`, line, column);
    }
    lines.set(value, line + firstLine);
    add(value);
    stack.push(value);
  };
  visit(
    text,
    {
      onObjectBegin: (_o, _l, line, column) => open(new Map(), line, column),
      onArrayBegin: (_o, _l, line, column) => open([], line, column),
      onObjectEnd: () => stack.pop(),
      onArrayEnd: () => stack.pop(),
      onObjectProperty: (property, _o, _l, line, column) => {
        if (property.length > limits.maxStringChars) fail("string too long", line, column);
        key = property;
      },
      onLiteralValue: (value, _o, _l, line, column) => {
        if (typeof value === "string" && value.length > limits.maxStringChars) {
          fail("string too long", line, column);
        }
        add(value);
      },
      onError: (code, _o, _l, line, column) => fail(`error ${code}`, line, column),
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (failure !== undefined) {
    const error = new Error(failure.message);
    Object.assign(error, failure);
    throw error;
  }
  return { value: root, lines };
}

// --- inputs --------------------------------------------------------------------------------

function shippedJsonLines() {
  const dir = join(root, "data", "benchmark");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .map((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      return {
        label: `data/benchmark/${name} (each line)`,
        bytes: Buffer.byteLength(text),
        lines: text.split("\n").filter((l) => l.trim() !== ""),
      };
    });
}

/** An API response like the fixture's, `rows` Data rows long, seeded (mulberry32). */
function generatedResponse(rows) {
  const fixture = JSON.parse(
    readFileSync(join(root, "fixtures", "benchmark", "y30r21-2021QMAT04-api.json"), "utf8"),
  );
  const response = Array.isArray(fixture) ? fixture[0] : fixture;
  let seed = 1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const template = response.Data;
  const data = [];
  for (let i = 0; i < rows; i++) {
    const row = template[i % template.length].map((cell) =>
      typeof cell === "number" ? Math.round(cell * (0.5 + random())) : cell,
    );
    data.push(row);
  }
  return JSON.stringify({ ...response, Data: data }, null, 1);
}

// --- timing ----------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** A runner that parses every text, numbering them from line 1. */
const each = (texts, parse) => () => {
  for (let i = 0; i < texts.length; i++) parse(texts[i], i + 1);
};

function timeRounds(runners, rounds) {
  const times = runners.map(() => []);
  for (let round = -3; round < rounds; round++) {
    runners.forEach((run, i) => {
      const started = performance.now();
      run();
      if (round >= 0) times[i].push(performance.now() - started);
    });
  }
  return times.map(median);
}

/** One parse in a fresh process: module load and the first (cold) call, in ms. */
function cold(which, file, perLine) {
  const script = `
    const t0 = performance.now();
    ${
      which === "ours"
        ? `const { parseJson } = await import(${JSON.stringify(pathToFileURL(ours).href)});`
        : `const { visit } = await import("jsonc-parser");`
    }
    const t1 = performance.now();
    ${which === "ours" ? "" : `const { visitLocated } = await import(${JSON.stringify(import.meta.url)});`}
    const text = (await import("node:fs")).readFileSync(${JSON.stringify(file)}, "utf8");
    const limits = ${JSON.stringify(LIMITS)};
    const parse = ${which === "ours" ? "(t, l, f) => parseJson(t, l, f)" : "(t, l, f) => visitLocated(visit, t, l, f)"};
    const t2 = performance.now();
    ${perLine ? `text.split("\\n").forEach((line, i) => { if (line.trim() !== "") parse(line, limits, i + 1); });` : "parse(text, limits);"}
    const t3 = performance.now();
    process.stdout.write(JSON.stringify({ load: t1 - t0, parse: t3 - t2 }));
  `;
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, JSONC_BENCH_CHILD: "1" },
    });
    if (result.status !== 0) throw new Error(result.stderr);
    samples.push(JSON.parse(result.stdout));
  }
  return { load: median(samples.map((s) => s.load)), parse: median(samples.map((s) => s.parse)) };
}

if (process.env.JSONC_BENCH_CHILD === undefined) {
  const { parseJson } = await import(pathToFileURL(ours).href);
  const { visit } = await import("jsonc-parser");
  const { writeFileSync, mkdirSync } = await import("node:fs");
  const os = await import("node:os");
  const work = join(os.tmpdir(), "jobindex-bench");
  mkdirSync(work, { recursive: true });

  const plain = (value) => {
    if (Array.isArray(value)) return value.map(plain);
    if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
    return value;
  };

  /** The start line of every object and array, in document order. */
  const linesOf = ({ value, lines }) => {
    const out = [];
    const walk = (v) => {
      if (typeof v !== "object" || v === null) return;
      out.push(lines.get(v));
      for (const child of v instanceof Map ? v.values() : v) walk(child);
    };
    walk(value);
    return out;
  };

  const cases = [];
  for (const jsonl of shippedJsonLines()) {
    const file = join(root, jsonl.label.split(" ")[0]);
    cases.push({ ...jsonl, file, perLine: true });
  }
  const apiFile = join(root, "fixtures", "benchmark", "y30r21-2021QMAT04-api.json");
  const apiText = readFileSync(apiFile, "utf8");
  cases.push({
    label: "fixtures/benchmark/y30r21-2021QMAT04-api.json",
    file: apiFile,
    bytes: Buffer.byteLength(apiText),
    lines: [apiText],
  });
  const big = generatedResponse(ROWS);
  const bigFile = join(work, `api-${ROWS}.json`);
  writeFileSync(bigFile, big);
  cases.push({
    label: `generated API response, ${ROWS.toLocaleString("en-US")} rows`,
    file: bigFile,
    bytes: Buffer.byteLength(big),
    lines: [big],
  });

  const rows = [];
  for (const c of cases) {
    // Same result from both, or the comparison means nothing.
    for (const [i, text] of c.lines.entries()) {
      const a = parseJson(text, LIMITS, i + 1);
      const b = visitLocated(visit, text, LIMITS, i + 1);
      if (JSON.stringify(plain(a.value)) !== JSON.stringify(plain(b.value))) {
        throw new Error(`${c.label}: the parsers disagree on line ${i + 1}`);
      }
      if (linesOf(a).join() !== linesOf(b).join()) throw new Error(`${c.label}: lines differ`);
    }
    process.stderr.write(`${c.label} …\n`);
    const rounds = c.bytes > 5e6 ? Math.max(5, Math.round(ROUNDS / 3)) : ROUNDS;
    const [oursMs, jsoncMs, nativeMs] = timeRounds(
      [
        each(c.lines, (t, line) => parseJson(t, LIMITS, line)),
        each(c.lines, (t, line) => visitLocated(visit, t, LIMITS, line)),
        each(c.lines, (t) => JSON.parse(t)),
      ],
      rounds,
    );
    const coldOurs = cold("ours", c.file, c.perLine === true);
    const coldJsonc = cold("jsonc", c.file, c.perLine === true);
    rows.push({ label: c.label, bytes: c.bytes, oursMs, jsoncMs, nativeMs, coldOurs, coldJsonc });
  }

  if (args.includes("--json")) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
  } else {
    const f = (x) => x.toFixed(2);
    const out = [
      `Measured on node ${process.version}; warm: median of ${ROUNDS} rounds (5 for inputs over 5 MB); cold: median of 7 fresh processes.`,
      "",
      "| input | MB | ours warm ms | jsonc-parser warm ms | jsonc ÷ ours | JSON.parse ms | ours cold ms | jsonc cold ms | module load ours / jsonc ms |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ...rows.map(
        (r) =>
          `| ${r.label} | ${(r.bytes / 2 ** 20).toFixed(2)} | ${f(r.oursMs)} | ${f(r.jsoncMs)} | ${f(r.jsoncMs / r.oursMs)} | ${f(r.nativeMs)} | ${f(r.coldOurs.parse)} | ${f(r.coldJsonc.parse)} | ${f(r.coldOurs.load)} / ${f(r.coldJsonc.load)} |`,
      ),
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  }
}
