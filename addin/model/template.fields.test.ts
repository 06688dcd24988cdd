import { describe, expect, it } from "vitest";
import { criterionTargetLevel, gapUnit, isTextCriterion, scaleOfCriterion, scalesOf, themeOf } from "./criterion.scale.js";
import { issueText } from "./messages/message.catalog.js";
import { parseTemplate } from "./template.parse.js";
import { richTemplateJson } from "./template.rich.test-helpers.js";
import type { Template } from "./template.types.js";

function parsed(json: unknown): Template {
  const r = parseTemplate(json);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.value;
}

function errors(json: unknown): string[] {
  const r = parseTemplate(json);
  return r.ok ? [] : r.issues.filter((i) => i.severity === "error").map((i) => `${i.path}: ${issueText(i, "en")}`);
}

function criterion(t: Template, id: string): Template["dimensions"][number]["criteria"][number] {
  const c = t.dimensions.flatMap((d) => d.criteria).find((x) => x.id === id);
  if (!c) throw new Error(`no ${id}`);
  return c;
}

describe("a template of the second version", () => {
  it("keeps every new field, with nothing added where a field says nothing", () => {
    const t = parsed(richTemplateJson());
    expect(Object.keys(t.scales ?? {})).toEqual(["oui", "frequence"]);
    expect(t.scales?.frequence?.targetLevel).toBe(8);
    expect(t.replaces).toEqual(["conseil-ancien"]);
    expect(t.dimensions[0]?.themes?.map((x) => x.id)).toEqual(["CA", "ETH"]);
    expect(criterion(t, "G1")).toMatchObject({ required: true, theme: "CA", replaces: ["G-01"] });
    expect(criterion(t, "G3").levelMap).toEqual({ "1": 0, "2": 5, "3": 8, "4": 10 });
    expect(criterion(t, "G4").type).toBe("text");
    expect(criterion(t, "S1")).toEqual({ id: "S1", text: "Les personnes sont consultées sur les services.", weight: 3, targetLevel: 4 });
    expect(t.steps?.map((s) => s.dueOffsetDays)).toEqual([30, 90, 150]);
    expect(t.actions?.[0]).toMatchObject({ id: "M1", owner: { fr: "Présidence", en: "Chair" }, criterion: "G1", dueOffsetDays: 60 });
    expect(t.dimensions[1]?.themes).toBeUndefined();
  });

  it("parses to the same template when its own output is parsed again", () => {
    const t = parsed(richTemplateJson());
    expect(parsed(JSON.parse(JSON.stringify(t)))).toEqual(t);
  });

  it("drops `type: rating` and `required: false`, the defaults", () => {
    const json = richTemplateJson();
    json.dimensions[1].criteria[0].type = "rating";
    json.dimensions[1].criteria[0].required = false;
    expect(criterion(parsed(json), "S1")).not.toHaveProperty("type");
    expect(criterion(parsed(json), "S1")).not.toHaveProperty("required");
  });
});

