/**
 * The task pane page's bootstrap. office.js is added to the page only when Office launched it
 * (taskpane/office.launch.ts); opened in a browser, the page is the workbench, whose code webpack
 * puts in a chunk of its own, loaded on demand (exceljs later still, once it needs a workbook: the
 * file host's chunk, `addin/host/host.file.ts`): Excel never downloads it, nor the
 * file services (exceljs too) until a check, template reading or upgrade needs them. The Excel
 * host (Office.js calls, rendering and reading the workbook) is a chunk too: the workbench never
 * downloads it, and Excel fetches it while office.js loads.
 */
import type * as ExcelHostModule from "../addin/excel/excel.host.js";
import { loadSnapshotServices } from "../addin/host/host.services.js";
import { launchedByOffice, loadOfficeJs, officeJsUrl, pageLaunchSignals } from "./office.launch.js";
import { startTaskPane } from "./start.js";

let excelHostModule: Promise<typeof ExcelHostModule> | undefined;
/** The Excel host's chunk, requested once. */
const loadExcelHost = () => (excelHostModule ??= import(/* webpackChunkName: "excel-host" */ "../addin/excel/excel.host.js"));

const inOffice = launchedByOffice(pageLaunchSignals(window));
// Requested now, alongside office.js (slower: Microsoft's CDN), so that Excel does not wait for it
// afterwards. A failure here is reported when the host is made (startTaskPane shows it).
if (inOffice) loadExcelHost().catch(() => undefined);

void startTaskPane(document.getElementById("app"), {
  inOffice,
  loadOffice: () => {
    const url = officeJsUrl(document);
    return url ? loadOfficeJs(url) : Promise.reject(new Error("taskpane.html names no office.js"));
  },
  // The file services (exceljs) load on demand, on the first check, template reading or upgrade.
  createExcelHost: async () => (await loadExcelHost()).createExcelHost({ snapshotServices: loadSnapshotServices }),
  mountWorkbench: async (root) => {
    const { mountWorkbench } = await import(/* webpackChunkName: "workbench" */ "./workbench/workbench.mount.js");
    await mountWorkbench(root);
  },
});
