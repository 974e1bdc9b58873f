/**
 * Statistics Denmark's StatBank API: `POST {root}/v1/data` in BULK format, no key. The
 * answer is kept as returned (`;`-separated, BOM, CRLF, value column INDHOLD), which the
 * StatBank bulk reader (`--covariate-data`) reads.
 */
import { FetchError, type HttpOptions, request } from "./http.js";

export const DEFAULT_STATBANK_ROOT = "https://api.statbank.dk";

export interface StatbankQuery {
  root: string;
  table: string;
  /** Variable code → value codes (`*` for all); BULK needs a selection for every variable. */
  variables: ReadonlyArray<{ code: string; values: readonly string[] }>;
}

export interface StatbankResult {
  text: string;
  url: string;
  body: Record<string, unknown>;
}

export async function fetchStatbank(
  query: StatbankQuery,
  http: HttpOptions,
): Promise<StatbankResult> {
  const url = `${query.root.replace(/\/+$/, "")}/v1/data`;
  const body = {
    table: query.table,
    format: "BULK",
    variables: query.variables.map((v) => ({ code: v.code, values: [...v.values] })),
  };
  const what = `${url} (${query.table})`;
  const answer = await request(
    {
      url,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    },
    what,
    http,
  );
  const header = answer.text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const columns = header.split(";");
  if (!columns.includes("INDHOLD") || columns.length < 2) {
    throw new FetchError(
      `${what}: expected a ;-separated bulk CSV with an INDHOLD column, got another shape`,
      "E_FETCH_SHAPE",
    );
  }
  if (
    answer.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/).length < 2
  ) {
    throw new FetchError(`${what}: the API answered no rows`, "E_FETCH_EMPTY");
  }
  return { text: answer.text, url, body };
}
