import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CHART_FIXTURE, CHART_PARTS, CHARTSHEET } from "../../tests/fixtures/chart.build.js";
import { buildPlan } from "../plan/plan.build.js";
import { parseTemplate } from "../model/template.parse.js";
import { carryDrawings } from "./xlsx.carry.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { renderPlanToBuffer } from "./xlsx.render.js";

const fixture = (): Uint8Array => new Uint8Array(fs.readFileSync(CHART_FIXTURE));
const text = (parts: Record<string, Uint8Array>, name: string): string => new TextDecoder().decode(parts[name] ?? new Uint8Array());

async function loaded(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = await loadWorkbook(bytes, "chart.xlsx");
  if (!wb.ok) throw new Error(wb.issues.map((i) => i.message).join("; "));
  return wb.value;
}

/** Sheet name → its part, from the workbook part and its rels. */
function sheetParts(parts: Record<string, Uint8Array>): Map<string, string> {
  const rels = new Map([...text(parts, "xl/_rels/workbook.xml.rels").matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, string>();
  for (const m of text(parts, "xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    out.set((m[1] ?? "").replace(/&apos;/g, "'"), `xl/${rels.get(m[2]) ?? ""}`);
  }
  return out;
}

/** The drawing part a sheet's rels name, resolved from xl/worksheets/. */
function drawingOf(parts: Record<string, Uint8Array>, sheet: string): string | undefined {
  const part = sheetParts(parts).get(sheet) ?? "";
  const rels = text(parts, part.replace(/([^/]+)$/, "_rels/$1.rels"));
  const target = /Type="[^"]*\/drawing" Target="\.\.\/drawings\/([^"]+)"/.exec(rels)?.[1];
  return target === undefined ? undefined : `xl/drawings/${target}`;
}

describe("drawings carried through a round trip", () => {
  it("costs nothing when there is nothing to carry: exceljs's bytes are returned as they are", async () => {
    const t = parseTemplate(JSON.parse(fs.readFileSync("tests/fixtures/chart.template.json", "utf8")));
    if (!t.ok) throw new Error("template");
    // Without a dashboard: no plan chart, no report and its page breaks.
    const wb = await loaded(await renderPlanToBuffer(buildPlan(t.value, { lang: "fr", parts: { dashboard: false, evidence: true, actions: true } })));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(carryDrawings(bytes, wb)).toBe(bytes);
    const fresh = new ExcelJS.Workbook();
    fresh.addWorksheet("A");
    const freshBytes = new Uint8Array(await fresh.xlsx.writeBuffer());
    expect(carryDrawings(freshBytes, fresh)).toBe(freshBytes);
  });

  it("keeps the chart, its style and colours, the text box and the picture, each once, where CT_Worksheet puts them", async () => {
    const source = unzipSync(fixture());
    const wb = await loaded(fixture());
    // exceljs never sees the drawings, so it cannot half-carry the picture.
    expect(wb.worksheets.flatMap((ws) => ws.getImages())).toEqual([]);
    const out = unzipSync(await saveWorkbook(wb));
    for (const p of Object.values(CHART_PARTS)) expect(out[p], p).toEqual(source[p]);
    expect(drawingOf(out, "Tableau de bord")).toBe(CHART_PARTS.dashboardDrawing);
    expect(drawingOf(out, "Preuves")).toBe(CHART_PARTS.evidenceDrawing);
    expect(Object.keys(out).filter((n) => n.startsWith("xl/media/")).sort()).toEqual([CHART_PARTS.picture, CHART_PARTS.headerPicture]);
    for (const sheet of ["Tableau de bord", "Preuves"]) {
      const xml = text(out, sheetParts(out).get(sheet) ?? "");
      expect(xml.match(/<drawing /g)).toHaveLength(1);
      expect(xml).toMatch(/<\/pageSetup>|<pageSetup [^>]*\/>/);
      expect(xml.indexOf("<drawing ")).toBeGreaterThan(xml.indexOf("<pageSetup"));
      expect(xml.indexOf("<drawing ")).toBeLessThan(xml.indexOf("<tableParts"));
    }
    const types = text(out, "[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/>');
    expect(types.match(/PartName="\/xl\/drawings\/drawing1.xml"/g)).toHaveLength(1);
    expect(types).toMatch(/Extension="png"/);
    // Read again, the drawings are carried again.
    const again = unzipSync(await saveWorkbook(await loaded(await saveWorkbook(wb))));
    for (const p of Object.values(CHART_PARTS)) expect(again[p], p).toEqual(source[p]);
  });

  it("renumbers a carried part whose name exceljs took, and leaves a sheet that has a drawing of exceljs's making", async () => {
    const source = unzipSync(fixture());
    const wb = await loaded(fixture());
    const png = source[CHART_PARTS.picture];
    if (!png) throw new Error("no picture");
    const id = wb.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: "png" });
    wb.getWorksheet("Listes")?.addImage(id, "A20:B24");
    const out = unzipSync(await saveWorkbook(wb));
    const listes = drawingOf(out, "Listes");
    const dashboard = drawingOf(out, "Tableau de bord");
    const evidence = drawingOf(out, "Preuves");
    expect(new Set([listes, dashboard, evidence]).size).toBe(3);
    expect(out[dashboard ?? ""]).toEqual(source[CHART_PARTS.dashboardDrawing]);
    expect(out[evidence ?? ""]).toEqual(source[CHART_PARTS.evidenceDrawing]);
    expect(out[CHART_PARTS.chart]).toEqual(source[CHART_PARTS.chart]);
    const types = text(out, "[Content_Types].xml");
    for (const d of [listes, dashboard, evidence]) expect(types).toContain(`PartName="/${d ?? ""}"`);

    // A sheet holds one drawing: when exceljs drew on the dashboard, its drawing stays and the chart does not come back.
    const wb2 = await loaded(fixture());
    const id2 = wb2.addImage({ buffer: Buffer.from(png) as unknown as ExcelJS.Buffer, extension: "png" });
    wb2.getWorksheet("Tableau de bord")?.addImage(id2, "K2:L4");
    const out2 = unzipSync(await saveWorkbook(wb2));
    const xml = text(out2, sheetParts(out2).get("Tableau de bord") ?? "");
    expect(xml.match(/<drawing /g)).toHaveLength(1);
    expect(out2[drawingOf(out2, "Preuves") ?? ""]).toEqual(source[CHART_PARTS.evidenceDrawing]);
  });

  it("takes a chart sheet out of what exceljs reads and puts it back at its place, with the names local to it and the tab indexes counted again", async () => {
    const source = unzipSync(fixture());
    const workbook = text(source, "xl/workbook.xml");
    // A name local to the chart sheet, and the chart sheet as the active tab.
    source["xl/workbook.xml"] = new TextEncoder().encode(
      workbook
        .replace("</definedNames>", `<definedName name="Note" localSheetId="${CHARTSHEET.index}">"vu"</definedName></definedNames>`)
        .replace(/activeTab="\d+"/, `activeTab="${CHARTSHEET.index}"`),
    );
    const wb = await loaded(zipSync(source));
    expect(wb.worksheets.map((ws) => ws.name)).not.toContain(CHARTSHEET.name);
    expect(wb.getWorksheet("Plan d'action")?.pageSetup.printTitlesRow).toBe("4:4");
    const out = unzipSync(await saveWorkbook(wb));
    const xml = text(out, "xl/workbook.xml");
    const names = [...xml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names[CHARTSHEET.index]).toBe(CHARTSHEET.name);
    expect(names.length).toBe(7);
    expect(xml).toContain(`<definedName name="Note" localSheetId="${CHARTSHEET.index}">"vu"</definedName>`);
    expect(xml).toMatch(new RegExp(`activeTab="${CHARTSHEET.index}"`));
    const planIndex = names.indexOf("Plan d&apos;action");
    expect(xml).toMatch(new RegExp(`name="_xlnm.Print_Titles" localSheetId="${planIndex}">&apos;Plan d&apos;&apos;action&apos;!\\$4:\\$4<`));
    expect(out[CHART_PARTS.chartsheet]).toEqual(source[CHART_PARTS.chartsheet]);
    expect(out[CHART_PARTS.printerSettings]).toEqual(source[CHART_PARTS.printerSettings]);
  });
});
