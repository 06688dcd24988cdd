import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadXlsx, parseJson, run, table, tempDir } from "./cli.helpers.js";

/** A workbook made before the evaluator's review columns, and what its version's `score --json` printed (see its README). */
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/pre-review");
const FIXTURE = path.join(FIXTURES, "engagement-qualite.xlsx");
const HEAD_SCORE = path.join(FIXTURES, "engagement-qualite.score.json");

interface CheckJson {
  repaired?: { where: string; formula: string }[];
  findings: { code: string; severity: string; where: string; message: string }[];
}

/** The findings about the workbook's structure: formulas and tables. */
const STRUCTURE = ["formulaAltered", "formulaMissing", "tableMissing", "tableRenamed", "settingsMissing"];

/** A copy of the fixture in a fresh folder. */
function copy(): string {
  const file = path.join(tempDir(), "pre-review.xlsx");
  fs.copyFileSync(FIXTURE, file);
  return file;
}

/** `score --json` without what the evaluator's review added (`evaluator`), which the earlier version did not print. */
function withoutEvaluator(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json), (k, v: unknown) => (k === "evaluator" ? undefined : v));
}

async function scoreOf(file: string): Promise<unknown> {
  const r = await run("score", file, "--json");
  expect(r.code).toBe(0);
  return parseJson(r.out);
}

describe("a workbook made before the evaluator's review columns", () => {
  it("checks clean: no formula or table finding, and --repair changes nothing", async () => {
    const file = copy();
    const r = await run("check", file, "--json");
    const json = parseJson<CheckJson>(r.out);
    expect(json.findings.filter((f) => STRUCTURE.includes(f.code) || f.severity === "error")).toEqual([]);
    const before = fs.readFileSync(file);
    const repaired = parseJson<CheckJson>((await run("check", file, "--repair", "--json")).out);
    expect(repaired.repaired ?? []).toEqual([]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("scores as the version that made it did", async () => {
    const head = JSON.parse(fs.readFileSync(HEAD_SCORE, "utf8")) as unknown;
    expect(withoutEvaluator(await scoreOf(copy()))).toEqual(head);
  });

  it.each([
    ["the same template", ["--template", "engagement-qualite", "--force"]],
    ["a respondent named", ["--respondents", "A"]],
  ])("upgrade (%s) brings it to today's layout with nothing lost", async (_, args) => {
    const file = copy();
    const out = path.join(path.dirname(file), "upgraded.xlsx");
    const before = await scoreOf(file);
    expect((await run("upgrade", file, ...args, "-o", out)).code).toBe(0);
    const wb = await loadXlsx(out);
    const register = table(wb, "QG_Evidence");
    expect(register.headers).toEqual(expect.arrayContaining(["Statut de la revue", "Avis évaluateur", "Date de revue", "Réviseur", "Compte pour la couverture"]));
    const cell = (header: string) => register.sheet.getCell(register.top + 1, register.left + register.headers.indexOf(header)).value;
    expect([cell("Code"), cell("Critères"), cell("Statut"), cell("Avis évaluateur")]).toEqual(["P-01", "GOUV-01; RESS-01", "Acceptée", "Conforme"]);
    expect(table(wb, "QG_Grid").headers).toContain("Coté évaluateur");
    expect(table(wb, "QG_Scores").top).toBe(15);
    const check = parseJson<CheckJson>((await run("check", out, "--json")).out);
    expect(check.findings.filter((f) => STRUCTURE.includes(f.code) || f.severity === "error")).toEqual([]);
    const after = await scoreOf(out);
    // Only what a named respondent adds is new; every score, completion and coverage is the same.
    const same = (json: unknown): unknown => JSON.parse(JSON.stringify(json), (k, v: unknown) => (["respondents", "toDiscuss"].includes(k) ? undefined : v));
    expect(same(after)).toEqual(same(before));
  });
});
