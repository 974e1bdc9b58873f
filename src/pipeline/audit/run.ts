/**
 * `jobindex audit` as a function: the index's own reading and scoring (computeIndex, the
 * same code `index` runs), then the pure audit (src/audit) on the selected quarter, then
 * the document. The audit module is imported on demand (start-up time of other commands).
 */
import type { ReportDocument } from "../../report/types.js";
import { type FileRead, trackReads } from "../files-read.js";
import { computeIndex } from "../index/run.js";
import { AUDIT_SOBOL_RUNS } from "./defaults.js";
import { auditDocument } from "./document.js";
import { type AuditOptions, checkSobolOptions, indexOptionsOf } from "./options.js";

export type { AuditOptions } from "./options.js";

export async function runAudit(
  options: AuditOptions,
): Promise<{ document: ReportDocument; exitCode: 0; filesRead: FileRead[] }> {
  const index = indexOptionsOf(options);
  checkSobolOptions(options);
  return trackReads(async () => {
    const run = await computeIndex(index);
    const A = await import("../../audit/index.js");
    const audit = A.auditIndex(
      run.indicators,
      run.scores,
      run.method.profile,
      run.options.missing,
      {
        runs: options.uncertainty ?? AUDIT_SOBOL_RUNS,
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
      },
    );
    return { document: auditDocument(run, audit), exitCode: 0 as const };
  });
}
