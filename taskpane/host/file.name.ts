/** A part of a file name made safe for any file system: letters, digits, `.`, `_` and `-` only. */
export function fileNamePart(text: string): string {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^-+|-+$/g, "");
}
