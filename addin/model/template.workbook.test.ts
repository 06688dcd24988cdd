import { describe, expect, it } from "vitest";
import { issueText } from "./messages/message.catalog.js";
import type { PlainValue } from "../model/table.plain.js";
import { templateToSheetRows } from "./template.sheet.js";
import { builtinTemplates } from "./builtin.js";
import { TEMPLATE_ITEM_COLUMNS } from "./template.sheet.js";
import type { Result, Template } from "./template.types.js";
import type { PlainTable } from "./table.plain.js";
import { classifyHeader, normalizeHeader, templateFromWorkbook, toId, type PlainSheet } from "./template.workbook.js";

const wb = (...sheets: PlainSheet[]) => ({ tables: new Map<string, PlainTable>(), sheets });

function ok(r: Result<Template>): Template {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.value;
}

function issues(r: Result<Template>): string[] {
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => `${i.path}: ${i.message}`);
}

/** An advisor's grid: title rows, a blank row, French headers with accents, no code column. */
function advisorSheet(): PlainSheet {
  return {
    name: "Grille",
    rows: [
      ["Grille d'autoévaluation qualité", null, null, null],
      [null, null, null, null],
      ["Thématique", "Énoncé du critère", "Pondération", "Repères"],
      ["Gouvernance", "La politique qualité est écrite.", 2, "Document signé"],
      [null, "Les rôles sont connus.", null, null],
      [null, null, null, null],
      ["Usagers", "Les usagers sont consultés.", "1,5", null],
    ],
  };
}

describe("header recognition", () => {
  it("normalizes case, accents, punctuation and plurals", () => {
    expect(normalizeHeader("  Preuves attendues ")).toBe("preuve attendue");
    expect(normalizeHeader("N° Référence")).toBe("n reference");
  });
  it.each([
    ["Thématique", "dimension"],
    ["AXE", "dimension"],
    ["Domaine", "dimension"],
    ["Critère", "text"],
    ["Critères", "text"],
    ["Exigence", "text"],
    ["Statement", "text"],
    ["N°", "code"],
    ["Numéro", "code"],
    ["Référence", "code"],
    ["ID", "code"],
    ["Poids (1-3)", "weight"],
    ["Pondération", "weight"],
    ["Weight", "weight"],
    ["Repères", "guidance"],
    ["Précisions", "guidance"],
    ["Guidance", "guidance"],
    ["Preuves attendues", "evidence"],
    ["Expected evidence", "evidence"],
    ["Niveau cible", "target"],
    ["Target level", "target"],
  ] as const)("%s → %s", (text, key) => {
    expect(classifyHeader(text)).toBe(key);
  });
  it("ignores unknown headers", () => {
    expect(classifyHeader("Commentaires de l'équipe")).toBeUndefined();
    expect(classifyHeader("")).toBeUndefined();
  });
});

