import { describe, expect, it } from "vitest";
import { issueText } from "./messages/message.catalog.js";
import type { PlainValue } from "../model/table.plain.js";
import { templateToSheetRows } from "./template.sheet.js";
import { builtinTemplates } from "./builtin.js";
import { TEMPLATE_ITEM_COLUMNS } from "./template.sheet.js";
import type { InputIssue, Result, Template } from "./template.types.js";
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
    // Level 3 of 1–4 scores 66.7: the target is that, rounded down, so a grid at its target level shows no shortfall.
    expect(t.target).toBe(66);
    expect(t.targetLevel).toBe(3);
    expect(t.dimensions.map((d) => d.target)).toEqual([undefined, undefined]);
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

describe("templateFromWorkbook: a hand-made grid with the second version's columns", () => {
  const rich = (): PlainSheet => ({
    name: "Grille",
    rows: [
      ["Grille maison"],
      ["Thématique", "N°", "Critère", "Sous-thème", "Échelle", "Type", "Requis", "Niveau cible", "Remplace", "Correspondance des niveaux"],
      ["Gouvernance", "G1", "Le conseil se réunit.", "Conseil", null, null, "Oui", null, "G-01", null],
      ["Gouvernance", "G2", "Un code d'éthique est adopté.", "Éthique", "Non ; Oui", null, "x", null, null, null],
      ["Gouvernance", "G3", "Les conflits sont déclarés.", "éthique", "0 = Jamais ; 5 = Parfois ; 10 = Toujours", "cotation", null, 5, null, "1=0; 4=10"],
      ["Gouvernance", "G4", "Quelles questions le conseil se pose-t-il ?", "Conseil", null, "Texte", "Non", null, null, null],
      ["Services", "S1", "Les plaintes reçoivent une réponse.", null, "Non / Oui", null, null, null, null, null],
      ["Services", "S2", "Les usagers sont consultés.", null, "Non atteint; Partiellement atteint; Atteint; Dépassé", null, null, null, null, null],
    ],
  });

  it("reads scales, types, required criteria, themes, replaced ids and level maps", () => {
    const t = ok(templateFromWorkbook(wb(rich()), "maison.xlsx"));
    expect(t.scales).toEqual({
      E1: { levels: [{ value: 1, label: "Non" }, { value: 2, label: "Oui" }], notApplicable: true },
      E2: { levels: [{ value: 0, label: "Jamais" }, { value: 5, label: "Parfois" }, { value: 10, label: "Toujours" }], notApplicable: true },
    });
    expect(t.dimensions[0]?.themes).toEqual([
      { id: "T1", title: "Conseil" },
      { id: "T2", title: "Éthique" },
    ]);
    expect(t.dimensions.flatMap((d) => d.criteria.map((c) => [c.id, c.scale, c.type, c.required, c.theme, c.targetLevel, c.replaces, c.levelMap]))).toEqual([
      ["G1", undefined, undefined, true, "T1", undefined, ["G-01"], undefined],
      ["G2", "E1", undefined, true, "T2", undefined, undefined, undefined],
      ["G3", "E2", undefined, undefined, "T2", 5, undefined, { "1": 0, "4": 10 }],
      ["G4", undefined, "text", undefined, "T1", undefined, undefined, undefined],
      // The same labels written « Non / Oui » are the same scale; the default scale's labels are the default scale.
      ["S1", "E1", undefined, undefined, undefined, undefined, undefined, undefined],
      ["S2", undefined, undefined, undefined, undefined, undefined, undefined, undefined],
    ]);
  });

  it("derives each dimension's target from its criteria's target levels, so that every criterion at its target shows no shortfall", () => {
    const t = ok(templateFromWorkbook(wb(rich()), "maison.xlsx"));
    // G1 at 3 of 1–4 (2/3), G2 at Oui (1: level 3 carried onto 1–2 rounds up), G3 at 5 of 0–10 (1/2, weight 1): 100 × (2/3 + 1 + 1/2)/3 = 72.2.
    expect(t.dimensions.map((d) => d.target)).toEqual([72, 83]);
    expect(t.target).toBe(66);
    expect(JSON.stringify(t.source)).toMatch(/arrondi à l'entier inférieur/);
  });

  it("takes an English Theme beside an Area as the sub-theme, alone as the dimension", () => {
    const both = ok(templateFromWorkbook(wb({ name: "F", rows: [["Theme", "Area", "Statement"], ["Board", "Governance", "The board meets."]] }), "f.xlsx"));
    expect(both.dimensions.map((d) => [d.title, d.themes])).toEqual([["Governance", [{ id: "T1", title: "Board" }]]]);
    const alone = ok(templateFromWorkbook(wb({ name: "F", rows: [["Theme", "Statement"], ["Governance", "The board meets."]] }), "f.xlsx"));
    expect(alone.dimensions.map((d) => [d.title, d.themes])).toEqual([["Governance", undefined]]);
  });

  it("leaves alone a Type column that says something else (structure, processus, résultat)", () => {
    const t = ok(templateFromWorkbook(wb({ name: "F", rows: [["Critère", "Type", "Poids"], ["Un critère", "Processus", 1], ["Un autre", "Résultat", 1]] }), "f.xlsx"));
    expect(t.dimensions[0]?.criteria.map((c) => c.type)).toEqual([undefined, undefined]);
  });

  it("refuses bad values, each at its cell, in French and English", () => {
    const sheet = rich();
    const set = (r: number, c: number, v: string): void => void ((sheet.rows[r] as unknown[])[c] = v);
    set(2, 6, "peut-être"); // G1 required
    set(3, 4, "Oui"); // G2 scale: one level
    set(4, 9, "1 donne 0"); // G3 level map
    set(5, 5, "dessin"); // G4 type
    set(6, 7, "3"); // S1 target level 3 on a 1–2 scale
    const r = templateFromWorkbook(wb(sheet), "m.xlsx");
    if (r.ok) throw new Error("expected issues");
    expect(r.issues.map((i) => `${i.path} | ${issueText(i, "en")}`)).toEqual([
      `m.xlsx: Grille!G3 | "peut-être" does not say whether the criterion is required: write Yes, No, x or leave it blank`,
      `m.xlsx: Grille!E4 | scale "Oui" must give at least two distinct levels separated by ";" (No; Yes), with their values if need be (0 = No; 1 = Yes)`,
      `m.xlsx: Grille!J5 | level map "1 donne 0" must read old = new, separated by ";" (1 = 0; 2 = 5)`,
      `m.xlsx: Grille!F6 | type "dessin" is neither "rating" nor "text" (cotation, texte)`,
      `m.xlsx: Grille!H7 | target level « 3 » is not one of the scale's values (1, 2)`,
    ]);
    expect(issueText(r.issues[0] as InputIssue, "fr")).toBe("«\u00a0peut-être\u00a0» ne dit pas si le critère est requis\u00a0: écrivez Oui, Non, x ou laissez vide");
  });

  it("names the cell of a problem only the template check sees (a level map outside the scale, a scale on a text question)", () => {
    const sheet = rich();
    (sheet.rows[4] as unknown[])[9] = "1=7"; // G3: 7 is not a level of 0/5/10
    (sheet.rows[5] as unknown[])[4] = "Non ; Oui"; // G4 is a text question
    const r = templateFromWorkbook(wb(sheet), "m.xlsx");
    if (r.ok) throw new Error("expected issues");
    expect(r.issues.map((i) => i.path)).toEqual(["m.xlsx: Grille!J5", "m.xlsx: Grille!E6"]);
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
