/**
 * The evaluator mode end to end in Chromium at a task pane's width (350 px), keyboard only, through
 * the real pane build on the workbench: a three-respondent workbook with its register is opened,
 * the « Évaluateur » tab shows each respondent's rating and comment and the linked evidence; the
 * evaluator reviews an evidence row, rates the criterion, adds a recommendation, moves to the next
 * criterion and protects the sheets for the evaluator. The downloaded file is read back: the
 * evaluator's cells hold what was typed, the organization's are unchanged, the recommendation is an
 * action « Évaluation externe », and only the evaluator's cells are unlocked on the protected grid.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { respondentHeader } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { loadWorkbook, saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { renderPlanToWorkbook } from "../../addin/xlsx/xlsx.render.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";
import { findChromium, openSession, warnChromiumMissing } from "../support/browser.js";
import { workbenchSuite } from "./workbench.suite.js";
import { download, downloadControl, openWorkbench, tab, tabTo, text } from "./workbench.page.js";

const chromiumPath = findChromium();
if (!chromiumPath) warnChromiumMissing("tests/browser/evaluator.e2e.test.ts", "that the evaluator reviews, rates and recommends in the task pane, keyboard only");

const ENGAGEMENT = builtinTemplates().find((t) => t.id === "engagement-qualite");
if (!ENGAGEMENT) throw new Error("the built-in template engagement-qualite is missing");
const FIRST = ENGAGEMENT.dimensions[0]?.criteria[0]?.id ?? "";
const LANG = "fr" as const;
const RESPONDENTS = [
  { name: "Direction", rating: 4, comment: "Adoptée en 2023" },
  { name: "CA", rating: 2, comment: "Peu connue" },
  { name: "Équipe", rating: 3, comment: "" },
];

/** Opens a screen from the keyboard: focus on its tab, Enter. */
async function openTab(page: Page, screen: string): Promise<void> {
  await tab(page, LANG, screen).focus();
  await page.keyboard.press("Enter");
}

/** A status line saying `wanted`, whitespace as the page has it (no-break spaces in French). */
function status(page: Page, wanted: string) {
  return page.getByRole("status").filter({ hasText: wanted.replace(/\s+/g, " ") });
}

/** The three-respondent workbook: FIRST rated by each, evidence E001 (FIRST) and E002 (another criterion). */
async function workbookFile(dir: string): Promise<string> {
  const plan = buildPlan(ENGAGEMENT!, { lang: LANG, respondents: RESPONDENTS.map((r) => r.name) });
  const wb = await renderPlanToWorkbook(plan);
  const tables = findTables(wb);
  const grid = tables.get("qg_grid");
  const evidence = tables.get("qg_evidence");
  if (!grid || !evidence) throw new Error("no grid or register");
  const at = (t: typeof grid, header: string): number => t.left + t.headers.indexOf(header);
  const row = grid.top + 1;
  for (const r of RESPONDENTS) {
    grid.sheet.getCell(row, at(grid, respondentHeader("rating", r.name, LANG))).value = r.rating;
    if (r.comment) grid.sheet.getCell(row, at(grid, respondentHeader("comment", r.name, LANG))).value = r.comment;
  }
  const second = ENGAGEMENT!.dimensions[0]?.criteria[1]?.id ?? "";
  for (const [i, [criteria, title]] of [[FIRST, "Politique qualité"], [second, "Procédure"]].entries()) {
    evidence.sheet.getCell(evidence.top + 1 + i, at(evidence, "Critères")).value = criteria;
    evidence.sheet.getCell(evidence.top + 1 + i, at(evidence, "Titre du document")).value = title;
    evidence.sheet.getCell(evidence.top + 1 + i, at(evidence, "Statut")).value = "Acceptée";
  }
  const file = join(dir, "evaluation.xlsx");
  writeFileSync(file, await saveWorkbook(wb));
  return file;
}

