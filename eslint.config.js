import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers import one way only (style.md, rule 1): model -> scoring -> plan -> workbook -> actions
// (the engine, plain Node and browser) -> host -> excel | xlsx (never each other) -> cli | taskpane;
// functions -> scoring/model; network (the aggregate's figures, engine too) -> model/scoring. Each boundary below names what a layer may not import; it holds for
// static imports, re-exports, `import type`, `import("…")` types and dynamic `import()` alike,
// unless the entry says otherwise (`types`: type-only imports allowed; `dynamic`: `import()` allowed).
// Tests are exempt: they may build fixtures with whatever renderer they need.

/** A module specifier (relative or a package) that reaches folder `name` of this repository. */
const folder = (name) => `(^|\\/)${name}(\\/|$)`;
/** A package name, or any module inside it. */
const pkg = (name) => `^${name}(\\/|$)`;

const EXCELJS = pkg("exceljs");
const REACT = `${pkg("react")}|${pkg("react-dom")}|^@fluentui\\/`;
const OFFICE_JS = `${pkg("@microsoft\\/office-js")}|^office-addin-`;

/** The Office.js namespaces: they exist only inside Excel, so code that runs elsewhere must not name them. */
const OFFICE_GLOBALS = ["Excel", "Office", "OfficeExtension", "CustomFunctions"];
const TESTS = ["**/*.test.ts", "**/*.test.tsx"];

const engineIsIndependent = (layer) => [
  { regex: `${EXCELJS}|${REACT}|${OFFICE_JS}`, message: `${layer} is engine: it runs in plain Node and in the browser, so it must not depend on exceljs, React, Fluent UI or Office.js.` },
  { regex: ["excel", "xlsx", "cli", "host", "taskpane", "functions"].map(folder).join("|"), message: `${layer} is engine: it must not import a renderer (addin/excel, addin/xlsx), the host, the CLI, the task pane or the custom functions; they import the engine.` },
];
const engineIsLayered = (layer, higher) => ({
  regex: higher.map(folder).join("|"),
  message: `${layer} may not import ${higher.map((h) => `addin/${h}`).join(", ")}: the engine's layers import one way only, model -> scoring -> plan -> workbook -> actions.`,
});

/** addin/network aggregates what the engine computes: no layer of the engine may import it. */
const networkIsAbove = (layer) => ({ regex: folder("network"), message: `${layer} may not import addin/network: the network aggregate builds on the engine, never the other way round.` });

/**
 * The boundaries, one entry per layer (their files never overlap: ESLint keeps only the last entry's
 * options for a rule). `officeGlobals` refuses the Office.js namespaces in code and in types.
 */
const BOUNDARIES = [
  {
    name: "model",
    files: ["addin/model/**/*.ts"],
    officeGlobals: true,
    forbid: [...engineIsIndependent("addin/model"), engineIsLayered("addin/model", ["scoring", "plan", "workbook", "actions"]), networkIsAbove("addin/model")],
  },
  {
    name: "scoring",
    files: ["addin/scoring/**/*.ts"],
    officeGlobals: true,
    forbid: [...engineIsIndependent("addin/scoring"), engineIsLayered("addin/scoring", ["plan", "workbook", "actions"]), networkIsAbove("addin/scoring")],
  },
  {
    name: "plan",
    files: ["addin/plan/**/*.ts"],
    officeGlobals: true,
    forbid: [...engineIsIndependent("addin/plan"), engineIsLayered("addin/plan", ["workbook", "actions"]), networkIsAbove("addin/plan")],
  },
  {
    name: "workbook",
    files: ["addin/workbook/**/*.ts"],
    officeGlobals: true,
    forbid: [...engineIsIndependent("addin/workbook"), engineIsLayered("addin/workbook", ["actions"]), networkIsAbove("addin/workbook")],
  },
  {
    name: "actions",
    files: ["addin/actions/**/*.ts"],
    officeGlobals: true,
    forbid: [...engineIsIndependent("addin/actions"), networkIsAbove("addin/actions")],
  },
  {
    name: "network",
    files: ["addin/network/**/*.ts"],
    officeGlobals: true,
    forbid: [
      ...engineIsIndependent("addin/network"),
      { regex: ["plan", "workbook", "actions"].map(folder).join("|"), message: "addin/network may import addin/model and addin/scoring only: it aggregates the figures the engine computed." },
      { regex: "^node:", message: "addin/network runs in the browser too: it may not import Node's modules (the command line passes in the keyed hash of the members' codes)." },
    ],
  },
  {
    name: "host",
    files: ["addin/host/**/*.ts"],
    officeGlobals: true,
    forbid: [
      { regex: `${EXCELJS}|${REACT}|${OFFICE_JS}`, message: "addin/host is the host contract: it must not depend on exceljs, Office.js, React or Fluent UI; the renderers (addin/excel, addin/xlsx) do." },
      { regex: `${folder("excel")}|${folder("xlsx")}`, types: true, dynamic: true, message: "addin/host may reach addin/excel and addin/xlsx only through `import type` or a dynamic import(): a static import would load Office.js or exceljs with every host." },
      { regex: ["cli", "taskpane", "functions"].map(folder).join("|"), message: "addin/host may not import the CLI, the task pane or the custom functions: they import the host." },
    ],
  },
  {
    name: "excel",
    files: ["addin/excel/**/*.ts"],
    forbid: [
      { regex: `${EXCELJS}|${folder("xlsx")}`, message: "addin/excel (Office.js) may not import exceljs nor addin/xlsx: the two renderers mirror each other and never import each other; share code through addin/plan." },
      { regex: `${REACT}|${["cli", "taskpane", "functions"].map(folder).join("|")}`, message: "addin/excel may not import React, the CLI, the task pane or the custom functions: they import the renderer." },
    ],
  },
  {
    name: "xlsx",
    files: ["addin/xlsx/**/*.ts"],
    officeGlobals: true,
    forbid: [
      { regex: `${OFFICE_JS}|${folder("excel")}`, message: "addin/xlsx (exceljs) may not import Office.js nor addin/excel: the two renderers mirror each other and never import each other; share code through addin/plan." },
      { regex: `${REACT}|${["cli", "taskpane", "functions"].map(folder).join("|")}`, message: "addin/xlsx may not import React, the CLI, the task pane or the custom functions: they import the renderer." },
    ],
  },
  {
    name: "cli",
    files: ["addin/cli/**/*.ts"],
    officeGlobals: true,
    forbid: [
      { regex: `${OFFICE_JS}|${REACT}|${["excel", "taskpane", "functions"].map(folder).join("|")}`, message: "addin/cli runs in plain Node: it may not import Office.js, React, addin/excel, the task pane or the custom functions; it reads and writes files through addin/xlsx." },
    ],
  },
  {
    name: "functions",
    files: ["functions/**/*.ts"],
    forbid: [
      { regex: `${EXCELJS}|${REACT}`, message: "The custom functions load with every workbook: they must not pull in exceljs, React or Fluent UI." },
      { regex: ["taskpane", "xlsx", "excel", "cli"].map(folder).join("|"), message: "The custom functions are thin wrappers over addin/scoring: they may not import the task pane, a renderer or the CLI." },
    ],
  },
  {
    name: "taskpane",
    files: ["taskpane/**/*.ts", "taskpane/**/*.tsx"],
    ignores: ["taskpane/test/**"],
    forbid: [
      { regex: `${EXCELJS}|${folder("xlsx")}`, message: "The task pane may not import exceljs nor addin/xlsx, not even its types or through import(): screens reach workbooks only through the host (addin/host), which loads the file services on demand." },
    ],
  },
];