describe("templateFromWorkbook: a hand-made grid", () => {
  it("finds the header under title rows, skips blank rows, fills the dimension down and makes up ids", () => {
    const t = ok(templateFromWorkbook(wb(advisorSheet()), "dossiers/Grille conseil.xlsx"));
    expect(t.id).toBe("Grille-conseil");
    expect(t.title).toBe("Grille d'autoévaluation qualité");
    expect(t.scale.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    expect(t.scale.notApplicable).toBe(true);
    expect(t.target).toBe(70);
    expect(t.targetLevel).toBe(3);
    expect(JSON.stringify(t.source)).toContain("4");
    expect(t.dimensions.map((d) => [d.id, d.title])).toEqual([
      ["D1", "Gouvernance"],
      ["D2", "Usagers"],
    ]);
    expect(t.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c.weight]))).toEqual([
      ["D1-01", 2],
      ["D1-02", 1],
      ["D2-01", 1.5],
    ]);
    expect(t.dimensions[0]?.criteria[0]?.guidance).toBe("Document signé");
  });

  it("gives the same ids for the same sheet", () => {
    const a = ok(templateFromWorkbook(wb(advisorSheet()), "g.xlsx"));
    const b = ok(templateFromWorkbook(wb(advisorSheet()), "g.xlsx"));
    expect(b).toEqual(a);
  });

  it("keeps the sheet's codes and takes section rows as dimensions when there is no dimension column", () => {
    const sheet: PlainSheet = {
      name: "Feuil1",
      rows: [
        ["Code", "Criterion", "Weight", "Expected evidence", "Target"],
        ["A. Leadership", null, null, null, null],
        ["A1", "Leaders set goals.", 1, "Minutes", 4],
        ["A2", "Goals are shared.", 1, null, null],
        ["B. People", null, null, null, null],
        [null, "Staff are trained.", 2, null, null],
      ],
    };
    const t = ok(templateFromWorkbook(wb(sheet), "x.xlsx"));
    expect(t.dimensions.map((d) => d.title)).toEqual(["A. Leadership", "B. People"]);
    expect(t.dimensions.flatMap((d) => d.criteria.map((c) => c.id))).toEqual(["A1", "A2", "D2-01"]);
    expect(t.dimensions[0]?.criteria[0]?.targetLevel).toBe(4);
    expect(t.dimensions[0]?.criteria[0]?.evidence).toBe("Minutes");
  });

  it("reports every problem at once with sheet!cell", () => {
    const sheet: PlainSheet = {
      name: "Grille",
      rows: [
        ["Titre", null, null, null, null],
        ["Axe", "N°", "Exigence", "Poids", "Cible"],
        ["Gouvernance", "G1", "Texte 1", 1, 3],
        ["Gouvernance", "G2", null, 1, null],
        ["Gouvernance", "g1", "Texte 3", "beaucoup", null],
        ["Gouvernance", "G4", "Texte 4", 1, 9],
        ["Gouvernance", "G5", "Texte 5", -1, null],
      ],
    };
    expect(issues(templateFromWorkbook(wb(sheet), "f.xlsx"))).toEqual([
      "f.xlsx: Grille!C4: criterion text is empty",
      "f.xlsx: Grille!B5: duplicate code « g1 » (already used at Grille!B3)",
      "f.xlsx: Grille!D5: weight « beaucoup » is not a number ≥ 0",
      "f.xlsx: Grille!E6: target level « 9 » is not one of the scale's values (1, 2, 3, 4)",
      "f.xlsx: Grille!D7: weight « -1 » is not a number ≥ 0",
    ]);
  });

  it("says when no sheet has a recognizable header row", () => {
    const r = issues(templateFromWorkbook(wb({ name: "Feuil1", rows: [["bonjour"], ["Critère"]] }), "f.xlsx"));
    expect(r).toHaveLength(1);
    expect(r[0]).toMatch(/no sheet \(« Feuil1 »\) has a recognizable header row/);
  });

  it("makes codes into ids and avoids collisions with made-up ids", () => {
    expect(toId("1.2")).toBe("C1.2");
    expect(toId("Réf 3")).toBe("Ref-3");
    const sheet: PlainSheet = {
      name: "S",
      rows: [
        ["Dimension", "Code", "Critère"],
        ["Gouv", "D1-01", "Un"],
        ["Gouv", null, "Deux"],
      ],
    };
    const t = ok(templateFromWorkbook(wb(sheet), "f.xlsx"));
    expect(t.dimensions[0]?.criteria.map((c) => c.id)).toEqual(["D1-01", "D1-02"]);
    const sheet2: PlainSheet = { name: "S", rows: [["Dimension", "Code", "Critère"], ["Gouv", null, "Un"], ["Gouv", "d1-01", "Deux"]] };
    expect(ok(templateFromWorkbook(wb(sheet2), "f.xlsx")).dimensions[0]?.criteria.map((c) => c.id)).toEqual(["D1-01a", "d1-01"]);
  });
});

