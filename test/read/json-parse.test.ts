import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonParseError, type JsonValue, parseJson } from "../../src/read/json-parse.js";

const limits = { maxStringChars: 1000, maxDepth: 64 };

/** Back to plain JSON values, to compare with JSON.parse. */
function plain(value: JsonValue): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [k, plain(v)]));
  return value;
}

function errorOf(text: string): JsonParseError {
  try {
    parseJson(text, limits);
  } catch (error) {
    if (error instanceof JsonParseError) return error;
  }
  throw new Error(`expected ${text} to fail`);
}

describe("parseJson", () => {
  it("agrees with JSON.parse on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 2);
        expect(plain(parseJson(text, { maxStringChars: 1e6, maxDepth: 64 }).value)).toEqual(
          JSON.parse(text),
        );
      }),
    );
  });

  it("records the line each object and array starts on", () => {
    const { value, lines } = parseJson('[\n  {"a": 1},\n\n  [2,\n 3]\n]', limits);
    const items = value as JsonValue[];
    expect(lines.get(items)).toBe(1);
    expect(lines.get(items[0] as object)).toBe(2);
    expect(lines.get(items[1] as object)).toBe(4);
  });

  it("keeps key order as written, integer-like keys included, and __proto__ as a plain key", () => {
    const { value } = parseJson('{"b": 1, "2": 2, "a": 3, "__proto__": 4}', limits);
    expect([...(value as Map<string, JsonValue>).keys()]).toEqual(["b", "2", "a", "__proto__"]);
  });

  it.each([
    ['{"a" 1}', 1, 6, "expected ':' after the key"],
    ["[1, 2", 1, 6, "expected ',' or ']' in the array"],
    ['{"a": tru}', 1, 7, "expected a JSON value"],
    ["[1]\n x", 2, 2, "expected the end of the JSON text"],
    ['"a\\qb"', 1, 4, "expected a valid escape"],
    ["", 1, 1, "expected a JSON value"],
  ])("%j fails at %d:%d", (text, line, column, message) => {
    const error = errorOf(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(message);
  });

  it("refuses too deep nesting and too long strings", () => {
    expect(errorOf("[".repeat(100)).message).toContain("at most 64 levels");
    const long = errorOf(`["${"x".repeat(2000)}"]`);
    expect(long.kind).toBe("field");
    expect(long.column).toBe(2);
  });
});
