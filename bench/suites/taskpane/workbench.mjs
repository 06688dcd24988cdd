// The steps the `taskpane` suite times in the browser workbench, found by accessible role and the
// French texts of addin/model/messages/pane.texts.fr.ts (read from the source: the bench runs without tsx).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./browser.mjs";

/** The French catalogue, key → text, parsed from pane.texts.fr.ts (one `"key": "text",` per line). */
export function frenchStrings() {
  const source = readFileSync(path.join(ROOT, "addin/model/messages/pane.texts.fr.ts"), "utf8");
  const out = {};
  for (const m of source.matchAll(/^\s*"([\w.]+)":\s*("(?:[^"\\]|\\.)*")\s*,?\s*$/gm)) out[m[1]] = JSON.parse(m[2]);
  return out;
}

const FR = frenchStrings();
const t = (key) => {
  const s = FR[key];
  if (s === undefined) throw new Error(`pane.texts.fr.ts has no key ${key}`);
  return s;
};
const exact = (s) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

export const USABLE_DEFINITION =
  "navigation start (performance.timeOrigin) → the workbench's « Ouvrir un classeur… » and « Nouveau » buttons and the Templates screen's " +
  "template radio buttons and import button all rendered and enabled, as the page's own clock measures it (polled every animation frame).";

/** Milliseconds from navigation start to the first usable screen, measured by the page's clock. */
export async function timeToUsable(page, baseUrl) {
  await page.goto(`${baseUrl}taskpane.html?lang=fr`, { waitUntil: "commit" });
  const names = [t("workbench.open"), t("workbench.new"), t("templates.import.button")];
  const handle = await page.waitForFunction(
    (names) => {
      const buttons = [...document.querySelectorAll("button")];
      const enabled = names.every((n) => buttons.some((b) => b.textContent?.trim() === n && !b.disabled));
      const radios = [...document.querySelectorAll('input[type="radio"]')];
      return enabled && radios.length > 0 && radios.every((r) => !r.disabled) ? performance.now() : false;
    },
    names,
    { polling: "raf", timeout: 30_000 },
  );
  return Number(await handle.jsonValue());
}

/**
 * Imports `templateFile` through the Templates screen's file input, generates its workbook
 * (times Generate clicked → the success message), then downloads it (times the click → the file
 * saved at `saveAs`).
 */
export async function generateAndDownload(page, baseUrl, templateFile, saveAs) {
  await timeToUsable(page, baseUrl);
  await page.getByLabel(t("templates.import.input")).setInputFiles(templateFile);
  await page.getByRole("status").filter({ hasText: t("templates.import.ok").split("«")[0].trim() }).first().waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: exact(t("templates.continue")) }).click();
  const generate = page.getByRole("button", { name: exact(t("generate.button")) });
  await generate.waitFor();
  const started = Date.now();
  await generate.click();
  await page.getByText(exact(t("generate.done"))).waitFor({ timeout: 180_000 });
  const generateMs = Date.now() - started;
  const control = page.getByRole("button", { name: t("workbench.download"), exact: true });
  const dlStarted = Date.now();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 180_000 }), control.click()]);
  await download.saveAs(saveAs);
  const downloadMs = Date.now() - dlStarted;
  return { generateMs, downloadMs, bytes: statSync(saveAs).size };
}
