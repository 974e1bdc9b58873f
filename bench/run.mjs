#!/usr/bin/env node
/**
 * `npm run bench`: every performance figure the project quotes, measured side by side in
 * one run on this machine, printed as a markdown table and written to docs/performance.md
 * (between the bench markers; the prose around them is kept).
 *
 *   node bench/run.mjs [--runs 15] [--quick] [--large] [--no-write]
 *
 * 1. Start-up: `jobindex index`, `benchmark` and `explain Billund` on the shipped data
 *    against `node -e 0`, interleaved (A B C A B C …) so load changes hit all alike;
 *    medians. Every timed child runs with NODE_EXTRA_CA_CERTS unset (below), and once with
 *    NODE_OPTIONS=--max-old-space-size, which must keep the code cache.
 * 2. Model mode end to end against R (`Rscript bench/model.R`, same file, same lm), and the
 *    least-squares fit alone at 98, 10,000 and 100,000 rows (bench/fit.mjs vs bench/fit.R;
 *    where R is not installed, numpy's QR and lstsq stand in: bench/fit.py, and the output
 *    says so).
 * 3. Reading: one quarter of a valid 5 MB extract against csv-parse alone (interleaved
 *    medians), `index --history` on it (peak memory against the file's size, beside the
 *    same command's on its first 8 quarters and on its first half), and a
 *    generated 200 MB extract (`--quick`: 20 MB): rows/s and MB/s of the project's reader
 *    against csv-parse alone on the same file, with peak memory. `--large` adds a 1 GB
 *    extract (minutes; needs ~8 GB of memory to succeed).
 * 4. The uncertainty loop against R (bench/uncertainty.mjs, bench/uncertainty.R).
 * 5. The targets of issue 18, each measured figure beside its target, in one table.
 * Peak memory is the child's maximum resident set size (`/usr/bin/time -f %M`, or a
 * preload that records `process.resourceUsage().maxRSS` where that tool is missing).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeIndexCsv, writeModelCsv } from "./generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? Number(args[at + 1]) : fallback;
};
const RUNS = Math.max(15, option("--runs", 15));
const QUICK = args.includes("--quick");
const LARGE = args.includes("--large");
const WRITE = !args.includes("--no-write");
const work = join(os.tmpdir(), "jobindex-bench");
const bin = join(root, "bin", "jobindex.js");
const node = process.execPath;
const MB = 1024 * 1024;

mkdirSync(work, { recursive: true });
const log = (text) => process.stderr.write(`${text}\n`);

// --- helpers ------------------------------------------------------------------------------

function have(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}
const HAVE_R = have("Rscript");
const HAVE_NUMPY = spawnSync("python3", ["-c", "import numpy"], { stdio: "ignore" }).status === 0;
const HAVE_TIME = existsSync("/usr/bin/time");

function ensureBuilt() {
  const needed = ["dist/cli/main.cjs", "dist/read/index.js", "dist/benchmark/ols.js"];
  if (needed.every((p) => existsSync(join(root, p)))) return;
  log("building (npm run build) …");
  execFileSync(node, [join(root, "scripts", "build.mjs")], { cwd: root, stdio: "inherit" });
}

/**
 * The environment of every timed child: this machine's own, less NODE_EXTRA_CA_CERTS. A
 * development machine here sets it, so every node start parses extra certificates (20–50
 * ms); users' machines do not. Unset for both sides of every comparison alike.
 */
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;

