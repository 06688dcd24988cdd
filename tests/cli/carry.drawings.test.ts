import { DOMParser, XMLSerializer } from "@xmldom/xmldom";
import { unzipSync, zipSync } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_FIXTURE, CHART_PARTS, CHART_TEMPLATE, CHARTSHEET, HEADER_PICTURE } from "../fixtures/chart.build.js";
import { SHEET_NAMES } from "../../addin/plan/labels.js";
import { CHARTS } from "../../addin/plan/names.js";
import type { SheetKey } from "../../addin/plan/plan.types.js";
import { findSoffice, recalculateMany } from "../support/libreoffice.js";
import { loadXlsx, run, tempDir, writeJson, writeText } from "./cli.helpers.js";

// « A workbook made in Excel with its chart » (tests/fixtures/chart.dashboard.xlsx, see chart.build.ts)
// keeps its chart, text box and picture, its chart sheet and its header picture through every
// command that writes a workbook.

type Parts = Record<string, Uint8Array>;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
/** The charts the plan draws itself (an upgrade re-renders them), by their frame's name: never the user's. */
const PLAN_CHARTS: ReadonlySet<string> = new Set(Object.values(CHARTS));
const xmlOf = (parts: Parts, name: string): Document => {
  const bytes = parts[name];
  if (!bytes) throw new Error(`no part ${name}`);
  return new DOMParser().parseFromString(new TextDecoder().decode(bytes), "application/xml") as unknown as Document;
};
const resolve = (from: string, target: string): string => path.posix.normalize(target.startsWith("/") ? target.slice(1) : path.posix.join(path.posix.dirname(from), target));
const relsOf = (parts: Parts, part: string): { type: string; target: string }[] => {
  const name = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  if (!parts[name]) return [];
  return Array.from(xmlOf(parts, name).getElementsByTagName("Relationship")).map((r) => ({ type: r.getAttribute("Type") ?? "", target: resolve(part, r.getAttribute("Target") ?? "") }));
};

/** A sheet's part, by its name. */
function sheetPart(parts: Parts, name: string): string {
  const sheet = Array.from(xmlOf(parts, "xl/workbook.xml").getElementsByTagName("sheet")).find((s) => s.getAttribute("name") === name);
  const rid = sheet?.getAttributeNS(REL, "id");
  const rel = Array.from(xmlOf(parts, "xl/_rels/workbook.xml.rels").getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === rid);
  if (!rel) throw new Error(`no sheet ${name}`);
  return resolve("xl/workbook.xml", rel.getAttribute("Target") ?? "");
}

/** The part a sheet's drawing element names, through the sheet's rels. */
function drawingOf(parts: Parts, sheet: string): string {
  const part = sheetPart(parts, sheet);
  const elements = xmlOf(parts, part).getElementsByTagName("drawing");
  expect(elements.length, sheet).toBe(1);
  const rid = elements[0]?.getAttributeNS(REL, "id");
  const name = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const rel = Array.from(xmlOf(parts, name).getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === rid);
  expect(rel?.getAttribute("Type")).toBe(`${REL}/drawing`);
  return resolve(part, rel?.getAttribute("Target") ?? "");
}

/**
 * A drawing split in two: the plan's own chart frames (their names and the `r:id` of their charts), and
 * the rest — the user's anchors, in their order — serialized, to compare with the fixture's drawing.
 */
function splitDrawing(parts: Parts, part: string): { user: string; plan: { name: string; rid: string }[] } {
  const doc = xmlOf(parts, part);
  const root = doc.documentElement;
  const plan: { name: string; rid: string }[] = [];
  for (const anchor of Array.from(root.childNodes).filter((n): n is Element => n.nodeType === 1)) {
    const name = anchor.getElementsByTagNameNS(XDR, "cNvPr")[0]?.getAttribute("name") ?? "";
    if (!PLAN_CHARTS.has(name)) continue;
    plan.push({ name, rid: anchor.getElementsByTagNameNS(C, "chart")[0]?.getAttributeNS(REL, "id") ?? "" });
    root.removeChild(anchor);
  }
  return { user: new XMLSerializer().serializeToString(doc as unknown as Parameters<XMLSerializer["serializeToString"]>[0]), plan };
}