describe.skipIf(!chromiumPath)("the evaluator mode in the workbench, keyboard only at 350 px", () => {
  const suite = workbenchSuite("qualigrid-evaluator-e2e-");

  it("reviews the evidence, rates, recommends, moves on and protects for the evaluator; the file holds it all", async () => {
    const source = await workbookFile(suite.work);
    const session = await openSession(suite.browser!, { locale: "fr-CA", viewport: { width: 350, height: 800 } });
    const { page } = session;
    try {
      await openWorkbench(page, suite.server!.url, LANG);
      // Opening a file goes through the system's file chooser: the one step not played from the keyboard.
      await page.getByTestId("workbench-file-input").setInputFiles(source);
      await page.getByText(text(LANG, "workbench.file", { name: "evaluation.xlsx" }), { exact: true }).waitFor({ timeout: 60_000 });

      await openTab(page, "evaluator");
      await page.getByRole("heading", { level: 2, name: text(LANG, "evaluator.heading") }).waitFor({ timeout: 30_000 });
      await page.getByText(text(LANG, "evaluator.position", { n: 1, total: ENGAGEMENT!.dimensions.flatMap((d) => d.criteria).length }), { exact: true }).waitFor({ timeout: 30_000 });
      const answers = page.getByRole("list", { name: text(LANG, "evaluator.respondents") }).getByRole("listitem");
      expect(await answers.evaluateAll((els) => els.map((e) => e.getAttribute("data-respondent")))).toEqual(RESPONDENTS.map((r) => r.name));
      expect(await page.getByText("Adoptée en 2023").count()).toBe(1);
      await page.locator('li[data-evidence="E001"]').waitFor();
      expect(await page.locator('li[data-evidence="E002"]').count()).toBe(0);
      // Nothing wider than the pane.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);

      // The review of E001: « À compléter », a note, the reviewer (dated today when no date is typed).
      await tabTo(page, 'select[data-field="review-status"]');
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await tabTo(page, 'textarea[data-field="review-note"]');
      await page.keyboard.type("Version signée ?");
      await tabTo(page, 'input[data-field="reviewer"]');
      await page.keyboard.type("M. Tremblay");
      await tabTo(page, "button", text(LANG, "evaluator.review.save", { id: "E001" }));
      await page.keyboard.press("Enter");
      await status(page, text(LANG, "evaluator.saved.review", { id: "E001" })).waitFor({ timeout: 30_000 });

      // The evaluator's rating 2 and comment.
      await tabTo(page, 'select[data-field="evaluator-rating"]');
      await page.keyboard.press("2");
      await tabTo(page, 'textarea[data-field="evaluator-comment"]');
      await page.keyboard.type("Politique non diffusée");
      await tabTo(page, "button", text(LANG, "evaluator.rating.save"));
      await page.keyboard.press("Enter");
      await status(page, text(LANG, "evaluator.saved.rating", { id: FIRST })).waitFor({ timeout: 30_000 });

      // A recommendation.
      await tabTo(page, 'textarea[data-field="recommendation"]');
      await page.keyboard.type("Diffuser la politique à tout le personnel");
      await tabTo(page, "button", text(LANG, "evaluator.recommendation.add"));
      await page.keyboard.press("Enter");
      await status(page, text(LANG, "evaluator.saved.recommendation", { id: FIRST })).waitFor({ timeout: 30_000 });

      // The next criterion, then back, from the keyboard.
      await page.keyboard.press("Alt+ArrowRight");
      await page.getByText(text(LANG, "evaluator.position", { n: 2, total: ENGAGEMENT!.dimensions.flatMap((d) => d.criteria).length }), { exact: true }).waitFor({ timeout: 30_000 });
      await page.keyboard.press("Alt+ArrowLeft");
      await page.getByText(text(LANG, "evaluator.position", { n: 1, total: ENGAGEMENT!.dimensions.flatMap((d) => d.criteria).length }), { exact: true }).waitFor({ timeout: 30_000 });

      // Protection for the evaluator (the mode offered first).
      await tabTo(page, "button", text(LANG, "evaluator.protection.apply"), { reverse: true, max: 80 });
      await page.keyboard.press("Enter");
      await status(page, text(LANG, "evaluator.protection.saved.evaluator")).waitFor({ timeout: 30_000 });

      const d = await download(page, downloadControl(page, LANG));
      const file = join(suite.work, d.suggestedFilename());
      await d.saveAs(file);
      const loaded = await loadWorkbook(new Uint8Array(readFileSync(file)), file);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
      const read = readQualigridWorkbook(loaded.value, file);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      const row = read.value.grid.find((r) => r.criterion === FIRST);
      expect(row?.evaluatorRating).toBe(2);
      expect(row?.evaluatorComment).toBe("Politique non diffusée");
      expect(row?.respondents.map((c) => [c.rating, c.comment])).toEqual(RESPONDENTS.map((r) => [r.rating, r.comment]));
      const e1 = read.value.evidence?.find((e) => e.id === "E001");
      expect(e1?.review).toMatchObject({ status: "À compléter", note: "Version signée ?", reviewer: "M. Tremblay" });
      expect(e1?.title).toBe("Politique qualité");
      const recs = (read.value.actions ?? []).filter((a) => a.source === "Évaluation externe");
      expect(recs.map((a) => [a.criterion, a.action])).toEqual([[FIRST, "Diffuser la politique à tout le personnel"]]);

      const grid = findTables(loaded.value).get("qg_grid");
      if (!grid) throw new Error("no grid");
      const lockedAt = (header: string): boolean => grid.sheet.getCell(grid.top + 1, grid.left + grid.headers.indexOf(header)).protection?.locked !== false;
      expect(lockedAt("Cotation évaluateur")).toBe(false);
      expect(lockedAt(respondentHeader("rating", "Direction", LANG))).toBe(true);

      expect(session.errors, "console errors and uncaught exceptions").toEqual([]);
      expect(session.offsite).toEqual([]);
    } finally {
      await session.close();
    }
  }, 300_000);
});
