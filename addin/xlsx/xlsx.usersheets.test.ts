/**
 * A user's own sheet named like a sheet Qualigrid added later (« Rapport », « Rapport de visite »,
 * « Sondages », « Historique »): every rewrite (upgrade, round close, survey import) carries it whole
 * under a free name and says so; Qualigrid's own sheets of those names are recognised by their tables.
 */
import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  csvBytes,
  exportCsv,
  formsExport,
} from "../../tests/support/surveys.js";
import { builtinTemplate } from "../model/builtin.js";
import type { Template } from "../model/template.types.js";
import { SHEET_NAMES } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import { buildPlan } from "../plan/plan.build.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToBuffer } from "./xlsx.render.js";
import { closeRound } from "./xlsx.round.js";
import { importSurvey } from "./xlsx.survey.js";
import { findQualigridTables, findTables } from "./xlsx.tables.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";
import { qualigridSheetNames } from "./xlsx.usersheets.js";

const sha = async (text: string): Promise<string> =>
  createHash("sha256").update(text, "utf8").digest("hex");

function template(id: string): Template {
  const t = builtinTemplate(id);
  if (!t) throw new Error(`no built-in ${id}`);
  return t;
}

/** What a user typed on their sheet, cell by cell. */
const CONTENT: [string, string | number][] = [
  ["A1", "Notre rapport à nous"],
  ["B4", 1234.5],
  ["C10", "Ne pas perdre"],
];

function writeOwn(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.addWorksheet(name);
  for (const [address, value] of CONTENT) ws.getCell(address).value = value;
}

function contentOf(ws: ExcelJS.Worksheet | undefined): unknown[] {
  return CONTENT.map(([address]) => ws?.getCell(address).value ?? null);
}

/** A workbook made before the report, visit, surveys and history sheets (`report: false`), holding the user's own sheets of their names. */
async function older(
  t: Template,
  names: readonly string[],
): Promise<Uint8Array> {
  const loaded = await loadWorkbook(
    await renderPlanToBuffer(buildPlan(t, { lang: "fr", report: false })),
    "ancien.xlsx",
  );
  if (!loaded.ok) throw new Error("load");
  for (const n of names) writeOwn(loaded.value, n);
  return saveWorkbook(loaded.value);
}

async function opened(bytes: Uint8Array) {
  const o = await loadQualigridWorkbook(bytes, "ancien.xlsx");
  if (!o.ok) throw new Error(JSON.stringify(o.issues));
  return o.value;
}

const OWN = [
  SHEET_NAMES.report.fr,
  SHEET_NAMES.surveys.fr,
  SHEET_NAMES.history.fr,
  SHEET_NAMES.visit.fr,
];

