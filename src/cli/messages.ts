/**
 * Diagnostics and usage errors as the CLI prints them, in the run's language. Codes stay
 * as they are; the frame (`error:`, `warning:`) is always translated, and the wording
 * wherever the catalogue has a pattern for the code (src/i18n/diagnostics.ts). A message
 * with no pattern in the catalogue stays English.
 */
import type { Diagnostic } from "../diagnostics.js";
import { translateDiagnostic } from "../i18n/diagnostics.js";
import { t } from "../i18n/index.js";

/** `message` in the run's language, when one of the catalogue's patterns for `code` fits. */
export function translateMessage(code: string | undefined, message: string): string {
  return translateDiagnostic(code, message);
}

/** `file:line:column: fejl: … [CODE]`: formatDiagnostic's shape, in the run's language. */
export function diagnosticLine(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
  const prefix = d.severity === "warning" ? t("cli.warning") : t("cli.error");
  const message = translateMessage(d.code, d.message).replace(/\r\n|\r|\n/g, "\\n");
  return `${where ? `${where}: ` : ""}${prefix}: ${message} [${d.code}]`;
}

/**
 * A usage error's message (`… [E_PERIOD]`), translated where a pattern fits. One without a
 * code of its own gets the general `E_USAGE`, so every error line ends in a stable code.
 */
export function translateUsage(message: string): string {
  const m = /^(.*) \[(E_[A-Z0-9_]+)\]$/s.exec(message);
  if (m === null) return `${translateMessage("USAGE", message)} [E_USAGE]`;
  const [, text = "", code = ""] = m;
  const translated = translateMessage(code, text);
  return `${translated === text && code === "E_USAGE" ? translateMessage("USAGE", text) : translated} [${code}]`;
}
