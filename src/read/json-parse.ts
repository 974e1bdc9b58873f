/**
 * A small JSON parser that remembers where things are: the line each object or array starts
 * on (so rows can point at their record) and the line and column of a syntax error (which
 * `JSON.parse` does not reliably give). Objects become `Map`s, which keep key order as
 * written (plain objects move integer-like keys first) and cannot be polluted via `__proto__`.
 *
 * Why our own and not jsonc-parser's located visitor (`visit`, offsets, lines and columns):
 * made to build the same result, the visitor took about twice as long warm on the shipped
 * inputs (the JSON lines line by line, the 51 KB API response, a generated 12 MB one),
 * up to three times as long on a fresh process's first parse, and ~22 ms to load against ~6 ms
 * (bench/json-parse.mjs; docs/performance.md, "Parsing JSON"). It would also need its
 * error codes mapped back to these messages and columns, which test/read/json-parse.test.ts
 * and the bad-input tests assert.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

export interface JsonParseLimits {
  maxStringChars: number;
  maxDepth: number;
}

export interface ParsedJson {
  value: JsonValue;
  /** The 1-based line where each object and array starts. */
  lines: WeakMap<object, number>;
}

/** A syntax error (`kind: "syntax"`) or a string over the field limit (`kind: "field"`). */
export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly kind: "syntax" | "field" = "syntax",
  ) {
    super(message);
    this.name = "JsonParseError";
  }
}

/** Parses one JSON text whose first character is on line `firstLine` of its file. */
export function parseJson(text: string, limits: JsonParseLimits, firstLine = 1): ParsedJson {
  const parser = new Parser(text, limits, firstLine);
  parser.skipWhitespace();
  const value = parser.value(0);
  parser.skipWhitespace();
  if (parser.pos < text.length) parser.fail("expected the end of the JSON text");
  return { value, lines: parser.lines };
}

// A run of characters that need no decoding: JSON forbids raw control characters in strings,
// so the run stops at one and the slow path reports it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const PLAIN_STRING = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

class Parser {
  pos = 0;
  private line: number;
  private lineStart = 0;
  readonly lines = new WeakMap<object, number>();

  constructor(
    private readonly text: string,
    private readonly limits: JsonParseLimits,
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  fail(expected: string, kind: "syntax" | "field" = "syntax"): never {
    const c = this.text[this.pos];
    const found = c === undefined ? "the end of the text" : JSON.stringify(c);
    const message = kind === "field" ? expected : `${expected}, found ${found}`;
    throw new JsonParseError(message, this.line, this.pos - this.lineStart + 1, kind);
  }

  skipWhitespace(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0d) this.pos++;
      else if (c === 0x0a) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else return;
    }
  }

  value(depth: number): JsonValue {
    switch (this.text[this.pos]) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.string();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        return this.number();
    }
  }

  private enter(depth: number): void {
    if (depth >= this.limits.maxDepth) {
      this.fail(`expected at most ${this.limits.maxDepth} levels of nesting`);
    }
  }

  private object(depth: number): JsonObject {
    this.enter(depth);
    const result: JsonObject = new Map();
    this.lines.set(result, this.line);
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail("expected a quoted key");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail("expected ':' after the key");
      this.pos++;
      this.skipWhitespace();
      result.set(key, this.value(depth + 1));
      this.skipWhitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "}") return result;
      if (c !== ",") {
        this.pos--;
        this.fail("expected ',' or '}' in the object");
      }
      this.skipWhitespace();
    }
  }

  private array(depth: number): JsonValue[] {
    this.enter(depth);
    const result: JsonValue[] = [];
    this.lines.set(result, this.line);
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      result.push(this.value(depth + 1));
      this.skipWhitespace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "]") return result;
      if (c !== ",") {
        this.pos--;
        this.fail("expected ',' or ']' in the array");
      }
      this.skipWhitespace();
    }
  }

  private string(): string {
    const start = ++this.pos;
    PLAIN_STRING.lastIndex = start;
    PLAIN_STRING.exec(this.text);
    this.pos = PLAIN_STRING.lastIndex;
    if (this.text[this.pos] === '"') {
      this.checkSize(this.pos - start, start, true);
      this.pos++;
      return this.text.slice(start, this.pos - 1);
    }
    return this.escapedString(start);
  }

  /** The slow path, for strings with escapes (or errors). */
  private escapedString(start: number): string {
    const parts = [this.text.slice(start, this.pos)];
    let size = this.pos - start;
    for (;;) {
      const c = this.text[this.pos];
      if (c === '"') {
        this.pos++;
        return parts.join("");
      }
      if (c === undefined) this.fail("expected '\"' to close the string");
      if (c === "\\") {
        const e = this.text[this.pos + 1] ?? "";
        if (e === "u") {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("expected four hex digits after \\u");
          parts.push(String.fromCharCode(Number.parseInt(hex, 16)));
          this.pos += 6;
        } else {
          const replacement = ESCAPES[e];
          if (replacement === undefined) {
            this.pos++;
            this.fail('expected a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
          }
          parts.push(replacement);
          this.pos += 2;
        }
        size++;
      } else if (c.charCodeAt(0) < 0x20) {
        this.fail("expected a control character to be escaped in the string");
      } else {
        PLAIN_STRING.lastIndex = this.pos;
        PLAIN_STRING.exec(this.text);
        parts.push(this.text.slice(this.pos, PLAIN_STRING.lastIndex));
        size += PLAIN_STRING.lastIndex - this.pos;
        this.pos = PLAIN_STRING.lastIndex;
      }
      this.checkSize(size, start, false);
    }
  }

  private checkSize(size: number, start: number, complete: boolean): void {
    if (size <= this.limits.maxStringChars) return;
    this.pos = start - 1;
    this.fail(
      `expected a string of at most ${this.limits.maxStringChars} characters, found ${complete ? "" : "more than "}${complete ? size : size - 1}`,
      "field",
    );
  }

  private literal<T extends JsonValue>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail("expected a JSON value");
    this.pos += word.length;
    return value;
  }

  private number(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail("expected a JSON value");
    this.pos = NUMBER.lastIndex;
    return Number(match[0]);
  }
}