describe("a user's sheet whose name a Qualigrid sheet takes", () => {
  it("upgrade keeps « Rapport » and « Sondages » whole, the report under its own name, and lists the move", async () => {
    const t = template("engagement-qualite");
    const o = await opened(await older(t, OWN));
    const done = await upgradeWorkbook(o.workbook, o.assessment, t);
    if (!done.ok) throw new Error(JSON.stringify(done.issues));
    const wb = done.value.workbook;
    // Qualigrid's report is new; the user's « Rapport » is carried as « Rapport 2 ».
    expect(
      findTables(wb).get(TABLES.reportDimensions.toLowerCase())?.sheet.name,
    ).toBe("Rapport");
    expect(contentOf(wb.getWorksheet("Rapport 2"))).toEqual(
      CONTENT.map(([, v]) => v),
    );
    // No surveys nor rounds yet: the user's sheets keep their names.
    for (const n of [SHEET_NAMES.surveys.fr, SHEET_NAMES.history.fr])
      expect(contentOf(wb.getWorksheet(n)), n).toEqual(
        CONTENT.map(([, v]) => v),
      );
    expect(done.value.summary.sheetsCopied).toContain("Rapport → Rapport 2");
    expect(done.value.summary.sheetsCopied).toContain("Sondages");
    expect(
      done.warnings.map((w) => [w.code, w.params?.sheet, w.params?.name]),
    ).toContainEqual(["usersheet.renamed", "Rapport", "Rapport 2"]);
    // A second upgrade: Qualigrid's report is recognised by its table, the user's copy stays as it is.
    const again = await opened(await saveWorkbook(wb));
    const twice = await upgradeWorkbook(again.workbook, again.assessment, t);
    if (!twice.ok) throw new Error(JSON.stringify(twice.issues));
    expect(
      twice.value.workbook.worksheets
        .filter((ws) => ws.name.toLowerCase().startsWith("rapport"))
        .map((ws) => ws.name),
    ).toEqual(expect.arrayContaining(["Rapport", "Rapport 2"]));
    expect(twice.value.workbook.getWorksheet("Rapport 3")).toBeUndefined();
    expect(twice.warnings).toEqual([]);
  });

  it("a survey import and a round close carry « Sondages » and « Historique » under free names", async () => {
    const t = template("engagement-qualite");
    const o = await opened(await older(t, OWN));
    const survey = csvBytes(exportCsv(formsExport(12, "fr"), ";"), "utf-8");
    const imported = await importSurvey(
      o.workbook,
      o.assessment,
      survey,
      "reponses.csv",
      { name: "Clientèle", date: new Date(Date.UTC(2026, 4, 5)) },
    );
    if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
    let wb = imported.value.workbook;
    expect(findTables(wb).get(TABLES.surveys.toLowerCase())?.sheet.name).toBe(
      "Sondages",
    );
    expect(contentOf(wb.getWorksheet("Sondages 2"))).toEqual(
      CONTENT.map(([, v]) => v),
    );
    expect(imported.warnings.map((w) => w.params?.name)).toContain(
      "Sondages 2",
    );

    const next = await opened(await saveWorkbook(wb));
    const closed = await closeRound(
      next.workbook,
      next.assessment,
      { date: new Date(Date.UTC(2026, 5, 30)) },
      sha,
    );
    if (!closed.ok) throw new Error(JSON.stringify(closed.issues));
    wb = closed.value.workbook;
    expect(findTables(wb).get(TABLES.history.toLowerCase())?.sheet.name).toBe(
      "Historique",
    );
    expect(contentOf(wb.getWorksheet("Historique 2"))).toEqual(
      CONTENT.map(([, v]) => v),
    );
    // What the earlier rewrites carried is carried again, under the same names; Qualigrid's surveys stay Qualigrid's.
    for (const n of ["Rapport 2", "Sondages 2"])
      expect(contentOf(wb.getWorksheet(n)), n).toEqual(
        CONTENT.map(([, v]) => v),
      );
    expect(wb.getWorksheet("Sondages 3")).toBeUndefined();
    expect(findTables(wb).get(TABLES.surveys.toLowerCase())?.sheet.name).toBe(
      "Sondages",
    );
    expect(
      closed.warnings
        .filter((w) => w.code === "usersheet.renamed")
        .map((w) => w.params?.name),
    ).toEqual(["Historique 2"]);
  });

  it("takes a plan sheet's name as Qualigrid's only where its table is", async () => {
    const t = template("engagement-qualite");
    const fresh = await loadWorkbook(
      await renderPlanToBuffer(buildPlan(t, { lang: "en" })),
      "new.xlsx",
    );
    if (!fresh.ok) throw new Error("load");
    const names = qualigridSheetNames(findQualigridTables(fresh.value), "en");
    expect(names.has(SHEET_NAMES.report.en.toLowerCase())).toBe(true);
    expect(names.has(SHEET_NAMES.grid.en.toLowerCase())).toBe(true);
    expect(names.has(SHEET_NAMES.surveys.en.toLowerCase())).toBe(false);
    expect(names.has(SHEET_NAMES.history.en.toLowerCase())).toBe(false);
    const old = await loadWorkbook(await older(t, []), "old.xlsx");
    if (!old.ok) throw new Error("load");
    expect(
      qualigridSheetNames(findQualigridTables(old.value), "fr").has("rapport"),
    ).toBe(false);
  });
});
