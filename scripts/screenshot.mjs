#!/usr/bin/env node
// Makes docs/workbench.png, the README's picture of the browser workbench: a production build in a
// temporary directory, served on 127.0.0.1, opened in Debian's Chromium (/usr/bin/chromium) in
// French; Engagement Qualité is generated and the Assess screen is shown with its first criterion
// rated. No request leaves the machine (any that tries is aborted and makes the script fail).
//
//   node scripts/screenshot.mjs [--out docs/workbench.png] [--build <dir with a build already made>]
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildWeb, findChromium, launchChromium, newSession, ROOT, serveDirectory } from "../bench/suites/taskpane/browser.mjs";
import { frenchStrings } from "../bench/suites/taskpane/workbench.mjs";

const { values } = parseArgs({ options: { out: { type: "string", default: "docs/workbench.png" }, build: { type: "string" } } });
if (!findChromium()) {
  console.error("Chromium (/usr/bin/chromium) is not installed: apt-get install -y --no-install-recommends chromium");
  process.exit(1);
}
const t = frenchStrings();
const out = path.resolve(ROOT, values.out);
const built = values.build ? { out: path.resolve(values.build) } : await buildWeb();
const server = await serveDirectory(built.out);
const browser = await launchChromium();
try {
  const s = await newSession(browser, { locale: "fr-CA" });
  const { page } = s;
  await page.setViewportSize({ width: 460, height: 1140 });
  await page.emulateMedia({ reducedMotion: "reduce", colorScheme: "light" });
  await page.goto(`${server.url}taskpane.html?lang=fr`);
  await page.getByRole("radio", { name: /^Engagement Qualité/ }).check();
  await page.getByRole("button", { name: t["templates.continue"], exact: true }).click();
  await page.getByRole("button", { name: t["generate.button"], exact: true }).click();
  await page.getByText(t["generate.done"], { exact: true }).waitFor({ timeout: 60_000 });
  await page.getByRole("button", { name: t["generate.toAssess"], exact: true }).click();
  const radios = page.getByRole("radio");
  await radios.nth(2).click();
  await page.locator('[role="radio"][aria-checked="true"]').waitFor();
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: false });
  if (s.offsite.length > 0) throw new Error(`requests tried to leave 127.0.0.1: ${s.offsite.join(", ")}`);
  await s.close();
  console.log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  await server.close();
  if (!values.build && !built.prebuilt) rmSync(built.out, { recursive: true, force: true });
}
