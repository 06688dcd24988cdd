/**
 * The task pane opened in a browser (the workbench, on an in-memory workbook), end to end in
 * Chromium, in French and in English: pick Engagement Qualité → generate → rate three criteria with
 * the keyboard only → read the dashboard's numbers → create actions from gaps → download. The
 * downloaded file is read back with the project's reader (the three ratings and the actions are
 * there) and recalculated in LibreOffice: its dashboard shows the numbers the pane showed. Along
 * the way: no request leaves 127.0.0.1 (office.js is not even requested), the page's CSP has no
 * 'unsafe-eval', nothing is logged as an error, and each screen is saved as a screenshot under
 * test-artifacts/browser/.
 */
import ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Lang } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";
import { translatorFor } from "../../taskpane/i18n/i18n.js";
import { ARTIFACTS_DIR, findChromium, openSession, warnChromiumMissing, webpackConstants } from "../support/browser.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateXlsx } from "../support/libreoffice.js";
import { checkedValue, downloadWorkbook, workbenchSuite } from "./workbench.suite.js";
import { openWorkbench, tab, tabTo, text, textPattern } from "./workbench.page.js";

const chromiumPath = findChromium();
if (!chromiumPath) {
  warnChromiumMissing(
    "tests/browser/workbench.e2e.test.ts",
    "that the workbench generates, rates by keyboard, scores, plans actions and downloads a file whose recalculated dashboard equals the pane, with no request leaving the machine",
  );
}
const soffice = findSoffice();
if (chromiumPath && !soffice) {
  console.warn(
    "\n[qualigrid] LibreOffice (soffice) not found: the browser scenario runs, but the downloaded file is NOT " +
      `recalculated, so the pane's numbers are not compared with the workbook's formulas. Install it with: ${LIBREOFFICE_INSTALL_HINT}\n`,
  );
}

const ENGAGEMENT = builtinTemplates().find((t) => t.id === "engagement-qualite");
if (!ENGAGEMENT) throw new Error("the built-in template engagement-qualite is missing");

const IMG = "<img src=x onerror=window.__xss=1>";
const FORMULA = '=HYPERLINK("http://evil.example","x")';
/** A template whose French texts are markup and a formula; it must stay text everywhere. */
const HOSTILE_TEMPLATE = {
  id: "hostile-text",
  version: "1.0.0",
  title: { fr: "Modèle <b>hostile</b>", en: "Hostile <b>template</b>" },
  source: "tests/browser/workbench.e2e.test.ts",
  scale: { levels: [{ value: 1, label: "Non" }, { value: 2, label: "Oui" }], notApplicable: false },
  target: 66,
  targetLevel: 2,
  dimensions: [
    {
      id: "D1",
      title: { fr: "Dimension <script>window.__xss=2</script>", en: "Dimension" },
      criteria: [
        { id: "C1", text: { fr: IMG, en: "Criterion one" } },
        { id: "C2", text: { fr: FORMULA, en: "Criterion two" }, guidance: { fr: "<a href=\"http://evil.example\">lien</a>", en: "link" } },
      ],
    },
  ],
};

/** Asserts that none of the hostile markup became elements or ran. */
async function expectNoMarkup(page: Page, where: string): Promise<void> {
  const dom = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    imgs: document.querySelectorAll("img").length,
    bold: document.querySelectorAll("b").length,
    scripts: Array.from(document.querySelectorAll("script")).filter((s) => s.textContent?.includes("__xss")).length,
    links: Array.from(document.querySelectorAll("a")).filter((a) => a.href.includes("evil.example")).length,
  }));
  expect(dom, where).toEqual({ xss: null, imgs: 0, bold: 0, scripts: 0, links: 0 });
}

/** What the dashboard screen showed. */
interface PaneFigures {
  overall: { raw: number | null; shown: string };
  dimensions: { id: string; raw: number | null; shown: string }[];
}

/** The pane's dashboard: raw scores (data-score of each bar) and the text shown beside them. */
async function readDashboard(page: Page, lang: Lang): Promise<PaneFigures> {
  const scoreTerm = text(lang, "dashboard.score");
  return page.evaluate((scoreTerm) => {
    const num = (s: string | null | undefined): number | null => (s === null || s === undefined || s === "" ? null : Number(s));
    const dimensions = Array.from(document.querySelectorAll<HTMLElement>("li[data-dimension]")).map((li) => ({
      id: li.dataset.dimension ?? "",
      raw: num(li.querySelector<HTMLElement>("[data-score]")?.dataset.score),
      shown: li.innerText,
    }));
    const terms = Array.from(document.querySelectorAll("dt"));
    const dt = terms.find((d) => d.textContent?.trim() === scoreTerm);
    const firstBar = document.querySelector<HTMLElement>("section [data-score]");
    return {
      overall: { raw: num(firstBar?.dataset.score), shown: dt?.nextElementSibling?.textContent?.trim() ?? "" },
      dimensions,
    };
  }, scoreTerm);
}

