import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { issueText } from "../../addin/model/messages/message.catalog.js";
import type { Template } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { boundTables, gridRange } from "../../addin/xlsx/xlsx.extent.js";
import { guardWorkbookBytes, WORKBOOK_LIMITS } from "../../addin/xlsx/xlsx.guard.js";
import { inflateWithinBudget } from "../../addin/xlsx/xlsx.inflate.js";
import { loadWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { loadQualigridWorkbook, readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { ASSESSMENT_TABLES } from "../../addin/xlsx/xlsx.require.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";

/** Every hostile file here is made by the test itself. */
describe("opening a hostile or foreign file", () => {
  const refusal = async (bytes: Uint8Array): Promise<string> => {
    const started = Date.now();
    const r = await loadWorkbook(bytes, "x.xlsx");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    return r.ok ? "" : (r.issues[0]?.message ?? "");
  };

  it("refuses a zip bomb without unpacking it", async () => {
    // 40 MB of zeros packs into about 40 KB.
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(10), "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 6 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(bomb)).toMatch(/zip bomb/);
  });

  it("refuses a file larger than the limit", async () => {
    const big = new Uint8Array(WORKBOOK_LIMITS.fileBytes + 1);
    big[0] = 0x50;
    big[1] = 0x4b;
    expect(await refusal(big)).toMatch(/MB; Qualigrid opens workbooks up to 25 MB/);
  });

  it("refuses a zip whose parts unpack beyond the limit, with limits scaled down", () => {
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(10) };
    for (let i = 0; i < 4; i++) files[`xl/worksheets/sheet${i}.xml`] = new Uint8Array(2 * 1024 * 1024).fill(60 + i);
    const limits = { ...WORKBOOK_LIMITS, unpackedBytes: 6 * 1024 * 1024, ratio: 1e9 };
    expect(guardWorkbookBytes(zipSync(files, { level: 0 }), "x.xlsx", limits)?.message).toMatch(/unpacks to 8 MB/);
  });

  it("refuses a zip with too many parts", async () => {
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(1) };
    for (let i = 0; i <= WORKBOOK_LIMITS.entries; i++) files[`xl/p${i}.xml`] = new Uint8Array(1);
    expect(await refusal(zipSync(files))).toMatch(/parts/);
  });

  it("refuses a zip that is not a workbook", async () => {
    expect(await refusal(zipSync({ "readme.txt": new Uint8Array(5) }))).toMatch(/not an \.xlsx workbook/);
  });

  it("refuses a password-protected workbook (an OLE2 container) with a hint", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(ole)).toMatch(/password-protected/);
  });

  it("refuses a truncated zip", async () => {
    const zip = zipSync({ "[Content_Types].xml": new Uint8Array(1000).fill(65), "xl/workbook.xml": new Uint8Array(1000).fill(66) });
    expect(await refusal(zip.slice(0, Math.floor(zip.length / 2)))).toMatch(/truncated or corrupt/);
  });

  it("words each refusal in French too, with the file's figures in the French way", async () => {
    const fr = async (bytes: Uint8Array, limits?: Parameters<typeof guardWorkbookBytes>[2]): Promise<string> => {
      const issue = limits ? guardWorkbookBytes(bytes, "x.xlsx", limits) : await loadWorkbook(bytes, "x.xlsx").then((r) => (r.ok ? null : r.issues[0]));
      if (!issue) throw new Error("not refused");
      expect(issue.code).toMatch(/^file\./);
      return issueText(issue, "fr");
    };
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(10), "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 6 });
    expect(await fr(bomb)).toMatch(/^la partie xl\/worksheets\/sheet1\.xml se décompresse à \d+ fois sa taille : refusé par prudence \(bombe de décompression possible\)$/);
    expect(await fr(new Uint8Array(3 * 1024 * 1024), { ...WORKBOOK_LIMITS, fileBytes: 2.5 * 1024 * 1024 })).toBe("pèse 3,0 Mo ; Qualigrid ouvre les classeurs jusqu'à 2,5 Mo");
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(10) };
    for (let i = 0; i < 4; i++) files[`xl/worksheets/sheet${i}.xml`] = new Uint8Array(2 * 1024 * 1024).fill(60 + i);
    expect(await fr(zipSync(files, { level: 0 }), { ...WORKBOOK_LIMITS, unpackedBytes: 6 * 1024 * 1024, ratio: 1e9 })).toBe(
      "se décompresse en 8 Mo ; Qualigrid ouvre les classeurs jusqu'à 6 Mo décompressés",
    );
    expect(await fr(zipSync(files, { level: 0 }), { ...WORKBOOK_LIMITS, entries: 2 })).toBe("contient 5 parties ; un classeur .xlsx que Qualigrid ouvre en a au plus 2");
    expect(await fr(zipSync({ "readme.txt": new Uint8Array(5) }))).toBe("est une archive zip, mais pas un classeur .xlsx");
    expect(await fr(new TextEncoder().encode("Critère;Cotation"))).toBe("n'est pas un classeur .xlsx (ce n'est pas une archive zip)");
    expect(await fr(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      "est un ancien fichier .xls ou un classeur protégé par mot de passe : enregistrez-le en .xlsx sans mot de passe, puis réessayez",
    );
    const zip = zipSync({ "[Content_Types].xml": new Uint8Array(1000).fill(65), "xl/workbook.xml": new Uint8Array(1000).fill(66) });
    expect(await fr(zip.slice(0, Math.floor(zip.length / 2)))).toMatch(/^ne peut pas être lu comme un classeur \.xlsx \(.+\) : il est peut-être tronqué ou endommagé$/);
  });
});