describe("a criterion's scale, target level and gap unit", () => {
  const t = parsed(richTemplateJson());
  it("rates a criterion on the scale it names, else on the template's", () => {
    expect(scaleOfCriterion(t, criterion(t, "G2")).levels.map((l) => l.value)).toEqual([0, 1]);
    expect(scaleOfCriterion(t, criterion(t, "S1"))).toBe(t.scale);
    expect(scalesOf(t).map(([id]) => id)).toEqual(["", "oui", "frequence"]);
  });

  it("takes the criterion's target, else its scale's, else the template's carried onto its scale and rounded up to a level", () => {
    expect(criterionTargetLevel(t, criterion(t, "S1"))).toBe(4);
    expect(criterionTargetLevel(t, criterion(t, "G1"))).toBe(3);
    expect(criterionTargetLevel(t, criterion(t, "S2"))).toBe(8);
    // 3 on 1–4 is 2/3 of the way; 2/3 of 0–1 is 0.67, rounded up to the level 1.
    expect(criterionTargetLevel(t, criterion(t, "G2"))).toBe(1);
    expect(criterionTargetLevel(t, criterion(t, "G4"))).toBeNull();
  });

  it("carries 2 of 1–4 onto 0–10 as 3.33, rounded up to the level 5; exactly on a level stays there", () => {
    const json = richTemplateJson();
    json.targetLevel = 2;
    delete json.scales.frequence.targetLevel;
    const t2 = parsed(json);
    expect(criterionTargetLevel(t2, criterion(t2, "S2"))).toBe(5);
    json.targetLevel = 4;
    const t4 = parsed(json);
    expect(criterionTargetLevel(t4, criterion(t4, "S2"))).toBe(10);
  });

  it("counts one level of 0–10 as 0.3 default-scale level and one of 0–1 as 3", () => {
    expect(gapUnit(t, criterion(t, "S2"))).toBeCloseTo(0.3, 12);
    expect(gapUnit(t, criterion(t, "G2"))).toBe(3);
    expect(gapUnit(t, criterion(t, "S1"))).toBe(1);
  });

  it("knows a text question and a criterion's theme", () => {
    expect(isTextCriterion(criterion(t, "G4"))).toBe(true);
    expect(isTextCriterion(criterion(t, "G1"))).toBe(false);
    expect(themeOf(t.dimensions[0] as Template["dimensions"][number], { theme: "eth" })?.id).toBe("ETH");
  });
});

