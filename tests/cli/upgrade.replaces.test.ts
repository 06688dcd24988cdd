import path from "node:path";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { column, demoTemplate, dim, editWorkbook, gridRowOf, loadXlsx, newDemoWorkbook, parseJson, run, table, tempDir, writeJson, type TemplateJson } from "./cli.helpers.js";

interface ReviewJson {
  criterion: string;
  from: string;
  column: string;
  value: string | number | boolean;
  label: string;
  reason: string;
}

interface SummaryJson {
  from: { id: string; version: string };
  to: { id: string; version: string };
  kept: string[];
  updated: string[];
  archived: string[];
  added: string[];
  replaced: { id: string; from: string[] }[];
  review: ReviewJson[];
  notesSheet: string | null;
}

const THREE = {
  levels: [0, 1, 2].map((value) => ({ value, label: { fr: `Étape ${value}`, en: `Step ${value}` } })),
  notApplicable: true,
};

/**
 * The demo template under a new id that `replaces` the old one (and a lower version: no matter):
 * C1 renumbered K1, C2 and C3 merged into M23, C4 on a 0–2 scale (1 → 0 and 4 → 2 mapped, 2 by
 * value, 3 nowhere), C5 a question in words, C6 required.
 */
function successor(): TemplateJson {
  const t = demoTemplate();
  t.id = "demo-neuf";
  t.version = "1.0.0";
  t.replaces = ["DEMO-CLI"];
  t.scales = { trois: THREE };
  const d1 = dim(t, 0);
  d1.criteria = [
    { id: "K1", text: "Renumbered C1", replaces: ["C1"] },
    { id: "M23", text: "C2 and C3 merged", weight: 3, replaces: ["C2", "C3"] },
    { id: "C4", text: "On three steps", scale: "trois", levelMap: { "1": 0, "4": 2 } },
  ];
  const d2 = dim(t, 1);
  d2.criteria = [
    { id: "C5", text: "Now a question", type: "text" },
    { id: "C6", text: "Now required", weight: 3, required: true },
  ];
  return t;
}

/** Types answers into the English demo workbook: `values[id]` by header. */
async function answer(file: string, values: Record<string, Record<string, ExcelJS.CellValue>>): Promise<void> {
  await editWorkbook(file, (wb) => {
    const g = table(wb, "QG_Grid");
    for (const [id, cells] of Object.entries(values)) {
      const r = gridRowOf(g, "Criterion", id);
      for (const [h, v] of Object.entries(cells)) g.sheet.getCell(r, column(g, h)).value = v;
    }
  });
}

const ANSWERS: Record<string, Record<string, ExcelJS.CellValue>> = {
  C1: { Rating: 3, Comment: "c1", "Evaluator rating": 2 },
  C2: { Rating: 2, Comment: "c2", "Evaluator rating": 4 },
  C3: { Rating: 4, Comment: "c3", "Evaluator rating": 4, "Evaluator comment": "e3" },
  C4: { Rating: 3, "Evaluator rating": 4, Comment: "c4" },
  C5: { Rating: 2, Comment: "c5" },
  C6: { Rating: "N/A", Comment: "c6" },
};

