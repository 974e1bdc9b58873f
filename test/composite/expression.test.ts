import { describe, expect, it } from "vitest";
import {
  evaluateExpression,
  expressionColumns,
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