const officeGlobalMessage = (name) => `${name} is an Office.js namespace: this layer runs outside Excel, so it must not use it (only addin/excel, functions and the task pane's start-up talk to Office.js).`;
/** The selector's literal form of a regex source: esquery ends a regex at an unescaped slash. */
const selectorRegex = (regex) => `/${regex}/`;

/** One boundary as ESLint rules: static imports, dynamic `import()`, `import("…")` types, Office globals. */
function boundaryRules({ forbid, officeGlobals }) {
  const syntax = [
    ...forbid.filter((f) => !f.dynamic).map((f) => ({ selector: `ImportExpression[source.value=${selectorRegex(f.regex)}]`, message: `import(): ${f.message}` })),
    ...forbid.filter((f) => !f.types).map((f) => ({ selector: `TSImportType[argument.literal.value=${selectorRegex(f.regex)}]`, message: `import("…") type: ${f.message}` })),
  ];
  const rules = {
    "@typescript-eslint/no-restricted-imports": ["error", { patterns: forbid.map((f) => ({ regex: f.regex, caseSensitive: true, allowTypeImports: f.types === true, message: f.message })) }],
  };
  if (officeGlobals) {
    const names = `/^(${OFFICE_GLOBALS.join("|")})$/`;
    rules["no-restricted-globals"] = ["error", ...OFFICE_GLOBALS.map((name) => ({ name, message: officeGlobalMessage(name) }))];
    // no-restricted-globals sees neither types (`Excel.Range`, `typeof Office`) nor `globalThis.Excel`.
    syntax.push(
      { selector: `TSQualifiedName > Identifier.left[name=${names}]`, message: officeGlobalMessage("This Office.js type") },
      { selector: `TSTypeQuery > Identifier.exprName[name=${names}]`, message: officeGlobalMessage("This Office.js type") },
      { selector: `MemberExpression[object.name=/^(globalThis|window|self)$/][property.name=${names}]`, message: officeGlobalMessage("This") },
    );
  }
  rules["no-restricted-syntax"] = ["error", ...syntax];
  return rules;
}

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "dist-web/", "out/", "coverage/", "test-artifacts/", "**/*.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  ...BOUNDARIES.map((b) => ({ name: `qualigrid/boundaries/${b.name}`, files: b.files, ignores: [...TESTS, ...(b.ignores ?? [])], rules: boundaryRules(b) })),
  // Office.js proxies hold nothing until loaded and synced: these catch reads before load/sync and
  // a sync per loop turn (style.md, rule 11). Errors, not warnings, so `npm test` fails on them.
  {
    name: "qualigrid/office-addins",
    files: ["addin/excel/**/*.ts"],
    ignores: TESTS,
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
);
