/**
 * The process table through the command line: `new` with a template that has steps writes the
 * « Démarche » sheet; `set … date` moves every planned date; `check` reports the overdue steps with
 * their cell, and not the completed ones.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { richTemplateJson } from "../../addin/model/template.rich.test-helpers.js";
import { editWorkbook, loadXlsx, parseJson, run, tempDir, writeText } from "./cli.helpers.js";

interface FindingJson {
  code: string;
  severity: "error" | "warning";
  where: string;
  message: string;
}

const DAY = 86_400_000;
const now = new Date();
const TODAY = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe("qualigrid new / set / check with process steps", () => {
  it("writes the process table, follows the assessment date set later and reports overdue steps", async () => {
    const dir = tempDir();
    const tpl = writeText(dir, "conseil.json", JSON.stringify(richTemplateJson()));
    const xlsx = path.join(dir, "conseil.xlsx");
    const made = await run("new", tpl, "-o", xlsx);
    expect(made.code, made.err).toBe(0);
    const wb = await loadXlsx(xlsx);
    const ws = wb.getWorksheet("Démarche");
    expect(ws?.getCell("A5").value).toBe("E1");
    expect(wb.definedNames.getRanges("QG_StepStatuses").ranges).toHaveLength(1);

    // No assessment date yet: no planned date, nothing overdue.
    const before = await run("check", xlsx, "--json");
    expect(parseJson<{ findings: FindingJson[] }>(before.out).findings.filter((f) => f.code === "stepOverdue")).toEqual([]);

    // The assessment took place 100 days ago: E1 (+30) and E2 (+90) are past, E3 (+150) is to come.
    const set = await run("set", xlsx, "date", iso(TODAY - 100 * DAY));
    expect(set.code, set.err).toBe(0);
    await editWorkbook(xlsx, (w) => {
      const s = w.getWorksheet("Démarche");
      if (!s) throw new Error("no Démarche sheet");
      s.getCell("I5").value = "Terminée";
    });
    const after = await run("check", xlsx, "--json", "--lang", "en");
    const steps = parseJson<{ findings: FindingJson[] }>(after.out).findings.filter((f) => f.code === "stepOverdue");
    expect(steps.map((f) => [f.severity, f.where])).toEqual([["warning", "Démarche!F6"]]);
    expect(steps[0]?.message).toBe(`step E2 ("Self-assessment") is overdue (planned for ${iso(TODAY - 10 * DAY)}): enter the date it was done or update its status`);
    const score = await run("score", xlsx);
    expect(score.out).toContain(`Démarche\u00a0: 1 étape terminée sur 3; prochaine étape E2 (Autoévaluation), prévue le ${iso(TODAY - 10 * DAY)}`);
    expect(score.out).toContain(`Étapes en retard\u00a0: E2 (${iso(TODAY - 10 * DAY)})`);
    const text = await run("check", xlsx);
    expect(text.out + text.err).toContain(`l'étape E2 («\u00a0Autoévaluation\u00a0») est en retard (date prévue ${iso(TODAY - 10 * DAY)})`);
  });
});

describe("qualigrid check --repair on the process table", () => {
  it("finds a planned date typed over its formula and restores the formula", async () => {
    const dir = tempDir();
    const tpl = writeText(dir, "conseil.json", JSON.stringify(richTemplateJson()));
    const xlsx = path.join(dir, "conseil.xlsx");
    expect((await run("new", tpl, "-o", xlsx)).code).toBe(0);
    await editWorkbook(xlsx, (w) => {
      const s = w.getWorksheet("Démarche");
      if (!s) throw new Error("no Démarche sheet");
      s.getCell("F6").value = new Date(Date.UTC(2026, 0, 1));
    });
    const found = parseJson<{ findings: FindingJson[] }>((await run("check", xlsx, "--json")).out).findings.filter((f) => f.where.startsWith("Démarche"));
    expect(found.map((f) => [f.code, f.where])).toEqual([["formulaMissing", "Démarche!F6"]]);
    const repaired = await run("check", xlsx, "--repair");
    expect(repaired.code, repaired.err).not.toBe(2);
    const wb = await loadXlsx(xlsx);
    expect(String((wb.getWorksheet("Démarche")?.getCell("F6").value as { formula?: string } | null)?.formula ?? "")).toContain("QG_AssessmentDate");
  });
});
