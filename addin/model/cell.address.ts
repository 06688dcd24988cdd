/** Column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number of column letters (A → 1). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `B7` for row 7, column 2 (both 1-based). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** `B7:D9`; a single cell when both corners are equal. */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = cellAddress(top, left);
  const b = cellAddress(bottom, right);
  return a === b ? a : `${a}:${b}`;
}

/** `$B$7:$D$9`, for defined names. */
export function absoluteRange(top: number, left: number, bottom: number, right: number): string {
  const abs = (r: number, c: number): string => `$${columnLetter(c)}$${r}`;
  return top === bottom && left === right ? abs(top, left) : `${abs(top, left)}:${abs(bottom, right)}`;
}

/** A sheet name as formulas write it: quoted when needed, with `'` doubled (`'Plan d''action'`). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses `B7` into a 1-based row and column. */
export function parseCellAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`not a cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Parses `B7:D9` (or a single cell) into its corners. */
export function parseRangeAddress(address: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b] = address.replace(/^.*!/, "").split(":");
  const start = parseCellAddress(a ?? "");
  const end = b === undefined ? start : parseCellAddress(b);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}
