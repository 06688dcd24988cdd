import type * as SnapshotModule from "../../addin/xlsx/xlsx.snapshot.js";

/**
 * The file reader's operations on a workbook's bytes (check, template reading, upgrade), loaded on
 * demand: exceljs stays out of the JavaScript Excel loads when the task pane opens.
 */
export type FileServices = typeof SnapshotModule;

/** Loads the file services (a separate chunk in the browser bundle). */
export function loadFileServices(): Promise<FileServices> {
  return import(/* webpackChunkName: "file-services" */ "../../addin/xlsx/xlsx.snapshot.js");
}
