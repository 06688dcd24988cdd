import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import type { Template } from "../model/template.types.js";
import { CHARTS } from "../plan/names.js";
import { buildPlan } from "../plan/plan.build.js";
import type { ChartPlan, WorkbookPlan } from "../plan/plan.types.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanIntoWorkbook, renderPlanToBuffer } from "./xlsx.render.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";

type Parts = Record<string, Uint8Array>;
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../tests/fixtures/chart.dashboard.xlsx");

/** Parses XML, failing on any error or warning (xmldom reports instead of throwing). */
function parse(xml: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void problems.push(`${level}: ${msg}`) }).parseFromString(xml, "application/xml");
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}
const text = (parts: Parts, name: string): string => {
  const bytes = parts[name];
  if (!bytes) throw new Error(`no part ${name}`);
  return strFromU8(bytes);
};
const chartParts = (parts: Parts): string[] => Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));

/** The charts (graphic frames) of every drawing: their names and chart parts, by the sheet that shows the drawing. */
function chartsBySheet(parts: Parts): Map<string, { name: string; part: string }[]> {
  const found = new Map<string, { name: string; part: string }[]>();
  const workbook = parse(text(parts, "xl/workbook.xml"));
  const rels = parse(text(parts, "xl/_rels/workbook.xml.rels"));
  const targetOf = (doc: Document, id: string): string =>
    Array.from(doc.getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === id)?.getAttribute("Target") ?? "";
  const relsOf = (part: string): string => part.replace(/([^/]+)$/, "_rels/$1.rels");
  const resolve = (from: string, target: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  for (const s of Array.from(workbook.getElementsByTagName("sheet"))) {
    const sheetPart = `xl/${targetOf(rels, s.getAttribute("r:id") ?? "").replace(/^\/?xl\//, "")}`;
    const drawing = Array.from(parse(text(parts, sheetPart)).getElementsByTagName("drawing"))[0];
    if (!drawing || !parts[relsOf(sheetPart)]) continue;
    const drawingPart = resolve(sheetPart, targetOf(parse(text(parts, relsOf(sheetPart))), drawing.getAttribute("r:id") ?? ""));
    const doc = parse(text(parts, drawingPart));
    const drawingRels = parse(text(parts, relsOf(drawingPart)));
    const charts = Array.from(doc.getElementsByTagNameNS(XDR, "graphicFrame")).map((g) => ({
      name: g.getElementsByTagNameNS(XDR, "cNvPr")[0]?.getAttribute("name") ?? "",
      part: resolve(drawingPart, targetOf(drawingRels, g.getElementsByTagNameNS(C, "chart")[0]?.getAttribute("r:id") ?? "")),
    }));
    found.set(s.getAttribute("name") ?? "", charts);
  }
  return found;
}
const chartNamesBySheet = (parts: Parts): Map<string, string[]> => new Map([...chartsBySheet(parts)].map(([k, v]) => [k, v.map((c) => c.name)]));
const scoresChartParts = (parts: Parts): string[] =>
  [...chartsBySheet(parts).values()].flat().filter((c) => c.name === CHARTS.scores).map((c) => c.part);

const template = builtinTemplates().find((t) => t.dimensions.length >= 3) as Template;
const planOf = (lang: "fr" | "en" = "fr"): WorkbookPlan => buildPlan(template, { lang });
const dashboardChart = (plan: WorkbookPlan): ChartPlan => plan.sheets.find((s) => s.key === "dashboard")?.charts?.[0] as ChartPlan;

describe("plan charts in files", () => {
  it("a new workbook holds QG_ScoresChart on its dashboard: a radar whose series name QG_Scores' cells, its XML well-formed", async () => {
    const plan = planOf();
    const parts = unzipSync(await renderPlanToBuffer(plan));
    expect(chartNamesBySheet(parts).get("Tableau de bord")).toEqual([CHARTS.scores]);
    const charts = scoresChartParts(parts);
    expect(charts).toHaveLength(1);
    const doc = parse(text(parts, charts[0] ?? ""));
    expect(doc.getElementsByTagNameNS(C, "radarChart")).toHaveLength(1);
    const plotted = dashboardChart(plan);
    const refs = Array.from(doc.getElementsByTagNameNS(C, "f")).map((f) => f.textContent);
    // Per series: its name's cell, the categories, the values.
    expect(refs).toEqual(plotted.series.flatMap((s) => [s.nameRef, plotted.categoriesRef, s.valuesRef]));
    expect(doc.getElementsByTagNameNS(C, "max")[0]?.getAttribute("val")).toBe("100");
    const types = text(parts, "[Content_Types].xml");
    expect(types).toContain(`PartName="/${charts[0] ?? ""}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"`);
    expect(types).toMatch(/PartName="\/xl\/drawings\/drawing\d+\.xml" ContentType="application\/vnd\.openxmlformats-officedocument\.drawing\+xml"/);
  });

  it("a series named by a text (the previous round) is written as that text; three series make three", async () => {
    const plan = planOf("en");
    const chart = dashboardChart(plan);
    const third = { ...(chart.series[0] as ChartPlan["series"][number]), nameRef: "", name: "Previous round", color: "A5A5A5" };
    const sheets = plan.sheets.map((s) => (s.key === "dashboard" ? { ...s, charts: [{ ...chart, series: [...chart.series, third] }] } : s));
    const parts = unzipSync(await renderPlanToBuffer({ ...plan, sheets }));
    const doc = parse(text(parts, scoresChartParts(parts)[0] ?? ""));
    const series = Array.from(doc.getElementsByTagNameNS(C, "ser"));
    expect(series).toHaveLength(3);
    expect(series[2]?.getElementsByTagNameNS(C, "tx")[0]?.getElementsByTagNameNS(C, "v")[0]?.textContent).toBe("Previous round");
  });

  it("a file saved again (fill's path) keeps exactly its one QG_ScoresChart", async () => {
    const loaded = await loadWorkbook(await renderPlanToBuffer(planOf()), "a.xlsx");
    if (!loaded.ok) throw new Error("not loaded");
    const parts = unzipSync(await saveWorkbook(loaded.value));
    expect(chartNamesBySheet(parts).get("Tableau de bord")).toEqual([CHARTS.scores]);
    expect(scoresChartParts(parts)).toHaveLength(1);
    // No chart part is left that no drawing shows.
    expect(chartParts(parts).sort()).toEqual([...chartsBySheet(parts).values()].flat().map((c) => c.part).sort());
  });

  it("an upgrade replaces the old QG_ScoresChart with the new plan's, never two, and keeps the user's own chart", async () => {
    for (const source of [await renderPlanToBuffer(planOf()), new Uint8Array(fs.readFileSync(FIXTURE))]) {
      const read = await loadQualigridWorkbook(source, "old.xlsx");
      if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
      const before = chartNamesBySheet(unzipSync(source)).get("Tableau de bord") ?? [];
      const up = await upgradeWorkbook(read.value.workbook, read.value.assessment, read.value.assessment.template);
      if (!up.ok) throw new Error(up.issues.map((i) => i.message).join("; "));
      const once = await saveWorkbook(up.value.workbook, { carryFrom: read.value.workbook });
      // And once more: the upgraded file upgraded again.
      const again = await loadQualigridWorkbook(once, "once.xlsx");
      if (!again.ok) throw new Error("not read back");
      const up2 = await upgradeWorkbook(again.value.workbook, again.value.assessment, again.value.assessment.template);
      if (!up2.ok) throw new Error("second upgrade");
      const parts = unzipSync(await saveWorkbook(up2.value.workbook, { carryFrom: again.value.workbook }));
      const names = chartNamesBySheet(parts).get("Tableau de bord") ?? [];
      expect(names.filter((n) => n === CHARTS.scores)).toHaveLength(1);
      expect(names.filter((n) => n !== CHARTS.scores).sort()).toEqual(before.filter((n) => n !== CHARTS.scores).sort());
      // Every chart part is shown by a drawing, and every part the content types name is there.
      const types = text(parts, "[Content_Types].xml");
      for (const m of types.matchAll(/PartName="\/([^"]+)"/g)) expect(parts[m[1] ?? ""], m[1]).toBeDefined();
      const drawingRels = Object.keys(parts).filter((n) => /^xl\/drawings\/_rels\//.test(n)).map((n) => text(parts, n)).join("");
      for (const c of chartParts(parts)) expect(drawingRels).toContain(path.posix.basename(c));
      expect(chartParts(parts).sort()).toEqual([...chartsBySheet(parts).values()].flat().map((c) => c.part).sort());
    }
  });

  it("an upgrade that adds a dimension draws the new chart over the new rows, and reports no carried reference of the old one", async () => {
    const first = template.dimensions[0] as Template["dimensions"][number];
    const added = { ...first, id: "DX", criteria: first.criteria.map((c) => ({ ...c, id: `${c.id}X` })) };
    const next: Template = { ...template, version: "99.0.0", dimensions: [added, ...template.dimensions] };
    const read = await loadQualigridWorkbook(await renderPlanToBuffer(planOf()), "old.xlsx");
    if (!read.ok) throw new Error("not read");
    const up = await upgradeWorkbook(read.value.workbook, read.value.assessment, next);
    if (!up.ok) throw new Error(up.issues.map((i) => i.message).join("; "));
    expect(up.value.summary.chartsMoved ?? []).toEqual([]);
    const parts = unzipSync(await saveWorkbook(up.value.workbook, { carryFrom: read.value.workbook }));
    const charts = scoresChartParts(parts);
    expect(charts).toHaveLength(1);
    const refs = Array.from(parse(text(parts, charts[0] ?? "")).getElementsByTagNameNS(C, "f")).map((f) => f.textContent ?? "");
    const last = 15 + next.dimensions.length;
    expect(refs.filter((r) => r.includes(":")).every((r) => r.endsWith(`$16:$${r.split("$")[1] ?? ""}$${last}`))).toBe(true);
  });

  it("a workbook rendered into a file that already has a sheet of its dashboard's name charts its own, renamed, dashboard", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tableau de bord").getCell("A1").value = "à moi";
    const placed = await renderPlanIntoWorkbook(wb, planOf());
    expect(placed.ok).toBe(true);
    const parts = unzipSync(await saveWorkbook(wb));
    expect(chartNamesBySheet(parts).get("Tableau de bord (2)")).toEqual([CHARTS.scores]);
    expect(chartNamesBySheet(parts).has("Tableau de bord")).toBe(false);
    const doc = parse(text(parts, scoresChartParts(parts)[0] ?? ""));
    const refs = Array.from(doc.getElementsByTagNameNS(C, "f")).map((f) => f.textContent ?? "");
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r.startsWith("'Tableau de bord (2)'!")).toBe(true);
  });
});

