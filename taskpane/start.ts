import type { WorkbookHost } from "../addin/host/host.types.js";
import { unknownError } from "./host/host.context.js";
import { mountStartError, mountTaskPane } from "./index.js";
import { currentPageLanguage } from "./workbench/workbench.lang.js";

/** What the page bootstrap needs from Office.js: `Office.onReady` and the Excel host type. */
export interface OfficeReady {
  onReady(callback: (info: { host: Office.HostType | null }) => void): unknown;
  HostType: { Excel: Office.HostType };
}

/** How the page starts, injected so that tests need neither Office nor the workbench's chunk. */
export interface StartOptions {
  /** Whether Office launched the page (`launchedByOffice`): only then is office.js loaded. */
  inOffice: boolean;
  /** Loads office.js and resolves with its `Office` global; rejects when it cannot be loaded. */
  loadOffice(): Promise<OfficeReady>;
  /** The Excel host, made once Office is ready in Excel (a promise when its code is loaded on demand). */
  createExcelHost(): WorkbookHost | Promise<WorkbookHost>;
  /** Shows the browser workbench (its code is loaded on demand; exceljs only once it needs a workbook). */
  mountWorkbench(root: HTMLElement): Promise<void>;
  /** How long Office may take to be ready before the page says it is not (default `OFFICE_READY_TIMEOUT_MS`). */
  readyTimeoutMs?: number;
}

/**
 * How long `Office.onReady` may take. office.js that cannot fetch its companion files (a network
 * that lets office.js through but not the rest of its folder) never calls back: rather than a
 * blank pane forever, the page then says what happened.
 */
export const OFFICE_READY_TIMEOUT_MS = 30_000;

/**
 * Starts the task pane. Launched by Office: office.js is loaded, then, once Office is ready in
 * Excel, the pane on the Excel host; in another Office application, the workbench. Opened in a
 * browser: the workbench on an in-memory workbook, and office.js is never requested.
 */
export async function startTaskPane(root: HTMLElement | null, options: StartOptions): Promise<void> {
  if (!root) return;
  // Before a host exists there is no display language from Office: the page's will do.
  const failed = (e: unknown): void => mountStartError(root, unknownError(e), currentPageLanguage());
  const workbench = async (): Promise<void> => {
    try {
      await options.mountWorkbench(root);
    } catch (e) {
      failed(e);
    }
  };
  if (!options.inOffice) return workbench();
  let office: OfficeReady;
  try {
    office = await options.loadOffice();
  } catch (e) {
    return failed(e);
  }
  const timeout = options.readyTimeoutMs ?? OFFICE_READY_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    new Promise<{ host: Office.HostType | null }>((resolve) => void office.onReady(resolve)),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeout))),
  ]);
  clearTimeout(timer);
  if (info === null) return failed(new Error(`Office did not become ready within ${Math.round(timeout / 1000)} s (office.js could not finish loading)`));
  if (info.host !== office.HostType.Excel) return workbench();
  let host: WorkbookHost;
  try {
    host = await options.createExcelHost();
  } catch (e) {
    return failed(e);
  }
  mountTaskPane(root, host);
}
