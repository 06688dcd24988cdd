import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  column,
  crit,
  demoTemplate,
  dim,
  findTable,
  gridCell,
  loadXlsx,
  run,
  SHEETS,
  table,
  TABLE_NAMES,
  tempDir,
  templateJson,
  writeJson,
  writeText,
} from "./cli.helpers.js";

/** The criterion ids of a built-in template, in template order, as `show --json` prints them. */
async function criterionIds(id: string): Promise<string[]> {
  const t = templateJson((await run("show", id, "--json")).out);
  return t.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
}

/** The « Démarche / Process » sheet (QG_Steps) a template with process steps gets. */
const STEPS_SHEET = { fr: "Démarche", en: "Process" } as const;
/** The reports every new workbook gets (issue 18): the report, and the evaluator's visit report. */
const REPORT_SHEETS = { fr: ["Rapport", "Rapport de visite"], en: ["Report", "Visit report"] } as const;

/** Whether a built-in template has process steps, as `show --json` prints it. */
async function builtinHasSteps(id: string): Promise<boolean> {
  const t = JSON.parse((await run("show", id, "--json")).out) as { steps?: unknown[] };
  return (t.steps?.length ?? 0) > 0;
}

/** The values of one column of a table's data rows. */
function columnValues(wb: ExcelJS.Workbook, tableName: string, header: string): unknown[] {
  const t = table(wb, tableName);
  const col = column(t, header);
  const out: unknown[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) out.push(t.sheet.getCell(r, col).value);
  return out;
}

describe("qualigrid new: a readable workbook", () => {
  it.each([
    ["fr", "specifique-engagement"],
    ["en", "specifique-engagement"],
    ["fr", "engagement-qualite"],
    ["en", "partenariat-usagers"],
  ] as const)("writes a %s workbook of %s with the six sheets, the six tables and one QG_Grid row per criterion", async (lang, id) => {
    const dir = tempDir();
    const file = path.join(dir, "out.xlsx");
    const r = await run("new", id, "-o", file, "--lang", lang);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain(file);

    const wb = await loadXlsx(file);
    const names = wb.worksheets.map((w) => w.name);
    // Templates with process steps (Engagement Qualité, Partenariat) get a « Démarche » sheet too.
    const steps = (await builtinHasSteps(id)) ? [STEPS_SHEET[lang]] : [];
    expect([...names].sort()).toEqual([...Object.values(SHEETS[lang]), ...steps, ...REPORT_SHEETS[lang]].sort());
    for (const name of TABLE_NAMES) expect(findTable(wb, name), `table ${name}`).toBeDefined();
    expect(table(wb, "QG_Grid").sheet.name).toBe(SHEETS[lang].grid);
    expect(table(wb, "QG_Evidence").sheet.name).toBe(SHEETS[lang].evidence);
    expect(table(wb, "QG_Actions").sheet.name).toBe(SHEETS[lang].actions);
    expect(table(wb, "QG_Scores").sheet.name).toBe(SHEETS[lang].dashboard);
    expect(table(wb, "QG_TemplateItems").sheet.name).toBe(SHEETS[lang].template);

    const ids = await criterionIds(id);
    const grid = table(wb, "QG_Grid");
    expect(grid.bottom - grid.top).toBe(ids.length);
    expect(columnValues(wb, "QG_Grid", lang === "fr" ? "Critère" : "Criterion")).toEqual(ids);
    // Nothing is answered yet.
    expect(columnValues(wb, "QG_Grid", lang === "fr" ? "Cotation" : "Rating").every((v) => v === null || v === undefined)).toBe(true);
  });

  it("writes one QG_Scores row per dimension, first column the dimension id, and a column headed Score", async () => {
    const dir = tempDir();
    const file = path.join(dir, "out.xlsx");
    expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file)).code).toBe(0);
    const wb = await loadXlsx(file);
    const scores = table(wb, "QG_Scores");
    expect(scores.headers).toContain("Score");
    const firstColumn: unknown[] = [];
    for (let r = scores.top + 1; r <= scores.bottom; r++) firstColumn.push(scores.sheet.getCell(r, scores.left).value);
    expect(firstColumn).toEqual(["D1", "D2", "D3", "D4"]);
  });

  it("makes a new workbook from the template an existing workbook carries", async () => {
    const dir = tempDir();
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    expect((await run("new", "rqiiac-conditions", "-o", first)).code).toBe(0);
    const r = await run("new", first, "-o", second, "--lang", "en");
    expect(r.code).toBe(0);
    const wb = await loadXlsx(second);
    expect(columnValues(wb, "QG_Grid", "Criterion")).toEqual(await criterionIds("rqiiac-conditions"));
  });

  it("writes template texts that start with =, +, - or @ as text cells, never as formulas", async () => {
    const dir = tempDir();
    const t = demoTemplate();
    dim(t, 0).title = { fr: "-moins de risques", en: "-fewer risks" };
    crit(t, 0, 0).text = { fr: '=HYPERLINK("http://example.com","clic")', en: "=1+1" };
    crit(t, 0, 0).guidance = "+33 1 23 45 67 89";
    crit(t, 0, 0).evidence = "@risque";
    const file = path.join(dir, "out.xlsx");
    expect((await run("new", writeJson(dir, "t.json", t), "-o", file)).code).toBe(0);
    const wb = await loadXlsx(file);
    const cells = {
      "Titre de la dimension": "-moins de risques",
      Énoncé: '=HYPERLINK("http://example.com","clic")',
      Repères: "+33 1 23 45 67 89",
      "Preuves attendues": "@risque",
    };
    for (const [header, text] of Object.entries(cells)) {
      const cell = gridCell(wb, "fr", "C1", header);
      expect(cell.type, header).toBe(ExcelJS.ValueType.String);
      expect(cell.value, header).toBe(text);
    }
    // And the template read back from the workbook keeps them as they were.
    const shown = templateJson((await run("show", file, "--json")).out);
    expect(crit(shown, 0, 0).text).toEqual({ fr: '=HYPERLINK("http://example.com","clic")', en: "=1+1" });
    expect(crit(shown, 0, 0).guidance).toBe("+33 1 23 45 67 89");
  });
});

