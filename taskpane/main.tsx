/**
 * The task pane page's bootstrap. office.js is added to the page only when Office launched it
 * (taskpane/office.launch.ts); opened in a browser, the page is the workbench, whose code (exceljs
 * included) webpack puts in a chunk of its own, loaded on demand: Excel never downloads it.
 */
import { createExcelHost } from "../addin/excel/excel.host.js";
import { launchedByOffice, loadOfficeJs, officeJsUrl, pageLaunchSignals } from "./office.launch.js";
import { startTaskPane } from "./start.js";

void startTaskPane(document.getElementById("app"), {
  inOffice: launchedByOffice(pageLaunchSignals(window)),
  loadOffice: () => {
    const url = officeJsUrl(document);
    return url ? loadOfficeJs(url) : Promise.reject(new Error("taskpane.html names no office.js"));
  },
  createExcelHost,
  mountWorkbench: async (root) => {
    const { mountWorkbench } = await import(/* webpackChunkName: "workbench" */ "./workbench/workbench.mount.js");
    await mountWorkbench(root);
  },
});
