/**
 * Every usage error ends in a stable code: the project's own (`[E_PERIOD]`, …), the general
 * `[E_USAGE]` for one without a code of its own, and commander's errors (an unknown option, a
 * choice not allowed) too, in both languages. Exit 2, no stack trace.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runCli, STACK_FRAME, stderrLines } from "./helpers.js";

beforeAll(() => ensureBuilt());

const cases: Array<{ args: string[]; code: string }> = [
  { args: ["benchmark", "--covariates", ""], code: "E_USAGE" },
  { args: ["benchmark", "--cost-per-fte", "-5"], code: "E_USAGE" },
  { args: ["explain", "--unit", "foo", "Billund"], code: "E_USAGE" },
  { args: ["benchmark", "--nope"], code: "E_USAGE" },
  { args: ["index", "--period", "1950X4"], code: "E_PERIOD" },
];

describe("usage errors carry a code", () => {
  for (const lang of ["en", "da"]) {
    for (const { args, code } of cases) {
      it(`${lang}: jobindex ${args.join(" ")} → [${code}]`, async () => {
        const r = await runCli(["--lang", lang, ...args]);
        expect(r.code).toBe(2);
        const first = stderrLines(r)[0] ?? "";
        expect(first).toMatch(new RegExp(`^(error|fejl): .*\\[${code}\\]$`));
        expect(r.stderr).not.toMatch(STACK_FRAME);
      });
    }
  }
});