/** Saves a screenshot of the page under test-artifacts/browser/. */
async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

describe.skipIf(!chromiumPath)("the workbench in Chromium, end to end", () => {
  const suite = workbenchSuite("qualigrid-browser-e2e-");

  it.each(["fr", "en"] as const)(
    "%s: generate, rate three criteria by keyboard, dashboard, actions, download — the recalculated file shows the pane's numbers",
    async (lang) => {
      const session = await openSession(suite.browser!, { locale: lang === "fr" ? "fr-CA" : "en-CA" });
      const { page } = session;
      const i18n = translatorFor(lang);
      try {
        await openWorkbench(page, suite.server!.url, lang);
        await snap(page, `${lang}-templates`);

        // Templates → Generate.
        await page.getByRole("radio", { name: textOf(ENGAGEMENT.title, lang) }).check();
        await page.getByRole("button", { name: text(lang, "templates.continue"), exact: true }).click();
        await snap(page, `${lang}-generate`);
        await page.getByRole("button", { name: text(lang, "generate.button"), exact: true }).click();
        await page.getByText(text(lang, "generate.done"), { exact: true }).waitFor({ timeout: 60_000 });

        // Assess, keyboard only from here: the "Assess the criteria" button, then Tab, arrows, Space, Enter.
        await page.getByRole("button", { name: text(lang, "generate.toAssess"), exact: true }).focus();
        await page.keyboard.press("Enter");
        await page.getByRole("radiogroup").waitFor();
        const rated = new Map<string, number>();
        // Criterion 1: Space on the first level (1); criterion 2: two ArrowDown (choose 2, then 3);
        // criterion 3: ArrowDown (2) then Enter on it.
        const plans: { keys: string[]; expected: number }[] = [
          { keys: ["Space"], expected: 1 },
          { keys: ["ArrowDown", "ArrowDown"], expected: 3 },
          { keys: ["ArrowDown", "Enter"], expected: 2 },
        ];
        for (const [i, { keys, expected }] of plans.entries()) {
          const heading = await page.getByRole("heading", { level: 3 }).first().innerText();
          const id = heading.split(" — ")[0]!.trim();
          if (i === 0) await tabTo(page, '[role="radio"]');
          else await tabTo(page, '[role="radio"]', undefined, { reverse: true });
          for (const k of keys) await page.keyboard.press(k);
          await expect.poll(() => checkedValue(page), { timeout: 10_000 }).toBe(expected);
          await page.getByRole("status").filter({ hasText: textPattern(lang, "assess.saved") }).waitFor();
          expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-checked")), "focus stays on the chosen option").toBe("true");
          rated.set(id, expected);
          if (i === 0) await snap(page, `${lang}-assess`);
          if (i < plans.length - 1) {
            await tabTo(page, "button", text(lang, "assess.next"));
            await page.keyboard.press("Enter");
            await expect.poll(() => page.getByRole("heading", { level: 3 }).first().innerText(), { timeout: 10_000 }).not.toBe(heading);
          }
        }
        expect([...rated.values()]).toEqual([1, 3, 2]);

        // Dashboard: what the pane shows.
        await tab(page, lang, "dashboard").click();
        await page.locator("li[data-dimension]").first().waitFor();
        const pane = await readDashboard(page, lang);
        await snap(page, `${lang}-dashboard`);
        expect(pane.dimensions.map((d) => d.id)).toEqual(ENGAGEMENT.dimensions.map((d) => d.id));
        expect(pane.dimensions.filter((d) => d.raw !== null)).toHaveLength(1); // the three criteria are in the first dimension
        expect(pane.overall.raw).not.toBeNull();
        expect(pane.overall.shown).toBe(i18n.number(pane.overall.raw!));
        for (const d of pane.dimensions) {
          expect(d.shown).toContain(d.raw === null ? text(lang, "dashboard.notScored") : i18n.number(d.raw));
        }

        // Actions from gaps: criteria 1 (level 1) and 3 (level 2) are below the target level 3.
        await tab(page, lang, "actions").click();
        await page.getByRole("button", { name: text(lang, "actions.add"), exact: true }).click();
        await page.getByRole("status").filter({ hasText: i18n.plural("actions.added", 2) }).waitFor();
        await snap(page, `${lang}-actions`);

        // Download, and read the file with the project's reader.
        const { file, name, read } = await downloadWorkbook(page, lang, suite.work, `${lang}-`);
        expect(name).toMatch(/\.xlsx$/);
        expect(read.template.id).toBe("engagement-qualite");
        expect(read.lang).toBe(lang);
        for (const [id, value] of rated) expect(read.grid.find((r) => r.criterion === id)?.rating, id).toBe(value);
        expect(read.grid.filter((r) => r.rating !== null && r.rating !== "")).toHaveLength(3);
        // The plan from gaps adds its rows below the template's own (Engagement Qualité 2.0.0 pre-fills one).
        const prefilled = new Set((ENGAGEMENT.actions ?? []).map((a) => a.id));
        expect(read.actions?.filter((a) => prefilled.has(a.id)).map((a) => a.id)).toEqual([...prefilled]);
        expect(read.actions?.filter((a) => !prefilled.has(a.id)).map((a) => a.criterion).sort()).toEqual([...rated].filter(([, v]) => v < 3).map(([id]) => id).sort());

        // The workbook's own formulas, recalculated by LibreOffice, give the pane's numbers.
        if (soffice) {
          const recalculated = await recalculateXlsx(file, join(suite.work, `recalc-${lang}`));
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(recalculated);
          const scores = findTables(wb).get("qg_scores");
          if (!scores) throw new Error("no QG_Scores table in the recalculated workbook");
          const scoreCol = scores.left + scores.headers.indexOf("Score");
          expect(scoreCol).toBeGreaterThanOrEqual(scores.left);
          const fileScores = [];
          for (let r = scores.top + 1; r <= scores.bottom; r++) {
            fileScores.push({ id: computedValue(scores.sheet.getCell(r, scores.left)), score: computedValue(scores.sheet.getCell(r, scoreCol)) });
          }
          expect(fileScores.map((s) => s.id)).toEqual(pane.dimensions.map((x) => x.id));
          for (const [k, s] of fileScores.entries()) {
            const shown = pane.dimensions[k]!;
            if (shown.raw === null) expect(s.score, String(s.id)).toBe("");
            else {
              expect(s.score as number, String(s.id)).toBeCloseTo(shown.raw, 9);
              expect(shown.shown).toContain(i18n.number(s.score as number));
            }
          }
          const overall = computedValue(scores.sheet.getCell("B5"));
          expect(overall as number).toBeCloseTo(pane.overall.raw!, 9);
          expect(pane.overall.shown).toBe(i18n.number(overall as number));
        }

        // Privacy and hygiene over the whole run (before the CSP probe below, which logs its refusals).
        expect(session.errors, "console errors and uncaught exceptions").toEqual([]);
        const { TASKPANE_CSP } = await webpackConstants();
        const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
        expect(csp).toBe(TASKPANE_CSP);
        expect(csp).not.toContain("unsafe-eval");
        // …and Chromium enforces it in the running page: a string handed to setTimeout (an eval sink)
        // and an inline <script> are refused and reported as violations.
        const enforced = await page.evaluate(async () => {
          const seen: string[] = [];
          const w = window as unknown as { __qgEval?: number; __qgInline?: number };
          document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
          (setTimeout as unknown as (code: string, ms: number) => void)("window.__qgEval = 1", 0);
          const script = document.createElement("script");
          script.textContent = "window.__qgInline = 1";
          document.head.appendChild(script);
          await new Promise((ok) => setTimeout(ok, 100));
          return { evalRan: w.__qgEval !== undefined, inlineRan: w.__qgInline !== undefined, seen };
        });
        expect(enforced).toEqual({ evalRan: false, inlineRan: false, seen: ["script-src eval", "script-src-elem inline"] });
        expect(session.offsite, "requests that tried to leave 127.0.0.1").toEqual([]);
        expect(session.officeJs, "office.js requested outside Office").toEqual([]);
        expect(session.requests.every((r) => r.url.startsWith(suite.server!.url) || /^(data|blob):/.test(r.url))).toBe(true);
      } finally {
        await session.close();
      }
    },
    240_000,
  );

  it("launched as Office launches it but outside Office: loads office.js, which finds no host, and becomes the workbench; office.js's telemetry frame is stopped by the CSP", async () => {
    const session = await openSession(suite.browser!, { locale: "fr-CA" });
    try {
      const { OFFICE_JS_URL } = await webpackConstants();
      await session.page.goto(`${suite.server!.url}taskpane.html?office=1`);
      await expect.poll(() => session.officeJs.length, { timeout: 15_000 }).toBe(1);
      expect(session.officeJs[0]!.url).toBe(OFFICE_JS_URL);
      // office.js (served from node_modules) finds no Office host: Office.onReady reports none and the
      // page becomes the workbench.
      await session.page.getByRole("button", { name: text("fr", "workbench.open"), exact: true }).waitFor({ timeout: 30_000 });
      // Outside Office, office.js frames a Microsoft telemetry page: the pages' CSP (frame-src) stops it
      // before any request leaves, and says so on the console. That is the one error allowed here.
      expect(session.offsite).toEqual([]);
      expect(session.errors.filter((e) => !/telemetryservice\.firstpartyapps\.oaspapps\.com.*Content Security Policy|Content Security Policy.*telemetryservice/s.test(e))).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it("shows hostile template text as text in the pane and writes it as text in the downloaded file", async () => {
    const session = await openSession(suite.browser!, { locale: "fr-CA" });
    const { page } = session;
    try {
      await openWorkbench(page, suite.server!.url, "fr");
      const templateFile = join(suite.work, "hostile.json");
      writeFileSync(templateFile, JSON.stringify(HOSTILE_TEMPLATE));
      await page.getByLabel(text("fr", "templates.import.input")).setInputFiles(templateFile);
      await page.getByRole("status").filter({ hasText: text("fr", "templates.import.ok", { title: HOSTILE_TEMPLATE.title.fr }) }).waitFor();
      // The imported template is chosen; its title is listed as text.
      await expect.poll(() => page.getByRole("radio", { name: HOSTILE_TEMPLATE.title.fr }).isChecked()).toBe(true);
      await expectNoMarkup(page, "templates");
      await page.getByRole("button", { name: text("fr", "templates.continue"), exact: true }).click();
      await page.getByRole("button", { name: text("fr", "generate.button"), exact: true }).click();
      await page.getByText(text("fr", "generate.done"), { exact: true }).waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: text("fr", "generate.toAssess"), exact: true }).click();
      const heading = page.getByRole("heading", { level: 3 }).first();
      await expect.poll(() => heading.textContent()).toBe(`C1 — ${IMG}`);
      await expectNoMarkup(page, "assess C1");
      expect(await page.getByRole("combobox").first().inputValue()).toBe("D1");
      expect(await page.locator("option", { hasText: "<script>" }).count(), "the dimension title is an option's text").toBe(1);
      await snap(page, "hostile-assess");
      await page.getByRole("button", { name: text("fr", "assess.next"), exact: true }).click();
      await expect.poll(() => heading.textContent()).toBe(`C2 — ${FORMULA}`);
      await expectNoMarkup(page, "assess C2");

      const { file, read } = await downloadWorkbook(page, "fr", suite.work, "hostile-");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const holding = new Map<string, { type: ExcelJS.ValueType; value: ExcelJS.CellValue; where: string }[]>([
        [IMG, []],
        [FORMULA, []],
      ]);
      const formulas: string[] = [];
      for (const ws of wb.worksheets) {
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (cell.type === ExcelJS.ValueType.Formula && /evil\.example|onerror/i.test(cell.formula ?? "")) formulas.push(`${ws.name}!${cell.address}: ${cell.formula}`);
            for (const [needle, found] of holding) {
              const v = cell.type === ExcelJS.ValueType.Formula ? cell.formula : cell.value;
              if (typeof v === "string" && v.includes(needle.slice(1, 20))) found.push({ type: cell.type, value: cell.value, where: `${ws.name}!${cell.address}` });
            }
          }),
        );
      }
      expect(formulas, "cells whose formula carries the hostile text").toEqual([]);
      for (const [needle, found] of holding) {
        expect(found.length, `cells holding ${needle}`).toBeGreaterThan(0);
        for (const f of found) expect(f.type, f.where).toBe(ExcelJS.ValueType.String);
        expect(found.some((f) => f.value === needle), `a cell holds exactly ${needle}`).toBe(true);
      }
      const criteria = read.template.dimensions.flatMap((x) => x.criteria);
      expect(criteria.map((c) => textOf(c.text, "fr"))).toEqual([IMG, FORMULA]);
      expect(session.offsite).toEqual([]);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  }, 180_000);
});
