import type ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import type { AssessmentWorkbook } from "../../addin/workbook/workbook.types.js";
import { loadWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import {
  buildTaskPane,
  launchChromium,
  serveDirectory,
  type PageSession,
  type StaticServer,
} from "../support/browser.js";
import { download, downloadControl, tab, text } from "./workbench.page.js";

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

/** The task pane's width in Office (350 px), with a height that shows a whole screen. */
export const PANE_VIEWPORT = { width: 350, height: 800 } as const;

/** Opens a screen from the keyboard: focus on its tab, Enter. */
export async function openTab(page: Page, lang: Lang, screen: string): Promise<void> {
  await tab(page, lang, screen).focus();
  await page.keyboard.press("Enter");
}

/** A status line saying `wanted`, whitespace as the page has it (no-break spaces in French). */
export function status(page: Page, wanted: string): Locator {
  return page.getByRole("status").filter({ hasText: wanted.replace(/\s+/g, " ") });
}

/** The value of the checked rating option on Assess, or null when none is checked. */
export function checkedValue(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[role="radio"][aria-checked="true"]');
    return el ? Number(el.innerText.trim().split(/\s/)[0]) : null;
  });
}

/**
 * From the workbench's first screen, keyboard only: chooses `template` (Space on its option),
 * continues, generates its workbook (Enter on each button), and waits until it is generated.
 */
export async function generateFromKeyboard(page: Page, lang: Lang, template: Template): Promise<void> {
  await page.getByRole("radio", { name: textOf(template.title, lang) }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: text(lang, "templates.continue"), exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: text(lang, "generate.button"), exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.getByText(text(lang, "generate.done"), { exact: true }).waitFor({ timeout: 60_000 });
}

/** A workbook downloaded from the workbench: where it was saved, under what name, and as read back. */
export interface DownloadedWorkbook {
  file: string;
  /** The name the page suggested. */
  name: string;
  /** The file loaded with the project's loader. */
  workbook: ExcelJS.Workbook;
  /** The file read with the project's reader. */
  read: AssessmentWorkbook;
}

/**
 * Downloads the workbook with the workbench's control, saves it in `dir` under the suggested name
 * (after `prefix`), and loads and reads it back with the project's own loader and reader: a file
 * they refuse fails the test with their issues.
 */
export async function downloadWorkbook(page: Page, lang: Lang, dir: string, prefix = ""): Promise<DownloadedWorkbook> {
  const d = await download(page, downloadControl(page, lang));
  const name = d.suggestedFilename();
  const file = join(dir, `${prefix}${name}`);
  await d.saveAs(file);
  const loaded = await loadWorkbook(new Uint8Array(readFileSync(file)), file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const read = readQualigridWorkbook(loaded.value, file);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { file, name, workbook: loaded.value, read: read.value };
}

/** Asserts that the session logged no error (console or uncaught) and that no request left the machine. */
export function expectCleanSession(session: PageSession): void {
  expect(session.errors, "console errors and uncaught exceptions").toEqual([]);
  expect(session.offsite, "requests that tried to leave 127.0.0.1").toEqual([]);
}
