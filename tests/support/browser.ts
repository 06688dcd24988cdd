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
import { accessSync, constants as fsConstants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";

const run = promisify(execFile);

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where Debian installs Chromium; the only browser these tests use. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** The shell command that installs Chromium on Debian/Ubuntu. */
export const CHROMIUM_INSTALL_HINT = "apt-get install -y --no-install-recommends chromium";

/** Chromium's flags: headless, in a container (no sandbox, small /dev/shm), and no network of its own. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Where test screenshots go (gitignored). */
export const ARTIFACTS_DIR = join(ROOT, "test-artifacts", "browser");

/** Chromium's path when it is installed and executable, else null. */
export function findChromium(): string | null {
  try {
    if (!statSync(CHROMIUM_PATH).isFile()) return null;
    accessSync(CHROMIUM_PATH, fsConstants.X_OK);
    return CHROMIUM_PATH;
  } catch {
    return null;
  }
}

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

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
};

/** A static file server on 127.0.0.1. */
export interface StaticServer {
  /** The base URL, ending with "/". */
  url: string;
  /** Paths the server was asked for, in order. */
  served: string[];
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 at a random port, with correct content types and no caching. No CSP
 * header: the page's own `<meta http-equiv="Content-Security-Policy">` is what is under test.
 */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    served.push(pathname);
    const file = normalize(join(base, pathname === "/" ? "taskpane.html" : pathname));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          "Content-Type": CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        });
        res.end(body);
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Launches Debian's Chromium, headless. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
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

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether `url` stays on this machine (a local address, or data:/blob:/about:). */
export function isLocalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
    return LOCAL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/**
 * A new browser context and page on which every request is recorded and routed: local ones pass,
 * office.js is answered from node_modules (or aborted when the package is absent), anything else
 * is aborted. Downloads are accepted. Sized like a wide task pane.
 */
export async function openSession(browser: Browser, options: SessionOptions = {}): Promise<PageSession> {
  const { OFFICE_JS_URL } = await webpackConstants();
  const localOfficeJs = join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "office.js");
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
    else if (!isLocalUrl(rec.url) && !rec.url.startsWith(OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1))) offsite.push(rec);
  });
  // office.js loads companion files from its own folder (o15apptofilemappingtable.js, strings…):
  // that folder is office.js's own address, answered from the package's dist/ as well.
  const officeDir = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf("/") + 1);
  const officeDist = dirname(localOfficeJs);
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

