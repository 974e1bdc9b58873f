import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Evaluation,
  type Expression,
  evaluateExpression,
  expressionColumns,
  expressionValue,
  type Failure,
  formatExpression,
  parseExpression,
} from "../../src/composite/expression.js";

function parse(text: string) {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(r.message);
  return r.expression;
}

describe("the profile formula language", () => {
  it("respects precedence, parentheses and unary minus", () => {
    expect(evaluateExpression(parse("1 + 2 * 3"), {})).toEqual({ ok: true, value: 7 });
    expect(evaluateExpression(parse("(1 + 2) * 3"), {})).toEqual({ ok: true, value: 9 });
    expect(evaluateExpression(parse("-a / -b - 1e1"), { a: 6, b: 3 })).toEqual({
      ok: true,
      value: -8,
    });
    expect(evaluateExpression(parse("8 / 4 / 2"), {})).toEqual({ ok: true, value: 1 });
  });

  it("lists columns and prints itself back", () => {
    const e = parse("100 * (a / b - c / (d + a))");
    expect(expressionColumns(e)).toEqual(["a", "b", "c", "d"]);
    expect(formatExpression(e)).toBe("100 * (a / b - c / (d + a))");
  });

  it("a zero denominator or an absent count makes the value missing, with why", () => {
    expect(evaluateExpression(parse("a / (b - c)"), { a: 1, b: 2, c: 2 })).toEqual({
      ok: false,
      reason: { kind: "zero_denominator", denominator: "b - c" },
    });
    expect(evaluateExpression(parse("a / b"), { a: null, b: 2 })).toEqual({
      ok: false,
      reason: { kind: "missing_count", column: "a" },
    });
  });

  it("rejects malformed text with a position", () => {
    expect(parseExpression("a / (b")).toEqual({
      ok: false,
      message: expect.stringMatching(/missing '\)'/),
    });
    expect(parseExpression("a $ b")).toEqual({
      ok: false,
      message: expect.stringMatching(/unexpected character '\$'/),
    });
    expect(parseExpression("a b")).toEqual({ ok: false, message: "unexpected 'b' at position 3" });
    expect(parseExpression("a *")).toEqual({ ok: false, message: "unexpected end of expression" });
  });
});

/** The evaluator as it was, one result object per node: the reference for the one without. */
function evaluateByNodes(
  e: Expression,
  counts: Readonly<Record<string, number | null | undefined>>,
): Evaluation {
  switch (e.kind) {
    case "number":
      return { ok: true, value: e.value };
    case "column": {
      const v = counts[e.name];
      return v === null || v === undefined
        ? { ok: false, reason: { kind: "missing_count", column: e.name } }
        : { ok: true, value: v };
    }
    case "negate": {
      const inner = evaluateByNodes(e.operand, counts);
      return inner.ok ? { ok: true, value: -inner.value } : inner;
    }
    case "binary": {
      const left = evaluateByNodes(e.left, counts);
      if (!left.ok) return left;
      const right = evaluateByNodes(e.right, counts);
      if (!right.ok) return right;
      if (e.op === "/" && right.value === 0) {
        return {
          ok: false,
          reason: { kind: "zero_denominator", denominator: formatExpression(e.right) },
        };
      }
      const value =
        e.op === "+"
          ? left.value + right.value
          : e.op === "-"
            ? left.value - right.value
            : e.op === "*"
              ? left.value * right.value
              : left.value / right.value;
      return { ok: true, value };
    }
  }
}

const expression: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ kind: fc.constant("number" as const), value: fc.constantFrom(0, 1, 2.5, 1e308) }),
    fc.record({ kind: fc.constant("column" as const), name: fc.constantFrom("a", "b", "c") }),
    fc.record({ kind: fc.constant("negate" as const), operand: tie("e") }),
    fc.record({
      kind: fc.constant("binary" as const),
      op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const),
      left: tie("e"),
      right: tie("e"),
    }),
  ),
})).e;

describe("expressionValue", () => {
  it("gives the value, or NaN and the reason, that the evaluation by nodes gives", () => {
    const count = fc.constantFrom(null, undefined, 0, 1, -3, 0.5, 1e308);
    // One holder for every evaluation, as computeIndicators uses it: each call clears it.
    const failure: Failure = {};
    fc.assert(
      fc.property(expression, fc.record({ a: count, b: count, c: count }), (e, counts) => {
        const value = expressionValue(e, counts, failure);
        const expected = evaluateByNodes(e, counts);
        if (expected.ok) {
          expect(failure.reason).toBeUndefined();
          expect(value).toBe(expected.value);
        } else {
          expect(failure.reason).toEqual(expected.reason);
          expect(value).toBeNaN();
        }
        expect(evaluateExpression(e, counts)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
