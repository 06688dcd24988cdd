/**
 * The task pane as a user sees it in the browser workbench, driven by accessible roles and names
 * taken from the string catalogues (taskpane/i18n), never hard-coded texts.
 */
import type { Download, Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { Lang } from "../../addin/model/template.types.js";
import { CATALOGUES, fillText, type StringKey, type TextVars } from "../../taskpane/i18n/i18n.js";

/** The task pane's screens, in tab order (App's SCREENS and any added after them). */
export const SCREEN_KEYS = ["templates", "generate", "assess", "dashboard", "actions", "functions"] as const;

/** The text of `key` in `lang`, placeholders filled. */
export function text(lang: Lang, key: StringKey, vars?: TextVars): string {
  return fillText(CATALOGUES[lang][key], vars);
}

/** A regular expression matching the text of `key` exactly, with any placeholder as a wildcard. */
export function textPattern(lang: Lang, key: StringKey): RegExp {
  const parts = CATALOGUES[lang][key].split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".*")}$`);
}

/** A key of the catalogue when it exists (keys W or others add later), else undefined. */
export function maybeKey(lang: Lang, key: string): string | undefined {
  return (CATALOGUES[lang] as Record<string, string>)[key];
}

/** The tab of a screen. */
export function tab(page: Page, lang: Lang, screen: string): Locator {
  return page.getByRole("tab", { name: text(lang, `tab.${screen}` as StringKey), exact: true });
}

/**
 * Presses Tab until the focused element matches the CSS `selector` (and, when given, its text or
 * aria-label contains `name`); returns how many presses it took. Keyboard only: no click.
 */
export async function tabTo(page: Page, selector: string, name?: string, { reverse = false, max = 60 } = {}): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(reverse ? "Shift+Tab" : "Tab");
    const hit = await page.evaluate(
      ([sel, want]) => {
        const el = document.activeElement;
        if (!el || !el.matches(sel)) return false;
        if (want === null) return true;
        const label = `${el.getAttribute("aria-label") ?? ""} ${(el as HTMLElement).innerText ?? ""}`;
        return label.includes(want);
      },
      [selector, name ?? null] as const,
    );
    if (hit) return i;
  }
  throw new Error(`Tab did not reach ${selector}${name ? ` named "${name}"` : ""} in ${max} presses`);
}

/** The accessible name of the focused element, roughly (its aria-label or text). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.getAttribute("aria-label") ?? (el as HTMLElement).innerText ?? "").trim() : "";
  });
}

/**
 * Opens the page outside Office (the workbench) in `lang` (`?lang=`) and waits until its first
 * screen is usable: the tab list shown and the workbench's Open and New buttons enabled.
 */
export async function openWorkbench(page: Page, baseUrl: string, lang: Lang): Promise<void> {
  await page.goto(`${baseUrl}taskpane.html?lang=${lang}`);
  await page.getByRole("tablist", { name: text(lang, "app.tabs") }).waitFor({ timeout: 30_000 });
  for (const key of ["workbench.open", "workbench.new"]) {
    const name = maybeKey(lang, key);
    if (name === undefined) throw new Error(`the string catalogue has no ${key} text: is the workbench in this tree?`);
    const button = page.getByRole("button", { name, exact: true });
    await button.waitFor();
    expect(await button.isEnabled(), `${name} is enabled`).toBe(true);
  }
}

/** The workbench's control that downloads the workbook as .xlsx. */
export function downloadControl(page: Page, lang: Lang): Locator {
  const name = maybeKey(lang, "workbench.download");
  if (name === undefined) throw new Error("the string catalogue has no workbench.download text: is the workbench in this tree?");
  return page.getByRole("button", { name, exact: true });
}

/** Clicks `control` and returns the download it starts. */
export async function download(page: Page, control: Locator): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), control.click()]);
  return d;
}
