/**
 * Accessibility of every screen of the task pane in the browser workbench, with a generated grid
 * (Engagement Qualité), in French and in English: axe-core scans each tab's screen (and the
 * Templates screen before anything is generated); no violation of impact "serious" or "critical"
 * is allowed. Each screen is saved as a screenshot under test-artifacts/browser/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { textOf } from "../../addin/model/text.js";
import {
  ARTIFACTS_DIR,
  buildTaskPane,
  findChromium,
  launchChromium,
  openSession,
  serveDirectory,
  warnChromiumMissing,
  type StaticServer,
} from "../support/browser.js";
import { maybeKey, openWorkbench, text } from "./workbench.page.js";

const chromiumPath = findChromium();
if (!chromiumPath) warnChromiumMissing("tests/browser/workbench.a11y.test.ts", "that no screen of the task pane has a serious or critical axe-core violation");

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const ENGAGEMENT = builtinTemplates().find((t) => t.id === "engagement-qualite")!;

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page (injected once per page) and returns its violations. Injected through
 * the DevTools protocol (page.evaluate), not page.addScriptTag: the page's CSP rightly refuses an
 * inline <script>, and the test must not weaken the CSP it checks.
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.evaluate(AXE_SOURCE);
    if (!(await page.evaluate(() => "axe" in window))) throw new Error("axe-core did not load into the page");
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // Tabster's focus sentinels (<i data-tabster-dummy tabindex="0" aria-hidden="true">), which Fluent UI
    // puts around focus groups, are reported by aria-hidden-focus: they hand focus on at once and are
    // never read; a known false positive of axe on every Fluent UI v9 page. Everything else is scanned.
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary })),
    }));
  });
}

/** The violations, one readable paragraph each. */
function formatViolations(screen: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${screen}] ${v.impact ?? "?"} ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    at ${JSON.stringify(n.target)} ${n.html}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`).join("\n"),
    )
    .join("\n");
}

/**
 * Waits until no spinner is shown (a screen reading the workbook) and two frames have passed, so
 * that axe sees the settled screen (transitions are off: the context prefers reduced motion).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[role="progressbar"], .fui-Spinner').length === 0, undefined, { timeout: 30_000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

describe.skipIf(!chromiumPath)("accessibility of every screen (axe-core)", () => {
  let server: StaticServer | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    server = await serveDirectory(await buildTaskPane());
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(["fr", "en"] as const)(
    "%s: no serious or critical violation on any screen, with a generated grid",
    async (lang) => {
      const session = await openSession(browser!, { locale: lang === "fr" ? "fr-CA" : "en-CA", reducedMotion: true });
      const { page } = session;
      const report: string[] = [];
      const scanned: string[] = [];
      const scan = async (screen: string): Promise<void> => {
        await settled(page);
        const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
        if (serious.length > 0) report.push(formatViolations(`${lang} ${screen}`, serious));
        scanned.push(screen);
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS_DIR, `a11y-${lang}-${screen}.png`), fullPage: true });
      };
      try {
        await openWorkbench(page, server!.url, lang);
        await scan("first-screen");
        await page.getByRole("radio", { name: textOf(ENGAGEMENT.title, lang) }).check();
        await page.getByRole("button", { name: text(lang, "templates.continue"), exact: true }).click();
        await page.getByRole("button", { name: text(lang, "generate.button"), exact: true }).click();
        await page.getByText(text(lang, "generate.done"), { exact: true }).waitFor({ timeout: 60_000 });
        await scan("generate-done");
        const tabs = page.getByRole("tablist", { name: text(lang, "app.tabs") }).getByRole("tab");
        const names = await tabs.allInnerTexts();
        expect(names.length).toBeGreaterThanOrEqual(6);
        for (const [i, name] of names.entries()) {
          await tabs.nth(i).click();
          await expect.poll(() => tabs.nth(i).getAttribute("aria-selected")).toBe("true");
          const screen = `tab-${i + 1}-${name.trim().replace(/[^\p{L}\d]+/gu, "-")}`;
          await scan(screen);
          // The Check screen's findings appear once it has run: scan them too.
          const run = maybeKey(lang, "check.run");
          const runButton = run === undefined ? null : page.getByRole("button", { name: run, exact: true });
          if (runButton && (await runButton.count()) === 1) {
            await runButton.click();
            await settled(page);
            await scan(`${screen}-results`);
          }
        }
        expect(report.join("\n\n"), `serious or critical axe-core violations (screens scanned: ${scanned.join(", ")})`).toBe("");
        expect(session.offsite).toEqual([]);
      } finally {
        await session.close();
      }
    },
    240_000,
  );
});
