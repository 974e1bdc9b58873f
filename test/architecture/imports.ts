/**
 * The import graph of src/, read from the sources: every static import and re-export and
 * every dynamic `import("…")` of a relative module or a package, with whether it is for
 * types only. Used by the layering test beside it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export const root = join(import.meta.dirname, "..", "..");
export const src = join(root, "src");

export interface Import {
  /** The importing file, relative to src/ (`composite/score.ts`). */
  from: string;
  /** The imported file relative to src/ (`rank.ts`), or the package (`node:fs`, `zod/mini`). */
  to: string;
  /** False for a package or node built-in. */
  local: boolean;
  /** `import type …` / `export type … from`: erased at build time. */
  typeOnly: boolean;
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** Comments out, so a path in a doc comment is not taken for an import. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

const STATIC = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/g;
const BARE = /(?:^|\n)\s*import\s+["']([^"']+)["']/g;
const DYNAMIC = /import\(\s*["']([^"']+)["']\s*\)/g;

function target(file: string, spec: string): { to: string; local: boolean } {
  if (!spec.startsWith(".")) return { to: spec, local: false };
  const path = resolve(dirname(file), spec).replace(/\.js$/, ".ts");
  return { to: relative(src, path).split("\\").join("/"), local: true };
}

export function importGraph(): Import[] {
  const out: Import[] = [];
  for (const file of sourceFiles(src)) {
    const text = withoutComments(readFileSync(file, "utf8"));
    const from = relative(src, file).split("\\").join("/");
    for (const m of text.matchAll(STATIC)) {
      const clause = m[3] ?? "";
      // `import { type A, type B } from` is type-only too.
      const allTypes =
        m[2] !== undefined ||
        (/^\{[^}]*\}$/.test(clause.trim()) &&
          clause
            .replace(/[{}]/g, "")
            .split(",")
            .map((s) => s.trim())
            .filter((s) => s !== "")
            .every((s) => s.startsWith("type ")));
      out.push({ from, ...target(file, m[4] as string), typeOnly: allTypes, dynamic: false });
    }
    for (const m of text.matchAll(BARE)) {
      out.push({ from, ...target(file, m[1] as string), typeOnly: false, dynamic: false });
    }
    for (const m of text.matchAll(DYNAMIC)) {
      // `typeof import("…")` in a type position is erased like an `import type`.
      const before = text.slice(Math.max(0, (m.index ?? 0) - 7), m.index);
      out.push({
        from,
        ...target(file, m[1] as string),
        typeOnly: before.endsWith("typeof "),
        dynamic: true,
      });
    }
  }
  return out;
}

/** Every cycle of a directed graph, each once, as the list of its nodes. */
export function cycles(edges: ReadonlyArray<readonly [string, string]>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (a === b) continue;
    next.set(a, (next.get(a) ?? new Set()).add(b));
  }
  const found = new Map<string, string[]>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const n of [...(next.get(node) ?? [])].sort()) {
      if (state.get(n) === "open") {
        const cycle = stack.slice(stack.indexOf(n));
        // The same cycle found from another node: keyed by its sorted members.
        found.set([...cycle].sort().join(" "), cycle);
      } else if (state.get(n) === undefined) visit(n);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of [...next.keys()].sort()) if (state.get(node) === undefined) visit(node);
  return [...found.values()];
}
