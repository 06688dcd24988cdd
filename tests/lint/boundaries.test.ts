import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";

// The layer boundaries of eslint.config.js, proved on snippets linted as if they lived in a layer's
// folder (the files need not exist: the path only picks the config). One ESLint for the whole suite.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: "eslint.config.js" });

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

const STATIC = "@typescript-eslint/no-restricted-imports";
const SYNTAX = "no-restricted-syntax";
const GLOBALS = "no-restricted-globals";

const ENGINE_PACKAGES = "is engine: it runs in plain Node and in the browser, so it must not depend on exceljs, React, Fluent UI or Office.js.";
const ENGINE_OUTER = "is engine: it must not import a renderer (addin/excel, addin/xlsx), the host, the CLI, the task pane or the custom functions";
const LAYERS = "the engine's layers import one way only, model -> scoring -> plan -> workbook -> actions.";
const OFFICE_GLOBAL = "is an Office.js namespace: this layer runs outside Excel, so it must not use it";
const RENDERERS = "the two renderers mirror each other and never import each other";
const HOST_RENDERERS = "addin/host may reach addin/excel and addin/xlsx only through `import type` or a dynamic import()";
const TASKPANE_FILES = "The task pane may not import exceljs nor addin/xlsx, not even its types or through import()";

describe("layer boundaries (eslint.config.js)", () => {
  it("npm test runs the lint (type check and ESLint) before the tests", () => {
    const { scripts } = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> };
    expect(scripts.test).toMatch(/npm run lint &&.*vitest run/);
    expect(scripts.lint).toContain("eslint .");
  });

  it.each([
    // The engine stays independent of Office, React and exceljs, statically and through import().
    ["addin/model/violation.ts", `import ExcelJS from "exceljs";\nexport const w = new ExcelJS.Workbook();`, STATIC, `addin/model ${ENGINE_PACKAGES}`],
    ["addin/model/violation.ts", `export const load = () => import("exceljs");`, SYNTAX, `import(): addin/model ${ENGINE_PACKAGES}`],
    ["addin/scoring/violation.ts", `import { useState } from "react";\nexport const s = useState;`, STATIC, `addin/scoring ${ENGINE_PACKAGES}`],
    ["addin/plan/violation.ts", `export const load = () => import("@fluentui/react-components");`, SYNTAX, `import(): addin/plan ${ENGINE_PACKAGES}`],
    ["addin/workbook/violation.ts", `import "@microsoft/office-js";`, STATIC, `addin/workbook ${ENGINE_PACKAGES}`],
    ["addin/actions/violation.ts", `import { OfficeMockObject } from "office-addin-mock";\nexport const m = OfficeMockObject;`, STATIC, `addin/actions ${ENGINE_PACKAGES}`],
    // ...and of the renderers, the host, the CLI, the task pane and the custom functions, types included.
    ["addin/plan/violation.ts", `import type { CellEntry } from "../excel/excel.values.js";\nexport type E = CellEntry;`, STATIC, `addin/plan ${ENGINE_OUTER}`],
    ["addin/plan/violation.ts", `export type E = import("../excel/excel.values.js").CellEntry;`, SYNTAX, `import("…") type: addin/plan ${ENGINE_OUTER}`],
    ["addin/workbook/violation.ts", `export const load = () => import("../xlsx/xlsx.read.js");`, SYNTAX, `import(): addin/workbook ${ENGINE_OUTER}`],
    ["addin/scoring/violation.ts", `import type { WorkbookHost } from "../host/host.types.js";\nexport type H = WorkbookHost;`, STATIC, `addin/scoring ${ENGINE_OUTER}`],
    ["addin/actions/violation.ts", `export { MemoryHost } from "../../taskpane/host/memory.host.js";`, STATIC, `addin/actions ${ENGINE_OUTER}`],
    ["addin/model/violation.ts", `import { main } from "../cli/main.js";\nexport const m = main;`, STATIC, `addin/model ${ENGINE_OUTER}`],
    ["addin/scoring/violation.ts", `export const load = () => import("../../functions/functions.js");`, SYNTAX, `import(): addin/scoring ${ENGINE_OUTER}`],
    // Within the engine, a lower layer never imports a higher one.
    ["addin/model/violation.ts", `import { scoreAssessment } from "../scoring/assessment.score.js";\nexport const s = scoreAssessment;`, STATIC, `addin/model may not import addin/scoring, addin/plan, addin/workbook, addin/actions: ${LAYERS}`],
    ["addin/scoring/violation.ts", `import { HEADERS } from "../plan/labels.js";\nexport const h = HEADERS;`, STATIC, `addin/scoring may not import addin/plan, addin/workbook, addin/actions: ${LAYERS}`],
    ["addin/scoring/violation.ts", `export const load = () => import("../plan/labels.js");`, SYNTAX, `import(): addin/scoring may not import addin/plan, addin/workbook, addin/actions: ${LAYERS}`],
    ["addin/plan/violation.ts", `import type { AssessmentWorkbook } from "../workbook/workbook.types.js";\nexport type W = AssessmentWorkbook;`, STATIC, `addin/plan may not import addin/workbook, addin/actions: ${LAYERS}`],
    ["addin/workbook/violation.ts", `import { actionsFromGaps } from "../actions/actions.fromGaps.js";\nexport const a = actionsFromGaps;`, STATIC, `addin/workbook may not import addin/actions: ${LAYERS}`],
    // The Office.js namespaces exist only inside Excel: not in the engine, the host nor the file renderer.
    ["addin/model/violation.ts", `export const run = () => Excel.run(async () => undefined);`, GLOBALS, `Excel ${OFFICE_GLOBAL}`],
    ["addin/scoring/violation.ts", `export const ready = () => Office.onReady();`, GLOBALS, `Office ${OFFICE_GLOBAL}`],
    ["addin/plan/violation.ts", `export const E = OfficeExtension.Error;`, GLOBALS, `OfficeExtension ${OFFICE_GLOBAL}`],
    ["addin/actions/violation.ts", `export const E = CustomFunctions.Error;`, GLOBALS, `CustomFunctions ${OFFICE_GLOBAL}`],
    ["addin/workbook/violation.ts", `export let range: Excel.Range | undefined;`, SYNTAX, `This Office.js type ${OFFICE_GLOBAL}`],
    ["addin/workbook/violation.ts", `export const excel = globalThis.Excel;`, SYNTAX, `This ${OFFICE_GLOBAL}`],
    ["addin/host/violation.ts", `export const run = () => Excel.run(async () => undefined);`, GLOBALS, `Excel ${OFFICE_GLOBAL}`],
    ["addin/xlsx/violation.ts", `export type O = typeof Office;`, SYNTAX, `This Office.js type ${OFFICE_GLOBAL}`],
    // The two renderers never import each other, nor each other's library.
    ["addin/excel/violation.ts", `import { readQualigridWorkbook } from "../xlsx/xlsx.read.js";\nexport const r = readQualigridWorkbook;`, STATIC, `addin/excel (Office.js) may not import exceljs nor addin/xlsx: ${RENDERERS}`],
    ["addin/excel/violation.ts", `export const load = () => import("exceljs");`, SYNTAX, `import(): addin/excel (Office.js) may not import exceljs nor addin/xlsx: ${RENDERERS}`],
    ["addin/excel/fake/violation.ts", `export const load = () => import("../../xlsx/xlsx.io.js");`, SYNTAX, `import(): addin/excel (Office.js) may not import exceljs nor addin/xlsx: ${RENDERERS}`],
    ["addin/xlsx/violation.ts", `import { createExcelHost } from "../excel/excel.host.js";\nexport const c = createExcelHost;`, STATIC, `addin/xlsx (exceljs) may not import Office.js nor addin/excel: ${RENDERERS}`],
    ["addin/xlsx/violation.ts", `export const load = () => import("../excel/excel.host.js");`, SYNTAX, `import(): addin/xlsx (exceljs) may not import Office.js nor addin/excel: ${RENDERERS}`],
    // The renderers never import what sits above them.
    ["addin/excel/violation.ts", `import { HostProvider } from "../../taskpane/host/host.context.js";\nexport const p = HostProvider;`, STATIC, "addin/excel may not import React, the CLI, the task pane or the custom functions"],
    ["addin/xlsx/violation.ts", `export const load = () => import("../../taskpane/host/memory.host.js");`, SYNTAX, "import(): addin/xlsx may not import React, the CLI, the task pane or the custom functions"],
    ["addin/xlsx/violation.ts", `import { main } from "../cli/main.js";\nexport const m = main;`, STATIC, "addin/xlsx may not import React, the CLI, the task pane or the custom functions"],
    // The host contract: renderers as types or import() only; never their libraries, never what is above it.
    ["addin/host/violation.ts", `import { FileHost } from "../xlsx/xlsx.host.js";\nexport const f = FileHost;`, STATIC, HOST_RENDERERS],
    ["addin/host/violation.ts", `import { createExcelHost } from "../excel/excel.host.js";\nexport const c = createExcelHost;`, STATIC, HOST_RENDERERS],
    ["addin/host/violation.ts", `export const load = () => import("exceljs");`, SYNTAX, "import(): addin/host is the host contract: it must not depend on exceljs, Office.js, React or Fluent UI"],
    ["addin/host/violation.ts", `import type { ReactNode } from "react";\nexport type N = ReactNode;`, STATIC, "addin/host is the host contract: it must not depend on exceljs, Office.js, React or Fluent UI"],
    ["addin/host/violation.ts", `export const load = () => import("../../taskpane/host/memory.host.js");`, SYNTAX, "import(): addin/host may not import the CLI, the task pane or the custom functions"],
    // The task pane reaches files only through the host: no exceljs, no addin/xlsx, not even types.
    ["taskpane/check/violation.tsx", `import { FileHost } from "../../addin/xlsx/xlsx.host.js";\nexport const f = FileHost;`, STATIC, TASKPANE_FILES],
    ["taskpane/host/violation.ts", `import type * as Snapshot from "../../addin/xlsx/xlsx.snapshot.js";\nexport type S = typeof Snapshot;`, STATIC, TASKPANE_FILES],
    ["taskpane/host/violation.ts", `export const load = () => import("../../addin/xlsx/xlsx.snapshot.js");`, SYNTAX, `import(): ${TASKPANE_FILES}`],
    ["taskpane/host/violation.ts", `export type S = typeof import("../../addin/xlsx/xlsx.snapshot.js");`, SYNTAX, `import("…") type: ${TASKPANE_FILES}`],
    ["taskpane/check/violation.tsx", `export const load = () => import("exceljs");`, SYNTAX, `import(): ${TASKPANE_FILES}`],
    // The command line runs in plain Node, on files.
    ["addin/cli/commands/violation.ts", `import { createExcelHost } from "../../excel/excel.host.js";\nexport const c = createExcelHost;`, STATIC, "addin/cli runs in plain Node: it may not import Office.js, React, addin/excel, the task pane or the custom functions"],
    ["addin/cli/violation.ts", `export const load = () => import("react");`, SYNTAX, "import(): addin/cli runs in plain Node"],
    ["addin/cli/violation.ts", `export const run = () => Excel.run(async () => undefined);`, GLOBALS, `Excel ${OFFICE_GLOBAL}`],
    // The custom functions stay thin, statically and through import().
    ["functions/violation.ts", `export const load = () => import("exceljs");`, SYNTAX, "import(): The custom functions load with every workbook: they must not pull in exceljs, React or Fluent UI."],
    ["functions/violation.ts", `export const load = () => import("../taskpane/App.js");`, SYNTAX, "import(): The custom functions are thin wrappers over addin/scoring"],
    ["functions/violation.ts", `import { FileHost } from "../addin/xlsx/xlsx.host.js";\nexport const f = FileHost;`, STATIC, "The custom functions are thin wrappers over addin/scoring"],
  ])("%s refuses: %s", async (filePath, code, ruleId, message) => {
    const messages = await lint(filePath, code);
    expect(messages).toContainEqual(expect.objectContaining({ ruleId, severity: 2, message: expect.stringContaining(message) as unknown }));
  });

  it.each([
    ["addin/excel/violation.ts", `export async function f(context: Excel.RequestContext): Promise<unknown> {\n  const range = context.workbook.getSelectedRange();\n  await context.sync();\n  return range.values;\n}`, "office-addins/load-object-before-read", "An explicit load call on 'range' for property 'values' needs to be made before the property can be read."],
    ["addin/excel/violation.ts", `export function f(context: Excel.RequestContext): unknown {\n  const range = context.workbook.getSelectedRange();\n  range.load("values");\n  return range.values;\n}`, "office-addins/call-sync-before-read", "Call context.sync() before trying to read 'range'."],
    ["addin/excel/violation.ts", `export async function f(context: Excel.RequestContext, names: string[]): Promise<void> {\n  for (const name of names) {\n    context.workbook.worksheets.add(name);\n    await context.sync();\n  }\n}`, "office-addins/no-context-sync-in-loop", "Calling context.sync() inside a loop can lead to poor performance"],
  ])("%s refuses Office.js misuse: %s", async (filePath, code, ruleId, message) => {
    const messages = await lint(filePath, code);
    expect(messages).toContainEqual(expect.objectContaining({ ruleId, severity: 2, message: expect.stringContaining(message) as unknown }));
  });

  it.each([
    // The host may name a renderer's types and load a renderer on demand.
    ["addin/host/allowed.ts", `import type { FileHost } from "../xlsx/xlsx.host.js";\nexport type F = FileHost;`],
    ["addin/host/allowed.ts", `import { type FileHost } from "../xlsx/xlsx.host.js";\nexport type F = FileHost;`],
    ["addin/host/allowed.ts", `export const loadFile = () => import("../xlsx/xlsx.snapshot.js");\nexport const loadExcel = () => import("../excel/excel.host.js");`],
    ["addin/host/allowed.ts", `import type { AssessmentWorkbook } from "../workbook/workbook.types.js";\nexport type W = AssessmentWorkbook;`],
    // The engine imports downwards.
    ["addin/scoring/allowed.ts", `import type { Template } from "../model/template.types.js";\nexport type T = Template;`],
    ["addin/plan/allowed.ts", `import { scoreAssessment } from "../scoring/assessment.score.js";\nimport { parseTemplate } from "../model/template.parse.js";\nexport const f = [scoreAssessment, parseTemplate];`],
    ["addin/workbook/allowed.ts", `import { HEADERS } from "../plan/labels.js";\nexport const h = HEADERS;`],
    ["addin/actions/allowed.ts", `import type { AssessmentWorkbook } from "../workbook/workbook.types.js";\nimport { HEADERS } from "../plan/labels.js";\nexport type W = AssessmentWorkbook;\nexport const h = HEADERS;`],
    // Each renderer imports its own library, the engine and the host contract.
    ["addin/xlsx/allowed.ts", `import ExcelJS from "exceljs";\nimport type { WorkbookHost } from "../host/host.types.js";\nexport const w = new ExcelJS.Workbook();\nexport type H = WorkbookHost;`],
    ["addin/excel/allowed.ts", `import { HEADERS } from "../plan/labels.js";\nexport const run = () => Excel.run(async () => HEADERS);`],
    ["addin/excel/allowed.ts", `export async function f(context: Excel.RequestContext): Promise<unknown> {\n  const range = context.workbook.getSelectedRange();\n  range.load("values");\n  await context.sync();\n  return range.values;\n}`],
    // The task pane talks to the host and starts the Excel host.
    ["taskpane/check/allowed.tsx", `import type { WorkbookHost } from "../../addin/host/host.types.js";\nimport { createExcelHost } from "../../addin/excel/excel.host.js";\nexport type H = WorkbookHost;\nexport const c = createExcelHost;`],
    // Tests build their fixtures with whatever they need.
    ["taskpane/check/allowed.test.tsx", `import ExcelJS from "exceljs";\nimport { FileHost } from "../../addin/xlsx/xlsx.host.js";\nexport const f = [ExcelJS, FileHost];`],
    ["taskpane/test/allowed.ts", `import type ExcelJS from "exceljs";\nexport const load = () => import("../../addin/xlsx/xlsx.io.js");\nexport type W = ExcelJS.Workbook;`],
    ["addin/plan/allowed.test.ts", `import { storedOf } from "../excel/fake/excel.fake.js";\nexport const s = storedOf;`],
    // The command line reads and writes files through addin/xlsx.
    ["addin/cli/allowed.ts", `import { FileHost } from "../xlsx/xlsx.host.js";\nimport ExcelJS from "exceljs";\nexport const f = [FileHost, ExcelJS];`],
    // The custom functions call the scoring engine.
    ["functions/allowed.ts", `import { rangeMessageText } from "../addin/scoring/range.messages.js";\nexport const t = rangeMessageText;`],
  ])("%s allows: %s", async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});
