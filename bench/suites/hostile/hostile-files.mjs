// The files of the `hostile` suite, made from a real workbook: the synthetic template of
// xlsx-generation (1,000 criteria in 20 dimensions), generated in English by the compiled dist/
// code `qualigrid new` runs, then altered part by part with fflate, as tests/xlsx/hostile.test.ts does.
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import zlib from "node:zlib";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { parseTemplate } from "../../../dist/addin/model/template.parse.js";
import { buildPlan } from "../../../dist/addin/plan/plan.build.js";
import { renderPlanToBuffer } from "../../../dist/addin/xlsx/xlsx.render.js";
import { makeTemplateJson } from "../xlsx-generation/synthetic.mjs";

/** What the lying part really inflates to: 2 GiB − 16 MiB of spaces (under the 32-bit size field). */
export const LYING_BYTES = 127 * 16 * 1024 * 1024;

/** The honest workbook's parts (name → bytes). */
export async function honestParts() {
  const t = parseTemplate(makeTemplateJson());
  if (!t.ok) throw new Error(`synthetic template refused: ${t.issues[0]?.message}`);
  return unzipSync(await renderPlanToBuffer(buildPlan(t.value, { lang: "en" })));
}

/** Writes a zip of `entries` ({ name, raw, size, crc }: raw-deflated bytes and the sizes/CRC to declare) to `file`. */
async function writeZip(file, entries) {
  const out = createWriteStream(file);
  const put = (b) => new Promise((resolve, reject) => out.write(b, (e) => (e ? reject(e) : resolve())));
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // names in UTF-8
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(0, 10);
    head.writeUInt16LE(0x21, 12); // 1980-01-01
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.raw.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    head.copy(dir, 6, 4, 30); // version needed … name length, as in the local header
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    await put(head);
    await put(name);
    await put(e.raw);
    offset += 30 + name.length + e.raw.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  await put(dirBytes);
  await put(end);
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

const honestEntry = (name, bytes) => ({ name, raw: zlib.deflateRawSync(bytes), size: bytes.length, crc: zlib.crc32(bytes) });

/** `LYING_BYTES` spaces deflated in a stream (never whole in memory), with their CRC. */
async function lyingRaw() {
  const chunk = Buffer.alloc(16 * 1024 * 1024, 32);
  const d = zlib.createDeflateRaw({ level: 9 });
  const out = [];
  d.on("data", (c) => out.push(c));
  const ended = new Promise((resolve, reject) => (d.on("end", resolve), d.on("error", reject)));
  let crc = 0;
  for (let i = 0; i < LYING_BYTES / chunk.length; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!d.write(chunk)) await new Promise((resolve) => d.once("drain", resolve));
  }
  d.end();
  await ended;
  return { raw: Buffer.concat(out), crc };
}

const worksheets = (parts) => Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));

function tablePart(parts, table) {
  const name = Object.keys(parts).find((n) => n.startsWith("xl/tables/") && strFromU8(parts[n]).includes(`name="${table}"`));
  if (!name) throw new Error(`the generated workbook has no ${table}: update bench/suites/hostile`);
  return name;
}

function withRef(parts, table, ref) {
  const name = tablePart(parts, table);
  const xml = strFromU8(parts[name]);
  const old = /<table\b[^>]*?\sref="([^"]*)"/.exec(xml)?.[1] ?? "";
  return { ...parts, [name]: strToU8(xml.replaceAll(`ref="${old}"`, `ref="${ref(old)}"`)) };
}

/** Leaves out `r` on every row and cell where OOXML lets it be implied (right after the previous one). */
function withoutR(parts) {
  const column = (r) => [...r].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const changed = { ...parts };
  let stripped = 0;
  for (const n of worksheets(parts)) {
    let row = 0;
    let col = 0;
    changed[n] = strToU8(
      strFromU8(parts[n]).replace(/<(row|c)\b([^>]*?)\s+r="([A-Z]*)(\d+)"/g, (tag, kind, before, letters, digits) => {
        const implied = kind === "row" ? Number(digits) === row + 1 : column(letters) === col + 1;
        if (kind === "row") [row, col] = [Number(digits), 0];
        else col = column(letters);
        if (!implied) return tag;
        stripped++;
        return `<${kind}${before}`;
      }),
    );
  }
  if (stripped < 1000) throw new Error(`only ${stripped} r attributes could be left out`);
  return changed;
}

/** The first worksheet (the dashboard) changed by `change` (its XML → new XML), other parts by `more`. */
function withSheet(parts, change, more = {}) {
  const first = "xl/worksheets/sheet1.xml";
  return { ...parts, [first]: strToU8(change(strFromU8(parts[first]))), ...Object.fromEntries(Object.entries(more).map(([n, v]) => [n, strToU8(v)])) };
}

const mergeOf = (ref) => (xml) => xml.replace("<conditionalFormatting", `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells><conditionalFormatting`);

/** The workbook.xml with a defined name `Huge` over `ref`. */
function withName(parts, ref) {
  const book = strFromU8(parts["xl/workbook.xml"]);
  return withSheet(parts, (x) => x, { "xl/workbook.xml": book.replace("<definedNames>", `<definedNames><definedName name="Huge">${ref}</definedName>`) });
}

/** `xml` with 100,000 elements nested in an extension list before its root's end tag. */
function deepened(xml) {
  const close = xml.lastIndexOf("</");
  return `${xml.slice(0, close)}<extLst><ext uri="{0}">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</ext></extLst>${xml.slice(close)}`;
}

