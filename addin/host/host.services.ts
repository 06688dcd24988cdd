import type * as SnapshotModule from "../xlsx/xlsx.snapshot.js";

/**
 * The file reader's operations on a workbook's bytes (check, template reading, a template's grid,
 * upgrade): exceljs code, which a host without exceljs of its own loads on demand.
 */
export type SnapshotServices = typeof SnapshotModule;

/** Loads the snapshot services. */
export type SnapshotServicesLoader = () => Promise<SnapshotServices>;

/**
 * Loads the snapshot services: the one place outside addin/xlsx that names them, through `import()`,
 * so that webpack puts exceljs in a chunk of its own (`file-services`), fetched only when a check,
 * template reading or upgrade runs, never when Excel opens the task pane.
 */
export function loadSnapshotServices(): Promise<SnapshotServices> {
  return import(/* webpackChunkName: "file-services" */ "../xlsx/xlsx.snapshot.js");
}
