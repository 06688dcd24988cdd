import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTemplate, parseTemplateText } from "./template.parse.js";
import { TEMPLATE_ITEM_COLUMNS, templateFromSheetRows, templateToSheetRows, type SheetCell } from "./template.sheet.js";
import type { LocalizedText, Result, Template } from "./template.types.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** A template that uses every optional field, single-language texts, weights 0 and fractions. */
function richTemplate(): Template {
  const r = parseTemplate({
    id: "riche",
    version: "2.1.0-beta.1",
    title: { fr: "Modèle riche", en: "Rich template" },
    source: "Écrit pour les tests",
    description: { fr: "Une description" },
    scale: {
      levels: [
        { value: 0, label: { fr: "Absent", en: "Absent" }, description: { fr: "Rien n'est en place", en: "Nothing in place" } },
        { value: 1, label: { fr: "Partiel", en: "Partial" } },
        { value: 2.5, label: "Complet", description: { en: "Fully in place" } },
      ],
      notApplicable: false,
    },
    target: 66.5,
    targetLevel: 1,
    maturity: [
      { min: 0, label: { fr: "Débutant", en: "Beginner" } },
      { min: 40, label: "Intermédiaire" },
      { min: 80.5, label: { fr: "Expert", en: "Expert" } },
    ],
    dimensions: [
      {
        id: "gouv",
        title: { fr: "Gouvernance", en: "Governance" },
        description: { fr: "Le conseil et ses règles", en: "The board and its rules" },
        weight: 0,
        target: 90,
        criteria: [
          {
            id: "gouv.1",
            text: { fr: "Le conseil se réunit", en: "The board meets" },
            guidance: { fr: "Procès-verbaux", en: "Minutes" },
            weight: 0,
            targetLevel: 2.5,
            evidence: { fr: "PV signés" },
          },
          { id: "gouv.2", text: "Texte unique", weight: 1.5 },
        ],
      },
      {
        id: "com",
        title: "Communication",
        criteria: [{ id: "com_1", text: { en: "English only" }, guidance: "Conseil", evidence: { en: "Newsletter" } }],
      },
      {
        id: "part",
        title: { en: "Partners" },
        weight: 2.25,
        criteria: [
          { id: "P-1", text: "Premier" },
          { id: "P-2", text: "Second", targetLevel: 0 },
          { id: "P-3", text: "Troisième", weight: 3 },
        ],
      },
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/**
 * Makes two templates comparable when they are equivalent: a text given as a string means the same
 * in both languages, so `"X"` and `{ fr: "X", en: "X" }` normalize alike.
 */
function comparable(t: Template): unknown {
  const text = (x: LocalizedText | undefined): unknown => {
    if (x === undefined) return undefined;
    if (typeof x === "string") return { fr: x, en: x };
    return { fr: x.fr, en: x.en };
  };
  return JSON.parse(
    JSON.stringify({
      id: t.id,
      version: t.version,
      title: text(t.title),
      source: text(t.source),
      description: text(t.description),
      scale: {
        notApplicable: t.scale.notApplicable,
        levels: t.scale.levels.map((l) => ({ value: l.value, label: text(l.label), description: text(l.description) })),
      },
      target: t.target,
      targetLevel: t.targetLevel,
      maturity: t.maturity?.map((b) => ({ min: b.min, label: text(b.label) })),
      dimensions: t.dimensions.map((d) => ({
        id: d.id,
        title: text(d.title),
        description: text(d.description),
        weight: d.weight,
        target: d.target,
        criteria: d.criteria.map((c) => ({
          id: c.id,
          text: text(c.text),
          guidance: text(c.guidance),
          weight: c.weight,
          targetLevel: c.targetLevel,
          evidence: text(c.evidence),
        })),
      })),
    }),
  );
}

function ok(r: Result<Template>): Template {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}

function builtInTemplates(): [string, Template][] {
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith(".json") && f !== "template.schema.json")
    .sort()
    .map((f): [string, Template] => {
      const r = parseTemplateText(readFileSync(TEMPLATES_DIR + f, "utf8"), f);
      return [f, r.ok ? r.value : (undefined as unknown as Template)];
    });
}

describe("template sheet round trip", () => {
  it("gives back an equivalent template, with every optional field", () => {
    const t = richTemplate();
    const back = templateFromSheetRows(templateToSheetRows(t), "Modèle");
    expect(back.ok).toBe(true);
    expect(back.ok && back.warnings).toEqual([]);
    expect(comparable(ok(back))).toEqual(comparable(t));
  });

  it("keeps the order of dimensions and criteria", () => {
    const back = ok(templateFromSheetRows(templateToSheetRows(richTemplate()), "Modèle"));
    expect(back.dimensions.map((d) => d.id)).toEqual(["gouv", "com", "part"]);
    expect(back.dimensions.map((d) => d.criteria.map((c) => c.id))).toEqual([["gouv.1", "gouv.2"], ["com_1"], ["P-1", "P-2", "P-3"]]);
  });

  it("keeps notApplicable false, weights of 0 and fractional numbers", () => {
    const back = ok(templateFromSheetRows(templateToSheetRows(richTemplate()), "Modèle"));
    expect(back.scale.notApplicable).toBe(false);
    expect(back.scale.levels.map((l) => l.value)).toEqual([0, 1, 2.5]);
    expect(back.dimensions.map((d) => d.weight)).toEqual([0, 1, 2.25]);
    expect(back.dimensions[0]?.criteria.map((c) => c.weight)).toEqual([0, 1.5]);
    expect(back.target).toBe(66.5);
    expect(back.maturity?.map((b) => b.min)).toEqual([0, 40, 80.5]);
  });

  it("does not invent targets that the template left to the defaults", () => {
    const back = ok(templateFromSheetRows(templateToSheetRows(richTemplate()), "Modèle"));
    expect(back.dimensions[1]?.target).toBeUndefined();
    expect(back.dimensions[2]?.criteria[0]?.targetLevel).toBeUndefined();
    expect(back.dimensions[2]?.criteria[1]?.targetLevel).toBe(0);
  });

  it("ignores extra info rows such as the workbook language", () => {
    const t = richTemplate();
    const back = templateFromSheetRows(templateToSheetRows(t, [["lang", "fr"], ["generator", "qualigrid 0.1.0"]]), "Modèle");
    expect(comparable(ok(back))).toEqual(comparable(t));
  });

  it("writes one item row per criterion with the documented columns", () => {
    const rows = templateToSheetRows(richTemplate());
    expect(rows.items).toHaveLength(6);
    for (const row of rows.items) expect(row).toHaveLength(TEMPLATE_ITEM_COLUMNS.length);
  });

  // A text of spaces cannot round-trip (the sheet reader takes such a cell for an empty one), so the
  // parser refuses it up front, naming the path: every template it accepts round-trips.
  it("refuses a text of spaces, in the JSON and in the sheet alike, so what parses round-trips", () => {
    const json = {
      id: "blanc",
      version: "1.0.0",
      title: "T",
      source: "S",
      scale: { levels: [{ value: 1, label: "Bas" }, { value: 2, label: "Haut" }] },
      target: 50,
      targetLevel: 2,
      dimensions: [{ id: "D1", title: "D", criteria: [{ id: "C1", text: "   " }] }],
    };
    const parsed = parseTemplate(json);
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(["dimensions[0].criteria[0].text"]);
    const rows = templateToSheetRows(ok(parseTemplate({ ...json, dimensions: [{ id: "D1", title: "D", criteria: [{ id: "C1", text: "Énoncé" }] }] })));
    const item = rows.items[0];
    if (!item) throw new Error("no item row");
    item[TEMPLATE_ITEM_COLUMNS.indexOf("text[fr]")] = "   ";
    item[TEMPLATE_ITEM_COLUMNS.indexOf("text[en]")] = "   ";
    const back = templateFromSheetRows(rows, "Modèle");
    expect(back.ok).toBe(false);
  });

  it.each(builtInTemplates())("round-trips the built-in template %s", (file, t) => {
    expect(t, `${file} does not parse`).toBeDefined();
    const back = templateFromSheetRows(templateToSheetRows(t), "Modèle");
    expect(back.ok).toBe(true);
    expect(comparable(ok(back))).toEqual(comparable(t));
  });
});

describe("templateFromSheetRows — cells as a person or Excel may leave them", () => {
  /** Rows of the rich template with one item cell replaced. */
  function withItemCell(row: number, column: (typeof TEMPLATE_ITEM_COLUMNS)[number], value: SheetCell) {
    const rows = templateToSheetRows(richTemplate());
    const r = rows.items[row];
    if (!r) throw new Error("no such row");
    r[TEMPLATE_ITEM_COLUMNS.indexOf(column)] = value;
    return rows;
  }

  it.each([
    ["a number typed as text", "2", 2],
    ["a French decimal", "1,5", 1.5],
    ["a decimal with a point", " 0.5 ", 0.5],
  ])("reads a weight given as %s", (_, cell, weight) => {
    const back = ok(templateFromSheetRows(withItemCell(1, "weight", cell), "Modèle"));
    expect(back.dimensions[0]?.criteria[1]?.weight).toBe(weight);
  });

  it("reads notApplicable written as the text TRUE or FALSE", () => {
    const rows = templateToSheetRows(richTemplate());
    const na = rows.info.find(([k]) => k === "notApplicable");
    if (!na) throw new Error("no notApplicable row");
    na[1] = "TRUE";
    expect(ok(templateFromSheetRows(rows, "Modèle")).scale.notApplicable).toBe(true);
    na[1] = "FALSE";
    expect(ok(templateFromSheetRows(rows, "Modèle")).scale.notApplicable).toBe(false);
  });

  it("skips item rows whose dimension and criterion ids are both empty", () => {
    const rows = templateToSheetRows(richTemplate());
    rows.items.splice(2, 0, TEMPLATE_ITEM_COLUMNS.map(() => null), TEMPLATE_ITEM_COLUMNS.map(() => ""));
    expect(comparable(ok(templateFromSheetRows(rows, "Modèle")))).toEqual(comparable(richTemplate()));
  });

  it("reports a weight that is not a number with the sheet name and the JSON path", () => {
    const back = templateFromSheetRows(withItemCell(0, "weight", "lourd"), "Modèle");
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.issues.map((i) => i.path)).toEqual(["Modèle: dimensions[0].criteria[0].weight"]);
  });

  it("reports a duplicate criterion id found in the sheet", () => {
    const back = templateFromSheetRows(withItemCell(5, "criterionId", "p-1"), "Modèle");
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.issues.map((i) => i.path)).toEqual(["Modèle: dimensions[2].criteria[2].id"]);
  });

  it("reports a missing criterion text", () => {
    const rows = withItemCell(3, "text[fr]", null);
    const r = rows.items[3];
    if (r) r[TEMPLATE_ITEM_COLUMNS.indexOf("text[en]")] = null;
    const back = templateFromSheetRows(rows, "Modèle");
    expect(back.ok).toBe(false);
    if (back.ok) return;
    expect(back.issues).toContainEqual(expect.objectContaining({ path: "Modèle: dimensions[2].criteria[0].text", message: "is required", severity: "error" }));
  });
});
