import { mountInto } from "../index.js";
import { FileHost } from "../../addin/xlsx/xlsx.host.js";
import { Workbench } from "./Workbench.js";
import { currentPageLanguage } from "./workbench.lang.js";

/**
 * Shows the browser workbench in `root`: the task pane on an empty in-memory workbook (the page's
 * language, `?lang=fr|en` or the browser's; the system's light or dark theme). Loaded on demand by
 * the bootstrap, so exceljs is in this chunk and never in what Excel loads.
 */
export async function mountWorkbench(root: HTMLElement): Promise<FileHost> {
  const dark = typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches;
  const host = new FileHost({ lang: currentPageLanguage(), dark });
  document.documentElement.lang = host.displayLanguage();
  mountInto(root, <Workbench host={host} />);
  return host;
}
