/**
 * Rounds in the task pane, end to end in Chromium at a task pane's width (350 px), with the
 * keyboard only: a new grid (Engagement Qualité) is rated, « Clôturer le cycle » closes the round
 * (the workbench goes on with the next round's workbook, made by the same code as `qualigrid round
 * close`), the first criterion is rated again lower, and the dashboard gives the change since the
 * closed round and, in the dimension's detail, the criterion that went down. The downloaded file is
 * read back with the project's reader: the closed round in its history, the new rating in the grid.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { textOf } from "../../addin/model/text.js";
import { findChromium, openSession, warnChromiumMissing } from "../support/browser.js";
import { checkedValue, downloadWorkbook, expectCleanSession, generateFromKeyboard, openTab, PANE_VIEWPORT, status, workbenchSuite } from "./workbench.suite.js";
import { openWorkbench, tabTo, text } from "./workbench.page.js";

const chromiumPath = findChromium();
if (!chromiumPath) warnChromiumMissing("tests/browser/rounds.e2e.test.ts", "that a round is closed in the task pane and the dashboard shows the change since it, keyboard only");

const ENGAGEMENT = builtinTemplates().find((t) => t.id === "engagement-qualite");
if (!ENGAGEMENT) throw new Error("the built-in template engagement-qualite is missing");
const DIMENSION = ENGAGEMENT.dimensions[0];
const FIRST = DIMENSION?.criteria[0]?.id ?? "";
const LANG = "fr" as const;
const LABEL = "2025";

/** On Assess, rates the criterion shown (it must be FIRST) with the keys given, and waits until it is saved. */
async function rateFirst(page: Page, keys: string[], value: number): Promise<void> {
  await expect.poll(async () => (await page.getByRole("heading", { level: 3 }).first().innerText()).startsWith(FIRST), { timeout: 30_000 }).toBe(true);
  await tabTo(page, '[role="radio"]');
  for (const k of keys) await page.keyboard.press(k);
  await expect.poll(() => checkedValue(page), { timeout: 10_000 }).toBe(value);
  const level = textOf(ENGAGEMENT?.scale.levels.find((l) => l.value === value)?.label, LANG);
  await status(page, text(LANG, "assess.saved", { rating: `${value} — ${level}` })).waitFor({ timeout: 30_000 });
}

describe.skipIf(!chromiumPath)("rounds in the workbench, keyboard only at 350 px", () => {
  const suite = workbenchSuite("qualigrid-rounds-e2e-");

  it("closes a round, rates lower in the next, and the dashboard shows the change and the criterion that went down", async () => {
    const session = await openSession(suite.browser!, { locale: "fr-CA", viewport: PANE_VIEWPORT });
    const { page } = session;
    try {
      await openWorkbench(page, suite.server!.url, LANG);
      await generateFromKeyboard(page, LANG, ENGAGEMENT);

      // First round: the first criterion at the top level (4).
      await openTab(page, LANG, "assess");
      await rateFirst(page, ["ArrowDown", "ArrowDown", "ArrowDown"], 4);

      // « Cycles »: no round yet; close this one as « 2025 », after the confirmation.
      await openTab(page, LANG, "rounds");
      await page.getByRole("heading", { level: 2, name: text(LANG, "rounds.heading") }).waitFor({ timeout: 30_000 });
      await page.getByText(text(LANG, "rounds.none").replace(/\s+/g, " ")).waitFor({ timeout: 30_000 });
      await tabTo(page, 'input[type="text"]');
      await page.keyboard.press("Control+A");
      await page.keyboard.type(LABEL);
      await tabTo(page, "button", text(LANG, "rounds.close.button"));
      await page.keyboard.press("Enter");
      await page.locator("[data-confirm-close]").waitFor();
      await tabTo(page, "button", text(LANG, "rounds.confirm.run"));
      await page.keyboard.press("Enter");
      await status(page, text(LANG, "rounds.done", { label: LABEL })).waitFor({ timeout: 120_000 });
      // The workbench now works on the next round's workbook, whose history lists the closed round.
      await page.locator(`li[data-round="${LABEL}"]`).waitFor({ timeout: 30_000 });

      // Next round: the first criterion is blank again; rate it 1.
      await openTab(page, LANG, "assess");
      await expect.poll(() => checkedValue(page), { timeout: 30_000 }).toBe(null);
      await rateFirst(page, ["Space"], 1);

      // Dashboard: the first dimension went from 100 to 0 since « 2025 », and its detail names the criterion.
      await openTab(page, LANG, "dashboard");
      const dim = page.locator(`li[data-dimension="${DIMENSION?.id}"]`);
      await dim.waitFor({ timeout: 30_000 });
      const change = dim.locator("[data-change]");
      await expect.poll(() => change.getAttribute("data-change"), { timeout: 30_000 }).toBe("-100");
      expect((await change.innerText()).replace(/\s+/g, " ")).toContain(`${LABEL} :`);
      const label = `${DIMENSION?.id} — ${textOf(DIMENSION?.title, LANG)}`;
      await tabTo(page, "button", text(LANG, "dashboard.detail.show", { dimension: label }), { max: 200 });
      await page.keyboard.press("Enter");
      const down = dim.locator("[data-criterion-down]");
      await down.first().waitFor();
      expect(await down.evaluateAll((els) => els.map((e) => e.getAttribute("data-criterion-down")))).toEqual([FIRST]);

      // What the pane did is in the file: the closed round in the history, the new rating in the grid.
      const { read } = await downloadWorkbook(page, LANG, suite.work);
      expect(read.history?.map((r) => r.label)).toEqual([LABEL]);
      expect(read.history?.[0]?.criteria.find((c) => c.criterion === FIRST)?.consolidated).toBe(4);
      expect(read.grid.find((r) => r.criterion === FIRST)?.rating).toBe(1);
      expectCleanSession(session);
    } finally {
      await session.close();
    }
  }, 400_000);
});
