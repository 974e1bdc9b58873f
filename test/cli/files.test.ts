/**
 * Users' files and pipes, through the built binary: --out never replaces a file the run
 * reads, by any route (each case checks the file's sha256 before and after); --out
 * folders and missing folders are usage errors; --input - and --out -; goldens that
 * `check` finds from any working directory; write errors on stdout are one clean line.
 * Nothing here writes into the repo's data/: cases that must be refused may point at it,
 * and assert its bytes unchanged; everything else works on copies in a temp folder.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bin,
  type CliResult,
  ensureBuilt,
  root,
  runCli,
  STACK_FRAME,
  stderrLines,
  tempDir,
} from "./helpers.js";

ensureBuilt();

const EXTRACT = join(root, "data", "benchmark", "y30r21-2020QMAT02-2021QMAT04.jsonl");
const DEMO = join(root, "data", "demo", "fh-synthetic-2019K1-2024K4.csv");
const DST = join(root, "data", "dst");

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** Runs jobindex with `input` on its standard input. */
function runWithStdin(
  args: readonly string[],
  input: string | Buffer,
  cwd = root,
): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ms: performance.now() - started,
        timedOut: false,
      }),
    );
    // A run that fails before reading its input closes the pipe early: not the test's error.
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** Runs `args` and expects the --out refusal, with `file` byte-identical afterwards. */
async function expectRefused(args: readonly string[], file: string, cwd = root): Promise<void> {
  const before = sha256(file);
  const result = await runCli(args, { cwd });
  expect(result.code, result.stderr).toBe(2);
  const lines = stderrLines(result);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: --out .*refusing to overwrite it \[E_OUT_IS_INPUT\]$/);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(sha256(file)).toBe(before);
}

describe("--out never replaces a file the run reads", () => {
  it("the shipped benchmark extract, read by default", async () => {
    await expectRefused(["benchmark", "--out", EXTRACT], EXTRACT);
    await expectRefused(
      ["benchmark", "--format", "json", "--out", relative(root, EXTRACT)],
      EXTRACT,
    );
  });

  it("the demo CSV, read by default by index", async () => {
    await expectRefused(["index", "--format", "csv", "--out", relative(root, DEMO)], DEMO);
  });

  it("a data/dst covariate file, read by default in model mode", async () => {
    const file = join(DST, "population_density.csv");
    await expectRefused(["benchmark", "--covariates", "default", "--out", file], file);
  });

  it("a method profile: index --method my.json --out my.json", async () => {
    const { dir } = tempDir("files-method");
    copyFileSync(join(root, "data", "methods", "fh.json"), join(dir, "my.json"));
    await expectRefused(
      ["index", "--method", "my.json", "--out", "my.json"],
      join(dir, "my.json"),
      dir,
    );
  });

  it("a file inside a --covariate-data folder, also one the model does not use", async () => {
    const { dir } = tempDir("files-covariates");
    const folder = join(dir, "dst");
    cpSync(DST, folder, { recursive: true });
    for (const name of ["population_density.csv", "README.md"]) {
      await expectRefused(
        [
          "benchmark",
          "--covariates",
          "default",
          "--covariate-data",
          "dst",
          "--out",
          join("dst", name),
        ],
        join(folder, name),
        dir,
      );
    }
  });

  it("a symlink to an input, either way round", async () => {
    const { dir } = tempDir("files-symlink");
    copyFileSync(EXTRACT, join(dir, "extract.jsonl"));
    symlinkSync(join(dir, "extract.jsonl"), join(dir, "link.jsonl"));
    const file = join(dir, "extract.jsonl");
    await expectRefused(
      ["benchmark", "--input", "extract.jsonl", "--out", "link.jsonl"],
      file,
      dir,
    );
    await expectRefused(
      ["benchmark", "--input", "link.jsonl", "--out", "extract.jsonl"],
      file,
      dir,
    );
  });

  it("a hard link to an input", async () => {
    const { dir } = tempDir("files-hardlink");
    const file = join(dir, "extract.jsonl");
    copyFileSync(EXTRACT, file);
    linkSync(file, join(dir, "hard.jsonl"));
    await expectRefused(
      ["benchmark", "--input", "extract.jsonl", "--out", "hard.jsonl"],
      file,
      dir,
    );
  });

  it("another spelling of the input's path: ./x/../x.jsonl", async () => {
    const { dir } = tempDir("files-spelling");
    mkdirSync(join(dir, "x"));
    const file = join(dir, "x.jsonl");
    copyFileSync(EXTRACT, file);
    await expectRefused(["benchmark", "--input", "x.jsonl", "--out", "./x/../x.jsonl"], file, dir);
  });

  it("a different file beside the input is written", async () => {
    const { dir } = tempDir("files-ok");
    copyFileSync(EXTRACT, join(dir, "extract.jsonl"));
    const result = await runCli(
      ["benchmark", "--input", "extract.jsonl", "--format", "csv", "--out", "result.csv"],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, "result.csv"), "utf8")).toMatch(/^municipality,/);
  });
});

