// The task pane in Chromium for the `taskpane` suite: a production build in a temporary directory,
// a static server on 127.0.0.1, Debian's Chromium through playwright-core, and a context that lets
// only local requests through (everything else is aborted and counted). The tests' harness
// (tests/support/browser.ts) shares Chromium, its launch and the static server with it
// (scripts/chromium.mjs).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { isLocalUrl } from "../../../scripts/chromium.mjs";

export { findChromium, launchChromium, serveDirectory } from "../../../scripts/chromium.mjs";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Builds the web bundle (production) into a new temporary directory; returns it, the build time
 * and whether the caller should remove it. QUALIGRID_BROWSER_BUILD=<dir> uses a build already made.
 */
export async function buildWeb() {
  if (process.env.QUALIGRID_BROWSER_BUILD) return { out: path.resolve(process.env.QUALIGRID_BROWSER_BUILD), ms: Number.NaN, prebuilt: true };
  const out = mkdtempSync(path.join(tmpdir(), "qg-bench-taskpane-"));
  const started = Date.now();
  await promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  return { out, ms: Date.now() - started, prebuilt: false };
}

/** A fresh context (cold cache) whose non-local requests are aborted and listed in `offsite`; `scripts` lists the scripts requested. */
export async function newSession(browser, { locale = "fr-CA" } = {}) {
  const context = await browser.newContext({ locale, viewport: { width: 420, height: 900 }, acceptDownloads: true });
  const offsite = [];
  const scripts = [];
  context.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  return { context, page, offsite, scripts, close: () => context.close() };
}
