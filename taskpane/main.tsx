/**
 * The task pane page's bootstrap. office.js is added to the page only when Office launched it
 * (taskpane/office.launch.ts); opened in a browser, the page is the workbench, whose code webpack
 * puts in a chunk of its own, loaded on demand (exceljs later still, once it needs a workbook: the
 * file host's chunk, `addin/host/host.file.ts`): Excel never downloads it, nor the
 * file services (exceljs too) until a check, template reading or upgrade needs them.
 */
import { createExcelHost } from "../addin/excel/excel.host.js";
import { loadSnapshotServices } from "../addin/host/host.services.js";
import { launchedByOffice, loadOfficeJs, officeJsUrl, pageLaunchSignals } from "./office.launch.js";
import { startTaskPane } from "./start.js";

void startTaskPane(document.getElementById("app"), {
  inOffice: launchedByOffice(pageLaunchSignals(window)),
  loadOffice: () => {
    const url = officeJsUrl(document);
    return url ? loadOfficeJs(url) : Promise.reject(new Error("taskpane.html names no office.js"));
  },
  // The file services (exceljs) load on demand, on the first check, template reading or upgrade.
  createExcelHost: () => createExcelHost({ snapshotServices: loadSnapshotServices }),
  mountWorkbench: async (root) => {
    const { mountWorkbench } = await import(/* webpackChunkName: "workbench" */ "./workbench/workbench.mount.js");
    await mountWorkbench(root);
  },
});
