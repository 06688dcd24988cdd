// The authoring workbook carries every field of the model's second version: a template written to
// it and read back is the same template; a bad value is refused at its cell.
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { issueText } from "../model/messages/message.catalog.js";
import { parseTemplate } from "../model/template.parse.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import type { Lang, Result, Template } from "../model/template.types.js";
import type { TemplateFound } from "../host/host.outcomes.js";
import { pick, seededRandom } from "../excel/fake/random.js";
import { renderAuthoringWorkbook } from "./xlsx.authoring.js";
import { loadWorkbook } from "./xlsx.io.js";
import { plainWorkbook } from "./xlsx.plain.js";
import { templateFromXlsx } from "./xlsx.template.js";

function template(json: unknown): Template {
  const r = parseTemplate(json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.value;
}

async function workbookOf(t: Template | undefined, lang: Lang): Promise<ExcelJS.Workbook> {
  const loaded = await loadWorkbook(await renderAuthoringWorkbook(t, lang), "modele.xlsx");
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return loaded.value;
}

async function readBack(wb: ExcelJS.Workbook): Promise<Result<TemplateFound>> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const loaded = await loadWorkbook(bytes, "modele.xlsx");
  if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
  return templateFromXlsx(loaded.value, "modele.xlsx");
}

function ok(r: Result<TemplateFound>): Template {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  expect(r.value.origin).toBe("authoring");
  return r.value.template;
}

/** Where a table's column `name` sits, and its first data row. */
function column(wb: ExcelJS.Workbook, table: string, name: string): { sheet: ExcelJS.Worksheet; row: number; col: number } {
  const t = plainWorkbook(wb).tables.get(table.toLowerCase());
  const sheet = t ? wb.getWorksheet(t.sheet) : undefined;
  if (!t || !sheet) throw new Error(`no table ${table}`);
  return { sheet, row: t.top + 1, col: t.left + t.headers.indexOf(name) };
}

/** A variant of the rich template: some of its second-version fields dropped, chosen by `seed`. */
function variant(seed: number): unknown {
  const rnd = seededRandom(seed);
  const json = richTemplateJson();
  const drop = (o: Record<string, unknown>, key: string): void => {
    if (rnd() < 0.4) delete o[key];
  };
  drop(json, "replaces");
  drop(json, "steps");
  drop(json, "actions");
  if (rnd() < 0.3) {
    // Without other scales, no criterion may name one.
    delete json.scales;
    for (const d of json.dimensions) for (const c of d.criteria) {
      delete c.scale;
      delete c.levelMap;
    }
  }
  for (const d of json.dimensions) {
    for (const c of d.criteria) {
      for (const key of ["required", "replaces", "weight", "targetLevel"]) drop(c, key);
      if (rnd() < 0.3) c.text = { fr: c.text, en: `${pick(rnd, ["Q", "Item", "Criterion"])} ${c.id}` };
    }
    if (rnd() < 0.3) {
      delete d.themes;
      for (const c of d.criteria) delete c.theme;
    }
  }
  return json;
}

