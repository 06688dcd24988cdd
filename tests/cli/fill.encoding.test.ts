import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gridCell, loadXlsx, run, tempDir, writeJson, type TemplateJson } from "./cli.helpers.js";

// Answers files as French Excel saves them, written byte by byte here (Node's own Buffer encoders,
// not Qualigrid's decoder): « CSV (séparateur : point-virgule) » in Windows-1252, « Texte Unicode » in
// UTF-16 LE with a BOM and tabs, « CSV UTF-8 » with a BOM. Every accent must reach the workbook.

/** A template whose labels carry accents, like the HAS « Donner le cap » scale. */
function capTemplate(): TemplateJson {
  return {
    id: "cap-test",
    version: "1.0.0",
    title: { fr: "Cap", en: "Cap" },
    source: "Écrit pour les tests d'encodage",
    scale: {
      levels: [
        { value: 1, label: { fr: "Non amorcé", en: "Not started" } },
        { value: 2, label: { fr: "Amorcé", en: "Started" } },
        { value: 3, label: { fr: "Élaboré", en: "Developed" } },
        { value: 4, label: { fr: "En place", en: "In place" } },
      ],
      notApplicable: true,
    },
    target: 70,
    targetLevel: 3,
    dimensions: [
      {
        id: "D1",
        title: { fr: "Gouvernance", en: "Governance" },
        criteria: ["C1", "C2", "C3", "C4", "C5", "C6"].map((id) => ({ id, text: { fr: `Énoncé ${id}`, en: `Statement ${id}` } })),
      },
    ],
  };
}

/** Writes the template and a French workbook made from it. */
async function capWorkbook(dir: string, template = capTemplate()): Promise<string> {
  const xlsx = path.join(dir, "grille.xlsx");
  const r = await run("new", writeJson(dir, "cap.json", template), "-o", xlsx, "--lang", "fr");
  if (r.code !== 0) throw new Error(r.err);
  return xlsx;
}

const writeBytes = (dir: string, name: string, bytes: Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

/** Windows-1252 bytes of a text whose characters all lie in Latin-1's printable range (there both agree). */
const cp1252 = (text: string): Buffer => Buffer.from(text, "latin1");
const RIGHT_QUOTE = Buffer.from([0x92]); // ’ in Windows-1252, absent from Latin-1

/** Fills, expects success, and returns the workbook read back with exceljs. */
async function filled(xlsx: string, csv: string, ...args: string[]): Promise<Awaited<ReturnType<typeof loadXlsx>>> {
  const r = await run("fill", xlsx, "--answers", csv, ...args);
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe("");
  return loadXlsx(xlsx);
}

const rating = (wb: Awaited<ReturnType<typeof loadXlsx>>, id: string): unknown => gridCell(wb, "fr", id, "Cotation").value ?? null;
const comment = (wb: Awaited<ReturnType<typeof loadXlsx>>, id: string): unknown => gridCell(wb, "fr", id, "Commentaire").value ?? null;

/**
 * Runs a fill that must be refused: exit 2, an error naming `csv:line` (and `words` when given,
 * which are the same in French and English), the workbook byte for byte as it was, no file added.
 */
async function expectRefused(dir: string, xlsx: string, csv: string, line: number | null, words: string[], ...args: string[]): Promise<void> {
  const before = fs.readFileSync(xlsx);
  const listing = fs.readdirSync(dir).sort();
  const r = await run("fill", xlsx, "--answers", csv, ...args);
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe("");
  expect(r.errLines, r.err).toHaveLength(1);
  const where = line === null ? csv : `${csv}:${line}`;
  expect(r.err, r.err).toContain(where);
  for (const w of words) expect(r.err).toContain(w);
  expect(r.err).not.toContain("\uFFFD");
  expect(fs.readFileSync(xlsx).equals(before), "the workbook is unchanged").toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual(listing);
}

describe("qualigrid fill reads answers files as French Excel saves them", () => {
  it("Windows-1252 with ; (« CSV (séparateur : point-virgule) »): French headers, every accent intact", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(
      dir,
      "réponses.csv",
      Buffer.concat([
        cp1252("Critère;Cotation;Commentaire\r\n"),
        cp1252("C1;Élaboré;Procès-verbaux diffusés\r\n"),
        cp1252("C2;Amorcé;« Déjà fait », à revoir\r\n"),
        cp1252("C3;Non amorcé;l"),
        RIGHT_QUOTE,
        cp1252("équipe n"),
        RIGHT_QUOTE,
        cp1252("a pas commencé\r\n"),
        cp1252("C4;S/O;Sans objet ici\r\n"),
        cp1252(";;\r\n"),
      ]),
    );
    const wb = await filled(xlsx, csv);
    expect([rating(wb, "C1"), rating(wb, "C2"), rating(wb, "C3"), rating(wb, "C4")]).toEqual([3, 2, 1, "S. O."]);
    expect(comment(wb, "C1")).toBe("Procès-verbaux diffusés");
    expect(comment(wb, "C2")).toBe("« Déjà fait », à revoir");
    expect(comment(wb, "C3")).toBe("l’équipe n’a pas commencé");
    expect(comment(wb, "C4")).toBe("Sans objet ici");
  });

  it("UTF-16 LE with a BOM and tabs (« Texte Unicode »)", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const text = "Critère\tCotation\tCommentaire\r\nC1\tNon amorcé\tProcès-verbaux diffusés\r\nC2\tÉlaboré\t\"Deux lignes,\r\nla seconde\"\r\nC3\ts. o.\t\r\n";
    const csv = writeBytes(dir, "reponses.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const wb = await filled(xlsx, csv);
    expect([rating(wb, "C1"), rating(wb, "C2"), rating(wb, "C3")]).toEqual([1, 3, "S. O."]);
    expect(comment(wb, "C1")).toBe("Procès-verbaux diffusés");
    expect(comment(wb, "C2")).toBe("Deux lignes,\nla seconde");
  });

  it("UTF-8 with a BOM (« CSV UTF-8 »), headers and labels typed without accents, N/A as people write it", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const text = "CRITERE,Note,Commentaires\r\nC1,elabore,Procès-verbaux diffusés\r\nC2,non amorce,\r\nC3,AMORCE,Élaboré en 2024\r\nC4,n/a,\r\nC5,N.A.,\r\nC6,non concerne,\r\n";
    const csv = writeBytes(dir, "reponses.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    const wb = await filled(xlsx, csv);
    expect(["C1", "C2", "C3", "C4", "C5", "C6"].map((id) => rating(wb, id))).toEqual([3, 1, 2, "S. O.", "S. O.", "S. O."]);
    expect(comment(wb, "C1")).toBe("Procès-verbaux diffusés");
    expect(comment(wb, "C3")).toBe("Élaboré en 2024");
  });

  it.each(["S/O", "s/o", "S. O.", "s.o.", "SO", "n/a", "N.A.", "sans objet", "Non applicable", "non concerné", "NC", "not applicable"])(
    "reads %j as « sans objet »",
    async (token) => {
      const dir = tempDir();
      const xlsx = await capWorkbook(dir);
      const wb = await filled(xlsx, writeBytes(dir, "r.csv", Buffer.from(`Critère;Cotation\nC1;${token}\n`, "utf8")));
      expect(rating(wb, "C1")).toBe("S. O.");
    },
  );

  it("Windows-1252 named with --encoding (and its aliases)", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "r.csv", cp1252("Critère;Cotation;Commentaire\nC1;Élaboré;Procès-verbaux diffusés\n"));
    for (const name of ["windows-1252", "cp1252", "latin1"]) {
      const wb = await filled(xlsx, csv, "--encoding", name);
      expect(comment(wb, "C1")).toBe("Procès-verbaux diffusés");
    }
  });
});

