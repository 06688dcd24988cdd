// Debian's Chromium driven through playwright-core, shared by the browser tests
// (tests/support/browser.ts), the `taskpane` bench and scripts/screenshot.mjs: where Chromium is,
// how it is launched, a static server for a build of the task pane, and which addresses stay on
// this machine. Types: chromium.d.mts.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

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

/** Chromium's path when it is installed and executable, else null. */
export function findChromium() {
  try {
    if (!statSync(CHROMIUM_PATH).isFile()) return null;
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return CHROMIUM_PATH;
  } catch {
    return null;
  }
}

/** Launches Debian's Chromium, headless. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
}

const CONTENT_TYPES = {
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

/**
 * Serves `dir` on 127.0.0.1 at a random port, with correct content types and no caching. No CSP
 * header: the page's own `<meta http-equiv="Content-Security-Policy">` is what is under test.
 */
export async function serveDirectory(dir) {
  const base = path.resolve(dir);
  const served = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    served.push(pathname);
    const file = path.normalize(path.join(base, pathname === "/" ? "taskpane.html" : pathname));
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
          "Cache-Control": "no-store",
          "X-Content-Type-Options": "nosniff",
        });
        res.end(body);
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    served,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether `url` stays on this machine (a local address, or data:/blob:/about:). */
export function isLocalUrl(url) {
  try {
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
    return LOCAL_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}
