/**
 * Diagnostics and usage errors as the CLI prints them, in the run's language. Codes stay
 * as they are; the frame (`error:`, `warning:`) is always translated, and the wording of
 * the common messages where the catalogue has a pattern for the code (`diag.<CODE>`): the
 * English message is matched against the English pattern and its values carried over.
 * A message with no pattern in the catalogue stays English.
 */
import type { Diagnostic } from "../diagnostics.js";
import { catalogue, currentLang, t, translate } from "../i18n/index.js";

/** The English pattern `text {a} more {b}` as a regular expression capturing a and b. */
function matcher(pattern: string): { re: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split(/(\{[a-z_0-9]+\})/i)
    .map((part) => {
      const m = /^\{([a-z_0-9]+)\}$/i.exec(part);
      if (m) {
        names.push(m[1] as string);
        return "(.+?)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { re: new RegExp(`^${source}$`, "s"), names };
}

/** `message` in the run's language, when one of the catalogue's patterns for `code` fits. */
export function translateMessage(code: string | undefined, message: string): string {
  if (currentLang() === "en" || code === undefined) return message;
  const en = catalogue("en");
  for (const key of Object.keys(en).filter(
    (k) => k === `diag.${code}` || k.startsWith(`diag.${code}.`),
  )) {
    const { re, names } = matcher(en[key] as string);
    const m = re.exec(message);
    if (m === null) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ""]));
    return translate(currentLang(), key, params);
  }
  return message;
}

/** `file:line:column: fejl: … [CODE]`: formatDiagnostic's shape, in the run's language. */
export function diagnosticLine(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
  const prefix = d.severity === "warning" ? t("cli.warning") : t("cli.error");
  const message = translateMessage(d.code, d.message).replace(/\r\n|\r|\n/g, "\\n");
  return `${where ? `${where}: ` : ""}${prefix}: ${message} [${d.code}]`;
}

/** A usage error's message (`… [E_PERIOD]`), translated where a pattern fits. */
export function translateUsage(message: string): string {
  const m = /^(.*) \[(E_[A-Z0-9_]+)\]$/s.exec(message);
  if (m === null) return translateMessage("USAGE", message);
  return `${translateMessage(m[2], m[1] as string)} [${m[2]}]`;
}