describe("templateFromWorkbook: the authoring format", () => {
  const template = builtinTemplates()[0] as Template;
  const rows = templateToSheetRows(template);

  it("reads the QG_TemplateInfo / QG_TemplateItems tables", () => {
    const tables = new Map<string, PlainTable>([
      ["qg_templateinfo", { name: "QG_TemplateInfo", sheet: "Modèle", top: 4, left: 1, headers: ["key", "value"], rows: rows.info as PlainValue[][] }],
      ["qg_templateitems", { name: "QG_TemplateItems", sheet: "Modèle", top: 4, left: 4, headers: [...TEMPLATE_ITEM_COLUMNS], rows: rows.items }],
    ]);
    expect(ok(templateFromWorkbook({ tables, sheets: [] }, "a.xlsx"))).toEqual(template);
  });

  it("reads the same format from plain ranges (not tables), even in another column order", () => {
    const cols = [...TEMPLATE_ITEM_COLUMNS].reverse();
    const items: PlainSheet = {
      name: "Items",
      rows: [["Mon modèle"], [], cols, ...rows.items.map((r) => [...r].reverse())],
    };
    const info: PlainSheet = { name: "Info", rows: [["key", "value"], ...rows.info.map(([k, v]) => [k, v])] };
    expect(ok(templateFromWorkbook(wb(info, items), "a.xlsx"))).toEqual(template);
  });

  it("names the cell of each problem: an info value, a criterion's field, a dimension's field", () => {
    const at = (key: string): number => rows.info.findIndex(([k]) => k === key);
    const info = rows.info.map(([k, v]): [string, unknown] => [k, k === "id" || k === "title[fr]" || k === "title[en]" ? null : v]);
    const items = rows.items.map((r) => [...r]);
    const col = (name: (typeof TEMPLATE_ITEM_COLUMNS)[number]): number => TEMPLATE_ITEM_COLUMNS.indexOf(name);
    // The second dimension's second criterion gets a negative weight; the first item row a bad dimension weight.
    const dim2 = items.findIndex((r) => r[col("dimensionId")] === template.dimensions[1]?.id);
    (items[dim2 + 1] as unknown[])[col("weight")] = -2;
    (items[0] as unknown[])[col("dimensionWeight")] = -1;
    const tables = new Map<string, PlainTable>([
      ["qg_templateinfo", { name: "QG_TemplateInfo", sheet: "Modèle", top: 4, left: 1, headers: ["key", "value"], rows: info as PlainValue[][] }],
      ["qg_templateitems", { name: "QG_TemplateItems", sheet: "Modèle", top: 4, left: 4, headers: [...TEMPLATE_ITEM_COLUMNS], rows: items as PlainValue[][] }],
    ]);
    const r = templateFromWorkbook({ tables, sheets: [] }, "a.xlsx");
    if (r.ok) throw new Error("accepted");
    const letter = (c: number): string => String.fromCharCode(64 + 4 + c);
    expect(r.issues.map((i) => `${i.path} | ${i.message.split(":")[0]}`)).toEqual(
      expect.arrayContaining([
        `a.xlsx: Modèle!B${5 + at("id")} | id`,
        `a.xlsx: Modèle!B${5 + at("title[fr]")} | title`,
        `a.xlsx: Modèle!${letter(col("weight"))}${5 + dim2 + 1} | dimensions[1].criteria[1].weight`,
        `a.xlsx: Modèle!${letter(col("dimensionWeight"))}5 | dimensions[0].weight`,
      ]),
    );
  });
});

