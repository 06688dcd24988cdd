import { describe, expect, it } from "vitest";
import { issueText, messageText } from "./messages/message.catalog.js";
import { parseTemplate, parseTemplateText } from "./template.parse.js";
import type { InputIssue, Result, Template } from "./template.types.js";

/** Template JSON as a test mutates it: deliberately loose, to build wrong inputs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** A small valid template (scale 1–4), rebuilt for every test so tests can mutate it. */
function validJson(): Obj {
  return {
    id: "demo",
    version: "1.0.0",
    title: { fr: "Démo", en: "Demo" },
    source: "Écrit pour les tests",
    scale: {
      levels: [
        { value: 1, label: { fr: "Non atteint", en: "Not met" } },
        { value: 2, label: { fr: "Partiellement atteint", en: "Partially met" } },
        { value: 3, label: { fr: "Atteint", en: "Met" } },
        { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
      ],
      notApplicable: true,
    },
    target: 75,
    targetLevel: 3,
    dimensions: [
      {
        id: "D1",
        title: "Gouvernance",
        criteria: [
          { id: "C1", text: "Le conseil se réunit." },
          { id: "C2", text: { fr: "Un code d'éthique existe.", en: "A code of ethics exists." }, weight: 2, targetLevel: 4 },
        ],
      },
      {
        id: "D2",
        title: { fr: "Communication", en: "Communication" },
        weight: 2,
        target: 80,
        criteria: [{ id: "C3", text: "Les membres sont informés." }],
      },
      {
        id: "D3",
        title: "Partenaires",
        criteria: [{ id: "C4", text: "Des ententes sont signées." }],
      },
    ],
  };
}

/** The issues, each as where, what (in English) and how bad: their code and parameters are tested apart. */
function issuesOf(r: Result<Template>): InputIssue[] {
  return (r.ok ? r.warnings : r.issues).map(({ path, message, severity }) => ({ path, message, severity }));
}

function errorsOf(r: Result<Template>): InputIssue[] {
  return issuesOf(r).filter((i) => i.severity === "error");
}

function warningsOf(r: Result<Template>): InputIssue[] {
  return issuesOf(r).filter((i) => i.severity === "warning");
}

function expectOk(r: Result<Template>): Template {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.issues)}`);
  return r.value;
}

describe("parseTemplate — a valid template", () => {
  it("accepts a valid template with no warnings", () => {
    const r = parseTemplate(validJson());
    expect(r.ok).toBe(true);
    expect(issuesOf(r)).toEqual([]);
  });

  it("fills in the default weights (1) and keeps the explicit ones", () => {
    const t = expectOk(parseTemplate(validJson()));
    expect(t.dimensions.map((d) => d.weight)).toEqual([1, 2, 1]);
    expect(t.dimensions.flatMap((d) => d.criteria.map((c) => c.weight))).toEqual([1, 2, 1, 1]);
  });

  it("keeps targets, target levels and texts as given", () => {
    const t = expectOk(parseTemplate(validJson()));
    expect(t.target).toBe(75);
    expect(t.targetLevel).toBe(3);
    expect(t.dimensions[1]?.target).toBe(80);
    expect(t.dimensions[0]?.target).toBeUndefined();
    expect(t.dimensions[0]?.criteria[1]?.targetLevel).toBe(4);
    expect(t.dimensions[0]?.criteria[0]?.targetLevel).toBeUndefined();
    expect(t.title).toEqual({ fr: "Démo", en: "Demo" });
    expect(t.dimensions[0]?.title).toBe("Gouvernance");
  });

  it("allows N/A by default when scale.notApplicable is absent", () => {
    const json = validJson();
    delete json.scale.notApplicable;
    expect(expectOk(parseTemplate(json)).scale.notApplicable).toBe(true);
  });

  it("keeps notApplicable false when the template forbids N/A", () => {
    const json = validJson();
    json.scale.notApplicable = false;
    expect(expectOk(parseTemplate(json)).scale.notApplicable).toBe(false);
  });

  it("accepts a $schema key without a warning", () => {
    const json = { $schema: "./template.schema.json", ...validJson() };
    const r = parseTemplate(json);
    expect(r.ok).toBe(true);
    expect(issuesOf(r)).toEqual([]);
  });

  it.each([
    ["a plain string", "Titre"],
    ["French only", { fr: "Titre" }],
    ["English only", { en: "Title" }],
    ["both languages", { fr: "Titre", en: "Title" }],
  ])("accepts a text field given as %s", (_, title) => {
    const json = validJson();
    json.title = title;
    json.dimensions[0].criteria[0].text = title;
    const r = parseTemplate(json);
    expect(issuesOf(r)).toEqual([]);
    expect(expectOk(r).title).toEqual(title);
  });

  it("accepts weights of 0 and fractional weights", () => {
    const json = validJson();
    json.dimensions[0].weight = 0;
    json.dimensions[0].criteria[0].weight = 0;
    json.dimensions[0].criteria[1].weight = 0.5;
    const t = expectOk(parseTemplate(json));
    expect(t.dimensions[0]?.weight).toBe(0);
    expect(t.dimensions[0]?.criteria.map((c) => c.weight)).toEqual([0, 0.5]);
  });

  it.each([
    ["the smallest level", 1],
    ["the largest level", 4],
  ])("accepts a targetLevel equal to %s", (_, level) => {
    const json = validJson();
    json.targetLevel = level;
    json.dimensions[0].criteria[0].targetLevel = level;
    expect(issuesOf(parseTemplate(json))).toEqual([]);
  });

  it.each([0, 100])("accepts a target of %i (the bounds of 0–100)", (target) => {
    const json = validJson();
    json.target = target;
    json.dimensions[1].target = target;
    expect(issuesOf(parseTemplate(json))).toEqual([]);
  });

  it("accepts a scale that does not start at 0 or 1, with negative values", () => {
    const json = validJson();
    json.scale.levels = [
      { value: -2, label: "Très en dessous" },
      { value: 0, label: "Au niveau" },
      { value: 2, label: "Très au-dessus" },
    ];
    json.targetLevel = 0;
    delete json.dimensions[0].criteria[1].targetLevel;
    expect(issuesOf(parseTemplate(json))).toEqual([]);
  });

  it.each([null, 42, "template", [], [validJson()]])("returns an error value, not an exception, for %j", (input) => {
    const r = parseTemplate(input);
    expect(r.ok).toBe(false);
    expect(errorsOf(r).length).toBeGreaterThan(0);
  });
});

describe("parseTemplate — duplicate ids", () => {
  it("reports a duplicate dimension id with both paths", () => {
    const json = validJson();
    json.dimensions[2].id = "D1";
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toHaveLength(1);
    const e = errorsOf(r)[0]!;
    expect(e.path).toBe("dimensions[2].id");
    expect(e.message).toContain("dimensions[0].id");
    expect(e.message).toContain("D1");
  });

  it("reports a duplicate criterion id with both paths, across dimensions", () => {
    const json = validJson();
    json.dimensions[1].criteria[0].id = "C1";
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toHaveLength(1);
    const e = errorsOf(r)[0]!;
    expect(e.path).toBe("dimensions[1].criteria[0].id");
    expect(e.message).toContain("dimensions[0].criteria[0].id");
  });

  it("reports a duplicate criterion id inside one dimension", () => {
    const json = validJson();
    json.dimensions[0].criteria[1].id = "C1";
    const r = parseTemplate(json);
    expect(errorsOf(r).map((e) => e.path)).toEqual(["dimensions[0].criteria[1].id"]);
    expect(errorsOf(r)[0]?.message).toContain("dimensions[0].criteria[0].id");
  });

  it("treats criterion ids that differ only in case as duplicates", () => {
    const json = validJson();
    json.dimensions[2].criteria[0].id = "c2";
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r).map((e) => e.path)).toEqual(["dimensions[2].criteria[0].id"]);
    expect(errorsOf(r)[0]?.message).toContain("dimensions[0].criteria[1].id");
  });

  it("reports every repetition of an id, each naming the first occurrence", () => {
    const json = validJson();
    json.dimensions[1].criteria[0].id = "C1";
    json.dimensions[2].criteria[0].id = "C1";
    const errors = errorsOf(parseTemplate(json));
    expect(errors.map((e) => e.path)).toEqual(["dimensions[1].criteria[0].id", "dimensions[2].criteria[0].id"]);
    for (const e of errors) expect(e.message).toContain("dimensions[0].criteria[0].id");
  });

  it("does not confuse ids that share a prefix (C1 and C10)", () => {
    const json = validJson();
    json.dimensions[2].criteria[0].id = "C10";
    json.dimensions[2].id = "D10";
    expect(issuesOf(parseTemplate(json))).toEqual([]);
  });
});

describe("parseTemplate — scale and targets", () => {
  it("reports a scale whose smallest and largest values are equal", () => {
    const json = validJson();
    json.scale.levels = [
      { value: 2, label: "Bas" },
      { value: 2, label: "Haut" },
    ];
    json.targetLevel = 2;
    delete json.dimensions[0].criteria[1].targetLevel;
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    const e = errorsOf(r).find((i) => i.path === "scale.levels");
    expect(e?.message).toMatch(/equal/);
  });

  it.each([
    ["below 0", -1, "must be ≥ 0"],
    ["above 100", 101, "must be ≤ 100"],
  ])("reports a template target %s", (_, target, message) => {
    const json = validJson();
    json.target = target;
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toEqual([{ path: "target", message, severity: "error" }]);
  });

  it.each([
    ["below 0", -5, "must be ≥ 0"],
    ["above 100", 150, "must be ≤ 100"],
  ])("reports a dimension target %s with its path", (_, target, message) => {
    const json = validJson();
    json.dimensions[1].target = target;
    expect(errorsOf(parseTemplate(json))).toEqual([{ path: "dimensions[1].target", message, severity: "error" }]);
  });

  it.each([
    ["below the scale", 0],
    ["above the scale", 5],
  ])("reports a template targetLevel %s", (_, level) => {
    const json = validJson();
    json.targetLevel = level;
    const errors = errorsOf(parseTemplate(json));
    expect(errors.map((e) => e.path)).toEqual(["targetLevel"]);
    expect(errors[0]?.message).toContain(String(level));
  });

  it.each([
    ["below the scale", 0.5],
    ["above the scale", 4.5],
  ])("reports a criterion targetLevel %s with its path", (_, level) => {
    const json = validJson();
    json.dimensions[0].criteria[1].targetLevel = level;
    const errors = errorsOf(parseTemplate(json));
    expect(errors.map((e) => e.path)).toEqual(["dimensions[0].criteria[1].targetLevel"]);
    expect(errors[0]?.message).toContain(String(level));
  });

  it("checks target levels against a negative scale's own bounds", () => {
    const json = validJson();
    json.scale.levels = [
      { value: -2, label: "Très en dessous" },
      { value: 0, label: "Au niveau" },
      { value: 2, label: "Très au-dessus" },
    ];
    json.targetLevel = 3; // above 2
    json.dimensions[0].criteria[1].targetLevel = -3; // below -2
    expect(errorsOf(parseTemplate(json)).map((e) => e.path).sort()).toEqual(
      ["dimensions[0].criteria[1].targetLevel", "targetLevel"].sort(),
    );
  });

  it.each([
    ["a dimension weight", (j: Obj) => (j.dimensions[1].weight = -1), "dimensions[1].weight"],
    ["a criterion weight", (j: Obj) => (j.dimensions[2].criteria[0].weight = -0.5), "dimensions[2].criteria[0].weight"],
  ])("reports a negative %s as must be ≥ 0", (_, mutate, path) => {
    const json = validJson();
    mutate(json);
    expect(errorsOf(parseTemplate(json))).toEqual([{ path, message: "must be ≥ 0", severity: "error" }]);
  });

  it("reports a scale with fewer than two levels", () => {
    const json = validJson();
    json.scale.levels = [{ value: 1, label: "Seul" }];
    json.targetLevel = 1;
    delete json.dimensions[0].criteria[1].targetLevel;
    expect(errorsOf(parseTemplate(json)).map((e) => e.path)).toContain("scale.levels");
  });

  it("reports two levels with the same value", () => {
    const json = validJson();
    json.scale.levels[2].value = 2;
    json.scale.levels[3].value = 3;
    json.targetLevel = 2;
    json.dimensions[0].criteria[1].targetLevel = 3;
    expect(errorsOf(parseTemplate(json)).map((e) => e.path)).toContain("scale.levels[2].value");
  });
});

describe("parseTemplate — missing fields and wrong types", () => {
  const removals: [string, (j: Obj) => void][] = [
    ["id", (j) => delete j.id],
    ["version", (j) => delete j.version],
    ["title", (j) => delete j.title],
    ["source", (j) => delete j.source],
    ["scale", (j) => delete j.scale],
    ["target", (j) => delete j.target],
    ["targetLevel", (j) => delete j.targetLevel],
    ["dimensions", (j) => delete j.dimensions],
    ["scale.levels", (j) => delete j.scale.levels],
    ["scale.levels[1].value", (j) => delete j.scale.levels[1].value],
    ["scale.levels[0].label", (j) => delete j.scale.levels[0].label],
    ["dimensions[1].id", (j) => delete j.dimensions[1].id],
    ["dimensions[0].title", (j) => delete j.dimensions[0].title],
    ["dimensions[2].criteria", (j) => delete j.dimensions[2].criteria],
    ["dimensions[0].criteria[1].id", (j) => delete j.dimensions[0].criteria[1].id],
    ["dimensions[1].criteria[0].text", (j) => delete j.dimensions[1].criteria[0].text],
  ];

  it.each(removals)("reports a missing %s as required", (path, remove) => {
    const json = validJson();
    remove(json);
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toContainEqual({ path, message: "is required", severity: "error" });
  });

  it.each([
    ["dimensions", (j: Obj) => (j.dimensions = [])],
    ["dimensions[1].criteria", (j: Obj) => (j.dimensions[1].criteria = [])],
  ])("reports an empty %s list", (path, mutate) => {
    const json = validJson();
    mutate(json);
    const errors = errorsOf(parseTemplate(json));
    expect(errors.map((e) => e.path)).toContain(path);
  });

  const wrongTypes: [string, (j: Obj) => void][] = [
    ["version", (j) => (j.version = 1)],
    ["target", (j) => (j.target = "75")],
    ["targetLevel", (j) => (j.targetLevel = "3")],
    ["scale.notApplicable", (j) => (j.scale.notApplicable = "oui")],
    ["scale.levels[2].value", (j) => (j.scale.levels[2].value = "3")],
    ["dimensions", (j) => (j.dimensions = { D1: {} })],
    ["dimensions[1].weight", (j) => (j.dimensions[1].weight = "2")],
    ["dimensions[1].target", (j) => (j.dimensions[1].target = null)],
    ["dimensions[0].criteria[0].weight", (j) => (j.dimensions[0].criteria[0].weight = "1")],
    ["dimensions[0].criteria[1].targetLevel", (j) => (j.dimensions[0].criteria[1].targetLevel = "4")],
    ["dimensions[2].criteria[0].id", (j) => (j.dimensions[2].criteria[0].id = 4)],
  ];

  it.each(wrongTypes)("reports a wrong type at %s", (path, mutate) => {
    const json = validJson();
    mutate(json);
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r).map((e) => e.path)).toContain(path);
  });

  it("reports a malformed version", () => {
    const json = validJson();
    json.version = "1.0";
    expect(errorsOf(parseTemplate(json))).toEqual([
      { path: "version", message: "must be a semantic version such as 1.0.0", severity: "error" },
    ]);
  });

  it.each(["1 critère", "C 1", "", "é1"])("reports the malformed criterion id %j", (id) => {
    const json = validJson();
    json.dimensions[0].criteria[0].id = id;
    expect(errorsOf(parseTemplate(json)).map((e) => e.path)).toContain("dimensions[0].criteria[0].id");
  });
});

describe("parseTemplate — text fields", () => {
  it.each([
    ["a number", 42, "title", /text or an object/],
    ["an array", ["Titre"], "title", /text or an object/],
    ["null", null, "title", /text or an object/],
    ["an empty string", "", "title", /empty/],
    ["an empty French text", { fr: "", en: "Title" }, "title.fr", /non-empty/],
    ["a French text that is not a string", { fr: 3 }, "title.fr", /non-empty text/],
    ["an object without fr or en", {}, "title", /"fr" or "en"/],
  ])("reports a title given as %s", (_, title, path, message) => {
    const json = validJson();
    json.title = title;
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    const errors = errorsOf(r);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(path);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each([
    ["a criterion text", (j: Obj) => (j.dimensions[2].criteria[0].text = 7), "dimensions[2].criteria[0].text"],
    ["a dimension title", (j: Obj) => (j.dimensions[1].title = ""), "dimensions[1].title"],
    ["a level label", (j: Obj) => (j.scale.levels[1].label = { en: "" }), "scale.levels[1].label.en"],
    ["a guidance", (j: Obj) => (j.dimensions[0].criteria[0].guidance = false), "dimensions[0].criteria[0].guidance"],
    ["the source", (j: Obj) => (j.source = {}), "source"],
  ])("reports a bad text in %s with its path", (_, mutate, path) => {
    const json = validJson();
    mutate(json);
    expect(errorsOf(parseTemplate(json)).map((e) => e.path)).toEqual([path]);
  });

  it("warns about an unknown language and still requires fr or en", () => {
    const json = validJson();
    json.title = { de: "Titel" };
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r).map((e) => e.path)).toEqual(["title"]);
    expect(warningsOf(r).map((e) => e.path)).toEqual(["title.de"]);
  });

  it("accepts a text with an extra language, warning about it", () => {
    const json = validJson();
    json.dimensions[0].criteria[0].text = { fr: "Texte", en: "Text", es: "Texto" };
    const r = parseTemplate(json);
    expect(r.ok).toBe(true);
    expect(warningsOf(r).map((e) => e.path)).toEqual(["dimensions[0].criteria[0].text.es"]);
    expect(expectOk(r).dimensions[0]?.criteria[0]?.text).toMatchObject({ fr: "Texte", en: "Text" });
  });
});

describe("parseTemplate — unknown keys", () => {
  it("warns about unknown keys at every level without blocking the template", () => {
    const json = validJson();
    json.author = "Quelqu'un";
    json.scale.colour = "vert";
    json.scale.levels[0].colour = "rouge";
    json.dimensions[1].icon = "★";
    json.dimensions[0].criteria[1].note = "à revoir";
    const r = parseTemplate(json);
    expect(r.ok).toBe(true);
    const warnings = warningsOf(r);
    expect(warnings.every((w) => w.severity === "warning")).toBe(true);
    expect(warnings.map((w) => w.path).sort()).toEqual(
      ["author", "scale.colour", "scale.levels[0].colour", "dimensions[1].icon", "dimensions[0].criteria[1].note"].sort(),
    );
    for (const w of warnings) expect(w.message).toMatch(/unknown key/);
  });

  it("drops unknown keys from the parsed template", () => {
    const json = validJson();
    json.author = "Quelqu'un";
    json.dimensions[0].criteria[0].note = "à revoir";
    const t = expectOk(parseTemplate(json)) as unknown as Obj;
    expect(t).not.toHaveProperty("author");
    expect(t.dimensions[0].criteria[0]).not.toHaveProperty("note");
  });

  it("keeps reporting unknown keys as warnings next to errors, errors first", () => {
    const json = validJson();
    json.author = "Quelqu'un";
    json.target = 120;
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    const issues = issuesOf(r);
    expect(issues).toEqual([
      { path: "target", message: "must be ≤ 100", severity: "error" },
      { path: "author", message: expect.stringMatching(/unknown key/), severity: "warning" },
    ]);
  });
});

describe("parseTemplate — every problem at once", () => {
  it("reports several errors of different kinds together", () => {
    const json = validJson();
    delete json.source; // missing required
    json.target = 120; // outside 0–100
    json.targetLevel = 9; // outside the scale
    json.dimensions[2].id = "D1"; // duplicate dimension id
    json.dimensions[1].criteria[0].id = "c1"; // duplicate criterion id (case-insensitive)
    json.dimensions[0].criteria[1].weight = -2; // negative weight
    json.dimensions[0].criteria[0].targetLevel = 0; // outside the scale
    json.dimensions[2].title = 5; // wrong text type
    json.dimensions[1].weight = "lourd"; // wrong type
    json.extra = true; // unknown key: a warning
    const r = parseTemplate(json);
    expect(r.ok).toBe(false);
    expect(errorsOf(r).map((e) => e.path).sort()).toEqual(
      [
        "source",
        "target",
        "targetLevel",
        "dimensions[2].id",
        "dimensions[1].criteria[0].id",
        "dimensions[0].criteria[1].weight",
        "dimensions[0].criteria[0].targetLevel",
        "dimensions[2].title",
        "dimensions[1].weight",
      ].sort(),
    );
    expect(warningsOf(r).map((w) => w.path)).toEqual(["extra"]);
  });

  it("reports the same error in several dimensions each with its own path", () => {
    const json = validJson();
    json.dimensions[0].criteria[0].weight = -1;
    json.dimensions[0].criteria[1].weight = -1;
    json.dimensions[2].criteria[0].weight = -1;
    expect(errorsOf(parseTemplate(json)).map((e) => e.path)).toEqual([
      "dimensions[0].criteria[0].weight",
      "dimensions[0].criteria[1].weight",
      "dimensions[2].criteria[0].weight",
    ]);
  });
});

describe("parseTemplateText", () => {
  it("parses a valid JSON text", () => {
    const r = parseTemplateText(JSON.stringify(validJson(), null, 2), "demo.json");
    expect(r.ok).toBe(true);
    expect(issuesOf(r)).toEqual([]);
  });

  it("ignores a byte-order mark", () => {
    const r = parseTemplateText("\uFEFF" + JSON.stringify(validJson()), "demo.json");
    expect(r.ok).toBe(true);
  });

  it("prefixes error and warning paths with the file name", () => {
    const json = validJson();
    json.dimensions[2].criteria[0].weight = -1;
    json.extra = 1;
    const r = parseTemplateText(JSON.stringify(json), "mon-modele.json");
    expect(r.ok).toBe(false);
    const paths = issuesOf(r).map((i) => i.path);
    expect(paths).toHaveLength(2);
    for (const p of paths) expect(p.startsWith("mon-modele.json")).toBe(true);
    expect(paths[0]).toContain("dimensions[2].criteria[0].weight");
    expect(paths[1]).toContain("extra");
  });

  it("prefixes the warnings of a valid text with the file name", () => {
    const json = validJson();
    json.extra = 1;
    const r = parseTemplateText(JSON.stringify(json), "mon-modele.json");
    expect(r.ok).toBe(true);
    expect(warningsOf(r)).toHaveLength(1);
    expect(warningsOf(r)[0]?.path).toMatch(/^mon-modele\.json.*extra$/);
  });

  // Offsets worked out by hand: line and column (1-based) of the character JSON.parse stops at.
  it.each([
    ["a missing colon", '{\n  "id": "demo",\n  "version" "1.0.0"\n}', "t.json:3:13"],
    ["a trailing comma in an object", '{\n  "id": "demo",\n}', "t.json:3:1"],
    ["single quotes", "{\n  'id': 'demo'\n}", "t.json:2:3"],
    ["a missing comma between properties", '{\n  "id": "demo"\n  "version": "1.0.0"\n}', "t.json:3:3"],
  ])("reports %s with file:line:column", (_, text, where) => {
    const r = parseTemplateText(text, "t.json");
    expect(r.ok).toBe(false);
    expect(issuesOf(r)).toHaveLength(1);
    expect(issuesOf(r)[0]).toMatchObject({ path: where, severity: "error" });
    expect(issuesOf(r)[0]?.message).toMatch(/JSON/);
  });

  // Node 20's JSON.parse gives no position for these messages ("Unexpected token ']', … is not
  // valid JSON", "Unexpected end of JSON input"), and parseTemplateText then reports the file name
  // alone. Known bug, reported; flip `it.fails` to `it` once fixed.
  it.each([
    ["a trailing comma in an array", '{\n  "levels": [1, 2,]\n}', /^t\.json:2:\d+$/],
    ["a bare word", '{\n  "id": demo\n}', /^t\.json:2:\d+$/],
    ["a truncated file", '{\n  "id": "demo",\n  "version": ', /^t\.json:3:\d+$/],
  ])("reports %s with file:line:column", (_, text, where) => {
    const r = parseTemplateText(text, "t.json");
    expect(r.ok).toBe(false);
    expect(issuesOf(r)[0]?.path).toMatch(where);
  });

  it("reports a file that is empty as invalid JSON naming the file", () => {
    const r = parseTemplateText("", "vide.json");
    expect(r.ok).toBe(false);
    expect(issuesOf(r)[0]?.path).toMatch(/^vide\.json/);
    expect(issuesOf(r)[0]?.message).toMatch(/JSON/);
  });
});

describe("scale labels and target levels that would be misread", () => {
  const base = (over: Record<string, unknown>) => ({
    id: "t",
    version: "1.0.0",
    title: "T",
    source: "S",
    scale: { levels: [{ value: 1, label: "Bas" }, { value: 2, label: "Moyen" }, { value: 3, label: "Haut" }] },
    target: 50,
    targetLevel: 2,
    dimensions: [{ id: "D1", title: "D", criteria: [{ id: "C1", text: "c" }] }],
    ...over,
  });

  it("rejects a level label that is an N/A token", () => {
    const r = parseTemplate(base({ scale: { levels: [{ value: 1, label: "Sans objet" }, { value: 2, label: "Oui" }] }, targetLevel: 2 }));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain("scale.levels[0].label");
  });

  it("rejects a target level between two levels of the scale", () => {
    const r = parseTemplate(base({ targetLevel: 2.5, dimensions: [{ id: "D1", title: "D", criteria: [{ id: "C1", text: "c", targetLevel: 1.5 }] }] }));
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(["targetLevel", "dimensions[0].criteria[0].targetLevel"]);
  });

  it("rejects a text made only of spaces", () => {
    const r = parseTemplate(base({ title: "   " }));
    expect(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual(["title: must not be empty"]);
  });
});

describe("template messages, in French and English (the catalogue's template.* codes)", () => {
  /** Every issue of `r` as `path: text` in `lang`. */
  const worded = (r: Result<Template>, lang: "fr" | "en"): string[] => (r.ok ? r.warnings : r.issues).map((i) => `${i.path}: ${issueText(i, lang)}`);

  it("words a negative weight « doit être ≥ 0 » in French and keeps the English text", () => {
    const json = validJson();
    json.dimensions[2].criteria[0].weight = -1;
    const r = parseTemplate(json);
    expect(r.ok ? [] : r.issues).toEqual([
      { path: "dimensions[2].criteria[0].weight", message: "must be ≥ 0", severity: "error", code: "template.minimum", params: { limit: 0 } },
    ]);
    expect(worded(r, "fr")).toEqual(["dimensions[2].criteria[0].weight: doit être ≥ 0"]);
    expect(worded(r, "en")).toEqual(["dimensions[2].criteria[0].weight: must be ≥ 0"]);
  });

  it("words the schema's and the meaning's problems in French, the file and JSON path kept", () => {
    const json = validJson();
    delete json.source;
    json.version = "1.0";
    json.target = 120;
    json.dimensions[1].id = "d1";
    json.dimensions[0].criteria[1].targetLevel = 2.5;
    json.dimensions[2].title = "";
    json.dimensions[2].criteria[0].weight = "2";
    json.colour = "vert";
    const r = parseTemplateText(JSON.stringify(json), "modèle.json");
    expect(worded(r, "fr")).toEqual([
      "modèle.json: dimensions[2].title: ne doit pas être vide",
      "modèle.json: source: est obligatoire",
      "modèle.json: version: doit être un numéro de version sémantique comme 1.0.0",
      "modèle.json: target: doit être ≤ 100",
      "modèle.json: dimensions[2].criteria[0].weight: doit être un nombre",
      "modèle.json: dimensions[0].criteria[1].targetLevel: doit être une des valeurs de l'échelle de cotation (1 ; 2 ; 3 ; 4) ; valeur donnée : 2,5",
      "modèle.json: dimensions[1].id: identifiant de dimension « d1 » en double (aussi à dimensions[0].id)",
      "modèle.json: colour: clé inconnue (ignorée)",
    ]);
    expect(worded(r, "en")).toEqual(r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`));
  });

  it("words the warnings in French: a first maturity level above 0, a dimension whose weights are all 0", () => {
    const json = validJson();
    json.maturity = [
      { min: 20, label: "Débutant" },
      { min: 60, label: "Avancé" },
    ];
    json.dimensions[1].criteria[0].weight = 0;
    const r = parseTemplate(json);
    expect(r.ok).toBe(true);
    expect(worded(r, "fr")).toEqual([
      "maturity[0].min: les scores sous 20 n'ont aucun niveau de maturité ; faites commencer le premier niveau à 0",
      "dimensions[1].criteria: tous les critères ont un poids de 0 : cette dimension ne pourra jamais avoir de score",
    ]);
  });

  it("words a JSON syntax error in French, with its reason", () => {
    const r = parseTemplateText('{\n  "id": "demo"\n  "version": "1.0.0"\n}', "t.json");
    expect(worded(r, "fr")).toEqual(["t.json:3:3: ce n'est pas du JSON valide (virgule attendue)"]);
    expect(worded(r, "en")).toEqual(["t.json:3:3: not valid JSON (comma expected)"]);
  });

  it("writes decimals with a comma in French and a point in English", () => {
    const json = validJson();
    json.targetLevel = 4.5;
    const r = parseTemplate(json);
    expect(worded(r, "fr")).toEqual(["targetLevel: doit être dans l'échelle de cotation (1 à 4) ; valeur donnée : 4,5"]);
    expect(worded(r, "en")).toEqual(["targetLevel: must be inside the scale (1–4), got 4.5"]);
  });

  // Every way a template goes wrong in this file's other tests, each issue checked for a code.
  const broken: [string, (j: Obj) => void][] = [
    ["a missing id", (j) => delete j.id],
    ["an id too long", (j) => (j.id = `a${"b".repeat(45)}`)],
    ["a malformed criterion id", (j) => (j.dimensions[0].criteria[0].id = "1 critère")],
    ["no dimensions", (j) => (j.dimensions = [])],
    ["a single level", (j) => (j.scale.levels = [{ value: 1, label: "Seul" }])],
    ["a flat scale", (j) => (j.scale.levels = [{ value: 2, label: "Bas" }, { value: 2, label: "Haut" }])],
    ["levels out of order", (j) => (j.scale.levels = [{ value: 4, label: "Haut" }, { value: 1, label: "Bas" }])],
    ["a label twice, a numeric label, an N/A label", (j) => (j.scale.levels = [{ value: 1, label: "Bas" }, { value: 2, label: "bas" }, { value: 3, label: "3" }, { value: 4, label: "S/O" }])],
    ["maturity out of order", (j) => (j.maturity = [{ min: 0, label: "A" }, { min: 0, label: "B" }])],
    ["texts of every bad shape", (j) => ((j.title = 4), (j.source = { de: "x" }), (j.dimensions[0].title = { fr: "" }))],
    ["a duplicate criterion id", (j) => (j.dimensions[1].criteria[0].id = "c1")],
    ["a wrong notApplicable", (j) => (j.scale.notApplicable = "oui")],
  ];
  it.each(broken)("gives every issue of %s a catalogue code, with a French text of its own", (_, mutate) => {
    const json = validJson();
    mutate(json);
    const r = parseTemplate(json);
    const issues = r.ok ? r.warnings : r.issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(i.code, `${i.path}: ${i.message}`).toMatch(/^template\./);
      expect(messageText(i.code ?? "", i.params ?? {}, "en")).toBe(i.message);
      expect(issueText(i, "fr"), `${i.path}: ${i.message}`).not.toBe(i.message);
    }
  });
});

