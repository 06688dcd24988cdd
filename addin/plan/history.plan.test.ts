/**
 * The plan of closed rounds (design.md "Rounds, comparison and report"): the « Historique » sheet
 * with `QG_History` and `QG_HistoryItems` as values, the grid's previous-round columns, and the
 * dashboard's change columns and named cells — only when the workbook has closed rounds.
 */
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { OVERALL_ROW, type RoundFigures, type RoundRecord } from "../model/history.types.js";
import type { Template } from "../model/template.types.js";
import { isFormula } from "./formula.js";
import { HISTORY_HEADER_ROW } from "./history.plan.js";
import { NAMES, TABLES } from "./names.js";
import { buildPlan } from "./plan.build.js";
import type { SheetPlan, TablePlan } from "./plan.types.js";

const TEMPLATE = builtinTemplates()[0] as Template;
const CRITERIA = TEMPLATE.dimensions.flatMap((d) => d.criteria.map((c) => ({ id: c.id, dimension: d.id })));

function figures(dimension: string, score: number | null): RoundFigures {
  return { dimension, score, target: 75, gap: null, answered: 1, notApplicable: 0, total: 2, completion: 0.5, evidenceCoverage: null, requiredNotMet: 0, toDiscuss: 0, reviewedCoverage: null, evaluator: null };
}

/** A round whose criteria are all rated 2 by « Ana » (comment on the first), N/A by « Luc » (words on the second). */
function round(label: string, year: number): RoundRecord {
  return {
    label,
    date: new Date(Date.UTC(year, 2, 1)),
    templateId: TEMPLATE.id,
    version: TEMPLATE.version,
    respondents: ["Ana", "Luc"],
    figures: [...TEMPLATE.dimensions.map((d, i) => figures(d.id, 10 * i)), figures(OVERALL_ROW, 42)],
    criteria: CRITERIA.map((c, i) => ({ criterion: c.id, dimension: c.dimension, consolidated: 2, score: 50, evaluator: null, agreedReason: i === 0 ? "Vu en comité" : "", evaluatorComment: "" })),
    answers: CRITERIA.flatMap((c, i) => [
      { criterion: c.id, respondent: "Ana", rating: 2, comment: i === 0 ? "À revoir" : "" },
      // Luc's words on the second criterion, as a text question holds them.
      { criterion: c.id, respondent: "Luc", rating: "na" as const, answer: i === 1 ? "Des rencontres trimestrielles" : "", comment: "" },
    ]),
    fingerprint: "f".repeat(64),
    rowChecks: { figures: TEMPLATE.dimensions.map(() => "a".repeat(12)).concat("b".repeat(12)), items: CRITERIA.flatMap(() => ["c".repeat(12), "d".repeat(12)]) },
  };
}

