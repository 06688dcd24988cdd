import type { HostResult, OpenedAs } from "../host/host.types.js";

/** The part of `Office.context.document` that gives the document's file. */
export interface OfficeDocumentFile {
  getFileAsync(fileType: "compressed", options: { sliceSize: number }, callback: (result: OfficeAsync<OfficeFileLike>) => void): void;
}

/** `Office.AsyncResult`, as far as Qualigrid reads it. */
export interface OfficeAsync<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code?: number | string; message: string };
}

/** `Office.File`: the document cut into slices. */
export interface OfficeFileLike {
  sliceCount: number;
  getSliceAsync(index: number, callback: (result: OfficeAsync<{ data: ArrayLike<number> | ArrayBuffer }>) => void): void;
  closeAsync(callback?: (result: OfficeAsync<void>) => void): void;
}

/** The largest slice Office gives (4 MB) outside an iPad. */
const SLICE_SIZE = 4 * 1024 * 1024;

/**
 * The open workbook as .xlsx bytes, through the Common API's `getFileAsync` (Office.FileType.Compressed),
 * slice by slice; the file is always closed, as Office allows only a few open at once.
 */
export async function workbookBytes(doc: OfficeDocumentFile | undefined): Promise<HostResult<Uint8Array>> {
  if (!doc || typeof doc.getFileAsync !== "function") return { ok: false, error: { code: "apiUnsupported", detail: "Office.context.document.getFileAsync" } };
  const file = await new Promise<OfficeAsync<OfficeFileLike>>((resolve) => doc.getFileAsync("compressed", { sliceSize: SLICE_SIZE }, resolve));
  if (file.status !== "succeeded") return { ok: false, error: { code: "unknown", detail: `getFileAsync: ${file.error?.message ?? "failed"}` } };
  const f = file.value;
  try {
    const slices: Uint8Array[] = [];
    for (let i = 0; i < f.sliceCount; i++) {
      const slice = await new Promise<OfficeAsync<{ data: ArrayLike<number> | ArrayBuffer }>>((resolve) => f.getSliceAsync(i, resolve));
      if (slice.status !== "succeeded") return { ok: false, error: { code: "unknown", detail: `getSliceAsync(${i}): ${slice.error?.message ?? "failed"}` } };
      const data = slice.value.data;
      slices.push(data instanceof ArrayBuffer ? new Uint8Array(data) : Uint8Array.from(data));
    }
    const bytes = new Uint8Array(slices.reduce((n, s) => n + s.length, 0));
    let at = 0;
    for (const s of slices) {
      bytes.set(s, at);
      at += s.length;
    }
    return { ok: true, value: bytes };
  } finally {
    f.closeAsync();
  }
}

/** Base64 of bytes, in chunks (a spread of megabytes into `String.fromCharCode` overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * Opens .xlsx bytes as a new workbook (`Excel.createWorkbook`, ExcelApi 1.8): the workbook the task
 * pane is in is left exactly as it was.
 */
export async function openAsNewWorkbook(createWorkbook: ((base64: string) => Promise<void>) | undefined, bytes: Uint8Array): Promise<HostResult<OpenedAs>> {
  if (!createWorkbook) return { ok: false, error: { code: "apiUnsupported", detail: "Excel.createWorkbook (ExcelApi 1.8)" } };
  try {
    await createWorkbook(toBase64(bytes));
    return { ok: true, value: "newWindow" };
  } catch (e) {
    return { ok: false, error: { code: "unknown", detail: e instanceof Error ? e.message : String(e) } };
  }
}