describe("--out usage errors", () => {
  it("--out naming a folder: exit 2, one line naming the flag", async () => {
    const { dir } = tempDir("files-outdir");
    const result = await runCli(["benchmark", "--out", dir]);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([
      `error: --out ${dir}: is a directory; give a file name [E_OUT_IS_DIRECTORY]`,
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("--out in a folder that does not exist", async () => {
    const result = await runCli(["index", "--out", "/nonexistent/x"]);
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([
      "error: --out /nonexistent/x: the folder /nonexistent does not exist [E_OUT_NO_DIRECTORY]",
    ]);
  });

  it("a failed run leaves no output file, nor a temporary one", async () => {
    const { dir } = tempDir("files-failed");
    const result = await runWithStdin(
      ["benchmark", "--input", "-", "--out", "result.json"],
      "a;b\n1;2\n",
      dir,
    );
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("pipes", () => {
  it("--input - reads standard input, format sniffed from the content (JSON lines)", async () => {
    const piped = await runWithStdin(
      ["benchmark", "--input", "-", "--format", "csv"],
      readFileSync(EXTRACT),
    );
    const named = await runCli(["benchmark", "--input", EXTRACT, "--format", "csv"]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(named.stdout);
  });

  it("--input - reads a CSV too", async () => {
    const piped = await runWithStdin(
      ["index", "--input", "-", "--format", "csv"],
      readFileSync(DEMO),
    );
    const named = await runCli(["index", "--input", DEMO, "--format", "csv"]);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toBe(named.stdout);
  });

  it("diagnostics name standard input <stdin>", async () => {
    const result = await runWithStdin(["benchmark", "--input", "-"], "a;b\n1;2\n");
    expect(result.code).toBe(2);
    const lines = stderrLines(result);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^<stdin>(:\d+)*: .*\[E_[A-Z_]+\]$/);
    const empty = await runWithStdin(["benchmark", "--input", "-"], "");
    expect(stderrLines(empty)).toEqual([
      "<stdin>: error: expected a header and rows, found empty input [E_EMPTY]",
    ]);
  });

  it("--input - twice is a usage error", async () => {
    const result = await runWithStdin(
      ["benchmark", "--input", "-", "--input", "-"],
      readFileSync(EXTRACT),
    );
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toHaveLength(1);
    expect(result.stderr).toMatch(/\[E_STDIN_TWICE\]/);
  });

  it("--out - writes standard output, and no file named -", async () => {
    const { dir } = tempDir("files-dash");
    const dash = await runCli(["benchmark", "--format", "json", "--out", "-"], { cwd: dir });
    const plain = await runCli(["benchmark", "--format", "json"], { cwd: dir });
    expect(dash.code).toBe(0);
    expect(dash.stdout).toBe(plain.stdout);
    expect(JSON.parse(dash.stdout).command).toBe("benchmark");
    expect(existsSync(join(dir, "-"))).toBe(false);
  });
});

describe("goldens record inputs relative to themselves", () => {
  it("check passes from another working directory", async () => {
    const { dir } = tempDir("files-golden");
    mkdirSync(join(dir, "data"));
    mkdirSync(join(dir, "goldens"));
    mkdirSync(join(dir, "elsewhere"));
    copyFileSync(EXTRACT, join(dir, "data", "extract.jsonl"));
    const made = await runCli(
      ["benchmark", "--input", "data/extract.jsonl", "--format", "json", "--out", "goldens/g.json"],
      { cwd: dir },
    );
    expect(made.code, made.stderr).toBe(0);
    const golden = JSON.parse(readFileSync(join(dir, "goldens", "g.json"), "utf8"));
    expect(golden.options.inputs).toEqual(["../data/extract.jsonl"]);
    expect(golden.inputs_relative_to).toBe("golden");
    for (const cwd of [join(dir, "elsewhere"), dir, root]) {
      const check = await runCli(["check", "--golden", join(dir, "goldens", "g.json")], { cwd });
      expect(check.code, check.stderr).toBe(0);
      expect(check.stdout).toMatch(/^ok: /);
    }
    // Relative to the golden, not the working directory: a same-named file there is not read.
    mkdirSync(join(dir, "elsewhere", "data"));
    copyFileSync(
      join(root, "fixtures", "golden", "index-fh-2024K4-jobcentre.json"),
      join(dir, "elsewhere", "data", "extract.jsonl"),
    );
    const check = await runCli(["check", "--golden", "../goldens/g.json"], {
      cwd: join(dir, "elsewhere"),
    });
    expect(check.code, check.stderr).toBe(0);
  });

  it("an absolute input stays absolute", async () => {
    const { dir } = tempDir("files-golden-abs");
    const input = join(dir, "extract.jsonl");
    copyFileSync(EXTRACT, input);
    const made = await runCli(
      ["benchmark", "--input", input, "--format", "json", "--out", join(dir, "g.json")],
      { cwd: root },
    );
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "g.json"), "utf8")).options.inputs).toEqual([input]);
  });

  it("an old golden (paths relative to where it was made) is still read", async () => {
    const { dir } = tempDir("files-golden-old");
    copyFileSync(EXTRACT, join(dir, "extract.jsonl"));
    const made = await runCli(["benchmark", "--input", "extract.jsonl", "--format", "json"], {
      cwd: dir,
    });
    expect(made.code).toBe(0);
    const doc = JSON.parse(made.stdout);
    expect(doc.options.inputs).toEqual(["extract.jsonl"]);
    expect(doc.inputs_relative_to).toBeUndefined();
    // Checked from elsewhere, the input is found beside the golden: the old fallback.
    const golden = join(dir, "old.json");
    writeFileSync(golden, made.stdout);
    const check = await runCli(["check", "--golden", golden], { cwd: root });
    expect(check.code, check.stderr).toBe(0);
  });
});

describe("write errors on standard output", () => {
  it("a full device (ENOSPC): exit 2, one line, no stack trace", async () => {
    if (!existsSync("/dev/full")) return;
    const result = await new Promise<CliResult>((resolve) => {
      const child = spawn("sh", ["-c", `"${process.execPath}" "${bin}" benchmark > /dev/full`], {
        cwd: root,
      });
      const err: Buffer[] = [];
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("close", (code) =>
        resolve({
          code,
          stdout: "",
          stderr: Buffer.concat(err).toString("utf8"),
          ms: 0,
          timedOut: false,
        }),
      );
    });
    expect(result.code).toBe(2);
    expect(stderrLines(result)).toEqual([
      "error: cannot write standard output: no space left on the device [E_STDOUT_WRITE]",
    ]);
  });

  it("a closed pipe (EPIPE, | head -1): exit 0, nothing on stderr", async () => {
    // 500 KB of JSON: far more than a pipe holds, so the writer meets the closed pipe.
    const script = `"${process.execPath}" "${bin}" index --history --format json | head -1; echo "status=\${PIPESTATUS[0]}" >&2`;
    const result = await new Promise<CliResult>((resolve) => {
      const child = spawn("bash", ["-c", script], { cwd: root });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => out.push(b));
      child.stderr.on("data", (b: Buffer) => err.push(b));
      child.on("close", (code) =>
        resolve({
          code,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8"),
          ms: 0,
          timedOut: false,
        }),
      );
    });
    expect(result.stdout).toBe("{\n");
    expect(stderrLines(result)).toEqual(["status=0"]);
  });
});

describe("standard output written directly (a pipe or a file, src/cli/stdio.ts)", () => {
  it("a pipe read slowly, a file by redirection and --out get the same bytes", async () => {
    const { dir } = tempDir("stdout-direct");
    const args = ["index", "--history", "--format", "json"];
    const viaOut = join(dir, "out.json");
    const made = await runCli([...args, "--out", viaOut], { cwd: root });
    expect(made.code, made.stderr).toBe(0);
    const expected = readFileSync(viaOut);
    expect(expected.length).toBeGreaterThan(128 * 1024); // more than a pipe holds
    // A file by the shell's redirection: the descriptor is a regular file.
    const redirected = join(dir, "redirected.json");
    const shell = await new Promise<number | null>((resolve) => {
      const child = spawn(
        "sh",
        ["-c", `"${process.execPath}" "${bin}" ${args.join(" ")} > "${redirected}"`],
        { cwd: root },
      );
      child.on("close", resolve);
    });
    expect(shell).toBe(0);
    expect(readFileSync(redirected).equals(expected)).toBe(true);
    // A pipe whose reader pauses: the writer blocks and then goes on, losing nothing.
    const piped = await new Promise<Buffer>((resolve) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: root });
      const chunks: Buffer[] = [];
      child.stdout.on("data", (b: Buffer) => {
        chunks.push(b);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 5);
      });
      child.on("close", () => resolve(Buffer.concat(chunks)));
    });
    expect(piped.equals(expected)).toBe(true);
  });
});
