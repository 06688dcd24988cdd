import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  buildTaskPane,
  launchChromium,
  serveDirectory,
  type StaticServer,
} from "../support/browser.js";

/** What a browser suite works with: the served pane build, the browser, and a scratch folder. */
export interface WorkbenchSuite {
  server: StaticServer | null;
  browser: Browser | null;
  /** A scratch folder for downloads and recalculations, removed after the suite. */
  work: string;
}

/**
 * Builds and serves the task pane, launches Chromium and makes a scratch folder (named with
 * `prefix`) before the suite's tests, and closes and removes them after: call it inside a
 * `describe`. Its fields are set once `beforeAll` has run.
 */
export function workbenchSuite(prefix: string): WorkbenchSuite {
  const suite: WorkbenchSuite = { server: null, browser: null, work: "" };
  beforeAll(async () => {
    suite.server = await serveDirectory(await buildTaskPane());
    suite.browser = await launchChromium();
    suite.work = mkdtempSync(join(tmpdir(), prefix));
  }, 300_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    if (suite.work) rmSync(suite.work, { recursive: true, force: true });
  });
  return suite;
}
