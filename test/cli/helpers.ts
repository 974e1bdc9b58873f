/**
 * Running the built command line as a user does: `node bin/jobindex.js …` in a child
 * process. These tests check what only the real binary shows (exit codes, stderr lines,
 * files left behind, escape codes), so they spawn it rather than call `main()`.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

export const root = join(import.meta.dirname, "..", "..");
export const bin = join(root, "bin", "jobindex.js");
const bundle = join(root, "dist", "cli", "main.cjs");

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function bundleIsStale(): boolean {
  return !existsSync(bundle) || statSync(bundle).mtimeMs < newestSourceMtime(join(root, "src"));
}

/**
 * `npm test` builds first. A bare `vitest run test/cli` after editing src/ would test a
 * stale bundle, so rebuild it (bundle only, no tsc: under a second). Test files run in
 * parallel processes; a lock directory keeps two builds from deleting each other's chunks.
 */
export function ensureBuilt(): void {
  if (!bundleIsStale()) return;
  const lock = join(root, "dist", ".build-lock");
  mkdirSync(join(root, "dist"), { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for a minute; remove it if stale`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!bundleIsStale()) return;
    const build = join(root, "scripts", "build.mjs");
    const result = spawnSync(process.execPath, [build, "--bundle-only"], {
      cwd: root,
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`build failed:\n${result.stderr}`);
  } finally {
    rmdirSync(lock);
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child, for the time bounds of the fuzz tests. */
  ms: number;
  /** True when the child was killed for running past its time limit. */
  timedOut: boolean;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/** The environment of a user piping output: no colour forced either way. */
function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `jobindex ARGS`; never rejects, so a test can assert on every outcome. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd ?? root,
      env: baseEnv(options.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs ?? 20_000);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ms: performance.now() - started,
        timedOut,
      });
    });
  });
}

/** A temp folder removed after the test file. */
export function tempDir(prefix: string): {
  dir: string;
  write: (name: string, data: string | Buffer) => string;
} {
  const dir = mkdtempSync(join(tmpdir(), `jobindex-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write: (name, data) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
  };
}

/** Lines of stderr, without the trailing empty one. */
export function stderrLines(result: CliResult): string[] {
  return result.stderr.split("\n").filter((line) => line !== "");
}

/** A V8 stack frame line: what a user must never see without --debug. */
export const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC is the point.
export const ANSI = /\u001b\[/;

/**
 * Commands still being built answer "… is not built yet"; their tests are skipped until
 * then instead of failing CI for work in progress elsewhere.
 */
export async function commandIsBuilt(command: string): Promise<boolean> {
  const help = await runCli([command, "--help"]);
  return help.code === 0 && !/not built yet/.test(help.stdout);
}
