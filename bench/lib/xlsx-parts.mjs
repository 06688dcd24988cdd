// Reads the parts of an .xlsx (a zip) without a dependency, to compare two files part by part.
import { inflateRawSync } from "node:zlib";

/** The entries of a zip as a Map from name to bytes (stored and deflated entries; no zip64). */
export function readZip(buf) {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file (no end of central directory)");
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const parts = new Map();
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt central directory");
    const method = b.readUInt16LE(p + 10);
    const size = b.readUInt32LE(p + 20);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const local = b.readUInt32LE(p + 42);
    const name = b.toString("utf8", p + 46, p + 46 + nameLen);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    parts.set(name, method === 8 ? inflateRawSync(data) : method === 0 ? Buffer.from(data) : null);
    if (method !== 0 && method !== 8) throw new Error(`${name}: unsupported zip method ${method}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** `docProps/core.xml` holds the creation and modification times: blank them before comparing. */
function normalize(name, bytes) {
  if (name !== "docProps/core.xml") return bytes.toString("utf8");
  return bytes.toString("utf8").replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*</g, "$1…<");
}

/**
 * Compares two .xlsx files part by part (XML text, timestamps blanked).
 * Returns the parts only in one file, the parts that differ, and counts of what they hold.
 */
export function compareXlsx(a, b) {
  const pa = readZip(a);
  const pb = readZip(b);
  const onlyA = [...pa.keys()].filter((k) => !pb.has(k));
  const onlyB = [...pb.keys()].filter((k) => !pa.has(k));
  const differ = [];
  for (const [name, bytes] of pa) {
    if (!pb.has(name)) continue;
    const x = normalize(name, bytes);
    const y = normalize(name, pb.get(name));
    if (x !== y) {
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      differ.push({ part: name, at: i, a: x.slice(Math.max(0, i - 80), i + 120), b: y.slice(Math.max(0, i - 80), i + 120) });
    }
  }
  const all = [...pa.entries()].map(([k, v]) => [k, v.toString("utf8")]);
  const sheets = all.filter(([k]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).map(([, v]) => v);
  const occurrences = (re) => sheets.reduce((n, x) => n + (x.match(re)?.length ?? 0), 0);
  const counts = {
    parts: pa.size,
    sheets: sheets.length,
    cells: occurrences(/<c r=/g),
    formulas: occurrences(/<f>/g),
    styledCells: occurrences(/<c r="[A-Z]+\d+" s="/g),
    tables: all.filter(([k]) => /^xl\/tables\/table\d+\.xml$/.test(k)).length,
    validations: occurrences(/<dataValidation /g),
    conditionalFormats: occurrences(/<conditionalFormatting /g),
    names: (all.find(([k]) => k === "xl/workbook.xml")?.[1].match(/<definedName /g) ?? []).length,
  };
  return { identical: onlyA.length === 0 && onlyB.length === 0 && differ.length === 0, onlyA, onlyB, differ, counts };
}
