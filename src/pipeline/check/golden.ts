/** Reading a golden file (an earlier `--format json` output) and finding its recorded inputs. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { InputError } from "../../diagnostics.js";

export function readGolden(path: string): Record<string, unknown> {
  if (!existsSync(path)) {
    throw new InputError([
      { code: "E_FILE_NOT_FOUND", message: "golden file not found", file: path },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InputError([
      {
        code: "E_JSON",
        message: `not a JSON document (${(error as Error).message}); expected an earlier --format json output`,
        file: path,
      },
    ]);
  }
  const doc = parsed as Record<string, unknown>;
  if (typeof doc !== "object" || doc === null || typeof doc.options !== "object") {
    throw new InputError([
      {
        code: "E_GOLDEN_NO_OPTIONS",
        message:
          "the golden file has no 'options' record; expected an earlier --format json output",
        file: path,
      },
    ]);
  }
  return doc;
}

/** Recorded relative inputs are tried from the working directory, then beside the golden file. */
export function locateInputs(recorded: unknown, goldenPath: string): string[] {
  if (!Array.isArray(recorded)) return [];
  return recorded.map((input) => {
    const text = String(input);
    if (existsSync(text)) return text;
    const beside = resolve(dirname(goldenPath), text);
    return existsSync(beside) ? beside : text;
  });
}
