/**
 * Browser harness for tests: the task pane's production bundle, built into a private directory,
 * served from 127.0.0.1 on a random port and driven in Debian's Chromium through playwright-core.
 *
 * Every request the page, its frames and workers make is recorded at the browser-context level.
 * Requests to 127.0.0.1 / localhost go to the server; office.js's CDN address (OFFICE_JS_URL in
 * webpack.config.js) is answered from node_modules/@microsoft/office-js when that package is
 * installed; every other request is aborted and recorded as having tried to leave the machine.
 *
 * Chromium is a system package (`apt-get install -y --no-install-recommends chromium`); never
 * `npx playwright install`. Without /usr/bin/chromium, suites skip (see `findChromium`).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { CHROMIUM_INSTALL_HINT, CHROMIUM_PATH, isLocalUrl } from "../../scripts/chromium.mjs";

// Where Chromium is, how it is launched and the static server are shared with the bench.
export { findChromium, isLocalUrl, launchChromium, serveDirectory, type StaticServer } from "../../scripts/chromium.mjs";

const run = promisify(execFile);

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where test screenshots go (gitignored). */
export const ARTIFACTS_DIR = join(ROOT, "test-artifacts", "browser");

/** Warns, once per file, that a browser suite is skipped and what is therefore not proved. */
export function warnChromiumMissing(file: string, notProved: string): void {
  console.warn(
    `\n[qualigrid] Chromium (${CHROMIUM_PATH}) not found: SKIPPING the browser tests (${file}). ` +
      `NOT proved: ${notProved}. Install it with: ${CHROMIUM_INSTALL_HINT}\n`,
  );
}

/** The webpack configuration's exported constants (read at run time: it is a JavaScript module). */
export async function webpackConstants(): Promise<{ OFFICE_JS_URL: string; TASKPANE_CSP: string }> {
  const mod = (await import(pathToFileURL(join(ROOT, "webpack.config.js")).href)) as { OFFICE_JS_URL: string; TASKPANE_CSP: string };
  return { OFFICE_JS_URL: mod.OFFICE_JS_URL, TASKPANE_CSP: mod.TASKPANE_CSP };
}

/** Set to a directory holding a build already made, the browser suites use it instead of building (debugging). */
export const PREBUILT_ENV = "QUALIGRID_BROWSER_BUILD";

/**
 * The add-in's web bundle (production mode), built once per vitest run and shared by the browser
 * test files of that run (their workers have the same parent process): the first file to ask
 * builds into a temporary directory named after that parent, the others wait for it. Never into
 * dist-web/. 20 to 70 s on 2 cores. Builds left by earlier runs are removed.
 */
export async function buildTaskPane(): Promise<string> {
  const prebuilt = process.env[PREBUILT_ENV];
  if (prebuilt) return resolve(prebuilt);
  removeStaleBuilds();
  const out = join(tmpdir(), `${BUILD_PREFIX}${process.ppid}`);
  const complete = join(out, ".complete");
  const failed = `${out}.failed`;
  let mine = false;
  try {
    mkdirSync(`${out}.lock`);
    mine = true;
  } catch {
    // another test file of this run is building it
  }
  if (mine) {
    try {
      await run(process.execPath, [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production", "--output-path", out], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 280_000,
      });
      writeFileSync(complete, "");
    } catch (e) {
      writeFileSync(failed, e instanceof Error ? e.message : String(e));
      throw e;
    }
    return out;
  }
  const deadline = Date.now() + 290_000;
  while (Date.now() < deadline) {
    if (existsSync(complete)) return out;
    if (existsSync(failed)) throw new Error(`the shared web build failed:\n${readFileSync(failed, "utf8")}`);
    await new Promise((ok) => setTimeout(ok, 500));
  }
  throw new Error(`timed out waiting for the shared web build in ${out}`);
}

const BUILD_PREFIX = "qualigrid-browser-build-";

/** Removes shared builds whose vitest run (the parent process they are named after) has ended. */
function removeStaleBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    const m = new RegExp(`^${BUILD_PREFIX}(\\d+)(\\.lock|\\.failed)?$`).exec(name);
    if (!m || Number(m[1]) === process.ppid) continue;
    try {
      process.kill(Number(m[1]), 0);
      continue; // still running
    } catch {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

/** One request the browser made. */
export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** The page or frame URL that made it ("" for workers). */
  frame: string;
}

/** A browser context with every request, console error and page error recorded. */
export interface PageSession {
  context: BrowserContext;
  page: Page;
  /** Every request of the context (page, frames, workers), in order. */
  requests: RecordedRequest[];
  /** Requests to neither localhost nor office.js's address: all aborted. */
  offsite: RecordedRequest[];
  /** Requests for office.js's CDN address (answered locally when @microsoft/office-js is installed). */
  officeJs: RecordedRequest[];
  /** console.error messages and uncaught exceptions, as text. */
  errors: string[];
  close(): Promise<void>;
}

/** Options of {@link openSession}. */
export interface SessionOptions {
  /** Chromium's locale (navigator.language, Accept-Language): "fr-CA" by default. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Emulate `prefers-reduced-motion: reduce` (Fluent UI then skips its transitions). */
  reducedMotion?: boolean;
}

/**
 * A new browser context and page on which every request is recorded and routed: local ones pass,
 * office.js is answered from node_modules (or aborted when the package is absent), anything else
 * is aborted. Downloads are accepted. Sized like a wide task pane.
 */
export async function openSession(browser: Browser, options: SessionOptions = {}): Promise<PageSession> {
  const { OFFICE_JS_URL } = await webpackConstants();
  // office.js loads companion files from its own folder (o15apptofilemappingtable.js, strings…):
  // that folder is office.js's own address, answered from the package's dist/ as well.
  const officeDir = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1);
  const officeDist = join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
  const context = await browser.newContext({
    locale: options.locale ?? "fr-CA",
    viewport: options.viewport ?? { width: 420, height: 900 },
    acceptDownloads: true,
    reducedMotion: options.reducedMotion ? "reduce" : "no-preference",
  });
  const requests: RecordedRequest[] = [];
  const offsite: RecordedRequest[] = [];
  const officeJs: RecordedRequest[] = [];
  const errors: string[] = [];
  const record = (r: Request): RecordedRequest => {
    let frame = "";
    try {
      frame = r.frame().url();
    } catch {
      // service worker requests have no frame
    }
    return { url: r.url(), method: r.method(), resourceType: r.resourceType(), frame };
  };
  context.on("request", (r) => {
    const rec = record(r);
    requests.push(rec);
    if (rec.url === OFFICE_JS_URL) officeJs.push(rec);
    else if (!isLocalUrl(rec.url) && !rec.url.startsWith(officeDir)) offsite.push(rec);
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    if (url.startsWith(officeDir)) {
      const rel = decodeURIComponent(new URL(url).pathname.slice(new URL(officeDir).pathname.length));
      const file = join(officeDist, rel);
      if (!rel.includes("..") && existsSync(file)) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: await readFile(file) });
      }
    }
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  return { context, page, requests, offsite, officeJs, errors, close: () => context.close() };
}

