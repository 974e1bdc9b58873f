/**
 * The one place that talks to the network: node's global fetch with a timeout per
 * request, bounded retries with back-off on 429 and 5xx (Retry-After honoured), and every
 * failure turned into a FetchError with a stable code and one line of text. Secrets (the
 * jobindsats token) are sent in headers only and scrubbed from every message.
 */
import { UsageError } from "../diagnostics.js";

export type FetchErrorCode =
  | "E_FETCH_TOKEN"
  | "E_FETCH_NETWORK"
  | "E_FETCH_TIMEOUT"
  | "E_FETCH_HTTP"
  | "E_FETCH_SHAPE"
  | "E_FETCH_EMPTY";

/** A failed fetch: exit 2, one line `error: … [E_FETCH_…]`, no file written. */
export class FetchError extends UsageError {
  readonly fetchCode: FetchErrorCode;
  constructor(message: string, code: FetchErrorCode) {
    super(message, code);
    this.name = "FetchError";
    this.fetchCode = code;
  }
}

export interface HttpOptions {
  /** Per request, in milliseconds. */
  timeoutMs: number;
  /** Further attempts after a 429 or 5xx answer. */
  retries: number;
  /** First back-off delay; doubled on every retry. */
  retryDelayMs: number;
  /** Upper bound of any delay, Retry-After included. */
  maxDelayMs: number;
  /** Strings never to show (the token). */
  secrets: readonly string[];
}

export const DEFAULT_HTTP: HttpOptions = {
  timeoutMs: 30_000,
  retries: 3,
  retryDelayMs: 1000,
  maxDelayMs: 30_000,
  secrets: [],
};

export interface HttpRequest {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  text: string;
}

/** Removes every secret from a text shown to the user. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join("***");
  return out.replace(/\s+/g, " ").trim();
}

/** The API's own cause of an error answer: a JSON `cause`/`message`, else the text. */
export function causeOf(text: string): string {
  try {
    const body = JSON.parse(text) as unknown;
    if (body !== null && typeof body === "object" && !Array.isArray(body)) {
      const o = body as Record<string, unknown>;
      for (const key of ["cause", "message", "Message", "error", "detail"]) {
        if (typeof o[key] === "string" && o[key] !== "") return o[key] as string;
      }
      const keys = Object.keys(o);
      if (keys.length === 1 && keys[0] !== undefined) return keys[0];
    }
  } catch {
    // not JSON: the text itself
  }
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Why a request could not be made at all (no answer): the system's own code if any. */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * One request, retried on 429/5xx. Answers 2xx with the body; a refused token
 * (401/403) and any other error answer become FetchErrors carrying the API's cause.
 * `what` names the request in messages (the URL without any secret).
 */
export async function request(
  req: HttpRequest,
  what: string,
  options: HttpOptions,
): Promise<HttpAnswer> {
  const show = (text: string) => scrub(text, options.secrets);
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    let text: string;
    try {
      response = await fetch(req.url, {
        method: req.method ?? "GET",
        ...(req.headers !== undefined ? { headers: req.headers } : {}),
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: AbortSignal.timeout(options.timeoutMs),
        redirect: "follow",
      });
      // The bytes as returned: StatBank's BOM is kept (response.text() would drop it).
      text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === "TimeoutError" || name === "AbortError") {
        throw new FetchError(
          `${show(what)}: no answer within ${options.timeoutMs / 1000} s (raise --timeout)`,
          "E_FETCH_TIMEOUT",
        );
      }
      throw new FetchError(
        `${show(what)}: cannot reach the server (${show(networkCause(error))})`,
        "E_FETCH_NETWORK",
      );
    }
    const status = response.status;
    if (status >= 200 && status < 300) return { status, text };
    if (status === 401 || status === 403) {
      throw new FetchError(
        `${show(what)}: the token was refused (HTTP ${status}: ${show(causeOf(text))}); check JOBINDSATS_TOKEN`,
        "E_FETCH_TOKEN",
      );
    }
    const retriable = status === 429 || status >= 500;
    if (retriable && attempt < options.retries) {
      const delay =
        retryAfterMs(response.headers.get("retry-after")) ?? options.retryDelayMs * 2 ** attempt;
      await sleep(Math.min(delay, options.maxDelayMs));
      continue;
    }
    const tries = attempt > 0 ? ` after ${attempt + 1} attempts` : "";
    throw new FetchError(
      `${show(what)}: HTTP ${status}${tries}: ${show(causeOf(text))}`,
      "E_FETCH_HTTP",
    );
  }
}