/** Sets the uncompressed size that part `name` declares, in its local header and its central directory entry. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const wanted = strToU8(name);
  const named = (at: number): boolean => wanted.every((b, i) => out[at + i] === b);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && view.getUint16(i + 26, true) === wanted.length && named(i + 30)) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && view.getUint16(i + 28, true) === wanted.length && named(i + 46)) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** Every hostile file here is made from a real generated workbook, altered by the test. */
describe("a hostile workbook is answered in bounded time and memory", () => {
  let parts: Record<string, Uint8Array>;
  const tablePart = (table: string): string => {
    const name = Object.keys(parts).find((n) => n.startsWith("xl/tables/") && strFromU8(parts[n] as Uint8Array).includes(`name="${table}"`));
    if (!name) throw new Error(`no ${table}`);
    return name;
  };
  const altered = (changes: Record<string, string | Uint8Array>): Uint8Array =>
    zipSync({ ...parts, ...Object.fromEntries(Object.entries(changes).map(([n, v]) => [n, typeof v === "string" ? strToU8(v) : v])) });
  const withRef = (table: string, ref: (old: string) => string): Uint8Array => {
    const name = tablePart(table);
    const xml = strFromU8(parts[name] as Uint8Array);
    const old = /<table\b[^>]*?\sref="([^"]*)"/.exec(xml)?.[1] ?? "";
    return altered({ [name]: xml.replaceAll(`ref="${old}"`, `ref="${ref(old)}"`) });
  };
  /** Loads the bytes, asserting the time and memory it took loosely. */
  const bounded = async (bytes: Uint8Array): Promise<Awaited<ReturnType<typeof loadWorkbook>>> => {
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const r = await loadWorkbook(bytes, "x.xlsx");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(500 * 1024 * 1024);
    return r;
  };
  const criteria = async (bytes: Uint8Array): Promise<number> => {
    const r = await bounded(bytes);
    if (!r.ok) throw new Error(r.issues[0]?.message);
    const read = readQualigridWorkbook(r.value, "x.xlsx");
    if (!read.ok) throw new Error(read.issues[0]?.message);
    return read.value.grid.length;
  };

  beforeAll(async () => {
    parts = unzipSync(await renderPlanToBuffer(buildPlan(builtinTemplates()[0] as Template, { lang: "fr" })));
  });

  it("refuses a part that declares its size 1:1 but inflates to far more, stopping at its declared size", async () => {
    const sheet = "xl/worksheets/sheet2.xml";
    const zip = zipSync({ ...parts, [sheet]: new Uint8Array(128 * 1024 * 1024).fill(32) }, { level: 6 });
    const packed: number[] = [];
    unzipSync(zip, { filter: (f) => (f.name === sheet && packed.push(f.size), false) });
    expect(packed[0]).toBeLessThan(2 * 1024 * 1024);
    // It declares as many bytes unpacked as packed.
    const lying = declareSize(zip, sheet, packed[0] ?? 0);
    expect(guardWorkbookBytes(lying, "x.xlsx")).toBeNull();
    const r = await bounded(lying);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("file.sizeMismatch");
    expect(r.issues[0]?.message).toContain(sheet);
    expect(issueText(r.issues[0] as never, "fr")).toMatch(/^la partie xl\/worksheets\/sheet2\.xml se décompresse au-delà des \d+ octets que l'archive annonce/);
  }, 30_000);

  it("refuses parts that really inflate beyond the budget, counting what they yield", () => {
    const zip = zipSync(parts);
    const r = inflateWithinBudget(zip, "x.xlsx", { ...WORKBOOK_LIMITS, unpackedBytes: 100 * 1024 });
    expect(r.ok ? null : r.issue.code).toBe("file.unpackedTooLarge");
    expect(inflateWithinBudget(zip, "x.xlsx", WORKBOOK_LIMITS).ok).toBe(true);
  });

  it.each(["QG_Grid", "QG_Evidence"])("reads a workbook whose %s claims 1,048,576 rows, cut back to its sheet's rows", async (table) => {
    const honest = await criteria(zipSync(parts));
    expect(honest).toBeGreaterThan(0);
    const bytes = withRef(table, (old) => old.replace(/\d+$/, "1048576"));
    expect(bytes.length).toBeLessThan(200 * 1024);
    expect(await criteria(bytes)).toBe(honest);
  });

  it.each(["ZZZ:1", "A1:XFE9", "A1:B1048577", "B9:A1", ""])("refuses a table range %j that is not a range, naming the part", async (ref) => {
    const r = await bounded(withRef("QG_Grid", () => ref));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("file.badTableRef");
    expect(r.issues[0]?.message).toContain(tablePart("QG_Grid"));
    expect(issueText(r.issues[0] as never, "fr")).toContain(`la partie ${tablePart("QG_Grid")} donne à son tableau la plage « ${ref} »`);
  });

  it("reads a sheet whose rows and cells carry no `r` (OOXML allows it) as the same workbook", async () => {
    // `r` is left out wherever it is implied: a row right after the previous one, a cell right after the previous cell.
    const column = (r: string): number => [...r.replace(/\d+$/, "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const changes: Record<string, string> = {};
    let stripped = 0;
    for (const n of Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
      let row = 0;
      let col = 0;
      changes[n] = strFromU8(parts[n] as Uint8Array).replace(/<(row|c)\b([^>]*?)\s+r="([A-Z]*)(\d+)"/g, (tag, kind: string, before: string, letters: string, digits: string) => {
        const implied = kind === "row" ? Number(digits) === row + 1 : column(letters) === col + 1;
        if (kind === "row") [row, col] = [Number(digits), 0];
        else col = column(letters);
        if (!implied) return tag;
        stripped++;
        return `<${kind}${before}`;
      });
    }
    expect(stripped).toBeGreaterThan(1000);
    expect(await criteria(altered(changes))).toBe(await criteria(zipSync(parts)));
  });

  it("knows Excel's grid", () => {
    expect(gridRange("A1:XFD1048576")).toEqual({ top: 1, left: 1, bottom: 1048576, right: 16384 });
    expect(gridRange("$B$4:$V$47")).toEqual({ top: 4, left: 2, bottom: 47, right: 22 });
    expect(gridRange("A0:B2")).toBeNull();
    expect(gridRange("a1:b2")).toBeNull();
  });
});

/** Sheets exceljs would expand cell by cell, garbage in their ranges, deep XML, workbooks without Qualigrid tables. */
describe("a hostile sheet is refused or bounded before exceljs expands it", () => {
  let parts: Record<string, Uint8Array>;
  const dashboard = "xl/worksheets/sheet1.xml";
  const sheet = (): string => strFromU8(parts[dashboard] as Uint8Array);
  const withSheet = (xml: string, more: Record<string, string> = {}): Uint8Array =>
    zipSync({ ...parts, [dashboard]: strToU8(xml), ...Object.fromEntries(Object.entries(more).map(([n, v]) => [n, strToU8(v)])) });
  const merge = (ref: string): Uint8Array => withSheet(sheet().replace("<conditionalFormatting", `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells><conditionalFormatting`));
  const validation = (sqref: string): Uint8Array => withSheet(sheet().replace(/(<dataValidation\b[^>]*?\ssqref=")[^"]*"/, `$1${sqref}"`));
  const refused = async (bytes: Uint8Array, options?: Parameters<typeof loadWorkbook>[2]): Promise<{ code: string; en: string; fr: string }> => {
    const started = Date.now();
    const r = await loadWorkbook(bytes, "x.xlsx", options);
    expect(Date.now() - started).toBeLessThan(5_000);
    if (r.ok) throw new Error("not refused");
    const issue = r.issues[0] as NonNullable<(typeof r.issues)[0]>;
    return { code: issue.code ?? "", en: issueText(issue, "en"), fr: issueText(issue, "fr") };
  };
  const gridRows = async (bytes: Uint8Array): Promise<number> => {
    const r = await loadQualigridWorkbook(bytes, "x.xlsx");
    if (!r.ok) throw new Error(r.issues[0]?.message);
    return r.value.assessment.grid.length;
  };

  beforeAll(async () => {
    parts = unzipSync(await renderPlanToBuffer(buildPlan(builtinTemplates()[0] as Template, { lang: "fr" })));
  });

  it.each([
    ["a merge of the whole grid", () => merge("A1:XFD1048576"), /<mergeCell ref> "A1:XFD1048576" over 17,179,869,184 cells/],
    ["a merge of a million cells in one column", () => merge("A24:A1048576"), /<mergeCell ref> "A24:A1048576" over 1,048,553 cells/],
    ["a data validation over the whole grid", () => validation("A1:XFD1048576"), /<dataValidation sqref> "A1:XFD1048576"/],
  ])("refuses %s, naming the part and the attribute", async (_, bytes, en) => {
    const r = await refused(bytes());
    expect(r.code).toBe("file.rangeTooLarge");
    expect(r.en).toMatch(en);
    expect(r.en).toContain(dashboard);
    expect(r.fr).toMatch(/^la partie xl\/worksheets\/sheet1\.xml étend <\w+ \w+> « .+ » sur [\d\s]+ cellules ; Qualigrid lit les classeurs jusqu'à 1\s000\s000 lignes et cellules$/);
  });

  it("refuses a defined name over the whole grid, naming it", async () => {
    const book = strFromU8(parts["xl/workbook.xml"] as Uint8Array).replace("<definedNames>", "<definedNames><definedName name=\"Gros\">'Tableau de bord'!$A$1:$XFD$1048576</definedName>");
    const r = await refused(withSheet(sheet(), { "xl/workbook.xml": book }));
    expect(r.code).toBe("file.rangeTooLarge");
    expect(r.en).toContain('part xl/workbook.xml spreads <definedName name="Gros">');
  });

  it.each([
    ["<mergeCell ref>", () => merge("ZZZ:1")],
    ["<dataValidation sqref>", () => validation("B6 ZZZ:1")],
    ["<col min max>", () => withSheet(sheet().replace("<cols>", '<cols><col min="20" max="2000000000"/>'))],
    ["<col min max>", () => withSheet(sheet().replace("<cols>", '<cols><col min="x" max="y"/>'))],
  ])("refuses a garbage range in %s, naming the part", async (attribute, bytes) => {
    const r = await refused(bytes());
    expect(r.code).toBe("file.badRef");
    expect(r.en).toContain(`part ${dashboard} gives ${attribute} the value`);
    expect(r.fr).toContain(`la partie ${dashboard} donne à ${attribute} la valeur « `);
  });

  it("cuts a whole-column data validation back to its sheet's rows, and reads the workbook", async () => {
    const honest = await gridRows(zipSync(parts));
    const bytes = validation("B6 E16:E1048576");
    expect(await gridRows(bytes)).toBe(honest);
    const loaded = await loadWorkbook(bytes, "x.xlsx");
    expect(loaded.ok).toBe(true);
  });

  it("reads a workbook with a row of 16,384 cells and columns styled across the grid", async () => {
    const wide = `<row r="30">${Array.from({ length: 16_384 }, (_, i) => `<c t="n"><v>${i}</v></c>`).join("")}</row>`;
    const bytes = withSheet(sheet().replace("</sheetData>", `${wide}</sheetData>`).replace("<cols>", '<cols><col min="20" max="16384" width="3" customWidth="1"/>'));
    expect(await gridRows(bytes)).toBe(await gridRows(zipSync(parts)));
  });

  it.each(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/sharedStrings.xml"])("refuses %s nested 100,000 deep, at once", async (part) => {
    const xml = strFromU8(parts[part] as Uint8Array);
    const close = xml.lastIndexOf("</");
    const deep = `${xml.slice(0, close)}<extLst><ext uri="{X}">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</ext></extLst>${xml.slice(close)}`;
    const r = await refused(zipSync({ ...parts, [part]: strToU8(deep) }));
    expect(r.code).toBe("file.tooDeep");
    expect(r.fr).toBe(`la partie ${part} imbrique ses éléments sur plus de 256 niveaux (un classeur en a moins de 30) : refusé par prudence`);
  });

  it("refuses a workbook over the cell budget before decoding its sheets (budget scaled down)", () => {
    const copy = { ...parts };
    const issue = boundTables(copy, "x.xlsx", { ...WORKBOOK_LIMITS, cells: 500 });
    expect(issue?.code).toBe("file.tooManyCells");
    expect(issueText(issue as never, "fr")).toMatch(/^compte plus de 500 lignes et cellules \(dépassé à la partie xl\/worksheets\/sheet\d\.xml\)/);
    expect(boundTables({ ...parts }, "x.xlsx")).toBeNull();
  });

  it("answers « not a Qualigrid workbook » from its table parts, without inflating its sheets", async () => {
    // No table at all, and a sheet that lies about its size: inflating it would refuse the file as a zip bomb.
    const noTables = Object.fromEntries(
      Object.entries(parts)
        .filter(([n]) => !n.startsWith("xl/tables/"))
        .map(([n, b]) => [n, /^xl\/worksheets\/_rels\//.test(n) ? strToU8(strFromU8(b).replace(/<Relationship\b[^>]*\/table"[^>]*\/>/g, "")) : b]),
    );
    const zip = zipSync({ ...noTables, "xl/worksheets/sheet2.xml": new Uint8Array(64 * 1024 * 1024).fill(32) });
    const packed: number[] = [];
    unzipSync(zip, { filter: (f) => (f.name === "xl/worksheets/sheet2.xml" && packed.push(f.size), false) });
    const lying = declareSize(zip, "xl/worksheets/sheet2.xml", packed[0] ?? 0);
    const early = await refused(lying, { requireTables: ASSESSMENT_TABLES });
    expect(early.code).toBe("workbook.notQualigrid");
    expect(early.fr).toMatch(/^n'est pas un classeur Qualigrid : les tableaux QG_TemplateInfo, QG_TemplateItems, QG_Grid manquent/);
    // Without the requirement (a template read from any workbook), the sheet is inflated and refused.
    expect((await refused(lying)).code).toBe("file.sizeMismatch");
  }, 20_000);

  it("still reads a Qualigrid workbook whose grid table was renamed (found by its headers)", async () => {
    const name = Object.keys(parts).find((n) => n.startsWith("xl/tables/") && strFromU8(parts[n] as Uint8Array).includes('name="QG_Grid"')) ?? "";
    const renamed = strFromU8(parts[name] as Uint8Array).replace(/(name|displayName)="QG_Grid"/g, '$1="Grille2026"');
    const bytes = zipSync({ ...parts, [name]: strToU8(renamed) });
    expect(await gridRows(bytes)).toBe(await gridRows(zipSync(parts)));
  });

  it("answers an authoring workbook (template tables, no grid) as the reader does", async () => {
    const name = Object.keys(parts).find((n) => n.startsWith("xl/tables/") && strFromU8(parts[n] as Uint8Array).includes('name="QG_Grid"')) ?? "";
    const others = Object.keys(parts).filter((n) => n.startsWith("xl/tables/") && n !== name && n !== "xl/tables/" && !/QG_Template/.test(strFromU8(parts[n] as Uint8Array)));
    const stripped = { ...parts };
    for (const n of [name, ...others]) {
      // Its header row no longer says what the table was: the reader cannot find it by its headers either.
      stripped[n] = strToU8(strFromU8(parts[n] as Uint8Array).replace(/(name|displayName)="QG_\w+"/g, '$1="Autre"').replace(/<tableColumn\b([^>]*?)\sname="[^"]*"/g, (_, a: string, i: number) => `<tableColumn${a} name="c${i}"`));
    }
    const early = await refused(zipSync(stripped), { requireTables: ASSESSMENT_TABLES });
    expect(early.code).toBe("workbook.authoringNotAssessment");
  });
});
