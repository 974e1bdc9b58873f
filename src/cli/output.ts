/**
 * Renders a ReportDocument in the chosen format and writes it to stdout or, atomically,
 * to --out: a temporary file beside the target, renamed only on success, so a failed run
 * never leaves a partial file. An --out that names an input is refused.
 */
import { closeSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { UsageError } from "../diagnostics.js";
import type { ReportDocument } from "../report/types.js";
import type { OutputOptions } from "./options.js";

/** The output options, with the text reporter for commands whose answer is prose. */
export type RenderOptions = Omit<OutputOptions, "format"> & {
  format: OutputOptions["format"] | "text";
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
    default:
      return (await import("../report/table.js")).renderTable(doc, ctx);
  }
}

/** Refuses an --out that would overwrite an input. */
export function assertNotAnInput(out: string, inputs: readonly string[]): void {
  const target = resolve(out);
  if (inputs.some((i) => resolve(i) === target)) {
    throw new UsageError(`--out ${out} is one of the inputs; refusing to overwrite it`);
  }
}

export function writeAtomically(path: string, text: string): void {
  // The process id and a clock make the name unique beside the target; opening with `wx`
  // makes sure an existing file (anyone's) is never written over or removed.
  const tag = `${process.pid.toString(36)}-${Date.now().toString(36)}`;
  const tmp = join(dirname(resolve(path)), `.jobindex-${tag}.tmp`);
  const fd = openSync(tmp, "wx");
  let renamed = false;
  try {
    writeFileSync(fd, text);
    closeSync(fd);
    renameSync(tmp, path);
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

export async function emit(
  doc: ReportDocument,
  output: RenderOptions,
  inputs: readonly string[],
  stdout: NodeJS.WriteStream,
): Promise<void> {
  if (output.out !== undefined) assertNotAnInput(output.out, inputs);
  const toTerminal = output.out === undefined && stdout.isTTY === true;
  const text = await render(doc, output, {
    color: toTerminal && !process.env.NO_COLOR && process.env.FORCE_COLOR !== "0",
    width: toTerminal ? (stdout.columns ?? 100) : 100,
    locale: output.locale,
  });
  if (output.out !== undefined) writeAtomically(output.out, text);
  else stdout.write(text);
}