/** The sheets of the fixture after an upgrade: the plan's tab order, with the user's chart sheet kept at its place. */
function upgradedSheetNames(): string[] {
  // The plan's order (addin/plan/plan.build.ts) is dashboard, grid, evidence, actions, [steps], report, visit,
  // [surveys], [history], template, lists: the fixture's template has no steps, no surveys and no closed round.
  const keys: SheetKey[] = ["dashboard", "grid", "evidence", "actions", "report", "visit", "template", "lists"];
  const names: string[] = keys.map((k) => SHEET_NAMES[k].fr);
  names.splice(CHARTSHEET.index, 0, CHARTSHEET.name);
  return names;
}

/**
 * What the fixture holds is in `file`: the same drawing, chart, styles and picture, from the same sheets, with their content types.
 * `upgraded`: `file` was upgraded, so the dashboard's drawing also holds the plan's scores chart (once), and the plan's new sheets are listed.
 */
function expectDrawingsKept(file: string, upgraded = false): void {
  const source = unzipSync(fs.readFileSync(CHART_FIXTURE));
  const out = unzipSync(fs.readFileSync(file));
  const dashboard = drawingOf(out, "Tableau de bord");
  const drawn = splitDrawing(out, dashboard);
  const fixture = splitDrawing(source, CHART_PARTS.dashboardDrawing);
  expect(fixture.plan).toEqual([]);
  // The user's anchors (chart and text box) are the fixture's, in the same order and the same words.
  expect(drawn.user).toBe(fixture.user);
  if (upgraded) {
    expect(drawn.plan.map((p) => p.name)).toEqual([CHARTS.scores]);
  } else {
    // Carried without a new plan: the drawing is the fixture's, byte for byte.
    expect(drawn.plan).toEqual([]);
    expect(out[dashboard]).toEqual(source[CHART_PARTS.dashboardDrawing]);
  }
  // The user's chart frame (its r:id, as in the fixture) still shows the fixture's chart; the plan's frame shows another chart part.
  const dashboardRels = Array.from(xmlOf(out, path.posix.join(path.posix.dirname(dashboard), "_rels", `${path.posix.basename(dashboard)}.rels`)).getElementsByTagName("Relationship"));
  const chartOf = (rid: string): string => {
    const rel = dashboardRels.find((r) => r.getAttribute("Id") === rid);
    expect(rel?.getAttribute("Type"), rid).toBe(`${REL}/chart`);
    return resolve(dashboard, rel?.getAttribute("Target") ?? "");
  };
  const userRid = xmlOf(source, CHART_PARTS.dashboardDrawing).getElementsByTagNameNS(C, "chart")[0]?.getAttributeNS(REL, "id") ?? "";
  const chart = chartOf(userRid);
  expect(out[chart]).toEqual(source[CHART_PARTS.chart]);
  for (const p of drawn.plan) {
    expect(p.rid).not.toBe(userRid);
    const planChart = chartOf(p.rid);
    expect(planChart).not.toBe(chart);
    expect(out[planChart], planChart).toBeDefined();
  }
  const chartRels = relsOf(out, chart).map((r) => out[r.target]);
  expect(chartRels).toEqual(expect.arrayContaining([source[CHART_PARTS.style], source[CHART_PARTS.colors]]));
  const evidence = drawingOf(out, "Preuves");
  expect(out[evidence]).toEqual(source[CHART_PARTS.evidenceDrawing]);
  const picture = relsOf(out, evidence).find((r) => r.type === `${REL}/image`)?.target ?? "";
  expect(out[picture]).toEqual(source[CHART_PARTS.picture]);
  const types = xmlOf(out, "[Content_Types].xml");
  const override = (p: string): string | null | undefined =>
    Array.from(types.getElementsByTagName("Override")).find((o) => o.getAttribute("PartName") === `/${p}`)?.getAttribute("ContentType");
  expect(override(dashboard)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
  expect(override(evidence)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
  expect(override(chart)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  const png = Array.from(types.getElementsByTagName("Default")).find((d) => d.getAttribute("Extension")?.toLowerCase() === "png");
  expect(png?.getAttribute("ContentType") ?? override(picture)).toBe("image/png");
  expectChartsheetKept(source, out, override, upgraded);
  expectHeaderPictureKept(source, out);
}

/** The chart sheet is listed at its place, with the same chart sheet, drawing, chart and printer settings; the print titles still name their sheets. */
function expectChartsheetKept(source: Parts, out: Parts, override: (p: string) => string | null | undefined, upgraded: boolean): void {
  const sheets = Array.from(xmlOf(out, "xl/workbook.xml").getElementsByTagName("sheet"));
  const names = sheets.map((s) => s.getAttribute("name"));
  const sourceNames = Array.from(xmlOf(source, "xl/workbook.xml").getElementsByTagName("sheet")).map((s) => s.getAttribute("name"));
  // An upgrade lists the plan's new sheets (« Rapport », « Rapport de visite ») in the plan's tab order; the other commands keep the fixture's list.
  expect(names).toEqual(upgraded ? upgradedSheetNames() : sourceNames);
  expect(names[CHARTSHEET.index]).toBe(CHARTSHEET.name);
  expect(new Set(sheets.map((s) => s.getAttribute("sheetId"))).size).toBe(sheets.length);
  const chartsheet = sheetPart(out, CHARTSHEET.name);
  const rel = relsOf(out, "xl/workbook.xml").find((r) => r.target === chartsheet);
  expect(rel?.type).toBe(`${REL}/chartsheet`);
  expect(override(chartsheet)).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml");
  expect(out[chartsheet]).toEqual(source[CHART_PARTS.chartsheet]);
  const rels = relsOf(out, chartsheet);
  const drawing = rels.find((r) => r.type === `${REL}/drawing`)?.target ?? "";
  expect(out[drawing]).toEqual(source[CHART_PARTS.chartsheetDrawing]);
  expect(out[rels.find((r) => r.type === `${REL}/printerSettings`)?.target ?? ""]).toEqual(source[CHART_PARTS.printerSettings]);
  const chart = relsOf(out, drawing).find((r) => r.type === `${REL}/chart`)?.target ?? "";
  expect(out[chart]).toEqual(source[CHART_PARTS.chartsheetChart]);
  expect(override(chart)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  // localSheetId counts the chart sheet: each print title still names the sheet at its index.
  for (const n of Array.from(xmlOf(out, "xl/workbook.xml").getElementsByTagName("definedName"))) {
    const local = n.getAttribute("localSheetId");
    if (local === null) continue;
    const ref = n.textContent ?? "";
    const named = ref.slice(0, ref.lastIndexOf("!")).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    expect(named, `${n.getAttribute("name")} ${local}`).toBe(names[Number(local)]);
  }
}

/** « Grille » still shows its header logo: `&G` in its header, `<legacyDrawingHF>` naming the same VML part and picture. */
function expectHeaderPictureKept(source: Parts, out: Parts): void {
  const part = sheetPart(out, HEADER_PICTURE.sheet);
  const sheet = xmlOf(out, part);
  expect(sheet.getElementsByTagName("oddHeader")[0]?.textContent).toBe(HEADER_PICTURE.oddHeader);
  const elements = sheet.getElementsByTagName("legacyDrawingHF");
  expect(elements.length).toBe(1);
  const rid = elements[0]?.getAttributeNS(REL, "id");
  const name = path.posix.join(path.posix.dirname(part), "_rels", `${path.posix.basename(part)}.rels`);
  const rel = Array.from(xmlOf(out, name).getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === rid);
  expect(rel?.getAttribute("Type")).toBe(`${REL}/vmlDrawing`);
  const vml = resolve(part, rel?.getAttribute("Target") ?? "");
  expect(out[vml]).toEqual(source[CHART_PARTS.headerVml]);
  const picture = relsOf(out, vml).find((r) => r.type === `${REL}/image`)?.target ?? "";
  expect(out[picture]).toEqual(source[CHART_PARTS.headerPicture]);
}

/** The fixture with the gap of C1 (Grille!I5) typed over: `check --repair` has a formula to restore. */
function withGapTypedOver(file: string): void {
  const parts = unzipSync(fs.readFileSync(file));
  const grid = sheetPart(parts, "Grille");
  const xml = new TextDecoder().decode(parts[grid]);
  const altered = xml.replace(/<c r="I5"([^>]*)><f>[^<]*<\/f>(<v>[^<]*<\/v>)?<\/c>/, '<c r="I5"$1><v>7</v></c>');
  expect(altered).not.toBe(xml);
  parts[grid] = new TextEncoder().encode(altered);
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(parts).filter(([n]) => !n.endsWith("/")))));
}

/** A copy of the fixture in `dir`. */
function copyOfFixture(dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.copyFileSync(CHART_FIXTURE, file);
  return file;
}

describe("a workbook made in Excel with its chart", () => {
  it("is itself what the tests say: a Qualigrid workbook our reader reads, holding the chart and the picture", async () => {
    expectDrawingsKept(CHART_FIXTURE);
    expect((await run("score", CHART_FIXTURE)).code).toBe(0);
  });

  it("keeps its chart, text box and picture through fill, set, plan, check --repair and upgrade; LibreOffice and our reader open every result", async () => {
    const dir = tempDir();
    const outDir = path.join(dir, "out");
    fs.mkdirSync(outDir);
    const results: string[] = [];
    const step = async (name: string, argv: (input: string, output: string) => string[], prepare?: (input: string) => void): Promise<void> => {
      const upgraded = name === "upgrade";
      const input = copyOfFixture(dir, `${name}.in.xlsx`);
      prepare?.(input);
      const output = path.join(outDir, `${name}.xlsx`);
      const r = await run(...argv(input, output));
      expect(r.code, `${name}: ${r.err}`).toBeLessThanOrEqual(name === "check" ? 1 : 0);
      expectDrawingsKept(output, upgraded);
      expect((await run("score", output)).code, name).toBe(0);
      await loadXlsx(output);
      results.push(output);
    };
    const answers = writeText(dir, "answers.csv", "criterion,rating,comment\nC2,3,mieux\nC4,2,\n");
    await step("fill", (i, o) => ["fill", i, "--answers", answers, "-o", o]);
    await step("set", (i, o) => ["set", i, "organisation", "CISSS de l'Exemple", "-o", o]);
    await step("plan", (i, o) => ["plan", i, "-o", o]);
    await step("check", (i, o) => ["check", i, "--repair", "-o", o, "--json"], withGapTypedOver);
    const next = JSON.parse(fs.readFileSync(CHART_TEMPLATE, "utf8")) as { version: string; dimensions: { criteria: { id: string; text: unknown }[] }[] };
    next.version = "1.1.0";
    next.dimensions[0]?.criteria.push({ id: "C7", text: { fr: "Énoncé du critère C7", en: "Statement of criterion C7" } });
    const v2 = writeJson(dir, "v2.json", next);
    await step("upgrade", (i, o) => ["upgrade", i, "--template", v2, "-o", o, "--json"]);

    if (!findSoffice()) return;
    // LibreOffice opens each result and keeps its chart and picture when it saves it again.
    const converted = await recalculateMany(results, path.join(dir, "lo"));
    for (const file of converted) {
      const parts = unzipSync(fs.readFileSync(file));
      const names = Object.keys(parts);
      expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)), file).toBe(true);
      expect(names.some((n) => /^xl\/media\/.+\.png$/.test(n)), file).toBe(true);
      expect(new TextDecoder().decode(parts[names.find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)) ?? ""])).toContain("Tableau de bord");
      // The chart sheet opens as the tab « Graphique » holding the second chart (LibreOffice has no chart sheets: it makes it a sheet with the chart on it).
      const sheetNames = Array.from(xmlOf(parts, "xl/workbook.xml").getElementsByTagName("sheet")).map((s) => s.getAttribute("name"));
      expect(sheetNames[CHARTSHEET.index], file).toBe(CHARTSHEET.name);
      expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length, file).toBeGreaterThanOrEqual(2);
    }
  });
});
