/**
 * Renders a ReportDocument in the chosen format and writes it to stdout or, atomically,
 * to --out: a temporary file beside the target, renamed only on success, so a failed run
 * never leaves a partial file. An --out that names an input is refused.
 */
import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { UsageError } from "../diagnostics.js";
import { currentLang } from "../i18n/index.js";
import { dataPath } from "../paths.js";
import { relocateForGolden } from "../pipeline/check/golden.js";
import { expand, type FileRead, identify } from "../pipeline/files-read.js";
import type { ReportDocument } from "../report/types.js";
import type { OutputOptions } from "./options.js";
import type { Stdout } from "./stdio.js";

/** The output options, with the text reporter for commands whose answer is prose. */
export type RenderOptions = Omit<OutputOptions, "format"> & {
  format: OutputOptions["format"] | "text" | "junit";
};

export interface RenderContext {
  color: boolean;
  /** Terminal width for the table reporter. */
  width: number;
  locale: "en" | "da";
}

export async function render(
  doc: ReportDocument,
  output: RenderOptions,
  ctx: RenderContext,
): Promise<string> {
  // Reporters are imported on demand: only the chosen one is loaded.
  switch (output.format) {
    case "json":
      return (await import("../report/json.js")).renderJson(doc);
    case "csv":
      return (await import("../report/csv.js")).renderCsv(doc, { locale: ctx.locale });
    case "md":
      return (await import("../report/markdown.js")).renderMarkdown(doc);
    case "html":
      return (await import("../report/html.js")).renderHtml(doc);
    case "text":
      return (await import("../report/text.js")).renderText(doc);
    case "junit":
      return (await import("../report/junit.js")).renderJunit(doc);
    default:
      return (await import("../report/table.js")).renderTable(doc, ctx);
  }
}

/** Stable codes of the --out refusals (README "Diagnostic codes"). */
export const OutCode = {
  IsInput: "E_OUT_IS_INPUT",
  IsDirectory: "E_OUT_IS_DIRECTORY",
  NoDirectory: "E_OUT_NO_DIRECTORY",
  Unwritable: "E_OUT_UNWRITABLE",
} as const;

/** `--out -` means standard output. */
export function toStdout(out: string | undefined): boolean {
  return out === undefined || out === "-";
}

/**
 * Where `out` would land: its real path (symlinks resolved, the file's own too when it
 * exists) and, when it exists, its identity. A missing folder or a folder as the target
 * is a usage error naming the flag.
 */
function targetOf(out: string): { path: string; read?: FileRead } {
  const absolute = resolve(out);
  const existing = identify(absolute);
  if (existing !== undefined) {
    if (statSync(existing.path).isDirectory()) {
      throw new UsageError(`--out ${out}: is a directory; give a file name`, OutCode.IsDirectory);
    }
    return { path: existing.path, read: existing };
  }
  const folder = identify(dirname(absolute));
  if (folder === undefined || !statSync(folder.path).isDirectory()) {
    throw new UsageError(
      `--out ${out}: the folder ${dirname(out)} does not exist`,
      OutCode.NoDirectory,
    );
  }
  return { path: join(folder.path, basename(absolute)) };
}

/** The shipped data folder, as a real path with a trailing separator. */
function shippedData(): string | undefined {
  const real = identify(dataPath());
  return real === undefined ? undefined : `${real.path}${sep}`;
}

/**
 * Refuses an --out that would replace a file the run reads: the same real path (symlinks
 * and relative spellings resolved), the same file by another name (hard link: the same
 * device and inode), or anything inside the shipped data folder, which every run reads
 * from (registry, profiles, defaults). `inputs` are paths (folders expanded) or files
 * already identified by the run.
 */
export function assertNotAnInput(out: string, inputs: ReadonlyArray<string | FileRead>): void {
  if (toStdout(out)) return;
  const target = targetOf(out);
  const reads = inputs.flatMap((i) =>
    typeof i === "string" ? expand(i).flatMap((f) => identify(f) ?? []) : [i],
  );
  const same = reads.find(
    (r) =>
      r.path === target.path ||
      (target.read !== undefined && r.dev === target.read.dev && r.ino === target.read.ino),
  );
  const data = shippedData();
  if (same !== undefined || (data !== undefined && target.path.startsWith(data))) {
    const what =
      same === undefined
        ? "is inside the shipped data folder"
        : same.path === target.path
          ? "is a file this run reads"
          : `is the same file as ${same.path}, which this run reads`;
    throw new UsageError(`--out ${out}: ${what}; refusing to overwrite it`, OutCode.IsInput);
  }
}

/** Text to write: whole, or made in pieces, each handed to `write` as it is made. */
export type OutputText = string | ((write: (piece: string) => void) => void);

export function writeAtomically(path: string, text: OutputText): void {
  // The process id and a clock make the name unique beside the target; opening with `wx`
  // makes sure an existing file (anyone's) is never written over or removed.
  const tag = `${process.pid.toString(36)}-${Date.now().toString(36)}`;
  const tmp = join(dirname(resolve(path)), `.jobindex-${tag}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, "wx");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UsageError(`--out ${path}: cannot write there (${code})`, OutCode.Unwritable);
  }
  let renamed = false;
  try {
    try {
      if (typeof text === "string") writeFileSync(fd, text);
      else text((piece) => writeFileSync(fd, piece));
      closeSync(fd);
      renameSync(tmp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "error";
      throw new UsageError(`--out ${path}: cannot write there (${code})`, OutCode.Unwritable);
    }
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        closeSync(fd);
      } catch {
        // closed already
      }
      rmSync(tmp, { force: true });
    }
  }
}

/**
 * Renders the document and writes it: to standard output (no --out, or `--out -`), or
 * atomically to the --out file, after checking once more, on the files the run actually
 * read, that the file is none of them. A JSON result written to a file records its input
 * paths relative to that file (a golden for `check`, from any working directory).
 */
export async function emit(
  doc: ReportDocument,
  output: RenderOptions,
  filesRead: ReadonlyArray<string | FileRead>,
  stdout: Stdout,
): Promise<void> {
  const out = toStdout(output.out) ? undefined : output.out;
  if (out !== undefined) assertNotAnInput(out, filesRead);
  const toTerminal = out === undefined && stdout.isTTY === true;
  const shown =
    out !== undefined && output.format === "json"
      ? { ...doc, json: relocateForGolden(doc.json as Record<string, unknown>, out) }
      : doc;
  const text: OutputText =
    shown.large === true && output.format === "json"
      ? await jsonInPieces(shown)
      : await render(shown.lang === undefined ? { ...shown, lang: currentLang() } : shown, output, {
          color: toTerminal && !process.env.NO_COLOR && process.env.FORCE_COLOR !== "0",
          width: toTerminal ? (stdout.columns ?? 100) : 100,
          locale: output.locale,
        });
  if (out !== undefined) writeAtomically(out, text);
  else if (typeof text === "string") stdout.write(text);
  // Each piece is written before the next is made (stdio.ts writes a pipe or a file
  // synchronously), so a slow reader never has the whole text queued.
  else text((piece) => stdout.write(piece));
}

/**
 * A large document's JSON, written in pieces as it is made (src/report/json.ts): the same
 * text as `render`'s, never held whole.
 */
async function jsonInPieces(doc: ReportDocument): Promise<OutputText> {
  const { writeJson } = await import("../report/json.js");
  return (write) => writeJson(doc, write);
}