describe("print settings in files", () => {
  it("writes the plan's page breaks, header and footer, and a print area given as a range; a file saved again keeps them", async () => {
    const plan = planOf();
    const sheets = plan.sheets.map((s) =>
      s.key === "dashboard" ? { ...s, print: { ...s.print, area: "A1:H40", breaks: [12, 20], header: "&LOrganisme&CRapport&R&D", footer: "&CPage &P / &N" } } : s,
    );
    const first = await renderPlanToBuffer({ ...plan, sheets });
    const loaded = await loadWorkbook(first, "a.xlsx");
    if (!loaded.ok) throw new Error("not loaded");
    for (const bytes of [first, await saveWorkbook(loaded.value)]) {
      const parts = unzipSync(bytes);
      const sheet = parse(text(parts, "xl/worksheets/sheet1.xml"));
      const breaks = Array.from(sheet.getElementsByTagName("brk")).map((b) => [b.getAttribute("id"), b.getAttribute("man"), b.getAttribute("max")]);
      expect(breaks).toEqual([
        ["12", "1", "16383"],
        ["20", "1", "16383"],
      ]);
      expect(sheet.getElementsByTagName("oddHeader")[0]?.textContent).toBe("&LOrganisme&CRapport&R&D");
      expect(sheet.getElementsByTagName("oddFooter")[0]?.textContent).toBe("&CPage &P / &N");
      const area = Array.from(parse(text(parts, "xl/workbook.xml")).getElementsByTagName("definedName")).find(
        (n) => n.getAttribute("name") === "_xlnm.Print_Area" && n.getAttribute("localSheetId") === "0",
      );
      expect(area?.textContent).toBe("'Tableau de bord'!$A$1:$H$40");
    }
  });
});
