/**
 * Problems are values: every reader and validator collects Diagnostics instead of
 * throwing at the first one, and the CLI decides the exit code.
 */
export interface Diagnostic {
  /** Stable machine code, e.g. `E_UNKNOWN_MUNICIPALITY`. Documented in README. */
  code: string;
  message: string;
  file?: string;
  /** 1-based physical line in the file. */
  line?: number;
  /** 1-based column (field index for CSV). */
  column?: number;
  severity?: "error" | "warning";
}

/** Thrown by the programmatic API when input is unusable; carries every problem found. */
export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "InputError";
    this.diagnostics = diagnostics;
  }
}

/**
 * Bad usage (flags), as opposed to bad input data. Also exit code 2. A stable `code`
 * (`E_PERIOD`) is shown after the message as in a diagnostic: `… [E_PERIOD]`.
 */
export class UsageError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(code === undefined ? message : `${message} [${code}]`);
    this.name = "UsageError";
    this.code = code;
  }
}

/** `file:line:column: message [CODE]`: one line per problem, the shape compilers use. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
  const prefix = d.severity === "warning" ? "warning: " : "error: ";
  // Messages quote cells, and a quoted CSV cell may hold a line break: written as \n so
  // every problem stays on one line.
  const message = d.message.replace(/\r\n|\r|\n/g, "\\n");
  return `${where ? `${where}: ` : ""}${prefix}${message} [${d.code}]`;
}

/** Collects diagnostics; throws them together when asked. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  /** Stop collecting after this many, so a broken 1 GB file does not fill memory. */
  constructor(readonly limit = 200) {}
  add(d: Diagnostic): void {
    if (this.items.length < this.limit) this.items.push(d);
    else if (this.items.length === this.limit) {
      this.items.push({
        code: "E_TOO_MANY",
        message: `more than ${this.limit} problems; stopped listing`,
        ...(d.file !== undefined ? { file: d.file } : {}),
      });
    }
  }
  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity !== "warning");
  }
  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
  throwIfErrors(): void {
    if (this.hasErrors) throw new InputError(this.items);
  }
}

let warningSink: (warning: Diagnostic) => void = () => {};

/** Where warnings of a read go when the caller names no handler: the CLI sets standard error. */
export function setWarningSink(sink: (warning: Diagnostic) => void): void {
  warningSink = sink;
}

/** Hands one warning (W_ code) to the sink set by `setWarningSink`. */
export function reportWarning(warning: Diagnostic): void {
  warningSink(warning);
}
