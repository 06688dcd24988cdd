/**
 * The task pane page's bootstrap. Office.js is loaded by the page (taskpane.html); when the page
 * is opened outside Office it may be absent, and the pane says to open it from Excel.
 */
import { createExcelHost } from "../addin/excel/excel.host.js";
import { startTaskPane } from "./start.js";

startTaskPane(typeof Office === "undefined" ? undefined : Office, document.getElementById("app"), createExcelHost);
