/** One period and benefit group of the rows read: one observation per municipality. */
import type { Observation } from "../../benchmark/types.js";
import { DiagnosticBag, UsageError } from "../../diagnostics.js";
import { type Period, samePeriod } from "../../period.js";
import type { InputRow } from "./observations.js";

/** `A-dagpenge` matches `A-dagpenge mv.`: case, spacing and the trailing "mv." do not matter. */
export function groupKey(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/\bmv\.?\s*$/, "")
    .replace(/[\s.]+/g, " ")
    .trim();
}

/** The rows of one period and benefit group; one per municipality. */
export function selectSlice(
  rows: readonly InputRow[],
  period: Period | undefined,
  group: string,
): { observations: Observation[]; group: string | null } {
  const inPeriod = rows.filter(
    (r) => period === undefined || r.period === undefined || samePeriod(r.period, period),
  );
  const groups = [...new Set(inPeriod.flatMap((r) => (r.group === undefined ? [] : [r.group])))];
  let chosen: string | null = null;
  let selected = inPeriod;
  if (groups.length > 0) {
    chosen = groups.find((g) => groupKey(g) === groupKey(group)) ?? null;
    if (chosen === null) {
      throw new UsageError(
        `--group '${group}' is not in the input; it has ${groups.map((g) => `'${g}'`).join(", ")}`,
      );
    }
    selected = inPeriod.filter((r) => r.group === undefined || r.group === chosen);
  }
  const bag = new DiagnosticBag();
  const seen = new Map<string, Observation>();
  for (const { observation: o } of selected) {
    const first = seen.get(o.municipality);
    if (first) {
      bag.add({
        code: "E_DUPLICATE_ROW",
        message: `${o.name} appears twice in this period and group (first at ${first.file}:${first.line})`,
        file: o.file,
        line: o.line,
      });
    } else seen.set(o.municipality, o);
  }
  bag.throwIfErrors();
  const observations = [...seen.values()].sort((a, b) =>
    a.municipality < b.municipality ? -1 : 1,
  );
  if (observations.length === 0) throw new UsageError("no rows for this period and group");
  return { observations, group: chosen };
}