describe("qualigrid fill refuses answers it cannot read faithfully, and writes nothing", () => {
  it("a UTF-8 file (BOM) with an invalid byte: refused at its line, never read as �", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(
      dir,
      "reponses.csv",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Critère;Cotation;Commentaire\nC1;2;Procès-verbaux diffusés\nC2;3;Proc", "utf8"), Buffer.from([0xe8]), Buffer.from("s\n", "utf8")]),
    );
    await expectRefused(dir, xlsx, csv, 3, ["UTF-8"]);
  });

  it("a file whose lines mix UTF-8 and Windows-1252: refused at the first bad line", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "reponses.csv", Buffer.concat([Buffer.from("Critère;Cotation\nC1;Élaboré\n", "utf8"), cp1252("C2;Amorcé\n")]));
    await expectRefused(dir, xlsx, csv, 3, ["UTF-8"]);
  });

  it("a Windows-1252 file holding a byte that encoding leaves undefined (0x81)", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "reponses.csv", Buffer.concat([cp1252("Critère;Cotation;Commentaire\nC1;2;ok\nC2;3;Proc"), Buffer.from([0x81]), cp1252("s\n")]));
    await expectRefused(dir, xlsx, csv, 3, ["Windows-1252"]);
  });

  it("--encoding utf-8 given for a Windows-1252 file: refused at the line of the first accent", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "reponses.csv", cp1252("criterion;rating;comment\nC1;2;ok\nC2;3;Procès-verbaux diffusés\n"));
    await expectRefused(dir, xlsx, csv, 3, ["UTF-8"], "--encoding", "utf-8");
  });

  it("--encoding that contradicts the file's byte order mark", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "reponses.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Critère\tCotation\nC1\t2\n", "utf16le")]));
    await expectRefused(dir, xlsx, csv, 1, ["UTF-16 LE", "windows-1252"], "--encoding", "windows-1252");
  });

  it("an --encoding Qualigrid does not read", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "reponses.csv", Buffer.from("Critère;Cotation\nC1;2\n", "utf8"));
    const before = fs.readFileSync(xlsx);
    const r = await run("fill", xlsx, "--answers", csv, "--encoding", "ebcdic");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--encoding");
    expect(r.err).toContain("ebcdic");
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  });

  it("a workbook given as the answers", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const answers = path.join(dir, "reponses.xlsx");
    fs.copyFileSync(xlsx, answers);
    await expectRefused(dir, xlsx, answers, null, []);
  });

  it("a header that is not recognized, naming line 1 and the column", async () => {
    const dir = tempDir();
    const xlsx = await capWorkbook(dir);
    const csv = writeBytes(dir, "reponses.csv", Buffer.from("Critère;Cotation;Évaluateur\nC1;2;Marie\n", "utf8"));
    await expectRefused(dir, xlsx, csv, 1, ["C", "Évaluateur"]);
  });

  it("a label two levels answer to once accents and punctuation are set aside", async () => {
    const dir = tempDir();
    const t = capTemplate();
    t.scale.levels = [
      { value: 1, label: { fr: "Élevé", en: "High" } },
      { value: 2, label: { fr: "Très élevé", en: "Very high" } },
      { value: 3, label: { fr: "Elevé !", en: "Top" } },
    ];
    t.targetLevel = 2;
    const xlsx = await capWorkbook(dir, t);
    const csv = writeBytes(dir, "reponses.csv", Buffer.from("Critère;Cotation\nC1;Très élevé\nC2;eleve\n", "utf8"));
    await expectRefused(dir, xlsx, csv, 3, ["eleve", "1, 3"]);
  });
});
