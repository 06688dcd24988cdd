/**
 * Actions whose criterion is gone — archived by an upgrade, or a code that never existed — are
 * what `check` reports; the workbook itself, recalculated by LibreOffice, shows « ? » in those
 * actions' dimension and gap, and looks up the others: the two agree on which actions are orphaned.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../addin/cli/main.js";
import { computedValue, findSoffice, LIBREOFFICE_INSTALL_HINT, recalculateXlsx } from "../support/libreoffice.js";

const soffice = findSoffice();
if (!soffice) console.warn(`LibreOffice not found: orphaned actions were NOT checked against the workbook's own formulas. Install it with: ${LIBREOFFICE_INSTALL_HINT}`);

const dir = mkdtempSync(path.join(tmpdir(), "qg-orphans-"));
const lines = { out: "", err: "" };
const io = { out: (t: string) => void (lines.out += `${t}\n`), err: (t: string) => void (lines.err += `${t}\n`) };
const ACTIONS: [id: string, criterion: string][] = [
  ["A-001", "GOUV-02"], // removed by the new version: archived
  ["A-002", "GOUV-99"], // never existed
  ["A-003", "gouv-01"], // a current criterion, in another case
  ["A-004", "RESS-01"],
];
let flagged: string[] = [];
let shown: Map<string, { dimension: unknown; gap: unknown }>;

describe.skipIf(!soffice)("orphaned actions: check and the recalculated workbook agree", () => {
  beforeAll(async () => {
    const file = path.join(dir, "eq.xlsx");
    expect(await main(["new", "engagement-qualite", "-o", file, "--lang", "en"], io)).toBe(0);
    writeFileSync(path.join(dir, "answers.csv"), ["criterion,rating,comment", "GOUV-01,2,", "GOUV-02,1,", "RESS-01,3,"].join("\n"));
    expect(await main(["fill", file, "--answers", path.join(dir, "answers.csv")], io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const plan = wb.getWorksheet("Action plan") as ExcelJS.Worksheet;
    // Below the action Engagement Qualité 2.0.0 pre-fills (row 5).
    expect(plan.getCell(5, 2).value).toBe("BPQ-05");
    ACTIONS.forEach(([id, criterion], i) => {
      plan.getCell(6 + i, 1).value = id;
      plan.getCell(6 + i, 2).value = criterion;
      plan.getCell(6 + i, 5).value = `Act on ${criterion}`;
    });
    await wb.xlsx.writeFile(file);
    // A new version without GOUV-02: its grid row goes to the archive sheet, its action stays.
    const show = { out: "", err: "" };
    expect(await main(["show", "engagement-qualite", "--json"], { out: (t) => void (show.out += t), err: (t) => void (show.err += t) })).toBe(0);
    const next = JSON.parse(show.out) as { version: string; dimensions: { criteria: { id: string }[] }[] };
    next.version = "9.0.0";
    for (const d of next.dimensions) d.criteria = d.criteria.filter((c) => c.id !== "GOUV-02");
    writeFileSync(path.join(dir, "v9.json"), JSON.stringify(next));
    expect(await main(["upgrade", file, "--template", path.join(dir, "v9.json")], io), lines.err).toBe(0);

    const checked = { out: "", err: "" };
    await main(["check", file, "--json"], { out: (t) => void (checked.out += t), err: (t) => void (checked.err += t) });
    const findings = (JSON.parse(checked.out) as { findings: { code: string; message: string }[] }).findings;
    flagged = ACTIONS.filter(([id]) => findings.some((f) => f.code.startsWith("action") && f.code.endsWith("Criterion") && f.message.includes(`action ${id} `))).map(([id]) => id);

    const out = await recalculateXlsx(file, path.join(dir, "recalc"));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet("Action plan") as ExcelJS.Worksheet;
    const rowOf = (id: string): number => {
      for (let r = 5; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return r;
      throw new Error(`no action ${id}`);
    };
    shown = new Map(ACTIONS.map(([id]) => [id, { dimension: computedValue(ws.getCell(rowOf(id), 3)), gap: computedValue(ws.getCell(rowOf(id), 4)) }]));
  }, 300_000);

  it("check reports the archived and the unknown criterion's actions, and only those", () => {
    expect(flagged).toEqual(["A-001", "A-002"]);
  });

  it("the recalculated workbook shows « ? » for exactly those actions and looks the others up", () => {
    const orphaned = [...shown].filter(([, v]) => v.dimension === "?" && v.gap === "?").map(([id]) => id);
    expect(orphaned).toEqual(flagged);
    expect(shown.get("A-003")).toEqual({ dimension: "GOUV", gap: 1 });
    expect(shown.get("A-004")?.dimension).toBe("RESS");
  });
});
