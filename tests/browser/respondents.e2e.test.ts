/**
 * Several respondents in the task pane, end to end in Chromium at a task pane's width (350 px),
 * with the keyboard only: « Ajouter un répondant » twice on a new grid (the file host re-renders it
 * with a column per respondent, the grid's unnamed one becoming « Répondant 1 »), « Évaluer » asks who answers and writes only
 * that column, « À discuter » lists the criterion the two disagree on and records the agreed rating
 * and its reason, the dashboard gives each respondent's score. The downloaded file is read back with
 * the project's reader (each respondent's rating, the agreed rating and reason in their columns),
 * and, when LibreOffice is there, recalculated: its consolidated rating is the agreed one.
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { textOf } from "../../addin/model/text.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";
import { translatorFor } from "../../taskpane/i18n/i18n.js";
import { findChromium, openSession, warnChromiumMissing } from "../support/browser.js";
import { computedValue, findSoffice, recalculateXlsx } from "../support/libreoffice.js";
import { checkedValue, downloadWorkbook, expectCleanSession, generateFromKeyboard, openTab, PANE_VIEWPORT, status, workbenchSuite } from "./workbench.suite.js";
import { openWorkbench, tabTo, text } from "./workbench.page.js";

const chromiumPath = findChromium();
if (!chromiumPath) warnChromiumMissing("tests/browser/respondents.e2e.test.ts", "that several respondents answer, disagree and agree in the task pane, keyboard only");
const soffice = findSoffice();

const ENGAGEMENT = builtinTemplates().find((t) => t.id === "engagement-qualite");
if (!ENGAGEMENT) throw new Error("the built-in template engagement-qualite is missing");
const FIRST = ENGAGEMENT.dimensions[0]?.criteria[0]?.id ?? "";
const LANG = "fr" as const;
const i18n = translatorFor(LANG);

describe.skipIf(!chromiumPath)("several respondents in the workbench, keyboard only at 350 px", () => {
  const suite = workbenchSuite("qualigrid-respondents-e2e-");

  it("adds two respondents, each rates in their own column, the disagreement is settled, the dashboard shows both", async () => {
    const session = await openSession(suite.browser!, { locale: "fr-CA", viewport: PANE_VIEWPORT });
    const { page } = session;
    try {
      await openWorkbench(page, suite.server!.url, LANG);
      // Choose the template and generate, from the keyboard too.
      await generateFromKeyboard(page, LANG, ENGAGEMENT);

      // Respondents: add « Direction », then « CA ».
      await openTab(page, LANG, "respondents");
      await page.getByRole("heading", { level: 2, name: text(LANG, "respondents.heading") }).waitFor();
      for (const name of ["Direction", "CA"]) {
        await tabTo(page, 'input[type="text"]');
        await page.keyboard.type(name);
        await page.keyboard.press("Enter");
        await status(page, text(LANG, "respondent.added", { name })).waitFor({ timeout: 60_000 });
        await page.locator(`li[data-respondent="${name}"]`).waitFor({ timeout: 60_000 });
      }

      // Assess: who answers? CA rates the first criterion 1, then Direction rates it 4.
      await openTab(page, LANG, "assess");
      await page.getByRole("heading", { level: 3, name: text(LANG, "respondent.heading") }).waitFor({ timeout: 30_000 });
      for (const { name, keys, value } of [
        { name: "CA", keys: ["Space"], value: 1 },
        { name: "Direction", keys: ["ArrowDown", "ArrowDown", "ArrowDown"], value: 4 },
      ]) {
        if (name === "Direction") {
          await tabTo(page, "button", text(LANG, "respondent.change"), { reverse: true });
          await page.keyboard.press("Enter");
        }
        await tabTo(page, "button", text(LANG, "respondent.choose", { name }));
        await page.keyboard.press("Enter");
        await page.getByText(text(LANG, "respondent.current", { name }), { exact: true }).waitFor();
        expect((await page.getByRole("heading", { level: 3 }).first().innerText()).startsWith(FIRST)).toBe(true);
        await tabTo(page, '[role="radio"]');
        for (const k of keys) await page.keyboard.press(k);
        await expect.poll(() => checkedValue(page), { timeout: 10_000 }).toBe(value);
        await status(page, text(LANG, "assess.saved", { rating: `${value} — ${textOf(ENGAGEMENT.scale.levels.find((l) => l.value === value)?.label, LANG)}` })).waitFor({ timeout: 10_000 });
      }

      // To discuss: the first criterion (4 and 1: spread 3); agreed rating 3, with its reason.
      await openTab(page, LANG, "discuss");
      await page.getByText(i18n.plural("discuss.count", 1), { exact: true }).waitFor({ timeout: 30_000 });
      const item = page.locator(`li[data-criterion="${FIRST}"]`);
      expect(await item.getAttribute("data-to-discuss")).toBe("true");
      expect((await item.innerText()).replace(/\s+/g, " ")).toContain(text(LANG, "discuss.spread", { spread: "3" }).replace(/\s+/g, " "));
      await tabTo(page, "select");
      await page.keyboard.press("3");
      await page.keyboard.press("Tab");
      await page.keyboard.type("Entente en rencontre de consensus");
      await tabTo(page, "button", text(LANG, "discuss.save", { id: FIRST }));
      await page.keyboard.press("Enter");
      await status(page, text(LANG, "discuss.saved", { id: FIRST })).waitFor({ timeout: 30_000 });
      await expect.poll(() => item.getAttribute("data-to-discuss")).toBe("false");

      // Dashboard: each respondent's score beside the consolidated one, nothing left to discuss.
      await openTab(page, LANG, "dashboard");
      const dim = page.locator(`li[data-dimension="${ENGAGEMENT.dimensions[0]?.id}"]`);
      await dim.waitFor({ timeout: 30_000 });
      const lines = await dim.locator("[data-respondent-scores] li").allInnerTexts();
      expect(lines.map((l) => l.replace(/\s+/g, " ").split(":")[0]?.trim())).toEqual([text(LANG, "dashboard.consolidatedLine", { score: "" }).split(":")[0]?.trim(), "Répondant 1", "Direction", "CA"]);
      expect(await dim.locator("[data-to-discuss]").getAttribute("data-to-discuss")).toBe("0");

      // What the pane did is in the file: each column, the agreed rating and its reason.
      const { file, read } = await downloadWorkbook(page, LANG, suite.work);
      // The grid's unnamed respondent became « Répondant 1 » when the first name was added.
      expect(read.respondents.map((r) => r.name)).toEqual(["Répondant 1", "Direction", "CA"]);
      const row = read.grid.find((r) => r.criterion === FIRST);
      expect(row?.respondents.map((c) => c.rating)).toEqual([null, 4, 1]);
      expect(row?.agreed).toBe(3);
      expect(row?.agreedReason).toBe("Entente en rencontre de consensus");
      expect(read.grid.filter((r) => r.respondents.some((c) => c.rating !== null && c.rating !== ""))).toHaveLength(1);

      if (soffice) {
        const recalculated = await recalculateXlsx(file, join(suite.work, "recalc"));
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(recalculated);
        const grid = findTables(wb).get("qg_grid");
        if (!grid) throw new Error("no QG_Grid in the recalculated workbook");
        const col = (header: string): number => grid.left + grid.headers.indexOf(header);
        const r = grid.top + 1 + read.grid.findIndex((x) => x.criterion === FIRST);
        expect(computedValue(grid.sheet.getCell(r, col("Cotation consolidée")))).toBe(3);
        expect(computedValue(grid.sheet.getCell(r, col("Écart entre répondants")))).toBe(3);
      }
      expectCleanSession(session);
    } finally {
      await session.close();
    }
  }, 300_000);
});
