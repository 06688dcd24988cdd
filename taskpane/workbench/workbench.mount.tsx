import { mountInto } from "../index.js";
import type { WorkbenchHost } from "../../addin/host/host.file.js";
import { LazyFileHost } from "../../addin/host/host.lazy.js";
import { Workbench } from "./Workbench.js";
import { currentPageLanguage } from "./workbench.lang.js";

/**
 * Shows the browser workbench in `root`: the task pane on an empty in-memory workbook (the page's
 * language, `?lang=fr|en` or the browser's; the system's light or dark theme). Loaded on demand by
 * the bootstrap, so Excel never loads it; exceljs comes later still, in a chunk of its own, when
 * the workbench first needs a workbook (`LazyFileHost`).
 */
export async function mountWorkbench(root: HTMLElement): Promise<WorkbenchHost> {
  const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  const host = new LazyFileHost({ lang: currentPageLanguage(), dark });
  document.documentElement.lang = host.displayLanguage();
  mountInto(root, <Workbench host={host} />);
  return host;
}
