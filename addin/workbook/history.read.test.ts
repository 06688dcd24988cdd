/**
 * The closed rounds read back (design.md "Rounds, comparison and report"): the plan's `QG_History`
 * and `QG_HistoryItems` as a reader sees them (plain values, days as serial numbers as Office.js
 * reads them) give back the very records written, in both languages; what cannot be read is a
 * warning naming the cell, never a failure.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import type { Rating } from "../model/scale.js";
import type { PlainTable } from "../model/table.plain.js";
import type { Lang, Template } from "../model/template.types.js";
import { historySheet } from "../plan/history.plan.js";
import { TABLES } from "../plan/names.js";
import { DEFAULT_PLAN_OPTIONS } from "../plan/plan.build.js";
import type { SheetPlan } from "../plan/plan.types.js";
import { assessmentWith, criterionAnswers } from "../scoring/assessment.test-helpers.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import { roundRecordOf } from "../scoring/round.record.js";
import { historyRatingOfCell, readHistory } from "./history.read.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const TEMPLATE = builtinTemplates()[0] as Template;

/** A round of TEMPLATE with three respondents: ratings cycle through the levels, N/A and blanks, with comments and words. */
async function round(label: string, day: number, shift: number): Promise<RoundRecord> {
  const levels = TEMPLATE.scale.levels.map((l) => l.value);
  const pick = (i: number): Rating => (i % 7 === 5 ? { kind: "na" } : i % 7 === 6 ? { kind: "blank" } : { kind: "level", value: levels[i % levels.length] as number });
  const criteria = TEMPLATE.dimensions.flatMap((d) => d.criteria).map((c, i) => {
    const answers = criterionAnswers(TEMPLATE, c.id, [pick(i + shift), pick(i + shift + 1), pick(i + shift + 3)]);
    answers.answers[0] = { ...(answers.answers[0] as (typeof answers.answers)[number]), comment: i % 3 === 0 ? `Note ${i}\nsur deux lignes` : "" };
    // Words in answer, as a text question holds them: the history keeps them.
    answers.answers[1] = { ...(answers.answers[1] as (typeof answers.answers)[number]), text: i % 4 === 1 ? `Réponse ${i}\nen mots` : "" };
    if (i % 5 === 0) answers.agreed = { rating: { kind: "level", value: levels[0] as number }, reason: "Consensus" };
    return { ...answers, evaluator: { rating: pick(i + 2), comment: i % 4 === 0 ? "Vu" : "", text: "" } };
  });
  const a = { ...assessmentWith(TEMPLATE, criteria), evaluator: { name: "", role: "evaluator" as const } };
  return roundRecordOf({ template: TEMPLATE, assessment: a }, scoreAssessment(a), label, new Date(Date.UTC(2024 + day, 5, 1)), sha256);
}

/** The sheet's tables as a reader hands them to `readAssessment`: lower-cased names, plain values. */
function plainTablesOf(sheet: SheetPlan): Map<string, PlainTable> {
  return new Map(
    sheet.tables.map((t) => [
      t.name.toLowerCase(),
      { name: t.name, sheet: sheet.name, top: t.top, left: t.left, headers: t.columns.map((c) => c.header), rows: t.rows.map((r) => r.map((v) => (typeof v === "object" && v !== null ? null : (v as PlainTable["rows"][number][number])))) },
    ]),
  );
}

function sheetOf(history: RoundRecord[], lang: Lang): SheetPlan {
  const s = historySheet(TEMPLATE, { ...DEFAULT_PLAN_OPTIONS, lang, history });
  if (!s) throw new Error("no history sheet");
  return s;
}

describe("readHistory", () => {
  for (const lang of ["fr", "en"] as const) {
    it(`gives back the records written, oldest first (${lang})`, async () => {
      const history = [await round("2024", 0, 0), await round("Cycle 2", 1, 2)];
      const read = readHistory(plainTablesOf(sheetOf(history, lang)), "f.xlsx");
      expect(read.warnings).toEqual([]);
      expect(read.history).toEqual(history);
      expect(read.history[0]?.figures.at(-1)?.dimension).toBe(OVERALL_ROW);
      expect(read.cells["cycle 2"]).toEqual({ sheet: lang === "fr" ? "Historique" : "Round history", address: `A${5 + TEMPLATE.dimensions.length + 1}` });
      expect(read.rows.map((r) => r.items.length)).toEqual(history.map((h) => h.answers.length));
    });
  }

  it("reads a text question's words back, and none from a table written before the « Réponse » column", async () => {
    const history = [await round("2024", 0, 0)];
    const tables = plainTablesOf(sheetOf(history, "fr"));
    const words = readHistory(tables, "f.xlsx").history[0]?.answers.filter((x) => (x.answer ?? "") !== "") ?? [];
    expect(words.length).toBeGreaterThan(0);
    expect(words).toEqual(history[0]?.answers.filter((x) => x.answer !== ""));
    const items = tables.get(TABLES.historyItems.toLowerCase());
    if (!items) throw new Error("no items");
    const k = items.headers.indexOf("Réponse");
    expect(k).toBeGreaterThan(0);
    tables.set(TABLES.historyItems.toLowerCase(), { ...items, headers: items.headers.filter((_, i) => i !== k), rows: items.rows.map((r) => r.filter((_, i) => i !== k)) });
    const older = readHistory(tables, "f.xlsx");
    expect(older.history[0]?.answers.every((x) => x.answer === "")).toBe(true);
    expect(older.history[0]?.answers.map((x) => x.comment)).toEqual(history[0]?.answers.map((x) => x.comment));
  });

  it("orders rounds by closing day whatever their order in the table", async () => {
    const older = await round("Ancien", 0, 1);
    const newer = await round("Récent", 2, 0);
    const read = readHistory(plainTablesOf(sheetOf([newer, older], "fr")), "f.xlsx");
    expect(read.history.map((r) => r.label)).toEqual(["Ancien", "Récent"]);
  });

  it("reports a value that is no number with its cell and reads it as blank", async () => {
    const sheet = sheetOf([await round("2024", 0, 0)], "fr");
    const tables = plainTablesOf(sheet);
    const t = tables.get("qg_history") as PlainTable;
    const col = t.headers.indexOf("Score");
    (t.rows[0] as unknown[])[col] = "beaucoup";
    const read = readHistory(tables, "f.xlsx");
    expect(read.history[0]?.figures[0]?.score).toBeNull();
    expect(read.warnings.map((w) => w.path)).toEqual([`f.xlsx: Historique!${String.fromCharCode(65 + col)}5`]);
    expect(read.warnings[0]?.message).toContain("beaucoup");
  });

  it("reads no round from a workbook without history, and a table that lost its key column as a warning", async () => {
    expect(readHistory(new Map(), "f.xlsx")).toEqual({ history: [], cells: {}, rows: [], warnings: [] });
    const tables = plainTablesOf(sheetOf([await round("2024", 0, 0)], "en"));
    const t = tables.get("qg_history") as PlainTable;
    t.headers = t.headers.map((h) => (h === "Round" ? "Something" : h));
    const read = readHistory(tables, "f.xlsx");
    expect(read.history).toEqual([]);
    expect(read.warnings[0]?.path).toBe("f.xlsx: Round history!A4");
  });

  it("reads ratings in any N/A spelling, numbers and blanks, and refuses words", () => {
    expect(["S. O.", "N/A", "s/o", 2.5, "3", null, "", "beaucoup", true].map((v) => historyRatingOfCell(v))).toEqual(["na", "na", "na", 2.5, 3, null, null, undefined, undefined]);
  });
});
