/**
 * `continuity` (METHOD.md H): read the meeting log streaming, pool municipalities into
 * the jobcentres of each quarter (the dated registry), count, suppress, rank, and build
 * the ReportDocument. Without --input, the shipped synthetic demo log.
 */
import { countContinuity } from "../../continuity/count.js";
import { quarterIndex, quarterYear } from "../../continuity/quarter.js";
import { summariseContinuity } from "../../continuity/summarise.js";
import type { ContinuityResult, QuarterNumber } from "../../continuity/types.js";
import { UsageError } from "../../diagnostics.js";
import { dataPath } from "../../paths.js";
import { formatPeriod, type Period } from "../../period.js";
import { loadRegistry } from "../../registry/index.js";
import type { ReportDocument } from "../../report/types.js";
import { PERIOD_CODE, parsePeriodOption } from "../period.js";
import { readOptionsOf } from "../read-options.js";
import { continuityDocument } from "./document.js";
import { readMeetingLog } from "./log.js";
import type { ContinuityOptions, ContinuityRow, ContinuityRun } from "./types.js";

export type { ContinuityOptions, ContinuityRow, ContinuityRun };

export const DEMO_LOG = "continuity-synthetic-2021K1-2022K4.csv";

export function quarterPeriod(q: QuarterNumber): Period {
  return { kind: "quarter", year: quarterYear(q), sub: quarterIndex(q) };
}

export async function computeContinuity(options: ContinuityOptions): Promise<ContinuityRun> {
  if (options.unit !== "jobcentre" && options.unit !== "municipality") {
    throw new UsageError(`--unit expects jobcentre or municipality, got '${String(options.unit)}'`);
  }
  const wanted = parsePeriodOption(options.period, "quarter");
  const reading = readOptionsOf(options);
  const registry = loadRegistry();
  const file = options.input ?? dataPath("demo", DEMO_LOG);
  const synthetic = options.input === undefined || /synthetic/i.test(file);
  const log = await readMeetingLog(file, registry, reading);

  const unitIds: string[] = [];
  const unitNames: string[] = [];
  const unitMembers: string[][] = [];
  const unitIndex = new Map<string, number>();
  const cache = new Map<number, number>();
  const unitOf = (m: number, q: QuarterNumber): number => {
    const key = m * 100_000 + q;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const code = log.municipalities[m] as string;
    let id: string;
    let name: string;
    let members: string[];
    if (options.unit === "municipality") {
      id = code;
      name = registry.municipality(code)?.name ?? code;
      members = [code];
    } else {
      const jc = registry.jobcentreOf(code, quarterPeriod(q));
      id = jc?.id ?? code;
      name = jc?.name ?? code;
      members = jc?.municipalities ?? [code];
    }
    let u = unitIndex.get(id);
    if (u === undefined) {
      u = unitIds.length;
      unitIds.push(id);
      unitNames.push(name);
      unitMembers.push(members);
      unitIndex.set(id, u);
    }
    cache.set(key, u);
    return u;
  };
  const cells = countContinuity(log.meetings, unitOf);
  let results: ContinuityResult[] = summariseContinuity(cells, unitIds);
  const allPeriods = [...new Set(results.map((r) => r.quarter))].sort((a, b) => a - b);
  if (wanted !== undefined) {
    const q = wanted.year * 4 + (wanted.sub - 1);
    if (!allPeriods.includes(q)) {
      throw new UsageError(
        `--period ${formatPeriod(wanted)} is not in the log (quarters ${allPeriods.map((p) => formatPeriod(quarterPeriod(p))).join(", ")})`,
        PERIOD_CODE,
      );
    }
    results = results.filter((r) => r.quarter === q);
  }
  const rows = results
    .map(
      (r): ContinuityRow => ({
        unit: unitIds[r.unit] as string,
        name: unitNames[r.unit] as string,
        period: formatPeriod(quarterPeriod(r.quarter)),
        municipalities: unitMembers[r.unit] as string[],
        citizens: r.citizens,
        changes: r.changes,
        changed_citizens: r.changedCitizens,
        changes_per_100: r.changesPer100,
        changed_share: r.changedShare,
        suppressed: r.suppressed,
        rank: r.rank,
        tied: r.tied,
      }),
    )
    .sort(
      (a, b) =>
        (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
        (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0),
    );
  const periods = [...new Set(rows.map((r) => r.period))];
  return { options, file, synthetic, rows, periods, meetings: log.meetings.length };
}

export async function runContinuity(
  options: ContinuityOptions,
): Promise<{ run: ContinuityRun; document: ReportDocument }> {
  const run = await computeContinuity(options);
  return { run, document: continuityDocument(run) };
}