const sheet = (plan: ReturnType<typeof buildPlan>, key: string): SheetPlan | undefined => plan.sheets.find((s) => s.key === key);
const table = (s: SheetPlan | undefined, name: string): TablePlan => {
  const t = s?.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no ${name}`);
  return t;
};
const col = (t: TablePlan, key: string): number => t.columns.findIndex((c) => c.key === key);

describe("the history plan", () => {
  it("adds nothing to a workbook that never closed a round", () => {
    const plain = buildPlan(TEMPLATE, { lang: "fr" });
    expect(buildPlan(TEMPLATE, { lang: "fr", history: [] }).sheets).toEqual(plain.sheets);
    expect(buildPlan(TEMPLATE, { lang: "fr", history: [] }).names).toEqual(plain.names);
    expect(sheet(plain, "history")).toBeUndefined();
    expect(plain.names.some((n) => n.name === NAMES.previousRound)).toBe(false);
  });

  it("writes each round's figures and ratings as values, before the template sheet, protected", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr", history: [round("2024", 2024), round("2025", 2025)] });
    const keys = plan.sheets.map((s) => s.key);
    expect(keys.indexOf("history")).toBe(keys.indexOf("template") - 1);
    const h = sheet(plan, "history");
    expect(h?.name).toBe("Historique");
    expect(h?.protect).toBe(true);
    const t = table(h, TABLES.history);
    expect(t.top).toBe(HISTORY_HEADER_ROW);
    const n = TEMPLATE.dimensions.length + 1;
    expect(t.rows).toHaveLength(2 * n);
    // Rounds numbered from 1; the overall row localized; the checks and the fingerprint as written.
    expect(t.rows.map((r) => r[col(t, "round")])).toEqual([...Array(n).fill(1), ...Array(n).fill(2)]);
    expect(t.rows[n - 1]?.[col(t, "dimension")]).toBe("(ensemble)");
    expect(t.rows[n - 1]?.[col(t, "score")]).toBe(42);
    expect(t.rows[n - 1]?.[col(t, "check")]).toBe("b".repeat(12));
    expect(t.rows[0]?.[col(t, "fingerprint")]).toBe("f".repeat(64));
    const items = table(h, TABLES.historyItems);
    expect(items.top).toBeGreaterThan(t.top + t.rows.length + 1);
    expect(items.rows).toHaveLength(2 * 2 * CRITERIA.length);
    // The criterion's own fields on its first row only; N/A as the workbook's token.
    expect(items.rows[0]?.[col(items, "agreedReason")]).toBe("Vu en comité");
    expect(items.rows[1]?.[col(items, "dimension")]).toBeNull();
    expect(items.rows[1]?.[col(items, "rating")]).toBe("S. O.");
    // A text question's words in « Réponse », right after the rating; blank for a rating criterion.
    expect(col(items, "answer")).toBe(col(items, "rating") + 1);
    expect(items.columns[col(items, "answer")]?.header).toBe("Réponse");
    expect(items.rows[3]?.[col(items, "answer")]).toBe("Des rencontres trimestrielles");
    expect(items.rows[1]?.[col(items, "answer")]).toBeNull();
    expect([...t.rows, ...items.rows].flat().some(isFormula)).toBe(false);
  });

  it("shows the last round's rating and comments in the grid, after the respondents' inputs", () => {
    const plan = buildPlan(TEMPLATE, { lang: "en", respondents: ["Ana", "Luc"], history: [round("2024", 2024), round("2025", 2025)] });
    const grid = table(sheet(plan, "grid"), TABLES.grid);
    const keys = grid.columns.map((c) => c.key);
    expect(keys.indexOf("previousRating")).toBe(keys.indexOf("comment.2") + 1);
    expect(keys.slice(keys.indexOf("previousRating"), keys.indexOf("previousRating") + 4)).toEqual(["previousRating", "previousComment", "toConfirm", "agreed"]);
    expect(grid.columns[keys.indexOf("toConfirm")]?.input).toBe(true);
    expect(grid.columns[keys.indexOf("previousRating")]?.input).toBe(false);
    expect(grid.rows[0]?.[keys.indexOf("previousRating")]).toBe(2);
    expect(grid.rows[0]?.[keys.indexOf("previousComment")]).toBe("Ana: À revoir\nReason for the agreed rating: Vu en comité");
    // The previous words of a text question are shown with the comments.
    expect(grid.rows[1]?.[keys.indexOf("previousComment")]).toBe("Luc: Des rencontres trimestrielles");
    expect(grid.rows[2]?.[keys.indexOf("previousComment")]).toBeNull();
  });

  it("gives the dashboard the change columns and the rounds' named cells (labels as values), keeping QG_Scores at row 15", () => {
    const plan = buildPlan(TEMPLATE, { lang: "fr", history: [round("2024", 2024), round("2025", 2025)] });
    const dash = sheet(plan, "dashboard");
    const scores = table(dash, TABLES.scores);
    expect(scores.top).toBe(15);
    const keys = scores.columns.map((c) => c.key);
    expect(keys.slice(keys.indexOf("gap") + 1, keys.indexOf("gap") + 4)).toEqual(["previousScore", "change", "changeFirst"]);
    const previous = scores.rows[0]?.[keys.indexOf("previousScore")];
    expect(isFormula(previous) && previous.formula).toContain("SUMIFS(QG_History[Score],QG_History[N° du cycle],MAX(QG_History[N° du cycle])");
    const names = new Map(plan.names.map((x) => [x.name, x]));
    for (const name of [NAMES.previousRound, NAMES.firstRound, NAMES.overallPrevious, NAMES.overallChange, NAMES.overallChangeFirst]) {
      const ref = names.get(name);
      expect(ref?.sheet, name).toBe(dash?.name);
      const row = Number(/\$(\d+)$/.exec(ref?.ref ?? "")?.[1]);
      expect(row, name).toBeLessThan(15);
      const cell = dash?.cells.find((c) => `$${String.fromCharCode(64 + c.col)}$${c.row}` === ref?.ref);
      // The rounds' labels are values written with the plan (at each close): `check`'s witness of the history.
      if (name === NAMES.previousRound) expect(cell?.value, name).toBe("2025");
      else if (name === NAMES.firstRound) expect(cell?.value, name).toBe("2024");
      else expect(isFormula(cell?.value), name).toBe(true);
    }
    // No two cells of the dashboard's blocks share a place.
    const places = dash?.cells.map((c) => `${c.row},${c.col}`) ?? [];
    expect(new Set(places).size).toBe(places.length);
  });
});
