/**
 * `--by region` and `--only NAME` as a decoration: a built document → the same document
 * with each unit's group fields (JSON results and rows), the group columns first, the
 * rows in group order (or only the group's), and the command's own totals section, note
 * and subtitle.
 */
import type { ReportDocument, ReportRow, ReportSection } from "../../report/types.js";
import { type Grouping, groupColumns, groupedUnits, groupFields } from "../groups.js";
import { withNotes } from "./notes.js";

/** What a command adds for its grouping: the totals, in JSON and as a section. */
export interface GroupView {
  /** Top-level JSON fields (`regions`, `unit_group`). */
  json: Record<string, unknown>;
  section: ReportSection;
  note: string;
  /** Appended to the subtitle after ` · `. */
  subtitle: string;
}

export interface GroupingLayout {
  /** The unit id field of the JSON results and the rows (`id`, `municipality`). */
  idKey: string;
  /** Columns the group columns replace (the benchmark's own `region` when by region). */
  replaces?: readonly string[];
  /** The command's totals of the units shown, by id. */
  view: (shown: ReadonlySet<string>) => GroupView;
}

export function withGrouping(
  doc: ReportDocument,
  grouping: Grouping,
  layout: GroupingLayout,
): ReportDocument {
  const id = (r: Record<string, unknown>) => String(r[layout.idKey]);
  const results = (doc.json.results ?? []) as Array<Record<string, unknown>>;
  // JSON keeps the national order (CLI.md); the rows read best region by region.
  const jsonResults = (
    grouping.kind === "only" ? groupedUnits(grouping, results, id) : results
  ).map((r) => ({ ...r, ...groupFields(grouping, id(r)) }));
  const rows: ReportRow[] = groupedUnits(grouping, doc.rows, id).map((r) => ({
    ...r,
    ...groupFields(grouping, id(r)),
  }));
  const replaced = new Set(layout.replaces ?? []);
  const columns = [...groupColumns(grouping), ...doc.columns.filter((c) => !replaced.has(c.key))];
  const shown = new Set(rows.map(id));
  const view = layout.view(shown);
  const decorated: ReportDocument = {
    ...doc,
    json: { ...doc.json, ...view.json, results: jsonResults },
    subtitle: `${doc.subtitle} · ${view.subtitle}`,
    columns,
    rows,
    sections: [view.section, ...doc.sections],
    ...(doc.intervals !== undefined
      ? { intervals: doc.intervals.filter((i) => shown.has(i.id)) }
      : {}),
  };
  return withNotes(decorated, [view.note]);
}
