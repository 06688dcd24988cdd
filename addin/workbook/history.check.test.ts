/**
 * `check` on closed rounds (design.md "Rounds, comparison and report"): an untouched history is
 * clean; a figure or a comment changed by hand is reported at its row, a row removed or added as
 * the round's fingerprint, a round renumbered as such — in French and in English.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import type { RoundRecord } from "../model/history.types.js";
import type { Rating } from "../model/scale.js";
import type { PlainTable } from "../model/table.plain.js";
import type { Lang, Template } from "../model/template.types.js";
import { previousRoundAddress } from "../plan/dashboard.history.js";
import { roundsLabelColumn } from "../plan/dashboard.plan.js";
import { historySheet } from "../plan/history.plan.js";
import { DEFAULT_PLAN_OPTIONS } from "../plan/plan.build.js";
import { assessmentWith, criterionAnswers } from "../scoring/assessment.test-helpers.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import { roundRecordOf } from "../scoring/round.record.js";
import { historyFindings } from "./history.check.js";
import { readHistory } from "./history.read.js";

const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const TEMPLATE = builtinTemplates()[1] as Template;

async function round(label: string, year: number): Promise<RoundRecord> {
  const levels = TEMPLATE.scale.levels.map((l) => l.value);
  const criteria = TEMPLATE.dimensions.flatMap((d) => d.criteria).map((c, i) => {
    const rating: Rating = { kind: "level", value: levels[(i + year) % levels.length] as number };
    const answers = criterionAnswers(TEMPLATE, c.id, [rating, { kind: "blank" }]);
    answers.answers[1] = { rating: { kind: "na" }, comment: `Commentaire ${i}`, text: "" };
    return answers;
  });
  const a = assessmentWith(TEMPLATE, criteria);
  return roundRecordOf({ template: TEMPLATE, assessment: a }, scoreAssessment(a), label, new Date(Date.UTC(year, 0, 15)), sha256);
}

/** The history sheet's tables as a reader sees them, to be changed like a person would. */
async function tables(lang: Lang): Promise<Map<string, PlainTable>> {
  const sheet = historySheet(TEMPLATE, { ...DEFAULT_PLAN_OPTIONS, lang, history: [await round("2024", 2024), await round("2025", 2025)] });
  if (!sheet) throw new Error("no history sheet");
  return new Map(
    sheet.tables.map((t) => [
      t.name.toLowerCase(),
      { name: t.name, sheet: sheet.name, top: t.top, left: t.left, headers: t.columns.map((c) => c.header), rows: t.rows.map((r) => r.map((v) => v as PlainTable["rows"][number][number])) },
    ]),
  );
}

async function findings(t: Map<string, PlainTable>, lang: Lang = "fr") {
  const read = readHistory(t, "f.xlsx");
  return historyFindings({ history: read.history, historyRows: read.rows }, lang, sha256);
}

function set(t: Map<string, PlainTable>, table: string, row: number, header: string, value: PlainTable["rows"][number][number]): void {
  const tab = t.get(table) as PlainTable;
  const col = tab.headers.indexOf(header);
  if (col < 0) throw new Error(`no ${header}`);
  (tab.rows[row] as unknown[])[col] = value;
}

describe("historyFindings", () => {
  it("finds nothing in an untouched history, nor without history", async () => {
    expect(await findings(await tables("fr"))).toEqual([]);
    expect(await findings(await tables("en"), "en")).toEqual([]);
    expect(await historyFindings({}, "fr", sha256)).toEqual([]);
  });

  it("reports a figure changed by hand at its row, naming the round and the table", async () => {
    const t = await tables("fr");
    const n = TEMPLATE.dimensions.length + 1;
    set(t, "qg_history", n + 1, "Score", 99);
    const found = await findings(t);
    expect(found).toHaveLength(1);
    expect(found[0]?.where).toEqual({ sheet: "Historique", address: `A${4 + n + 2}` });
    expect(found[0]?.code).toBe("historyChanged");
    expect(found[0]?.message).toContain("«\u00a02025\u00a0»");
    expect(found[0]?.message).toContain("QG_History");
  });

  it("reports a comment changed in QG_HistoryItems at its row (in English too)", async () => {
    const t = await tables("en");
    set(t, "qg_historyitems", 3, "Comment", "edited");
    const found = await findings(t, "en");
    expect(found).toHaveLength(1);
    const items = t.get("qg_historyitems") as PlainTable;
    expect(found[0]?.where.address).toBe(`A${items.top + 1 + 3}`);
    expect(found[0]?.message).toMatch(/^the row of the closed round "2024" \(QG_HistoryItems/);
  });

  it("reports a row removed from a round by its fingerprint", async () => {
    const t = await tables("fr");
    (t.get("qg_historyitems") as PlainTable).rows.splice(2, 1);
    const found = await findings(t);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("ne correspond plus à son empreinte");
    expect(found[0]?.where.address).toBe("A5");
  });

  it("reports a round renumbered, which the dashboard's changes depend on", async () => {
    const t = await tables("fr");
    for (let r = 0; r <= TEMPLATE.dimensions.length; r++) set(t, "qg_history", r, "N° du cycle", 2);
    const found = await findings(t);
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining("porte le numéro 2")]);
  });

  it("reports a round label changed on one row, and the round that lost the row", async () => {
    const t = await tables("fr");
    set(t, "qg_history", 0, "Cycle", "2023");
    const found = await findings(t);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.some((f) => f.message.includes("«\u00a02023\u00a0»"))).toBe(true);
    expect(found.some((f) => f.message.includes("«\u00a02024\u00a0»"))).toBe(true);
  });

  it("reports a last round deleted whole, which the dashboard's QG_PreviousRound still names, at that cell", async () => {
    const t = await tables("fr");
    for (const name of ["qg_history", "qg_historyitems"]) {
      const tab = t.get(name) as PlainTable;
      t.set(name, { ...tab, rows: tab.rows.filter((r) => r[tab.headers.indexOf("Cycle")] !== "2025") });
    }
    const read = readHistory(t, "f.xlsx");
    expect(read.history.map((r) => r.label)).toEqual(["2024"]);
    const dashboard = "Tableau de bord";
    // The rows left are intact: only the dashboard's witness tells.
    const found = await historyFindings({ history: read.history, historyRows: read.rows, previousRound: { label: "2025", sheet: dashboard } }, "fr", sha256);
    expect(found).toHaveLength(1);
    expect(found[0]?.where).toEqual({ sheet: dashboard, address: previousRoundAddress(roundsLabelColumn(false)) });
    expect(found[0]?.message).toContain("QG_PreviousRound");
    expect(found[0]?.message).toContain("«\u00a02025\u00a0»");
    expect(found[0]?.message).toContain("«\u00a02024\u00a0»");
    // The last round named: nothing to say.
    expect(await historyFindings({ history: read.history, historyRows: read.rows, previousRound: { label: "2024", sheet: dashboard } }, "fr", sha256)).toEqual([]);
  });

  it("reports QG_History deleted whole when the dashboard still names a round (in English too)", async () => {
    const found = await historyFindings({ history: [], previousRound: { label: "Cycle 2", sheet: "Dashboard" } }, "en", sha256);
    expect(found.map((f) => [f.code, f.where.sheet])).toEqual([["historyChanged", "Dashboard"]]);
    expect(found[0]?.message).toBe('the dashboard (QG_PreviousRound) gives "Cycle 2" as the last closed round, but the workbook has no round left in QG_History: the history was deleted by hand');
    expect(await historyFindings({ history: [], previousRound: { label: "", sheet: "Dashboard" } }, "en", sha256)).toEqual([]);
  });
});
