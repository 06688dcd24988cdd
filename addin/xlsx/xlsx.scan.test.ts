import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { scoreAssessment } from "../scoring/assessment.score.js";
import { randomRatings, seeded, writeMember } from "../../tests/cli/aggregate.fixtures.js";
import { csvBytes, exportCsv, formsExport } from "../../tests/support/surveys.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { scanAssessment } from "./xlsx.scan.js";
import { closeRoundSnapshot, importSurveySnapshot } from "./xlsx.snapshot.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qg-scan-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("scanAssessment", () => {
  it("happy path: reads the same assessment as the exceljs reader, and scores the same", async () => {
    const rand = seeded(7);
    const file = await writeMember(dir, { file: "a.xlsx", organization: "Maison Soleil & fils <l'Aube> \"A\"", date: "2025-04-02", ratings: randomRatings(rand), evidence: ["GOUV-01", "RESS-02", "SECU-03"], comment: "secret & <sûr>" });
    const bytes = fs.readFileSync(file);
    const scanned = scanAssessment(bytes, file);
    const loaded = await loadQualigridWorkbook(bytes, file);
    if (!scanned.ok || !loaded.ok) throw new Error(JSON.stringify(scanned.ok ? loaded : scanned));
    expect(scanned.value.assessment.settings).toEqual(loaded.value.assessment.assessment.settings);
    expect(scanned.value.grid.map((g) => [g.criterion, g.rating])).toEqual(loaded.value.assessment.grid.map((g) => [g.criterion, g.rating]));
    expect(scoreAssessment(scanned.value.assessment)).toEqual(scoreAssessment(loaded.value.assessment.assessment));
    expect(scanned.value.settings?.organization).toBe("Maison Soleil & fils <l'Aube> \"A\"");
    expect(scanned.value.grid.map((g) => g.comment)).toEqual(loaded.value.assessment.grid.map((g) => g.comment));
    expect(scoreAssessment(scanned.value.assessment).overall.evidenceCoverage).toBeGreaterThan(0);
    expect(scanned.value.settings?.assessmentDate).toEqual(new Date(Date.UTC(2025, 3, 2)));
  });

  it("skips the closed rounds and the surveys: their sheets are not even inflated, and the scores are the reader's", async () => {
    const rand = seeded(11);
    const file = await writeMember(dir, { file: "h.xlsx", organization: "Maison", date: "2025-04-02", ratings: randomRatings(rand), evidence: [], comment: "" });
    const closed = await closeRoundSnapshot(fs.readFileSync(file), file, { label: "2025", date: new Date(Date.UTC(2025, 5, 1)) });
    if (!closed.ok) throw new Error(JSON.stringify(closed.issues));
    const surveyed = await importSurveySnapshot(closed.value.bytes, file, csvBytes(exportCsv(formsExport(8, "fr"), ";"), "utf-8"), "r.csv", { name: "S" });
    if (!surveyed.ok) throw new Error(JSON.stringify(surveyed.issues));
    const parts = unzipSync(surveyed.value.bytes);
    // The sheets holding QG_History and QG_Surveys, through their table parts and the sheets' relationships.
    const tablePart = (name: string): string | undefined => Object.keys(parts).find((p) => p.startsWith("xl/tables/") && strFromU8(parts[p] as Uint8Array).includes(`name="${name}"`));
    const sheetOf = (table: string | undefined): string | undefined => {
      const base = table?.split("/").pop() ?? "?";
      const rels = Object.keys(parts).find((p) => p.startsWith("xl/worksheets/_rels/") && strFromU8(parts[p] as Uint8Array).includes(`tables/${base}"`));
      return rels?.replace("_rels/", "").replace(/\.rels$/, "");
    };
    const skipped = ["QG_History", "QG_Surveys"].map((t) => sheetOf(tablePart(t)));
    expect(skipped.every((p) => p !== undefined && p in parts)).toBe(true);
    // A sheet that would fail to parse: the scan never reads it.
    for (const p of skipped) parts[p as string] = strToU8("<worksheet><sheetData><row");
    const broken = zipSync(parts);
    const scanned = scanAssessment(broken, file);
    const loaded = await loadQualigridWorkbook(surveyed.value.bytes, file);
    if (!scanned.ok || !loaded.ok) throw new Error(JSON.stringify(scanned.ok ? loaded : scanned));
    expect(loaded.value.assessment.history).toHaveLength(1);
    expect(scanned.value.history ?? []).toEqual([]);
    expect(scoreAssessment(scanned.value.assessment)).toEqual(scoreAssessment(loaded.value.assessment.assessment));
  });

  it.each([
    ["encrypted (OLE container)", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "file.legacyOrEncrypted"],
    ["not a zip", new TextEncoder().encode("hello, world"), "file.notZip"],
    ["foreign zip", zipSync({ "readme.txt": new TextEncoder().encode("hi") }), "file.zipNotXlsx"],
  ])("given a file %s, refuses it as a value", (_, bytes, code) => {
    const r = scanAssessment(bytes, "x.xlsx");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe(code);
  });

  it("given a zip cut short (still being written), says so", async () => {
    const file = await writeMember(dir, { file: "b.xlsx", organization: "B", date: "2025-01-01", ratings: {} });
    const bytes = fs.readFileSync(file);
    const r = scanAssessment(bytes.subarray(0, Math.floor(bytes.length / 2)), file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.issues)).toContain("still being written");
  });

  it("given a part that inflates beyond the size it declares, refuses the file without inflating past it", async () => {
    const file = await writeMember(dir, { file: "c.xlsx", organization: "C", date: "2025-01-01", ratings: { "GOUV-01": 2 } });
    const bytes = new Uint8Array(fs.readFileSync(file));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = new TextEncoder().encode("xl/sharedStrings.xml");
    let patched = 0;
    // Every header of the part (local 0x04034b50: size at +22; central 0x02014b50: size at +24) declares 1 KB.
    for (let i = 0; i + 46 < bytes.length; i++) {
      const sig = view.getUint32(i, true);
      const local = sig === 0x04034b50;
      if (!local && sig !== 0x02014b50) continue;
      const nameAt = i + (local ? 30 : 46);
      const nameLen = view.getUint16(i + (local ? 26 : 28), true);
      if (nameLen !== name.length || !name.every((b, k) => bytes[nameAt + k] === b)) continue;
      view.setUint32(i + (local ? 22 : 24), 1024, true);
      patched++;
    }
    expect(patched).toBe(2);
    const r = scanAssessment(bytes, file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("file.corrupt");
  });

  it("given a workbook that is not Qualigrid's, refuses it naming the file", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").getCell("A1").value = "Loyer";
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = scanAssessment(bytes, "budget.xlsx");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: "workbook.notQualigrid", path: "budget.xlsx" });
  });

  /** A member's bytes with one part's text changed by `edit`. */
  const edited = (bytes: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array => {
    const parts = unzipSync(bytes);
    const xml = parts[part];
    if (!xml) throw new Error(`no ${part}`);
    return zipSync({ ...parts, [part]: strToU8(edit(strFromU8(xml))) });
  };
  /** The grid sheet's part (the sheet holding « Grille »). */
  const gridPart = (bytes: Uint8Array): string => {
    const parts = unzipSync(bytes);
    const name = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p) && strFromU8(parts[p] as Uint8Array).includes("QG_Grid[[#This Row]"));
    if (!name) throw new Error("no grid sheet");
    return name;
  };

  it("what it remembers from one member (template, strings, identical parts) never shows in another's figures", async () => {
    const rand = seeded(11);
    const files = await Promise.all(
      ["Alpha", "Bêta", "Gamma"].map((organization, i) => writeMember(dir, { file: `r${i}.xlsx`, organization, date: `2025-0${i + 1}-01`, ratings: randomRatings(rand), evidence: i === 1 ? ["GOUV-01"] : [], comment: `mot ${i}` })),
    );
    for (const file of [...files, files[0] as string, files[2] as string]) {
      const bytes = fs.readFileSync(file);
      const scanned = scanAssessment(bytes, file);
      const loaded = await loadQualigridWorkbook(bytes, file);
      if (!scanned.ok || !loaded.ok) throw new Error(file);
      expect(scanned.value.settings?.organization).toBe(loaded.value.assessment.settings?.organization);
      expect(scanned.value.grid.map((g) => [g.rating, g.comment])).toEqual(loaded.value.assessment.grid.map((g) => [g.rating, g.comment]));
      expect(scoreAssessment(scanned.value.assessment)).toEqual(scoreAssessment(loaded.value.assessment.assessment));
    }
  });

  it("reads a formula's cached result, and cells placed without their reference, as exceljs does", async () => {
    const file = await writeMember(dir, { file: "f.xlsx", organization: "F", date: "2025-01-01", ratings: randomRatings(seeded(5)), comment: "c" });
    const bytes = new Uint8Array(fs.readFileSync(file));
    const grid = gridPart(bytes);
    let formulas = 0;
    const cached = edited(bytes, grid, (xml) => xml.replace(/<f>([^<]*)<\/f><\/c>/g, (_, f: string) => `<f>${f}</f><v>${++formulas}</v></c>`));
    expect(formulas).toBeGreaterThan(100);
    const withRefs = scanAssessment(cached, file);
    const loaded = await loadQualigridWorkbook(cached, file);
    if (!withRefs.ok || !loaded.ok) throw new Error("unreadable");
    expect(withRefs.value.grid).toEqual(loaded.value.assessment.grid);
    // exceljs writes every cell of a row in order: without their `r`, each is placed after the one before.
    const noRefs = scanAssessment(edited(cached, grid, (xml) => xml.replace(/<c r="[A-Z]+\d+"/g, "<c")), file);
    if (!noRefs.ok) throw new Error("unreadable");
    expect(scoreAssessment(noRefs.value.assessment)).toEqual(scoreAssessment(withRefs.value.assessment));
    expect(noRefs.value.grid.map((g) => [g.criterion, g.rating])).toEqual(withRefs.value.grid.map((g) => [g.criterion, g.rating]));
  });

  it("given a part nested too deep, or shared strings cut short, refuses the file as a value", async () => {
    const file = await writeMember(dir, { file: "d.xlsx", organization: "D", date: "2025-01-01", ratings: {} });
    const bytes = new Uint8Array(fs.readFileSync(file));
    const deep = edited(bytes, "xl/sharedStrings.xml", (xml) => xml.replace("<si>", `<si>${"<r>".repeat(300)}${"</r>".repeat(300)}`));
    const r = scanAssessment(deep, file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe("file.tooDeep");
    const cut = edited(bytes, "xl/sharedStrings.xml", (xml) => xml.slice(0, xml.lastIndexOf("</si>") + 5));
    const c = scanAssessment(cut, file);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.issues[0]?.code).toBe("file.corrupt");
  });
});
