// The task pane in Chromium for the `taskpane` suite: a production build in a temporary directory,
// a static server on 127.0.0.1, Debian's Chromium through playwright-core, and a context that lets
// only local requests through (everything else is aborted and counted). The tests' harness
// (tests/support/browser.ts) does the same in TypeScript; this copy keeps the bench free of tsx.
import { execFile } from "node:child_process";
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Whether Debian's Chromium is installed. */
export function hasChromium() {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return statSync(CHROMIUM_PATH).isFile();
  } catch {
    return false;
  }
}

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

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".png": "image/png", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8" };

/** Serves `dir` on 127.0.0.1 at a random port; resolves { url, close }. */
export async function serve(dir) {
  const base = path.resolve(dir);
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.normalize(path.join(base, pathname === "/" ? "taskpane.html" : pathname));
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => (server.closeAllConnections(), server.close(() => ok()))),
  };
}

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

const isLocal = (url) => {
  const u = new URL(url);
  return ["data:", "blob:", "about:"].includes(u.protocol) || ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
};

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
    if (isLocal(url)) return route.continue();
    offsite.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  return { context, page, offsite, scripts, close: () => context.close() };
}