describe("templateFromWorkbook: its messages in French and English", () => {
  /** Every issue of `r` as `path: text` in `lang`. */
  const worded = (r: Result<Template>, lang: "fr" | "en"): string[] => (r.ok ? r.warnings : r.issues).map((i) => `${i.path}: ${issueText(i, lang)}`);

  it("words a hand-made grid's problems in French, each at its cell", () => {
    const sheet: PlainSheet = {
      name: "Grille",
      rows: [
        ["Axe", "N°", "Exigence", "Poids", "Cible"],
        ["Gouvernance", "G1", "Texte 1", 1, 3],
        ["Gouvernance", "G2", null, 1, null],
        ["Gouvernance", "g1", "Texte 3", "-0,5", null],
        ["Gouvernance", "G/4", "Texte 4", 1, 2.5],
      ],
    };
    const r = templateFromWorkbook(wb(sheet), "f.xlsx");
    expect(worded(r, "fr")).toEqual([
      "f.xlsx: Grille!C3: le texte du critère est vide",
      "f.xlsx: Grille!B4: code « g1 » en double (déjà utilisé en Grille!B2)",
      "f.xlsx: Grille!D4: le poids « -0,5 » n'est pas un nombre ≥ 0",
      "f.xlsx: Grille!B5: le code « G/4 » ne peut contenir que des lettres, des chiffres, « . », « _ », « - » et des espaces",
      "f.xlsx: Grille!E5: le niveau cible « 2,5 » n'est pas une des valeurs de l'échelle de cotation (1 ; 2 ; 3 ; 4)",
    ]);
    expect(worded(r, "en")).toEqual(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`));
  });

  it("words « no criterion below the header row » and « no recognizable header row » in French", () => {
    const empty = templateFromWorkbook(wb({ name: "Grille", rows: [["Thématique", "Critère"]] }), "f.xlsx");
    expect(worded(empty, "fr")).toEqual(["f.xlsx: Grille!B2: aucun critère sous la ligne d'en-têtes"]);
    const none = worded(templateFromWorkbook(wb({ name: "Feuil1", rows: [["Budget"]] }, { name: "Feuil2", rows: [] }), "f.xlsx"), "fr");
    expect(none).toHaveLength(1);
    expect(none[0]).toMatch(/^f\.xlsx: ce n'est pas un classeur Qualigrid, et aucune feuille \(« Feuil1 », « Feuil2 »\) n'a de ligne d'en-têtes reconnaissable dans ses 10 premières lignes : il faut une colonne de critère/);
  });

  it("keeps the JSON path at the head of an authoring cell's message, in both languages", () => {
    const template = builtinTemplates()[0] as Template;
    const rows = templateToSheetRows(template);
    const at = (key: string): number => rows.info.findIndex(([k]) => k === key);
    const info = rows.info.map(([k, v]): [string, unknown] => [k, k === "id" ? null : k === "target" ? 150 : v]);
    const tables = new Map<string, PlainTable>([
      ["qg_templateinfo", { name: "QG_TemplateInfo", sheet: "Modèle", top: 4, left: 1, headers: ["key", "value"], rows: info as PlainValue[][] }],
      ["qg_templateitems", { name: "QG_TemplateItems", sheet: "Modèle", top: 4, left: 4, headers: [...TEMPLATE_ITEM_COLUMNS], rows: rows.items }],
    ]);
    const r = templateFromWorkbook({ tables, sheets: [] }, "a.xlsx");
    expect(worded(r, "fr")).toEqual([`a.xlsx: Modèle!B${5 + at("id")}: id: est obligatoire`, `a.xlsx: Modèle!B${5 + at("target")}: target: doit être ≤ 100`]);
    expect(worded(r, "en")).toEqual([`a.xlsx: Modèle!B${5 + at("id")}: id: is required`, `a.xlsx: Modèle!B${5 + at("target")}: target: must be ≤ 100`]);
    expect(r.ok ? [] : r.issues.map((i) => [i.code, i.params?.jsonPath, i.params?.inner])).toEqual([
      ["template.atPath", "id", "template.required"],
      ["template.atPath", "target", "template.maximum"],
    ]);
  });
});