describe("qualigrid upgrade to a template that replaces ids, merges criteria, changes scales", () => {
  it("recognises the old template id, carries renamed and merged answers, maps scales, lists the rest for review", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    await answer(xlsx, ANSWERS);
    const out = path.join(dir, "new.xlsx");
    const r = await run("upgrade", xlsx, "--template", writeJson(dir, "next.json", successor()), "-o", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s = parseJson<SummaryJson>(r.out);
    expect(s.from).toEqual({ id: "demo-cli", version: "1.2.0" });
    expect(s.to).toEqual({ id: "demo-neuf", version: "1.0.0" });
    expect(s.replaced).toEqual([
      { id: "K1", from: ["C1"] },
      { id: "M23", from: ["C2", "C3"] },
    ]);
    expect(s.archived).toEqual([]);
    expect(s.updated).toEqual(expect.arrayContaining(["K1", "M23", "C4", "C5", "C6"]));
    expect(s.review).toEqual([
      { criterion: "M23", from: "C3", column: "Rating", value: 4, label: "Exceeded", reason: "merged" },
      { criterion: "C4", from: "C4", column: "Rating", value: 3, label: "Met", reason: "notALevel" },
      { criterion: "C5", from: "C5", column: "Rating", value: 2, label: "Partial", reason: "textQuestion" },
      { criterion: "C6", from: "C6", column: "Rating", value: "N/A", label: "Not applicable", reason: "notApplicableRefused" },
    ]);

    const wb = await loadXlsx(out);
    const g = table(wb, "QG_Grid");
    const cell = (id: string, h: string): ExcelJS.CellValue => g.sheet.getCell(gridRowOf(g, "Criterion", id), column(g, h)).value;
    expect([cell("K1", "Rating"), cell("K1", "Comment"), cell("K1", "Evaluator rating")]).toEqual([3, "c1", 2]);
    // The first rating in the old order is kept; the comments are joined, each under its old id.
    expect([cell("M23", "Rating"), cell("M23", "Comment"), cell("M23", "Evaluator rating"), cell("M23", "Evaluator comment")]).toEqual([2, "C2: c2\nC3: c3", 4, "C3: e3"]);
    expect([cell("C4", "Rating"), cell("C4", "Evaluator rating"), cell("C4", "Comment")]).toEqual([null, 2, "c4"]);
    expect([cell("C5", "Rating"), cell("C5", "Comment")]).toEqual([null, "c5"]);
    expect([cell("C6", "Rating"), cell("C6", "Comment")]).toEqual([null, "c6"]);

    // The review list is on the notes sheet, under its title.
    const notes = wb.getWorksheet(s.notesSheet ?? "") as ExcelJS.Worksheet;
    expect(String(notes.getCell(1, 1).value)).toBe(
      "Answers to review after the upgrade of demo-cli 1.2.0 to 1.0.0: they could not be carried as they were and are not in the grid; carry them by hand if needed.",
    );
    expect((notes.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual(["Criterion", "Former criterion", "Column", "Value", "Label", "Reason"]);
    expect((notes.getRow(5).values as ExcelJS.CellValue[]).slice(1, 6)).toEqual(["C4", "C4", "Rating", 3, "Met"]);

    // The new workbook is the new template's: it reads, checks and scores.
    const shown = await run("score", out, "--json");
    expect(shown.code).toBe(0);
  });

  it("says it in French on the command line: the criteria taken over, then each answer to review", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    await editWorkbook(xlsx, (wb) => {
      const g = table(wb, "QG_Grid");
      g.sheet.getCell(gridRowOf(g, "Critère", "C4"), column(g, "Cotation")).value = 3;
      g.sheet.getCell(gridRowOf(g, "Critère", "C6"), column(g, "Cotation")).value = "S. O.";
    });
    const r = await run("upgrade", xlsx, "--template", writeJson(dir, "next.json", successor()), "-o", path.join(dir, "new.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("  reprenant les réponses d'anciens critères\u00a0: 2 (K1 ← C1, M23 ← C2 + C3)");
    expect(r.out).toContain("  réponses à revoir (non écrites dans la grille)\u00a0: 2 → feuille Notes (mise à jour)");
    expect(r.out).toContain("    C4 ← C4, Cotation\u00a0: 3 (Atteint) — N'est pas un niveau de la nouvelle échelle du critère");
    expect(r.out).toContain("    C6 ← C6, Cotation\u00a0: S. O. (Sans objet) — «\u00a0Sans objet\u00a0» n'est plus accepté pour ce critère");
  });

  it("prints the first 50 answers to review, then a count; --json gives them all", async () => {
    const dir = tempDir();
    const ids = Array.from({ length: 60 }, (_, i) => `Q${i + 1}`);
    const v1: TemplateJson = { ...demoTemplate(), id: "many", version: "1.0.0", dimensions: [{ id: "D", title: "D", criteria: ids.map((id) => ({ id, text: id })) }] };
    const v2: TemplateJson = { ...v1, version: "2.0.0", dimensions: [{ id: "D", title: "D", criteria: ids.map((id) => ({ id, text: id, type: "text" })) }] };
    const file = path.join(dir, "many.xlsx");
    expect((await run("new", writeJson(dir, "v1.json", v1), "-o", file, "--lang", "en")).code).toBe(0);
    await answer(file, Object.fromEntries(ids.map((id, i) => [id, { Rating: (i % 4) + 1, Comment: `why ${id}` }])));
    const next = writeJson(dir, "v2.json", v2);
    const text = await run("upgrade", file, "--template", next, "-o", path.join(dir, "a.xlsx"));
    expect(text.code).toBe(0);
    const lines = text.out.split("\n");
    expect(lines.filter((l) => /^ {4}Q\d+ ← Q\d+, Rating/.test(l))).toHaveLength(50);
    expect(text.out).toContain("    … and 10 more, on sheet Notes (upgrade)");
    const json = parseJson<SummaryJson>((await run("upgrade", file, "--template", next, "-o", path.join(dir, "b.xlsx"), "--json")).out);
    expect(json.review).toHaveLength(60);
    expect(json.review.every((i) => i.reason === "textQuestion")).toBe(true);
    // The comments stay with their questions.
    const g = table(await loadXlsx(path.join(dir, "b.xlsx")), "QG_Grid");
    expect(g.sheet.getCell(gridRowOf(g, "Criterion", "Q60"), column(g, "Comment")).value).toBe("why Q60");
  });

  it("a second upgrade appends its review list to the notes sheet of the first", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    await answer(xlsx, { C5: { Rating: 2 }, C6: { Rating: "N/A" } });
    const v13 = demoTemplate();
    v13.version = "1.3.0";
    (dim(v13, 1).criteria[0] as Record<string, unknown>).type = "text";
    const first = path.join(dir, "v13.xlsx");
    const s1 = parseJson<SummaryJson>((await run("upgrade", xlsx, "--template", writeJson(dir, "v13.json", v13), "-o", first, "--json")).out);
    expect(s1.review.map((i) => i.from)).toEqual(["C5"]);
    const v14 = structuredClone(v13);
    v14.version = "1.4.0";
    (dim(v14, 1).criteria[1] as Record<string, unknown>).required = true;
    const second = path.join(dir, "v14.xlsx");
    const s2 = parseJson<SummaryJson>((await run("upgrade", first, "--template", writeJson(dir, "v14.json", v14), "-o", second, "--json")).out);
    expect(s2.review.map((i) => i.from)).toEqual(["C6"]);
    expect(s2.notesSheet).toBe(s1.notesSheet);
    const wb = await loadXlsx(second);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("Notes"))).toEqual([s1.notesSheet]);
    const titles: string[] = [];
    (wb.getWorksheet(s2.notesSheet ?? "") as ExcelJS.Worksheet).eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === "string" && v.startsWith("Answers to review")) titles.push(v);
    });
    expect(titles).toHaveLength(2);
  });

  it("upgrades a has-donner-le-cap workbook to donner-le-cap: its questions keep their comments, their ratings go to review", async () => {
    const dir = tempDir();
    const file = path.join(dir, "cap.xlsx");
    const shipped = path.join(process.cwd(), "tests", "fixtures", "builtins-1.0.0", "has-donner-le-cap.json");
    expect((await run("new", shipped, "-o", file, "--lang", "fr")).code).toBe(0);
    await editWorkbook(file, (wb) => {
      const g = table(wb, "QG_Grid");
      const r = gridRowOf(g, "Critère", "Q-01");
      g.sheet.getCell(r, column(g, "Cotation")).value = 3;
      g.sheet.getCell(r, column(g, "Commentaire")).value = "Oui, en comité";
      g.sheet.getCell(gridRowOf(g, "Critère", "P-01"), column(g, "Cotation")).value = 2;
    });
    const out = path.join(dir, "cap2.xlsx");
    const next = "donner-le-cap";
    const r = await run("upgrade", file, "--template", next, "-o", out, "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const s = parseJson<SummaryJson>(r.out);
    expect(s.to.id).toBe("donner-le-cap");
    expect(s.review).toEqual([expect.objectContaining({ criterion: "Q-01", from: "Q-01", value: 3, reason: "textQuestion" })]);
    const wb = await loadXlsx(out);
    const g = table(wb, "QG_Grid");
    expect(g.sheet.getCell(gridRowOf(g, "Critère", "Q-01"), column(g, "Commentaire")).value).toBe("Oui, en comité");
    expect(g.sheet.getCell(gridRowOf(g, "Critère", "P-01"), column(g, "Cotation")).value).toBe(2);
    const again = await run("upgrade", out, "--template", next, "-o", path.join(dir, "cap3.xlsx"));
    expect(again.code).not.toBe(0);
  });
});
