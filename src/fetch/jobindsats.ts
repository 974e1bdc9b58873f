/**
 * The jobindsats API (STAR), versions 2 and 3 (shapes: /work/shared/data/api/README.md,
 * summarised in fixtures/fetch/README.md). Both answers become rows keyed by the table's
 * labels, the shape of the shipped Y30R21 file, so `benchmark --input` reads them.
 */
import { FetchError, type HttpOptions, request } from "./http.js";

export const DEFAULT_JOBINDSATS_ROOT = "https://api.jobindsats.dk";

export type ApiVersion = "v2" | "v3";

export interface JobindsatsQuery {
  root: string;
  token: string;
  api: ApiVersion;
  /** Table id as the API names it (y30r21); v3 wants lower case, v2 takes either. */
  table: string;
  /** Explicit period ids, or ["latest"]. */
  periods: readonly string[];
  /** `*` for all, or area names. */
  areas: readonly string[];
  /** Dimension filters by variable id (`_ygrp_y30r21`) → values (`*` for all). */
  filters: Readonly<Record<string, readonly string[]>>;
}

export interface JobindsatsResult {
  /** Column labels in the API's order. */
  labels: string[];
  rows: Array<Record<string, unknown>>;
  /** The URL asked for, which never holds the token. */
  url: string;
  /** The periods asked for, `latest` resolved. */
  periods: string[];
}

/** A refused token answered with 200 and this body (STAR's guide). */
const REFUSED = "Forkert nøgle eller nøglen er udløbet.";

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  } catch {
    throw new FetchError(`${what}: the answer is not JSON`, "E_FETCH_SHAPE");
  }
}