describe("second-version fields that cannot be", () => {
  it("refuses a criterion naming an unknown scale, with the scales it could name", () => {
    const json = richTemplateJson();
    json.dimensions[0].criteria[0].scale = "binaire";
    expect(errors(json)).toEqual(['dimensions[0].criteria[0].scale: unknown scale "binaire"; the template\'s scales: oui, frequence']);
  });

  it("checks a target level against the criterion's own scale", () => {
    const json = richTemplateJson();
    json.dimensions[0].criteria[1].targetLevel = 3;
    json.dimensions[1].criteria[1].targetLevel = 6;
    expect(errors(json)).toEqual([
      "dimensions[0].criteria[1].targetLevel: must be inside the scale (0–1), got 3",
      "dimensions[1].criteria[1].targetLevel: must be one of the scale's values (0, 5, 8, 10), got 6",
    ]);
  });

  it("checks every other scale as the default one, and its target level", () => {
    const json = richTemplateJson();
    json.scales.oui.levels[1].label = { fr: "Non", en: "Yes" };
    json.scales.frequence.targetLevel = 7;
    expect(errors(json)).toEqual([
      'scales.oui.levels[1].label: "Non" is also the label of scales.oui.levels[0]',
      "scales.frequence.targetLevel: must be one of the scale's values (0, 5, 8, 10), got 7",
    ]);
  });

  it("refuses a target level on the default scale, which takes the template's", () => {
    const json = richTemplateJson();
    json.scale.targetLevel = 3;
    expect(errors(json)).toEqual([expect.stringMatching(/^scale\.targetLevel: the default scale takes the template's target/)]);
  });

  it("refuses a scale or target on a free-text question", () => {
    const json = richTemplateJson();
    json.dimensions[0].criteria[3].scale = "oui";
    json.dimensions[0].criteria[3].targetLevel = 1;
    expect(errors(json)).toEqual([
      'dimensions[0].criteria[3].scale: a free-text question (type "text") is not rated: it takes no scale',
      'dimensions[0].criteria[3].targetLevel: a free-text question (type "text") is not rated: it takes no targetLevel',
    ]);
  });

  it("refuses a theme its dimension lacks, and a theme id given twice", () => {
    const json = richTemplateJson();
    json.dimensions[1].criteria[0].theme = "CA";
    json.dimensions[0].themes.push({ id: "ca", title: "Encore" });
    expect(errors(json)).toEqual([
      'dimensions[0].themes[2].id: duplicate id "ca" (also at dimensions[0].themes[0].id)',
      'dimensions[1].criteria[0].theme: unknown theme "CA" in this dimension; its themes: —',
    ]);
  });

  it("refuses replacing an id still in the template, an id replaced twice, and the template's own id", () => {
    const json = richTemplateJson();
    json.dimensions[1].criteria[0].replaces = ["G2"];
    json.dimensions[1].criteria[1].replaces = ["g-01"];
    json.replaces = ["conseil-riche"];
    expect(errors(json)).toEqual([
      "replaces[0]: a template cannot replace itself",
      'dimensions[1].criteria[0].replaces[0]: "G2" is still a criterion of this template (dimensions[0].criteria[1].id): a criterion can only replace an id that is gone',
      'dimensions[1].criteria[1].replaces[0]: "g-01" is already replaced by G1: its answers can go to one criterion only',
    ]);
  });

  it("refuses a level map to a value that is not a level of the criterion's scale", () => {
    const json = richTemplateJson();
    json.dimensions[0].criteria[2].levelMap = { "1": 0, "2": 4 };
    expect(errors(json)).toEqual(["dimensions[0].criteria[2].levelMap[\"2\"]: must be one of the scale's values (0, 5, 8, 10), got 4"]);
  });

  it("refuses step and action ids given twice, and an action for an unknown criterion", () => {
    const json = richTemplateJson();
    json.steps[1].id = "e1";
    json.actions[1].criterion = "Z9";
    expect(errors(json)).toEqual([
      'steps[1].id: duplicate id "e1" (also at steps[0].id)',
      'actions[1].criterion: unknown criterion "Z9" in this template',
    ]);
  });

  it("refuses an unknown criterion type and offsets that are not whole days", () => {
    const json = richTemplateJson();
    json.dimensions[0].criteria[0].type = "choix";
    json.steps[0].dueOffsetDays = 1.5;
    expect(errors(json)).toEqual(["dimensions[0].criteria[0].type: must be one of: rating, text", expect.stringMatching(/^steps\[0\]\.dueOffsetDays: /)]);
  });

  it("names the key of a scale id or a level map entry that is not one", () => {
    const json = richTemplateJson();
    json.scales["1bad"] = json.scales.oui;
    json.dimensions[0].criteria[2].levelMap = { x: 1 };
    expect(errors(json)).toEqual([
      `scales["1bad"]: must start with a letter and hold only letters, digits, '.', '_' and '-'`,
      'dimensions[0].criteria[2].levelMap["x"]: "x" is not a level value (a number, such as "3" or "2.5")',
    ]);
  });
});

describe("the second version's fields in the template sheet a workbook carries", () => {
  it("round-trips every field through the sheet's rows", async () => {
    const { templateFromSheetRows, templateToSheetRows } = await import("./template.sheet.js");
    const t = parsed(richTemplateJson());
    const rows = templateToSheetRows(t);
    expect(rows.columns?.slice(-6)).toEqual(["scale", "type", "required", "theme", "replaces", "levelMap"]);
    const back = templateFromSheetRows(rows, "Modèle");
    expect(back.ok && back.value).toEqual(t);
  });

  it("writes no extra column nor row for a template of the first version", async () => {
    const { templateToSheetRows, TEMPLATE_ITEM_COLUMNS } = await import("./template.sheet.js");
    const json = richTemplateJson();
    delete json.scales;
    delete json.steps;
    delete json.actions;
    delete json.replaces;
    for (const d of json.dimensions) {
      delete d.themes;
      for (const c of d.criteria) for (const k of ["scale", "type", "required", "theme", "replaces", "levelMap"]) delete c[k];
    }
    const rows = templateToSheetRows(parsed(json));
    expect(rows.columns).toEqual([...TEMPLATE_ITEM_COLUMNS]);
    expect(rows.info.some(([k]) => /^(scales|themes|steps|actions|replaces)/.test(k))).toBe(false);
  });
});
