/**
 * The small formula language of method profiles: numbers, column names, + − * /, unary
 * minus and parentheses. An indicator is an expression over a unit's *summed* counts, so
 * every indicator is a ratio of sums however it is written. A division by zero makes the
 * indicator missing (METHOD.md A), never infinite.
 */
export type Expression =
  | { kind: "number"; value: number }
  | { kind: "column"; name: string }
  | { kind: "negate"; operand: Expression }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: Expression; right: Expression };

export type ParseResult = { ok: true; expression: Expression } | { ok: false; message: string };

type Token =
  | { type: "number"; value: number; at: number }
  | { type: "name"; value: string; at: number }
  | { type: "op"; value: "+" | "-" | "*" | "/" | "(" | ")"; at: number };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return `unexpected character '${text.slice(at).trimStart()[0]}' at position ${at + 1}`;
    const start = at + (m[0].length - m[0].trimStart().length);
    if (m[1] !== undefined) tokens.push({ type: "number", value: Number(m[1]), at: start });
    else if (m[2] !== undefined) tokens.push({ type: "name", value: m[2], at: start });
    else tokens.push({ type: "op", value: m[3] as "+" | "-" | "*" | "/" | "(" | ")", at: start });
    at = TOKEN.lastIndex;
  }
  return tokens;
}

/** Recursive descent: sum := product (('+'|'-') product)*; product := unary (('*'|'/') unary)*. */
export function parseExpression(text: string): ParseResult {
  const tokenized = tokenize(text);
  if (typeof tokenized === "string") return { ok: false, message: tokenized };
  const tokens: Token[] = tokenized;
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const isOp = (t: Token | undefined, ...ops: string[]): boolean =>
    t?.type === "op" && ops.includes(t.value);

  function sum(): Expression | string {
    let left = product();
    while (typeof left !== "string" && isOp(peek(), "+", "-")) {
      const op = (tokens[i++] as Token).value as "+" | "-";
      const right = product();
      if (typeof right === "string") return right;
      left = { kind: "binary", op, left, right };
    }
    return left;
  }
  function product(): Expression | string {
    let left = unary();
    while (typeof left !== "string" && isOp(peek(), "*", "/")) {
      const op = (tokens[i++] as Token).value as "*" | "/";
      const right = unary();
      if (typeof right === "string") return right;
      left = { kind: "binary", op, left, right };
    }
    return left;
  }
  function unary(): Expression | string {
    if (isOp(peek(), "-")) {
      i++;
      const operand = unary();
      return typeof operand === "string" ? operand : { kind: "negate", operand };
    }
    return primary();
  }
  function primary(): Expression | string {
    const t = tokens[i++];
    if (t === undefined) return "unexpected end of expression";
    if (t.type === "number") return { kind: "number", value: t.value };
    if (t.type === "name") return { kind: "column", name: t.value };
    if (t.value === "(") {
      const inner = sum();
      if (typeof inner === "string") return inner;
      if (!isOp(tokens[i], ")")) return `missing ')' at position ${tokens[i]?.at ?? text.length}`;
      i++;
      return inner;
    }
    return `unexpected '${t.value}' at position ${t.at + 1}`;
  }

  const expression = sum();
  if (typeof expression === "string") return { ok: false, message: expression };
  const rest = tokens[i];
  if (rest !== undefined)
    return { ok: false, message: `unexpected '${rest.value}' at position ${rest.at + 1}` };
  return { ok: true, expression };
}

/** Column names an expression reads, in first-use order. */
export function expressionColumns(expression: Expression): string[] {
  const out: string[] = [];
  const visit = (e: Expression): void => {
    if (e.kind === "column") {
      if (!out.includes(e.name)) out.push(e.name);
    } else if (e.kind === "negate") visit(e.operand);
    else if (e.kind === "binary") {
      visit(e.left);
      visit(e.right);
    }
  };
  visit(expression);
  return out;
}

/** Readable text of an expression, for messages ("zero denominator: a + b = 0"). */
export function formatExpression(e: Expression): string {
  switch (e.kind) {
    case "number":
      return String(e.value);
    case "column":
      return e.name;
    case "negate":
      return `-${e.operand.kind === "binary" ? `(${formatExpression(e.operand)})` : formatExpression(e.operand)}`;
    case "binary": {
      const precedence = (op: string): number => (op === "+" || op === "-" ? 1 : 2);
      const mine = precedence(e.op);
      // Parentheses only where precedence or the non-associativity of − and / needs them.
      const left =
        e.left.kind === "binary" && precedence(e.left.op) < mine
          ? `(${formatExpression(e.left)})`
          : formatExpression(e.left);
      const rightNeeds =
        e.right.kind === "binary" &&
        (precedence(e.right.op) < mine ||
          (precedence(e.right.op) === mine && (e.op === "-" || e.op === "/")));
      const right = rightNeeds ? `(${formatExpression(e.right)})` : formatExpression(e.right);
      return `${left} ${e.op} ${right}`;
    }
  }
}

/** Why a value could not be computed: a count was absent, or a denominator was zero. */
export type MissingReason =
  | { kind: "missing_count"; column: string }
  | { kind: "zero_denominator"; denominator: string };

export type Evaluation = { ok: true; value: number } | { ok: false; reason: MissingReason };

/** Evaluates over one unit's counts (null = not available). */
export function evaluateExpression(
  e: Expression,
  counts: Readonly<Record<string, number | null | undefined>>,
): Evaluation {
  const failure: Failure = {};
  const value = expressionValue(e, counts, failure);
  const reason = failure.reason;
  return reason === undefined ? { ok: true, value } : { ok: false, reason };
}

/** Where `expressionValue` says why it has no value; `reason` unset while it has one. */
export interface Failure {
  reason?: MissingReason;
}

/**
 * `evaluateExpression` without an object per node: the value, or NaN with
 * `failure.reason` set (cleared first) to the first reason met, left to right. An index
 * history evaluates some 3 million nodes (738 quarters of the bench's extract), and their
 * result objects were an eighth of everything it allocated.
 */
export function expressionValue(
  e: Expression,
  counts: Readonly<Record<string, number | null | undefined>>,
  failure: Failure,
): number {
  failure.reason = undefined;
  return nodeValue(e, counts, failure);
}

function nodeValue(
  e: Expression,
  counts: Readonly<Record<string, number | null | undefined>>,
  failure: Failure,
): number {
  switch (e.kind) {
    case "number":
      return e.value;
    case "column": {
      const v = counts[e.name];
      if (v !== null && v !== undefined) return v;
      failure.reason = { kind: "missing_count", column: e.name };
      return Number.NaN;
    }
    case "negate": {
      const inner = nodeValue(e.operand, counts, failure);
      return failure.reason === undefined ? -inner : Number.NaN;
    }
    case "binary": {
      const left = nodeValue(e.left, counts, failure);
      if (failure.reason !== undefined) return Number.NaN;
      const right = nodeValue(e.right, counts, failure);
      if (failure.reason !== undefined) return Number.NaN;
      switch (e.op) {
        case "+":
          return left + right;
        case "-":
          return left - right;
        case "*":
          return left * right;
        case "/":
          if (right !== 0) return left / right;
          failure.reason = { kind: "zero_denominator", denominator: formatExpression(e.right) };
          return Number.NaN;
      }
    }
  }
}
