import type { WorkbookHost } from "../addin/host/host.types.js";
import { unknownError } from "./host/host.context.js";
import { mountNoHost, mountStartError, mountTaskPane } from "./index.js";

/** What the page bootstrap needs from Office.js: `Office.onReady` and the Excel host type. */
export interface OfficeReady {
  onReady(callback: (info: { host: Office.HostType | null }) => void): unknown;
  HostType: { Excel: Office.HostType };
}

/**
 * Starts the task pane: once Office is ready, in Excel, the pane on the host `createExcelHost`
 * makes; outside Office (no Office.js, or no host), a message saying to open it from Excel.
 */
export function startTaskPane(office: OfficeReady | undefined, root: HTMLElement | null, createExcelHost: () => WorkbookHost): void {
  if (!root) return;
  if (!office) {
    mountNoHost(root);
    return;
  }
  office.onReady((info) => {
    if (info.host !== office.HostType.Excel) {
      mountNoHost(root);
      return;
    }
    let host: WorkbookHost;
    try {
      host = createExcelHost();
    } catch (e) {
      // Before a host exists there is no display language from Office: the browser's will do.
      const lang = typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("en") ? "en" : "fr";
      mountStartError(root, unknownError(e), lang);
      return;
    }
    mountTaskPane(root, host);
  });
}