describe("the authoring workbook: second-version fields", () => {
  it.each(["fr", "en"] as const)("round trip of a template using every field (%s)", async (lang) => {
    const t = template(richTemplateJson());
    const wb = await workbookOf(t, lang);
    expect(wb.worksheets.map((s) => s.name)).toEqual(
      lang === "fr" ? ["Modèle", "Échelles", "Sous-thèmes", "Démarche", "Actions prévues", "Explications"] : ["Template", "Scales", "Themes", "Process", "Planned actions", "Help"],
    );
    expect(ok(await readBack(wb))).toEqual(t);
    // Type and required are written in the workbook's language.
    const type = column(wb, "QG_TemplateItems", "type");
    const words = Array.from({ length: 8 }, (_, i) => type.sheet.getCell(type.row + i, type.col).value);
    expect(words).toContain(lang === "fr" ? "texte" : "text");
    const req = column(wb, "QG_TemplateItems", "required");
    expect(req.sheet.getCell(req.row, req.col).value).toBe(lang === "fr" ? "Oui" : "Yes");
  });

  it("round trip of seeded variants of it (property)", async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const t = template(variant(seed));
      const back = ok(await readBack(await workbookOf(t, seed % 2 === 0 ? "fr" : "en")));
      expect(back, `seed ${seed}`).toEqual(t);
    }
  });

  it.each(builtinTemplates().map((t) => [t.id, t] as const))("round trip of the built-in %s", async (_id, t) => {
    expect(ok(await readBack(await workbookOf(t, "fr")))).toEqual(t);
  });

  it("reads type and required in either language, and a scale's id filled down", async () => {
    const t = template(richTemplateJson());
    const wb = await workbookOf(t, "fr");
    const type = column(wb, "QG_TemplateItems", "type");
    const req = column(wb, "QG_TemplateItems", "required");
    // Row 4 is G4 (a text question); row 1 is G1 (required).
    type.sheet.getCell(type.row + 3, type.col).value = "Text";
    req.sheet.getCell(req.row, req.col).value = "x";
    type.sheet.getCell(type.row + 4, type.col).value = "Cotation";
    const scale = column(wb, "QG_TemplateScales", "scale");
    scale.sheet.getCell(scale.row + 1, scale.col).value = null;
    expect(ok(await readBack(wb))).toEqual(t);
  });

  it("a blank authoring workbook offers the new columns and tables, and reads as the template filled in", async () => {
    const wb = await workbookOf(undefined, "fr");
    const at = (table: string, name: string, rowOffset: number, value: ExcelJS.CellValue): void => {
      const c = column(wb, table, name);
      c.sheet.getCell(c.row + rowOffset, c.col).value = value;
    };
    const info = column(wb, "QG_TemplateInfo", "key");
    for (let r = info.row; r < info.row + 30; r++) {
      const key = info.sheet.getCell(r, info.col).value;
      const set: Record<string, string> = { id: "maison", "title[fr]": "Référentiel maison", "source[fr]": "Écrit par l'équipe", replaces: "ancien-maison" };
      if (typeof key === "string" && key in set) info.sheet.getCell(r, info.col + 1).value = set[key] ?? null;
    }
    const item = (row: number, values: Record<string, ExcelJS.CellValue>): void => {
      for (const [k, v] of Object.entries(values)) at("QG_TemplateItems", k, row, v);
    };
    item(0, { dimensionId: "GOUV", "dimensionTitle[fr]": "Gouvernance", criterionId: "G1", "text[fr]": "Une politique existe.", scale: "oui", required: "Oui", theme: "POL" });
    item(1, { dimensionId: "GOUV", criterionId: "G2", "text[fr]": "Qu'est-ce qui freine ?", type: "texte" });
    at("QG_TemplateScales", "scale", 0, "oui");
    at("QG_TemplateScales", "notApplicable", 0, "FALSE");
    at("QG_TemplateScales", "value", 0, 0);
    at("QG_TemplateScales", "label[fr]", 0, "Non");
    at("QG_TemplateScales", "value", 1, 1);
    at("QG_TemplateScales", "label[fr]", 1, "Oui");
    at("QG_TemplateThemes", "dimensionId", 0, "GOUV");
    at("QG_TemplateThemes", "themeId", 0, "POL");
    at("QG_TemplateThemes", "title[fr]", 0, "Politique");
    at("QG_TemplateSteps", "stepId", 0, "E1");
    at("QG_TemplateSteps", "title[fr]", 0, "Sondages");
    at("QG_TemplateSteps", "dueOffsetDays", 0, 30);
    at("QG_TemplateActions", "actionId", 0, "M1");
    at("QG_TemplateActions", "text[fr]", 0, "Adopter la politique");
    at("QG_TemplateActions", "owner[fr]", 0, "Direction");
    at("QG_TemplateActions", "dueOffsetDays", 0, 60);
    at("QG_TemplateActions", "criterionId", 0, "G1");
    const t = ok(await readBack(wb));
    expect(t.replaces).toEqual(["ancien-maison"]);
    // Written in French only, texts read as French.
    expect(t.scales).toEqual({ oui: { levels: [{ value: 0, label: { fr: "Non" } }, { value: 1, label: { fr: "Oui" } }], notApplicable: false } });
    expect(t.dimensions[0]?.themes).toEqual([{ id: "POL", title: { fr: "Politique" } }]);
    expect(t.dimensions[0]?.criteria.map((c) => [c.id, c.scale, c.required, c.theme, c.type])).toEqual([
      ["G1", "oui", true, "POL", undefined],
      ["G2", undefined, undefined, undefined, "text"],
    ]);
    expect(t.steps).toEqual([{ id: "E1", title: { fr: "Sondages" }, dueOffsetDays: 30 }]);
    expect(t.actions).toEqual([{ id: "M1", text: { fr: "Adopter la politique" }, owner: { fr: "Direction" }, dueOffsetDays: 60, criterion: "G1" }]);
  });

  it("refuses bad values, each at its cell", async () => {
    const t = template(richTemplateJson());
    const wb = await workbookOf(t, "fr");
    const cell = (table: string, name: string, rowOffset: number): { set: (v: ExcelJS.CellValue) => void; address: string } => {
      const c = column(wb, table, name);
      const target = c.sheet.getCell(c.row + rowOffset, c.col);
      return { set: (v) => (target.value = v), address: `${c.sheet.name}!${target.address}` };
    };
    const bad = [
      [cell("QG_TemplateItems", "type", 0), "peut-être"],
      [cell("QG_TemplateItems", "required", 1), "souvent"],
      [cell("QG_TemplateItems", "scale", 4), "inconnue"],
      [cell("QG_TemplateItems", "levelMap", 2), "1=9"],
      [cell("QG_TemplateItems", "theme", 5), "XYZ"],
      [cell("QG_TemplateScales", "value", 1), "un"],
      [cell("QG_TemplateThemes", "dimensionId", 0), "GOUVX"],
      [cell("QG_TemplateSteps", "dueOffsetDays", 1), "bientôt"],
      [cell("QG_TemplateActions", "criterionId", 1), "Z9"],
    ] as const;
    for (const [c, v] of bad) c.set(v);
    const r = await readBack(wb);
    if (r.ok) throw new Error("expected issues");
    const paths = r.issues.filter((i) => i.severity === "error").map((i) => i.path);
    for (const [c] of bad) expect(paths, c.address).toContain(`modele.xlsx: ${c.address}`);
    for (const i of r.issues) expect(issueText(i, "fr")).not.toMatch(/undefined/);
  });
});