describe("what a spreadsheet cannot hold (issue 14)", () => {
  const codesAt = (r: Result<Template>): [string, string | undefined][] =>
    (r.ok ? r.warnings : r.issues).filter((i) => i.severity === "error").map((i) => [i.path, i.code]);

  it("refuses a weight of 1e309 (Infinity once parsed) as no finite number, with its path", () => {
    const r = parseTemplateText(JSON.stringify(validJson()).replace('"weight":2', '"weight":1e309'), "t.json");
    expect(codesAt(r)).toEqual([["t.json: dimensions[0].criteria[1].weight", "limits.notFinite"]]);
    expect(issueText((r as { issues: InputIssue[] }).issues[0] as InputIssue, "fr")).toMatch(/nombre fini/);
  });

  it("refuses a dimension weight of 1e308 as over the bound (1,000,000)", () => {
    const json = validJson();
    json.dimensions[1].weight = 1e308;
    const r = parseTemplate(json);
    expect(codesAt(r)).toEqual([["dimensions[1].weight", "template.maximum"]]);
    expect(errorsOf(r)[0]?.message).toBe("must be ≤ 1000000");
  });

  it("accepts weights and level values at the bounds", () => {
    const json = validJson();
    json.dimensions[1].weight = 1_000_000;
    json.scale.levels[0].value = -1_000_000;
    json.scale.levels[3].value = 1_000_000;
    json.dimensions[0].criteria[1].targetLevel = 1_000_000;
    expect(parseTemplate(json).ok).toBe(true);
  });

  it("refuses level values of ±1e308 and of -1e309, each with its path", () => {
    const json = validJson();
    json.scale.levels[0].value = -1e308;
    json.scale.levels[3].value = 1e308;
    const r = parseTemplate(json);
    expect(codesAt(r)).toEqual(
      expect.arrayContaining([
        ["scale.levels[0].value", "template.minimum"],
        ["scale.levels[3].value", "template.maximum"],
      ]),
    );
    const text = JSON.stringify(validJson()).replace('"value":1,', '"value":-1e309,');
    expect(codesAt(parseTemplateText(text, "t.json"))).toContainEqual(["t.json: scale.levels[0].value", "limits.notFinite"]);
  });

  it("refuses absurd target levels and targets", () => {
    const json = validJson();
    json.targetLevel = 1e308;
    json.dimensions[0].criteria[1].targetLevel = -1e308;
    json.dimensions[0].target = 1e308;
    const paths = codesAt(parseTemplate(json)).map(([p]) => p);
    expect(paths).toEqual(expect.arrayContaining(["targetLevel", "dimensions[0].criteria[1].targetLevel", "dimensions[0].target"]));
  });

  it("refuses a criterion text of 32,768 characters with its path and length, and accepts one of 32,767", () => {
    const json = validJson();
    json.dimensions[0].criteria[0].text = "x".repeat(32_768);
    const r = parseTemplate(json);
    expect(codesAt(r)).toEqual([["dimensions[0].criteria[0].text", "limits.textTooLong"]]);
    const issue = (r as { issues: InputIssue[] }).issues[0] as InputIssue;
    expect(issue.params).toEqual({ length: 32_768, limit: 32_767 });
    expect(issueText(issue, "en")).toBe("text of 32,768 characters: an Excel cell holds at most 32,767");
    expect(issueText(issue, "fr")).toMatch(/^texte de 32\s768 caractères : une cellule d'Excel en contient au plus 32\s767$/);
    json.dimensions[0].criteria[0].text = "x".repeat(32_767);
    expect(parseTemplate(json).ok).toBe(true);
  });

  it("refuses each language of a text, guidance, labels, descriptions and source over the limit, each with its path", () => {
    const long = "y".repeat(40_000);
    const json = validJson();
    json.title = { fr: "Démo", en: long };
    json.source = long;
    json.description = { fr: long };
    json.scale.levels[1].label = { fr: long, en: "Partially met" };
    json.scale.levels[2].description = long;
    json.dimensions[0].criteria[1].guidance = long;
    json.dimensions[0].criteria[1].evidence = long;
    json.dimensions[1].description = long;
    json.maturity = [{ min: 0, label: long }];
    const paths = codesAt(parseTemplate(json));
    expect(paths).toEqual(
      expect.arrayContaining([
        ["title.en", "limits.textTooLong"],
        ["source", "limits.textTooLong"],
        ["description.fr", "limits.textTooLong"],
        ["scale.levels[1].label.fr", "limits.textTooLong"],
        ["scale.levels[2].description", "limits.textTooLong"],
        ["dimensions[0].criteria[1].guidance", "limits.textTooLong"],
        ["dimensions[0].criteria[1].evidence", "limits.textTooLong"],
        ["dimensions[1].description", "limits.textTooLong"],
        ["maturity[0].label", "limits.textTooLong"],
      ]),
    );
  });

  it("refuses ids over 40 characters and versions over 64", () => {
    const json = validJson();
    json.dimensions[0].criteria[0].id = `C${"1".repeat(40)}`;
    json.version = `1.0.0-${"a".repeat(64)}`;
    expect(codesAt(parseTemplate(json))).toEqual([
      ["version", "template.maxLength"],
      ["dimensions[0].criteria[0].id", "template.maxLength"],
    ]);
  });
});
