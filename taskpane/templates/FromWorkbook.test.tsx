// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor } from "@testing-library/react";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { renderAuthoringWorkbook } from "../../addin/xlsx/xlsx.authoring.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { MemoryHost } from "../host/memory.host.js";
import { LANG_CASES, renderPane } from "../test/render.js";
import { loaded } from "../test/workbook.bytes.js";
import { gridFileName } from "./fromWorkbook.state.js";

/** A grid a quality advisor typed by hand: a title row, then French headers, no codes. */
async function advisorGrid(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Grille maison");
  ws.getCell("A1").value = "Autoévaluation 2026";
  ws.addRow([]);
  ws.addRow(["Dimension", "Critère", "Pondération", "Pistes"]);
  ws.addRow(["Gouvernance", "Le conseil adopte un plan annuel", 2, "Procès-verbal"]);
  ws.addRow(["Gouvernance", "Les rôles sont écrits", 1, ""]);
  ws.addRow(["Services", "Les usagers sont consultés", 1, "Sondage"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.each(LANG_CASES)("From this workbook ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("reads a hand-made grid's template, chooses it, and goes on to generate it here", async () => {
    const host = new MemoryHost({ lang, bytes: await advisorGrid() });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("button", { name: t("fromWorkbook.read") }));
    const origin = await screen.findByText(t("fromWorkbook.origin.sheet"));
    expect(origin.closest("[role=status]")?.textContent).toMatch(/2 dimensions, 3 /);
    const chosen = screen.getByRole("radio", { checked: true });
    expect(chosen.closest("div")?.parentElement?.textContent).toContain(t("templates.fromWorkbook"));
    await user.click(screen.getByRole("button", { name: t("fromWorkbook.continue") }));
    expect(await screen.findByRole("tab", { name: t("tab.generate"), selected: true })).toBeTruthy();
  });

  it("makes the grid of authoring tables in a new workbook, leaving this one alone", async () => {
    const template = builtinTemplates()[2] as Template;
    const host = new MemoryHost({ lang, bytes: await renderAuthoringWorkbook(template, lang) });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("button", { name: t("fromWorkbook.read") }));
    expect(await screen.findByText(t("fromWorkbook.origin.authoring"))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t("fromWorkbook.create") }));
    await waitFor(() => expect(host.opened).toHaveLength(1));
    expect(host.calls.filter((c) => c.method === "generate")).toHaveLength(0);
    const opened = host.opened[0];
    if (!opened) throw new Error("nothing opened");
    expect(opened.name).toBe(gridFileName(template));
    const read = readQualigridWorkbook(await loaded(opened.bytes), opened.name);
    expect(read.ok && read.value.template.dimensions.map((d) => d.criteria.map((c) => c.id))).toEqual(template.dimensions.map((d) => d.criteria.map((c) => c.id)));
    expect(await screen.findByText(t("fromWorkbook.created.newWindow"))).toBeTruthy();
  });

  it("lists every problem of the sheet with its cell, all at once", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Grille");
    ws.addRow(["Dimension", "Critère", "Pondération"]);
    ws.addRow(["Gouvernance", "Un critère", "beaucoup"]);
    ws.addRow(["Gouvernance", "Un autre", -1]);
    const host = new MemoryHost({ lang, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("button", { name: t("fromWorkbook.read") }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(t("fromWorkbook.failed"));
    expect(alert.textContent).toContain("Grille!C2");
    expect(alert.textContent).toContain("Grille!C3");
  });
});

describe("gridFileName", () => {
  it("makes a file name of the template id", () => {
    expect(gridFileName({ id: "engagement-qualité v2/3" } as Template)).toBe("engagement-qualité-v2-3.xlsx");
    expect(gridFileName({ id: "///" } as Template)).toBe("qualigrid.xlsx");
  });
});