function refusedToken(body: unknown, what: string): void {
  if (body !== null && typeof body === "object" && Object.hasOwn(body, REFUSED)) {
    throw new FetchError(
      `${what}: the token was refused ("${REFUSED}"); check JOBINDSATS_TOKEN`,
      "E_FETCH_TOKEN",
    );
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

function cellsOk(rows: unknown, width: number): rows is unknown[][] {
  return (
    Array.isArray(rows) &&
    rows.every(
      (r) =>
        Array.isArray(r) &&
        r.length === width &&
        r.every((c) => c === null || ["string", "number"].includes(typeof c)),
    )
  );
}

/** v2: `[{"Variables": [{"Name", "Label"}], "Data": [[…]]}]`. */
export function parseV2(body: unknown, what: string): { labels: string[]; data: unknown[][] } {
  refusedToken(body, what);
  const first = Array.isArray(body) ? body[0] : undefined;
  const variables = isObject(first) ? first.Variables : undefined;
  const labels =
    Array.isArray(variables) &&
    variables.every((v) => isObject(v) && typeof v.Label === "string" && v.Label !== "")
      ? variables.map((v) => (v as { Label: string }).Label)
      : undefined;
  const data = isObject(first) ? first.Data : undefined;
  if (
    !Array.isArray(body) ||
    body.length !== 1 ||
    labels === undefined ||
    !cellsOk(data, labels.length)
  ) {
    throw new FetchError(
      `${what}: expected [{"Variables": [{"Name", "Label"}…], "Data": [[…]…]}] (API v2), got another shape`,
      "E_FETCH_SHAPE",
    );
  }
  return { labels, data };
}

/** v3: `{"columns": [labels…], "rows": [[…]]}`. */
export function parseV3(body: unknown, what: string): { labels: string[]; data: unknown[][] } {
  refusedToken(body, what);
  const columns = isObject(body) ? body.columns : undefined;
  const rows = isObject(body) ? body.rows : undefined;
  if (
    !Array.isArray(columns) ||
    !columns.every((c) => typeof c === "string" && c !== "") ||
    !cellsOk(rows, columns.length)
  ) {
    throw new FetchError(
      `${what}: expected {"columns": [labels…], "rows": [[…]…]} (API v3), got another shape`,
      "E_FETCH_SHAPE",
    );
  }
  return { labels: columns as string[], data: rows };
}

/** The v3 period type of an id: 2023QMAT04 → QMAT, 2024Q1 → Q, 2024M01 → M, 2024 → Y. */
export function periodType(id: string): string {
  const m = /^\d{4}(QMAT|MAT|Q|K|M|H)?\d*$/i.exec(id);
  if (m === null)
    throw new FetchError(
      `period '${id}': not a jobindsats period id (2023QMAT04, 2024Q1, 2024M01, 2024)`,
      "E_FETCH_SHAPE",
    );
  return m[1]?.toUpperCase() ?? "Y";
}

function authHeader(query: JobindsatsQuery): Record<string, string> {
  // v2 takes the bare token, v3 a bearer token (STAR's guide; public code of 2025).
  return { Authorization: query.api === "v2" ? query.token : `Bearer ${query.token}` };
}

function base(root: string): string {
  return root.replace(/\/+$/, "");
}

/** The URL of a data request; the token travels in a header, never here. */
export function dataUrl(query: JobindsatsQuery, periods: readonly string[]): string {
  const table = encodeURIComponent(query.api === "v3" ? query.table.toLowerCase() : query.table);
  const params = new URLSearchParams();
  if (query.api === "v2") {
    params.set("period", periods.join(","));
    params.set("area", query.areas.join(","));
    for (const [id, values] of Object.entries(query.filters)) params.set(id, values.join(","));
    return `${base(query.root)}/v2/data/${table}/json/?${params}`;
  }
  params.set("format", "json");
  const byType = new Map<string, string[]>();
  for (const p of periods) {
    const type = periodType(p);
    byType.set(type, [...(byType.get(type) ?? []), p]);
  }
  for (const [type, ids] of byType) params.set(`period.${type}`, ids.join(","));
  params.set("hierarchy._nykom", query.areas.join(","));
  for (const [id, values] of Object.entries(query.filters)) {
    params.set(`hierarchy.${id}`, values.join(","));
  }
  params.set("mgroup.*", "*");
  return `${base(query.root)}/v3/data/${table}?${params}`;
}

/** v3's table metadata lists the periods; the latest is the last id of the first type. */
async function latestPeriod(query: JobindsatsQuery, http: HttpOptions): Promise<string> {
  const table = encodeURIComponent(query.table.toLowerCase());
  const url =
    query.api === "v3"
      ? `${base(query.root)}/v3/table/${table}?format=json`
      : `${base(query.root)}/v2/tables/${table}`;
  const answer = await request({ url, headers: authHeader(query) }, url, http);
  const body = parseJson(answer.text, url);
  refusedToken(body, url);
  const periods = periodIds(body);
  const latest = periods.sort().at(-1);
  if (latest === undefined) {
    throw new FetchError(`${url}: the table's metadata lists no periods`, "E_FETCH_SHAPE");
  }
  return latest;
}

/**
 * Period ids in table metadata: v3 `{"periods": [{"periodtype_id", "values": [{"period_id"}]}]}`
 * (the first period type); v2 `[{"Period": ["2021QMAT04", …]}]` or `{"Period": […]}`.
 */
function periodIds(body: unknown): string[] {
  const meta = Array.isArray(body) ? body[0] : body;
  if (!isObject(meta)) return [];
  if (Array.isArray(meta.periods)) {
    const first = meta.periods[0];
    const values = isObject(first) && Array.isArray(first.values) ? first.values : [];
    return values.flatMap((v) =>
      isObject(v) && typeof v.period_id === "string" ? [v.period_id] : [],
    );
  }
  const list = meta.Period ?? meta.period ?? meta.Periods;
  return Array.isArray(list) ? list.filter((p): p is string => typeof p === "string") : [];
}

export async function fetchJobindsats(
  query: JobindsatsQuery,
  http: HttpOptions,
): Promise<JobindsatsResult> {
  const periods = query.periods.includes("latest")
    ? [...query.periods.filter((p) => p !== "latest"), await latestPeriod(query, http)]
    : [...query.periods];
  const url = dataUrl(query, periods);
  const answer = await request({ url, headers: authHeader(query) }, url, http);
  const body = parseJson(answer.text, url);
  const { labels, data } = query.api === "v2" ? parseV2(body, url) : parseV3(body, url);
  if (data.length === 0) {
    throw new FetchError(
      `${url}: the API answered no rows for ${query.table} ${periods.join(", ")}`,
      "E_FETCH_EMPTY",
    );
  }
  const rows = data.map((cells) => Object.fromEntries(labels.map((l, i) => [l, cells[i]])));
  return { labels, rows, url, periods };
}
