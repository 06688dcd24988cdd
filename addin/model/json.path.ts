/**
 * Turns a JSON pointer (`/dimensions/2/criteria/0/weight`) into the path users read
 * (`dimensions[2].criteria[0].weight`). The root is `(root)`.
 */
export function pointerToPath(pointer: string): string {
  if (pointer === "") return "(root)";
  let out = "";
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

/** Appends a key to a user-facing path. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === "number") return `${path === "(root)" ? "" : path}[${key}]`;
  return path === "(root)" || path === "" ? key : `${path}.${key}`;
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
