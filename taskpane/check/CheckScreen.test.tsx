// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { renderAuthoringWorkbook } from "../../addin/xlsx/xlsx.authoring.js";
import { MemoryHost } from "../host/memory.host.js";
import { LANG_CASES, renderPane } from "../test/render.js";
import { firstGridFormula, workbookBytes } from "../test/workbook.bytes.js";
import { parseDomains } from "./check.state.js";

const TEMPLATE = builtinTemplates()[0] as Template;

describe.each(LANG_CASES)("Check screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("lists a formula typed over, at its sheet and cell, and the repair rewrites that cell only", async () => {
    let altered = "";
    let original = "";
    const bytes = await workbookBytes(TEMPLATE, lang, (wb) => {
      const cell = firstGridFormula(wb);
      altered = `${cell.worksheet.name}!${cell.address}`;
      original = String(cell.formula);
      cell.value = 0;
    });
    const host = new MemoryHost({ lang, bytes });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.check") }));
    await user.click(await screen.findByRole("button", { name: t("check.run") }));
    const errors = await screen.findByRole("region", { name: new RegExp(t("check.errors", { n: 1 }).replace(/[()]/g, "\\$&")) });
    expect(within(errors).getByText(altered, { exact: false })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t("check.repair", { n: 1 }) }));
    await waitFor(() => expect(host.written.size).toBe(1));
    const [where, formula] = [...host.written][0] ?? [];
    expect(where).toBe(altered);
    expect(formula?.replace(/^=/, "")).toBe(original.replace(/^=/, ""));
    expect(await screen.findByText(i18n.plural("check.repaired", 1))).toBeTruthy();
  });

  it("says, in the pane's language, that an authoring workbook is not a grid and how to make one", async () => {
    const host = new MemoryHost({ lang, bytes: await renderAuthoringWorkbook(TEMPLATE, lang) });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.check") }));
    await user.click(await screen.findByRole("button", { name: t("check.run") }));
    const words = lang === "fr" ? "est le classeur de saisie d'un modèle" : "is a template's authoring workbook";
    expect(await screen.findByText(words, { exact: false })).toBeTruthy();
  });

  it("lists a fresh grid's unanswered criteria as warnings, with nothing to repair", async () => {
    const host = new MemoryHost({ lang, bytes: await workbookBytes(TEMPLATE, lang) });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.check") }));
    await user.click(await screen.findByRole("button", { name: t("check.run") }));
    // A fresh grid is unanswered: warnings only, no error and nothing to repair. Engagement
    // Qualité 2.0.0 also pre-fills an action whose due date waits for the assessment date.
    const unanswered = TEMPLATE.dimensions.reduce((n, d) => n + d.criteria.length, 0);
    expect(await screen.findByText(i18n.plural("check.summary", unanswered + (TEMPLATE.actions ?? []).length))).toBeTruthy();
    expect(screen.queryByRole("button", { name: new RegExp(t("check.repair", { n: 0 }).split("(")[0] ?? "") })).toBeNull();
  });

  it("explains a workbook that is not a Qualigrid workbook, naming what is missing", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "Total";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { user } = renderPane(new MemoryHost({ lang, bytes }));
    await user.click(screen.getByRole("tab", { name: t("tab.check") }));
    await user.click(await screen.findByRole("button", { name: t("check.run") }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("check.unreadable"))).toBeTruthy();
    expect(alert.textContent).toContain("QG_Grid");
  });

  it("shows the host's failure when Excel cannot give the workbook", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.click(screen.getByRole("tab", { name: t("tab.check") }));
    await user.click(await screen.findByRole("button", { name: t("check.run") }));
    expect(await screen.findByText(t("error.unknown.title"))).toBeTruthy();
  });
});

describe("parseDomains", () => {
  it("splits on commas, semicolons and spaces and drops blanks", () => {
    expect(parseDomains(" a.sharepoint.com, b.org;c.net  ,, ")).toEqual(["a.sharepoint.com", "b.org", "c.net"]);
    expect(parseDomains("")).toEqual([]);
  });
});

describe("Check screen: sealing the review", () => {
  it("seals with the reviewer's name typed, by keyboard, and offers the receipt as a download", async () => {
    const host = new MemoryHost({ lang: "fr", bytes: await workbookBytes(TEMPLATE, "fr") });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: "Vérifier" }));
    const name = await screen.findByRole("textbox", { name: /Nom du réviseur/ });
    await user.type(name, "Marie Tremblay{Enter}");
    await waitFor(() => expect(host.callsTo("seal")).toHaveLength(1));
    expect(host.callsTo("seal")[0]?.[0]).toBe("Marie Tremblay");
    const link = await screen.findByRole("link", { name: /Télécharger le reçu/ });
    expect(link.getAttribute("download")).toMatch(/\.sceau\.json$/);
  });
});
