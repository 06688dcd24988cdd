import type { InputIssue, Lang } from "../model/template.types.js";
import type { WorkbookHost } from "./host.types.js";

/** How a file host starts. */
export interface FileHostOptions {
  lang: Lang;
  dark?: boolean;
}

/** What the workbench shows of the workbook: its file name, and whether there is anything to download. */
export interface FileHostState {
  /** The opened file's name, or the name a download gets (`engagement-qualite.xlsx`); null for a new, empty workbook. */
  fileName: string | null;
  /** Whether the workbook holds any sheet (an empty new workbook has nothing to download). */
  hasContent: boolean;
  /** Increases each time the workbook is replaced (opened, new): the task pane starts afresh on it. */
  generation: number;
  /** Whether the workbook changed since it was opened, started or last downloaded. */
  modified: boolean;
  /** Where the workbook came from: started empty, a file the user opened, or made by the pane (`openWorkbook`). */
  origin: "new" | "file" | "pane";
}

/** The state of a file host that has not been given a workbook yet: an empty one, nothing to download. */
export const EMPTY_FILE_STATE: FileHostState = { fileName: null, hasContent: false, generation: 0, modified: false, origin: "new" };

/**
 * The browser workbench's host: a `WorkbookHost` on a workbook in memory, plus what the workbench's
 * bar does with files (open, start afresh, download) and a state to follow. `FileHost`
 * (addin/xlsx) implements it with exceljs; `LazyFileHost` without, until a workbook is needed.
 */
export interface WorkbenchHost extends WorkbookHost {
  readonly kind: "file";
  /** The workbench's view of the workbook; the same object until it changes. */
  current(): FileHostState;
  /** Calls `listener` whenever the file name or content changes; returns an unsubscribe. */
  subscribe(listener: (s: FileHostState) => void): () => void;
  /** Starts afresh on an empty workbook (then Templates → Generate fills it). */
  newWorkbook(): Promise<void>;
  /**
   * Opens a user's .xlsx file instead of the current workbook. A file that is not a readable .xlsx
   * or breaks the size limits is refused with the guard's issue (naming the file) and the current
   * workbook is kept.
   */
  openFile(bytes: Uint8Array, name: string): Promise<{ ok: true } | { ok: false; issue: InputIssue }>;
  /** The workbook as a file to download, with its name. */
  download(): Promise<{ bytes: Uint8Array; fileName: string }>;
}

/** Makes a workbench host that works on its workbook itself. */
export type FileHostLoader = (options: FileHostOptions) => Promise<WorkbenchHost>;

/**
 * Loads the file host (`FileHost`, exceljs included) and makes one: the one place outside addin/xlsx
 * that names it, through `import()`, so that webpack puts exceljs in a chunk fetched only when the
 * workbench first needs a workbook (a file opened, a grid generated), never for its first screen.
 */
export const loadFileHost: FileHostLoader = async (options) => {
  const { FileHost } = await import(/* webpackChunkName: "file-host" */ "../xlsx/xlsx.host.js");
  return new FileHost(options);
};
