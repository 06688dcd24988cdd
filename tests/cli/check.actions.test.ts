import { describe, expect, it } from "vitest";
import { answeredWorkbook, column, crit, demoTemplate, dim, editWorkbook, parseJson, run, table, tempDir, writeJson } from "./cli.helpers.js";

interface FindingJson {
  code: string;
  severity: "error" | "warning";
  where: string;
  message: string;
}

describe("check: actions whose criterion is gone", () => {
  it("reports an action on a criterion an upgrade archived (naming the archive sheet) and one on a code that never existed, at their criterion cells", async () => {
    const dir = tempDir();
    const file = await answeredWorkbook(dir, "en");
    let rows: number[] = [];
    await editWorkbook(file, (wb) => {
      const t = table(wb, "QG_Actions");
      const put = (r: number, id: string, criterion: string): void => {
        t.sheet.getCell(r, column(t, "ID")).value = id;
        t.sheet.getCell(r, column(t, "Criterion")).value = criterion;
        t.sheet.getCell(r, column(t, "Action")).value = `Act on ${criterion}`;
        t.sheet.getCell(r, column(t, "Owner")).value = "Marie";
        t.sheet.getCell(r, column(t, "Due date")).value = new Date(Date.UTC(2099, 0, 31));
      };
      rows = [t.top + 1, t.top + 2, t.top + 3];
      put(t.top + 1, "A-001", "C3");
      put(t.top + 2, "A-002", "C99");
      put(t.top + 3, "A-003", "c4");
    });
    // Version 1.3.0 removes C3: its grid row goes to the « Archive » sheet, the action stays.
    const next = demoTemplate();
    next.version = "1.3.0";
    dim(next, 0).criteria.splice(dim(next, 0).criteria.indexOf(crit(next, 0, 2)), 1);
    const up = await run("upgrade", file, "--template", writeJson(dir, "v2.json", next));
    expect(up.code, up.err).toBe(0);

    const r = await run("check", file, "--json");
    const findings = parseJson<{ findings: FindingJson[] }>(r.out).findings.filter((f) => f.code.startsWith("action"));
    expect(findings.map((f) => [f.code, f.severity, f.where])).toEqual([
      ["actionArchivedCriterion", "warning", `Action plan!B${rows[0]}`],
      ["actionUnknownCriterion", "error", `Action plan!B${rows[1]}`],
    ]);
    expect(findings[0]?.message).toBe('action A-001 names criterion C3, removed from the template by an upgrade (sheet Archive): link it to a current criterion, or close it');
    expect(r.code).toBe(1);

    const fr = await run("check", file, "--json", "--lang", "fr");
    const frMessages = parseJson<{ findings: FindingJson[] }>(fr.out).findings.filter((f) => f.code.startsWith("action")).map((f) => f.message);
    expect(frMessages).toEqual([
      "l'action A-001 renvoie au critère C3, retiré du modèle par une mise à jour (feuille Archive) : rattachez-la à un critère actuel, ou fermez-la",
      "l'action A-002 renvoie au critère inconnu « C99 » : corrigez le code",
    ]);
  });
});
