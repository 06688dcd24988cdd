/**
 * SHA-256 of a text's UTF-8 bytes in lowercase hex, by WebCrypto (`crypto.subtle`): the seal's
 * digest in the task pane and the workbench. The command line uses node:crypto; both give the
 * same hex for the same text.
 */
export async function sha256WebCrypto(text: string): Promise<string> {
  const bytes = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}
