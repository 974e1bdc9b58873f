/**
 * The import rules of docs/ARCHITECTURE.md, checked by `npm run deps` (part of `npm test`).
 * A rule broken here is a layer crossed: fix the import, not the rule.
 */
const CORE = "^src/(composite|benchmark|uncertainty|survey|continuity|audit)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycle",
      severity: "error",
      comment: "No import cycle among files (type-only imports included).",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-folder-cycle",
      severity: "error",
      comment: "No import cycle among folders either (composite ⇄ uncertainty, say).",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "core-no-node",
      severity: "error",
      comment: "The numerical core is pure: no node: built-in (fs, path, crypto, …).",
      from: { path: CORE },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "core-no-io-layers",
      severity: "error",
      comment:
        "The core takes plain data: nothing from the readers, pipeline, CLI, reporters or fetch.",
      from: { path: CORE },
      to: { path: "^src/(read|pipeline|cli|report|fetch)/" },
    },
    {
      name: "core-registry-types-only",
      severity: "error",
      comment: "The core knows the registry only as types.",
      from: { path: CORE },
      to: { path: "^src/registry/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "benchmark-not-uncertainty",
      severity: "error",
      comment:
        "Folder order in the core: uncertainty may use benchmark and composite, never the reverse.",
      from: { path: "^src/(benchmark|composite)/" },
      to: { path: "^src/uncertainty/" },
    },
    {
      name: "composite-benchmark-apart",
      severity: "error",
      comment: "The index and the benchmark are independent cores.",
      from: { path: "^src/composite/" },
      to: { path: "^src/benchmark/" },
    },
    {
      name: "benchmark-composite-apart",
      severity: "error",
      from: { path: "^src/benchmark/" },
      to: { path: "^src/composite/" },
    },
    {
      name: "only-cli-knows-commander",
      severity: "error",
      comment: "commander belongs to src/cli; colour (chalk) to the CLI and the reporters.",
      from: { path: "^src/", pathNot: "^src/(cli|report)/" },
      to: { path: "node_modules/(commander|chalk)/" },
    },
    {
      name: "reporters-know-only-the-document",
      severity: "error",
      comment: "Reporters render a ReportDocument; they do not compute or read.",
      from: { path: "^src/report/" },
      to: { path: "^src/(read|pipeline|cli|composite|benchmark|uncertainty|fetch)/" },
    },
    {
      name: "shared-leaves-stay-leaves",
      severity: "error",
      comment:
        "diagnostics, period, rank, text and correlation are used by every layer and import none of them.",
      from: { path: "^src/(diagnostics|period|rank|text|correlation)\\.ts$" },
      to: { path: "^src/[^/]+/" },
    },
    {
      name: "only-fetch-uses-the-network",
      severity: "error",
      comment:
        "src/fetch holds the only network code (global fetch there); no other module imports a network built-in.",
      from: { path: "^src/", pathNot: "^src/fetch/" },
      to: { dependencyTypes: ["core"], path: "^(node:)?(http|https|http2|net|tls|dgram|dns)$" },
    },
    {
      name: "nothing-imports-the-cli",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