/** One run of a command: wall milliseconds; throws on a non-zero exit. */
function timeOnce(cmd, label, env = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(cmd[0], cmd.slice(1), {
    cwd: root,
    env: { ...childEnv, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${label}: exit ${result.status}\n${result.stderr?.toString().slice(0, 2000)}`);
  }
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Runs every command `runs` times, interleaved, after `warmup` untimed rounds. */
function interleaved(commands, runs, warmup = 2) {
  const times = commands.map(() => []);
  for (let round = -warmup; round < runs; round++) {
    commands.forEach((c, i) => {
      const ms = timeOnce(c.cmd, c.label, c.env);
      if (round >= 0) times[i].push(ms);
    });
  }
  return commands.map((c, i) => ({
    ...c,
    median: median(times[i]),
    min: Math.min(...times[i]),
    runs,
  }));
}

/** Peak RSS in MB of one run, and its exit status (a crash is a result too). */
function peakRss(cmd, env = {}) {
  if (HAVE_TIME) {
    const result = spawnSync("/usr/bin/time", ["-f", "%M", ...cmd], {
      cwd: root,
      env: { ...childEnv, ...env },
      stdio: ["ignore", "ignore", "pipe"],
      maxBuffer: 64 * MB,
    });
    const lines = result.stderr.toString().trim().split("\n");
    const kb = Number(lines.at(-1));
    return { mb: kb / 1024, status: result.status, stderr: lines.slice(0, -1).join("\n") };
  }
  // Without GNU time: a preload records the child's own maxRSS as it exits.
  const report = join(work, "rusage.json");
  const preload = join(work, "rusage-preload.mjs");
  writeFileSync(
    preload,
    `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  rmSync(report, { force: true });
  const isNode = cmd[0] === node;
  const result = spawnSync(cmd[0], isNode ? ["--import", preload, ...cmd.slice(1)] : cmd.slice(1), {
    cwd: root,
    env: { ...childEnv, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const kb = existsSync(report) ? Number(readFileSync(report, "utf8")) : Number.NaN;
  return { mb: kb / 1024, status: result.status, stderr: result.stderr.toString() };
}

/** A child that prints one JSON line; its parsed output. */
function jsonOf(cmd) {
  const result = spawnSync(cmd[0], cmd.slice(1), {
    cwd: root,
    env: childEnv,
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  if (result.status !== 0)
    throw new Error(`${cmd.join(" ")}: exit ${result.status}\n${result.stderr}`);
  const line = result.stdout.trim().split("\n").at(-1);
  return JSON.parse(line);
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");

// --- machine ------------------------------------------------------------------------------

function machine() {
  const rVersion = HAVE_R
    ? (Object.values(spawnSync("Rscript", ["--version"], { encoding: "utf8" }))
        .join(" ")
        .match(/version ([\d.]+)/)?.[1] ?? "?")
    : "not installed";
  return {
    date: new Date().toISOString().slice(0, 10),
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    r: rVersion,
    os: `${os.type()} ${os.release()}`,
    load: os.loadavg()[0].toFixed(1),
  };
}

// --- 1. start-up --------------------------------------------------------------------------

function startup() {
  log(`start-up: ${RUNS} interleaved runs each, NODE_EXTRA_CA_CERTS unset for every command …`);
  const commands = [
    { label: "node -e 0", cmd: [node, "-e", "0"] },
    { label: "jobindex --version", cmd: [node, bin, "--version"] },
    { label: "jobindex index", cmd: [node, bin, "index"] },
    { label: "jobindex benchmark", cmd: [node, bin, "benchmark"] },
    { label: "jobindex index --format json", cmd: [node, bin, "index", "--format", "json"] },
    {
      label: "jobindex benchmark --format json",
      cmd: [node, bin, "benchmark", "--format", "json"],
    },
    { label: "jobindex explain Billund", cmd: [node, bin, "explain", "Billund"] },
    {
      label: "jobindex explain Billund --uncertainty 2000 (index draws, asked for)",
      cmd: [node, bin, "explain", "Billund", "--uncertainty", "2000"],
    },
    {
      label: "jobindex index --format json, NODE_OPTIONS=--max-old-space-size=4096",
      cmd: [node, bin, "index", "--format", "json"],
      env: { NODE_OPTIONS: "--max-old-space-size=4096" },
    },
    {
      label: "jobindex benchmark --uncertainty 10000 (funnel draws)",
      cmd: [node, bin, "benchmark", "--uncertainty", "10000"],
    },
  ];
  const timed = interleaved(commands, RUNS);
  const base = timed[0].median;
  return timed.map((t) => ({ ...t, ratio: t.median / base, rss: peakRss(t.cmd, t.env).mb }));
}

// --- 2. model mode against R ---------------------------------------------------------------

const COVARIATES = "income,education,log(population_density),immigration_share_pct";

async function modelMode() {
  const file = join(work, "model-98.csv");
  await writeModelCsv(file, 98, 1);
  const jobindex = [
    node,
    bin,
    "benchmark",
    "--input",
    file,
    "--covariates",
    COVARIATES,
    "--format",
    "csv",
  ];
  const out = { file, rows: 98 };
  if (!HAVE_R) {
    log("model mode: Rscript not found; node only");
    out.timed = interleaved([{ label: "jobindex benchmark (model)", cmd: jobindex }], RUNS);
    return out;
  }
  log(`model mode: ${RUNS} interleaved runs of jobindex and Rscript …`);
  const r = ["Rscript", join(root, "bench", "model.R"), file];
  out.timed = interleaved(
    [
      { label: "jobindex benchmark --covariates … (98 rows)", cmd: jobindex },
      { label: "Rscript bench/model.R (lm, 98 rows)", cmd: r },
      { label: "Rscript -e 0", cmd: ["Rscript", "-e", "0"] },
    ],
    RUNS,
  );
  out.rss = [peakRss(jobindex).mb, peakRss(r).mb, peakRss(["Rscript", "-e", "0"]).mb];
  // Both must estimate the same model: compare the coefficients.
  const json = JSON.parse(
    execFileSync(
      node,
      [bin, "benchmark", "--input", file, "--covariates", COVARIATES, "--format", "json"],
      {
        cwd: root,
        encoding: "utf8",
      },
    ),
  );
  const rRun = spawnSync(r[0], r.slice(1), { encoding: "utf8" });
  const rCoef = rRun.stderr.trim().split("\n").map(Number);
  const nodeCoef = json.model.coefficients.map((c) => c.estimate);
  out.maxRelDiff = Math.max(
    ...nodeCoef.map((b, i) => Math.abs(b - rCoef[i]) / Math.max(Math.abs(rCoef[i]), 1e-300)),
  );
  return out;
}

async function fitScaling() {
  const sizes = QUICK ? [98, 10_000] : [98, 10_000, 100_000];
  const rows = [];
  for (const n of sizes) {
    const file = join(work, `model-${n}.csv`);
    if (!existsSync(file)) await writeModelCsv(file, n, 1);
    log(`least squares alone, ${n} rows …`);
    const js = jsonOf([node, join(root, "bench", "fit.mjs"), file]);
    // R's lm, or where R is not installed numpy's QR fit as its stand-in (labelled so).
    const r = HAVE_R
      ? jsonOf(["Rscript", join(root, "bench", "fit.R"), file])
      : HAVE_NUMPY
        ? jsonOf(["python3", join(root, "bench", "fit.py"), file])
        : undefined;
    const diff = r
      ? Math.max(
          ...js.coefficients.map(
            (b, i) => Math.abs(b - r.coefficients[i]) / Math.abs(r.coefficients[i]),
          ),
        )
      : Number.NaN;
    rows.push({ n, node: js, r, diff });
  }
  return rows;
}

// --- 3. reading a large extract -------------------------------------------------------------

/** The project's reader: the whole table, or (`latest`) as `jobindex index` reads: one quarter. */
const READ_SCRIPT = (file, latest) => `
  const { readTable } = await import(${JSON.stringify(join(root, "dist", "read", "index.js"))});
  const { periodSelection } = await import(${JSON.stringify(join(root, "dist", "pipeline", "index", "input.js"))});
  const started = performance.now();
  const table = await readTable(${JSON.stringify(file)}, ${latest ? "{ select: periodSelection(undefined, false) }" : "{}"});
  const ms = performance.now() - started;
  const read = table.rows.length + (table.skippedRows ?? 0);
  process.stdout.write(JSON.stringify({ rows: read, held: table.rows.length, ms }) + "\\n");
`;

const CSV_PARSE_SCRIPT = (file) => `
  const { createReadStream } = await import("node:fs");
  const { parse } = await import(${JSON.stringify(join(root, "node_modules", "csv-parse", "lib", "index.js"))});
  const started = performance.now();
  let rows = -1; // the header is not a row
  for await (const record of createReadStream(${JSON.stringify(file)}).pipe(parse({ delimiter: "," }))) rows++;
  process.stdout.write(JSON.stringify({ rows, ms: performance.now() - started }) + "\\n");
`;

async function readExtract(sizeMb) {
  const file = join(work, `index-${sizeMb}mb.csv`);
  if (!existsSync(file) || Math.abs(statSync(file).size - sizeMb * MB) > MB) {
    log(`generating ${sizeMb} MB index extract …`);
    await writeIndexCsv(file, sizeMb * MB, 1);
  }
  const bytes = statSync(file).size;
  const results = [];
  for (const [label, script] of [
    ["jobindex reader, latest quarter (as `jobindex index` reads)", READ_SCRIPT(file, true)],
    ["jobindex reader, whole table", READ_SCRIPT(file, false)],
    ["csv-parse alone", CSV_PARSE_SCRIPT(file)],
  ]) {
    log(`reading ${sizeMb} MB: ${label} …`);
    const cmd = [node, "--input-type=module", "-e", script];
    const started = process.hrtime.bigint();
    let parsed;
    let status;
    let stderr = "";
    let mb;
    if (HAVE_TIME) {
      const result = spawnSync("/usr/bin/time", ["-f", "%M", ...cmd], {
        env: childEnv,
        encoding: "utf8",
        maxBuffer: 64 * MB,
      });
      status = result.status;
      const lines = result.stderr.trim().split("\n");
      mb = Number(lines.at(-1)) / 1024;
      stderr = lines.slice(0, -1).join("\n");
      if (status === 0) parsed = JSON.parse(result.stdout.trim());
    } else {
      const peak = peakRss(cmd);
      ({ status, stderr } = peak);
      mb = peak.mb;
      if (status === 0) parsed = jsonOf(cmd);
    }
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const ms = parsed?.ms ?? wallMs;
    results.push({
      label,
      ok: status === 0,
      failure: status === 0 ? undefined : describeFailure(status, stderr),
      rows: parsed?.rows,
      held: parsed?.held,
      ms,
      mbPerS: bytes / MB / (ms / 1000),
      rowsPerS: parsed ? parsed.rows / (ms / 1000) : Number.NaN,
      rssMb: mb,
    });
  }
  return { sizeMb, bytes, results };
}

function describeFailure(status, stderr) {
  if (/heap out of memory/i.test(stderr))
    return `crashed: JavaScript heap out of memory (exit ${status})`;
  // A diagnostic (the reader refusing the file) is an answer, not a crash: show its code.
  const code = /\[(E_[A-Z_]+)\]/.exec(stderr)?.[1];
  if (code !== undefined) return `refused with ${code} (exit ${status})`;
  const first = stderr.split("\n").find((l) => l.trim() !== "") ?? "";
  return `exit ${status}: ${first.slice(0, 160)}`;
}

/**
 * One quarter of a valid 5 MB extract (800 quarters' span, every key unique, the last
 * quarter whole) as `jobindex index` reads it, against csv-parse alone on the same file:
 * interleaved runs, medians. Then `jobindex index --history` on it: peak memory against
 * the file's size, beside `node -e 0`'s and the same command's on the file's first 8
 * quarters (what the command needs at all: node, the bundle and its code cache, the
 * registry) and on its first half (how the peak grows with the file).
 */
async function quarterAndHistory() {
  const file = join(work, "index-5mb-valid.csv");
  if (!existsSync(file)) await writeIndexCsv(file, 5 * MB, 1, 800);
  const bytes = statSync(file).size;
  log("one quarter of a 5 MB extract against csv-parse alone (interleaved) …");
  const runs = Math.max(5, Math.round(RUNS / 3));
  const reader = [node, "--input-type=module", "-e", READ_SCRIPT(file, true)];
  const alone = [node, "--input-type=module", "-e", CSV_PARSE_SCRIPT(file)];
  const times = { reader: [], alone: [] };
  for (let round = -1; round < runs; round++) {
    const a = jsonOf(reader).ms;
    const b = jsonOf(alone).ms;
    if (round >= 0) {
      times.reader.push(a);
      times.alone.push(b);
    }
  }
  log("index --history on the 5 MB extract and on 8 of its quarters (peak memory) …");
  // The same generator's first 8 quarters (about 57 KB): what the command itself needs
  // (node, the bundle, its code cache, the registry), which no file size changes.
  const small = join(work, "index-8-quarters.csv");
  if (!existsSync(small)) await writeIndexCsv(small, 50 * 1024, 1, 800);
  // And its first half: how the peak grows with the file, beyond what any long run needs.
  const half = join(work, "index-half.csv");
  if (!existsSync(half)) await writeIndexCsv(half, 2.5 * MB, 1, 800);
  const history = (input) => [
    node,
    bin,
    "index",
    "--input",
    input,
    "--history",
    "--format",
    "json",
  ];
  const started = process.hrtime.bigint();
  const peak = peakRss(history(file));
  const historyMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Peak memory varies by a megabyte or so from run to run: the median of three of each.
  const peaks = [peak, peakRss(history(file)), peakRss(history(file))];
  const medianMb = (cmd) => median([0, 1, 2].map(() => peakRss(cmd).mb));
  return {
    bytes,
    runs,
    readerMs: median(times.reader),
    aloneMs: median(times.alone),
    history: {
      ok: peaks.every((p) => p.status === 0),
      rssMb: median(peaks.map((p) => p.mb)),
      baselineMb: medianMb([node, "-e", "0"]),
      smallMb: medianMb(history(small)),
      smallBytes: statSync(small).size,
      halfMb: medianMb(history(half)),
      halfBytes: statSync(half).size,
      ms: historyMs,
    },
  };
}

// --- 4. uncertainty -----------------------------------------------------------------------

function uncertainty() {
  const js = join(root, "bench", "uncertainty.mjs");
  const r = join(root, "bench", "uncertainty.R");
  if (!existsSync(js)) return undefined;
  log("uncertainty loop …");
  const out = { node: jsonOf([node, js, "--json"]) };
  if (HAVE_R && existsSync(r)) out.r = jsonOf(["Rscript", r, "--json"]);
  return out;
}

// --- report -------------------------------------------------------------------------------

/** The issue's targets, each beside what was measured (`≤` targets: lower is better). */
function targets({ start, fits, reads, quarter }) {
  const ratio = (label) => start.find((t) => t.label === label)?.ratio;
  const fit = fits.find((f) => f.n === 10_000);
  const big = reads[0];
  const latest = big?.results[0];
  const rows = [
    [
      "`jobindex index --format json` ÷ `node -e 0`",
      ratio("jobindex index --format json"),
      2.2,
      "×",
    ],
    [
      "`jobindex benchmark --format json` ÷ `node -e 0`",
      ratio("jobindex benchmark --format json"),
      2.5,
      "×",
    ],
    ["`jobindex explain Billund` ÷ `node -e 0`", ratio("jobindex explain Billund"), 3.5, "×"],
    [
      "one quarter of a 5 MB extract: reader ÷ csv-parse alone",
      quarter.readerMs / quarter.aloneMs,
      1,
      "×",
    ],
    [
      `one quarter of the ${big?.sizeMb} MB extract: seconds`,
      latest?.ok ? latest.ms / 1000 : Number.NaN,
      3,
      "s",
    ],
    [
      "`index --history` on the 5 MB extract: what it holds for the file (peak RSS above the same command's on 8 of its quarters) ÷ file size",
      (quarter.history.rssMb - quarter.history.smallMb) / (quarter.bytes / MB),
      5,
      "×",
    ],
    [
      "`index --history`: growth of the peak from the extract's first half to the whole ÷ growth of the file",
      (quarter.history.rssMb - quarter.history.halfMb) /
        ((quarter.bytes - quarter.history.halfBytes) / MB),
      undefined,
      "×",
    ],
    [
      "`index --history` on the 5 MB extract: peak RSS above `node -e 0`'s ÷ file size",
      (quarter.history.rssMb - quarter.history.baselineMb) / (quarter.bytes / MB),
      undefined,
      "×",
    ],
    [
      "`index --history` on the 5 MB extract: peak RSS ÷ file size",
      quarter.history.rssMb / (quarter.bytes / MB),
      undefined,
      "×",
    ],
    [
      `10,000-row fit: node ÷ ${fit?.r?.language === "numpy" ? "numpy QR (stand-in for R's `lm`)" : "R `lm`"}`,
      fit?.r ? fit.node.fit_ms / fit.r.fit_ms : Number.NaN,
      3,
      "×",
    ],
  ];
  const lines = [
    "**Targets** (issue 18), measured in this run",
    "",
    "| figure | measured | target | met |",
    "|---|---:|---:|:---:|",
  ];
  for (const [label, value, limit, unit] of rows) {
    // A row without a limit is shown beside the target it explains (issue 18 sets none).
    if (limit === undefined) {
      lines.push(`| ${label} | ${f2(value)} ${unit} | (shown) | – |`);
      continue;
    }
    const met = Number.isFinite(value) ? (value <= limit ? "yes" : "**no**") : "–";
    lines.push(`| ${label} | ${f2(value)} ${unit} | ≤ ${limit} ${unit} | ${met} |`);
  }
  lines.push(
    "",
    `\`index --history\` on the 5 MB extract (${int(quarter.bytes)} bytes): peak RSS ${f1(quarter.history.rssMb)} MB against \`node -e 0\`'s ${f1(quarter.history.baselineMb)} MB (${f1(quarter.history.rssMb - quarter.history.baselineMb)} MB above it) and the same command's ${f1(quarter.history.smallMb)} MB on its first 8 quarters (${int(quarter.history.smallBytes)} bytes; ${f1(quarter.history.rssMb - quarter.history.smallMb)} MB above it) and ${f1(quarter.history.halfMb)} MB on its first half (${int(quarter.history.halfBytes)} bytes), medians of 3; ${f1(quarter.history.ms / 1000)} s${quarter.history.ok ? "" : " (the run failed)"}. One quarter of it: the reader ${f1(quarter.readerMs)} ms, csv-parse alone ${f1(quarter.aloneMs)} ms (medians of ${quarter.runs}, interleaved).`,
  );
  return lines;
}

function report({ m, start, model, fits, reads, unc, quarter }) {
  const lines = [];
  const push = (...xs) => lines.push(...xs);
  push(
    `Measured ${m.date} on ${m.cpu} (${m.cores} cores, ${m.memory}), ${m.os}; node ${m.node}, R ${m.r}${HAVE_NUMPY ? `, python3 with numpy` : ""}; load average at the start ${m.load}.`,
    `Times are medians of ${RUNS} interleaved runs after 2 warm-up rounds; peak memory is the`,
    "maximum resident set size of one further run. Every timed child runs with",
    "NODE_EXTRA_CA_CERTS unset (this machine sets it; users' machines do not), both sides of",
    "every comparison alike. Regenerate with `npm run bench`.",
    "",
    ...targets({ start, fits, reads, quarter }),
    "",
    "**Start-up on the shipped data** (NODE_EXTRA_CA_CERTS unset for every command)",
    "",
    "| command | median ms | min ms | × `node -e 0` | peak RSS MB |",
    "|---|---:|---:|---:|---:|",
  );
  for (const t of start) {
    push(`| \`${t.label}\` | ${f1(t.median)} | ${f1(t.min)} | ${f2(t.ratio)} | ${f1(t.rss)} |`);
  }
  push("", "**Model mode against R** (same generated file, 98 municipalities, 4 covariates)", "");
  push("| command | median ms | min ms | peak RSS MB |", "|---|---:|---:|---:|");
  model.timed.forEach((t, i) => {
    push(`| \`${t.label}\` | ${f1(t.median)} | ${f1(t.min)} | ${f1(model.rss?.[i])} |`);
  });
  if (model.maxRelDiff !== undefined) {
    push(
      "",
      `Coefficients agree with R's \`lm\` to a relative ${model.maxRelDiff.toExponential(1)}.`,
    );
  }
  const numpy = fits.some((f) => f.r?.language === "numpy");
  const ref = numpy ? `numpy ${fits.find((f) => f.r)?.r.version ?? ""} QR` : "R `lm`";
  push(
    "",
    "**Least squares alone** (fit only, median of 5; read = the CSV read once)",
    "",
    "The full fit is what model mode runs (`fitOls`: coefficients, standard errors, t, p,",
    "fitted values, residuals, leverages, R² and σ, from rows as arrays of numbers); the flat",
    "API is the same fit on Float64Arrays (`fitLeastSquares`, the kernel `fitOls` adapts).",
    "lm()'s work is coefficients, fitted values and residuals only, as `lm()` itself computes;",
    "coefficients only is the bootstrap's refit.",
    "",
    ...(numpy
      ? [
          "R is not installed here: numpy stands in for `lm` (bench/fit.py): its QR fit",
          "(coefficients, fitted values, residuals: lm()'s work) and, for coefficients only,",
          "`lstsq`.",
          "",
        ]
      : []),
  );
  const vs = numpy ? "numpy" : "R";
  push(
    `| rows | node full fit ms | node full fit, flat API ms | ${ref} ms | full fit ÷ ${vs} | node lm()'s work ms | ÷ ${vs} | node coefficients only ms${numpy ? " | numpy `lstsq` ms | ÷ `lstsq`" : ""} | node read ms | ${numpy ? "python" : "R `read.csv`"} ms | max rel. coef. diff |`,
    `|---:|---:|---:|---:|---:|---:|---:|---:${numpy ? "|---:|---:" : ""}|---:|---:|---:|`,
  );
  const ms = (value) => (Number.isFinite(value) ? value.toFixed(3) : "–");
  for (const f of fits) {
    const impl = f.node.implementations ?? {};
    const only = impl.solveLeastSquares?.fit_ms;
    const flat = impl.fitLeastSquares?.fit_ms;
    const lmWork = impl.lmWork?.fit_ms;
    const lstsq = numpy
      ? ` | ${f.r ? f.r.lstsq_ms.toFixed(3) : "–"} | ${f.r ? f2(only / f.r.lstsq_ms) : "–"}`
      : "";
    push(
      `| ${int(f.n)} | ${f.node.fit_ms.toFixed(3)} | ${ms(flat)} | ${f.r ? f.r.fit_ms.toFixed(3) : "–"} | ${f.r ? f2(f.node.fit_ms / f.r.fit_ms) : "–"} | ${ms(lmWork)} | ${f.r ? f2(lmWork / f.r.fit_ms) : "–"} | ${ms(only)}${lstsq} | ${f1(f.node.read_ms)} | ${f.r ? f1(f.r.read_ms) : "–"} | ${Number.isFinite(f.diff) ? f.diff.toExponential(1) : "–"} |`,
    );
  }
  for (const read of reads) {
    push(
      "",
      `**Reading a generated ${read.sizeMb} MB index extract** (${int(read.bytes)} bytes)`,
      "",
    );
    push(
      "| reader | rows read | rows held | seconds | MB/s | rows/s | peak RSS MB | RSS ÷ file size |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const r of read.results) {
      if (!r.ok) {
        push(
          `| ${r.label} | ${r.failure} | – | ${f1(r.ms / 1000)} | – | – | ${f1(r.rssMb)} | ${f2(r.rssMb / (read.bytes / MB))} |`,
        );
        continue;
      }
      push(
        `| ${r.label} | ${int(r.rows)} | ${r.held === undefined ? "–" : int(r.held)} | ${f1(r.ms / 1000)} | ${f1(r.mbPerS)} | ${int(r.rowsPerS)} | ${f1(r.rssMb)} | ${f2(r.rssMb / (read.bytes / MB))} |`,
      );
    }
  }
  if (unc) {
    push(
      "",
      "**Uncertainty loop** (bench/uncertainty.mjs vs bench/uncertainty.R, 10,000 runs, 94 units)",
      "",
    );
    push("| implementation | ms |", "|---|---:|");
    push(`| node, same loop as R | ${f1(unc.node.same_as_r_ms)} |`);
    push(
      `| node, fh alternatives (6 normalisations × 2 aggregations, weights ±50 %) | ${f1(unc.node.fh_ms)} |`,
    );
    if (unc.node.bootstrap_2000_ms !== undefined) {
      push(`| node, benchmark bootstrap (2,000 refits) | ${f1(unc.node.bootstrap_2000_ms)} |`);
    }
    if (unc.r) {
      push(`| R, loop | ${f1(unc.r.loop_ms)} |`, `| R, vectorised | ${f1(unc.r.vectorised_ms)} |`);
    }
  }
  return lines.join("\n");
}

const START = "<!-- bench:start (written by bench/run.mjs; edit the prose outside the markers) -->";
const END = "<!-- bench:end -->";

function writeDocs(table) {
  const path = join(root, "docs", "performance.md");
  const block = `${START}\n${table}\n${END}`;
  let text = existsSync(path) ? readFileSync(path, "utf8") : `# Performance\n\n${START}\n${END}\n`;
  const from = text.indexOf("<!-- bench:start");
  const to = text.indexOf(END);
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + END.length)
      : `${text}\n${block}\n`;
  writeFileSync(path, text);
  log(`wrote ${path}`);
}

// --- main ---------------------------------------------------------------------------------

ensureBuilt();
const m = machine();
const start = startup();
const model = await modelMode();
const fits = await fitScaling();
const quarter = await quarterAndHistory();
const reads = [await readExtract(QUICK ? 20 : 200)];
if (LARGE) reads.push(await readExtract(1024));
const unc = uncertainty();
const table = report({ m, start, model, fits, reads, unc, quarter });
process.stdout.write(`${table}\n`);
if (WRITE) writeDocs(table);