describe("qualigrid new: refusals, with nothing written", () => {
  it("refuses to overwrite an existing file without --force (exit 2, file byte-for-byte unchanged)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "out.xlsx");
    expect((await run("new", "donner-le-cap", "-o", file)).code).toBe(0);
    const before = fs.readFileSync(file);
    const r = await run("new", "specifique-engagement", "-o", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toContain("--force");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("refuses to overwrite any existing file, even one that is not a workbook", async () => {
    const dir = tempDir();
    const file = writeText(dir, "notes.xlsx", "mes notes importantes\n");
    const r = await run("new", "donner-le-cap", "-o", file);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(file, "utf8")).toBe("mes notes importantes\n");
  });

  it("replaces an existing file with --force", async () => {
    const dir = tempDir();
    const file = path.join(dir, "out.xlsx");
    expect((await run("new", "donner-le-cap", "-o", file)).code).toBe(0);
    const r = await run("new", "specifique-engagement", "-o", file, "--force");
    expect(r.code).toBe(0);
    expect(templateJson((await run("show", file, "--json")).out).id).toBe("specifique-engagement");
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it.each(["out.xls", "out.csv", "out"])("refuses the output %s, which is not an .xlsx (exit 2, no file)", async (name) => {
    const dir = tempDir();
    const file = path.join(dir, name);
    const r = await run("new", "donner-le-cap", "-o", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(r.err).toContain(".xlsx");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses an unknown template id (exit 2, names it, no file)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "out.xlsx");
    const r = await run("new", "engagement-qualité-v2", "-o", file);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("engagement-qualité-v2");
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("refuses an output in a folder that does not exist (exit 2, names the file)", async () => {
    const dir = tempDir();
    const file = path.join(dir, "missing-folder", "out.xlsx");
    const r = await run("new", "donner-le-cap", "-o", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("reports a JSON syntax error in a template file as file:line:col (exit 2, no file)", async () => {
    const dir = tempDir();
    // Line 3 lacks its comma: the parser stops at the opening quote of "title", line 4, column 3.
    const json = writeText(dir, "broken.json", '{\n  "id": "broken",\n  "version": "1.0.0"\n  "title": "x"\n}\n');
    const file = path.join(dir, "out.xlsx");
    const r = await run("new", json, "-o", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${json}:4:3`);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("lists every semantic error of a template file at once, each with its JSON path (exit 2, no file)", async () => {
    const dir = tempDir();
    const t = demoTemplate();
    t.version = "1.0"; // not semver
    crit(t, 0, 1).weight = -1; // negative weight
    crit(t, 1, 0).targetLevel = 9; // outside the scale 1–4
    crit(t, 1, 1).id = "C1"; // duplicate of dimensions[0].criteria[0].id
    delete dim(t, 2).title; // required
    const json = writeJson(dir, "bad.json", t);
    const file = path.join(dir, "out.xlsx");
    const r = await run("new", json, "-o", file);
    expect(r.code).toBe(2);
    const paths = ["version", "dimensions[0].criteria[1].weight", "dimensions[1].criteria[0].targetLevel", "dimensions[1].criteria[1].id", "dimensions[2].title"];
    for (const p of paths) {
      expect(
        r.errLines.some((l) => l.startsWith("erreur : ") && l.includes(json) && l.includes(`${p}:`)),
        `a message for ${p} in:\n${r.err}`,
      ).toBe(true);
    }
    expect(r.errLines.filter((l) => l.startsWith("erreur : ")).length).toBeGreaterThanOrEqual(paths.length);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("only warns about unknown keys, naming them, and still writes the workbook", async () => {
    const dir = tempDir();
    const t = demoTemplate();
    t.colour = "bleu";
    crit(t, 0, 0).note = "à revoir";
    const json = writeJson(dir, "extra.json", t);
    const file = path.join(dir, "out.xlsx");
    const r = await run("new", json, "-o", file);
    expect(r.code).toBe(0);
    expect(r.errLines.every((l) => l.startsWith("avertissement : "))).toBe(true);
    expect(r.err).toContain("colour");
    expect(r.err).toContain("dimensions[0].criteria[0].note");
    expect(fs.existsSync(file)).toBe(true);
  });

  it("still takes the old id has-donner-le-cap, writes donner-le-cap and says so", async () => {
    const dir = tempDir();
    const file = path.join(dir, "cap.xlsx");
    const r = await run("new", "has-donner-le-cap", "-o", file);
    expect(r.code).toBe(0);
    expect(r.errLines).toEqual(["avertissement : has-donner-le-cap: ce modèle intégré s'appelle maintenant donner-le-cap : c'est lui qui est utilisé"]);
    const shown = templateJson((await run("show", file, "--json")).out);
    expect(shown.id).toBe("donner-le-cap");
    const en = await run("show", "HAS-Donner-le-CAP", "--lang", "en");
    expect(en.code).toBe(0);
    expect(en.err).toContain("HAS-Donner-le-CAP: this built-in template is now called donner-le-cap; that is the one used");
  });

  it("refuses a missing -o or an unknown --lang as usage errors (exit 2, nothing written)", async () => {
    const dir = tempDir();
    expect((await run("new", "donner-le-cap")).code).toBe(2);
    const r = await run("new", "donner-le-cap", "-o", path.join(dir, "out.xlsx"), "--lang", "de");
    expect(r.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