/** A workbook that is not Qualigrid's: no table, one sheet of `rows` × `cols` small numbers (a pseudo-random walk, so it packs like real data). */
function foreignParts(parts, rows, cols) {
  const kept = Object.fromEntries(Object.entries(parts).filter(([n]) => !n.startsWith("xl/tables/")));
  for (const n of Object.keys(kept)) if (n.startsWith("xl/worksheets/_rels/")) kept[n] = strToU8(strFromU8(kept[n]).replace(/<Relationship\b[^>]*\/table"[^>]*\/>/g, ""));
  const first = "xl/worksheets/sheet1.xml";
  const xml = strFromU8(parts[first]);
  let x = 12345;
  const body = [];
  for (let r = 1; r <= rows; r++) {
    const cells = [];
    for (let c = 0; c < cols; c++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      cells.push(`<c><v>${x % 100000}</v></c>`);
    }
    body.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  kept[first] = strToU8(xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${body.join("")}</sheetData>`).replace(/<tableParts\b[\s\S]*?<\/tableParts>/, ""));
  return kept;
}

/**
 * The cases, in order: the honest workbook first (the reference), then the hostile ones.
 * `expect` is the exit code a sound reader gives: 0 (read) or 2 (refused with its reason).
 */
export const CASES = [
  { key: "honest", label: "honest workbook, 1,000 criteria (reference)", expect: 0 },
  { key: "lying", label: `a worksheet declaring 1:1, inflating to ${(LYING_BYTES / 2 ** 30).toFixed(2)} GiB`, expect: 2 },
  { key: "grid-million", label: 'QG_Grid ref claiming 1,048,576 rows', expect: 0 },
  { key: "evidence-million", label: 'QG_Evidence ref claiming 1,048,576 rows', expect: 0 },
  { key: "garbage-ref", label: 'QG_Grid ref="ZZZ:1"', expect: 2 },
  { key: "no-r", label: "rows and cells without r (OOXML allows it)", expect: 0 },
  { key: "merge-grid", label: '<mergeCell ref="A1:XFD1048576"> (17 billion cells for exceljs)', expect: 2 },
  { key: "merge-column", label: '<mergeCell ref="A24:A1048576"> (a million cells)', expect: 2 },
  { key: "validation-grid", label: '<dataValidation sqref="A1:XFD1048576">', expect: 2 },
  { key: "validation-column", label: '<dataValidation sqref="E16:E1048576"> (a whole column: cut back, read)', expect: 0 },
  { key: "name-grid", label: "a defined name over $A$1:$XFD$1048576", expect: 2 },
  { key: "cols-garbage", label: '<col min="20" max="2000000000">', expect: 2 },
  { key: "wide", label: "a row of 16,384 cells, columns styled across the grid (read)", expect: 0 },
  { key: "deep", label: "xl/workbook.xml nested 100,000 deep", expect: 2 },
  { key: "foreign", label: "no Qualigrid table, 100,000 × 30 small cells (3 million)", expect: 2 },
];

/** Writes every case's file into `dir`; returns { key → { file, label } }. */
export async function writeHostileFiles(dir, log) {
  const parts = await honestParts();
  const sheets = worksheets(parts);
  const biggest = sheets.reduce((a, b) => (parts[b].length > parts[a].length ? b : a));
  const variants = {
    honest: parts,
    "grid-million": withRef(parts, "QG_Grid", (old) => old.replace(/\d+$/, "1048576")),
    "evidence-million": withRef(parts, "QG_Evidence", (old) => old.replace(/\d+$/, "1048576")),
    "garbage-ref": withRef(parts, "QG_Grid", () => "ZZZ:1"),
    "no-r": withoutR(parts),
    "merge-grid": withSheet(parts, mergeOf("A1:XFD1048576")),
    "merge-column": withSheet(parts, mergeOf("A24:A1048576")),
    "validation-grid": withSheet(parts, (x) => x.replace(/(<dataValidation\b[^>]*?\ssqref=")[^"]*"/, '$1A1:XFD1048576"')),
    "validation-column": withSheet(parts, (x) => x.replace(/(<dataValidation\b[^>]*?\ssqref=")[^"]*"/, '$1E16:E1048576"')),
    "name-grid": withName(parts, "Dashboard!$A$1:$XFD$1048576"),
    "cols-garbage": withSheet(parts, (x) => x.replace("<cols>", '<cols><col min="20" max="2000000000" width="3" customWidth="1"/>')),
    wide: withSheet(parts, (x) =>
      x
        .replace("</sheetData>", `<row r="100">${Array.from({ length: 16_384 }, (_, i) => `<c t="n"><v>${i}</v></c>`).join("")}</row></sheetData>`)
        .replace("<cols>", '<cols><col min="20" max="16384" width="3" customWidth="1"/>'),
    ),
    deep: withSheet(parts, (x) => x, { "xl/workbook.xml": deepened(strFromU8(parts["xl/workbook.xml"])) }),
    foreign: foreignParts(parts, 100_000, 30),
  };
  const files = {};
  for (const c of CASES) {
    const file = join(dir, `${c.key}.xlsx`);
    let entries;
    if (c.key === "lying") {
      const { raw, crc } = await lyingRaw();
      // It declares as many bytes unpacked as packed: 1:1, no ratio to alarm a guard that trusts the directory.
      entries = Object.entries(parts).map(([n, b]) => (n === biggest ? { name: n, raw, size: raw.length, crc } : honestEntry(n, b)));
    } else {
      entries = Object.entries(variants[c.key]).map(([n, b]) => honestEntry(n, b));
    }
    await writeZip(file, entries);
    files[c.key] = { file, label: c.key === "lying" ? `${biggest} declaring 1:1, inflating to ${(LYING_BYTES / 2 ** 30).toFixed(2)} GiB` : c.label };
    log?.(`[hostile] wrote ${file}`);
  }
  return files;
}
