import { createHash } from "node:crypto";
import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "../model/builtin.js";
import { isTextCriterion, scaleOfCriterion } from "../model/criterion.scale.js";
import { OVERALL_ROW, type RoundRecord } from "../model/history.types.js";
import type { Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { HEADERS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";
import { buildPlan } from "../plan/plan.build.js";
import { scoreAssessment } from "../scoring/assessment.score.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import { fillAnswers, type AnswerEntry } from "./xlsx.fill.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToWorkbook } from "./xlsx.render.js";
import { fillAgreed, fillRespondent, recordRespondent } from "./xlsx.respondents.js";
import { fillEvaluator, fillEvidenceReviews } from "./xlsx.review.js";
import { confirmedBy } from "../model/messages/messages.round.js";
import { closeRound, toConfirmColumn } from "./xlsx.round.js";
import { readWorkbookSeal, sealWorkbook } from "./xlsx.seal.js";
import { findTables } from "./xlsx.tables.js";
import { saveWorkbook } from "./xlsx.io.js";
import { closeRoundSnapshot } from "./xlsx.snapshot.js";

const NAMES = ["Direction", "CA", "Équipe"];
const sha = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
const day = (text: string): Date => new Date(`${text}T00:00:00Z`);

function template(id: string): Template {
  const t = builtinTemplate(id);
  if (!t) throw new Error(`no built-in ${id}`);
  return t;
}

function read(wb: ExcelJS.Workbook): AssessmentWorkbook {
  const r = readQualigridWorkbook(wb, "test.xlsx");
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

/**
 * A built-in's workbook with three respondents' seeded ratings and comments (some N/A, some blank),
 * an agreed rating, the evaluator's ratings, three evidence rows (two reviewed), an action, a copy
 * id and a seal: everything a round holds.
 */
async function fullRound(id: string): Promise<{ wb: ExcelJS.Workbook; a: AssessmentWorkbook; t: Template }> {
  const t = template(id);
  const wb = await renderPlanToWorkbook(buildPlan(t, { lang: "fr", respondents: NAMES }));
  const criteria = t.dimensions.flatMap((d) => d.criteria).filter((c) => !isTextCriterion(c));
  const rating = (i: number, k: number): Rating => {
    const c = criteria[i];
    if (!c) return { kind: "blank" };
    const scale = scaleOfCriterion(t, c);
    if (k === 2 && i % 5 === 4) return { kind: "blank" };
    if (i % 7 === 3 && scale.notApplicable && c.required !== true) return { kind: "na" };
    const level = scale.levels[(i * 3 + k) % scale.levels.length];
    return level ? { kind: "level", value: level.value } : { kind: "blank" };
  };
  for (const [k, name] of NAMES.entries()) {
    const lines: AnswerEntry[] = criteria.map((c, i) => ({
      criterion: c.id,
      rating: rating(i, k),
      comment: `${name} sur ${c.id}`,
    }));
    fillRespondent(wb, read(wb), name, lines);
  }
  const first = criteria[0];
  if (!first) throw new Error("no rating criterion");
  fillAgreed(wb, read(wb), [
    {
      criterion: first.id,
      rating: rating(0, 1),
      comment: "Entente en réunion",
    },
  ]);
  fillEvaluator(
    wb,
    read(wb),
    criteria.map((c, i) => ({
      criterion: c.id,
      rating: rating(i + 1, 0),
      comment: `Visite ${c.id}`,
    })),
  );
  const ev = findTables(wb).get(TABLES.evidence.toLowerCase());
  const ac = findTables(wb).get(TABLES.actions.toLowerCase());
  if (!ev || !ac) throw new Error("no registers");
  const col = (tb: typeof ev, header: string): number => tb.left + tb.headers.indexOf(header);
  criteria.slice(0, 3).forEach((c, i) => {
    ev.sheet.getCell(ev.top + 1 + i, col(ev, HEADERS.evidence.criteria.fr)).value = c.id;
    ev.sheet.getCell(ev.top + 1 + i, col(ev, HEADERS.evidence.title.fr)).value = `Document ${i + 1}`;
    ev.sheet.getCell(ev.top + 1 + i, col(ev, HEADERS.evidence.status.fr)).value = "Acceptée";
  });
  const withEvidence = read(wb);
  const ids = (withEvidence.evidence ?? []).map((e) => e.id);
  fillEvidenceReviews(
    wb,
    withEvidence,
    [
      { evidence: ids[0] ?? "", status: "accepted", note: "Conforme", line: 2 },
      {
        evidence: ids[1] ?? "",
        status: "toComplete",
        note: "Signature manquante",
        line: 3,
      },
    ],
    { reviewer: "Marie Tremblay", date: day("2026-05-02") },
  );
  // An action typed in a row of its own, below the template's.
  const row = ac.bottom;
  ac.sheet.getCell(row, col(ac, HEADERS.actions.id.fr)).value = "A900";
  ac.sheet.getCell(row, col(ac, HEADERS.actions.criterion.fr)).value = first.id;
  ac.sheet.getCell(row, col(ac, HEADERS.actions.action.fr)).value = "Mettre la politique à jour";
  ac.sheet.getCell(row, col(ac, HEADERS.actions.owner.fr)).value = "Direction";
  const before = read(wb);
  recordRespondent(wb, before, "CA", {
    copyId: "copie-ca",
    mergedOn: day("2026-04-01"),
    mergedFrom: "grille - CA.xlsx",
  });
  const sealed = await sealWorkbook(wb, read(wb), { date: "2026-05-03", reviewer: "Marie Tremblay" }, sha);
  if (!sealed.ok) throw new Error(sealed.issue.message);
  return { wb, a: read(wb), t };
}

/**
 * A table's rows that hold something typed (beside their id), by header (a plain snapshot to
 * compare): the pre-formatted blank rows a re-rendering may add are left out.
 */
function rowsOf(wb: ExcelJS.Workbook, name: string, skip: readonly string[] = []): Record<string, unknown>[] {
  const tb = findTables(wb).get(name.toLowerCase());
  if (!tb) throw new Error(`no ${name}`);
  const out: Record<string, unknown>[] = [];
  for (let r = tb.top + 1; r <= tb.bottom; r++) {
    const row: Record<string, unknown> = {};
    let typed = false;
    tb.headers.forEach((h, i) => {
      if (skip.includes(h)) return;
      const v = tb.sheet.getCell(r, tb.left + i).value;
      const formula = v !== null && typeof v === "object" && "formula" in v;
      if (!formula && v !== null && v !== undefined && v !== "" && i > 0) typed = true;
      // Formulas are compared as formulas: their cached results are not the point here.
      row[h] = formula ? v.formula : v instanceof Date ? v.toISOString() : (v ?? null);
    });
    if (typed) out.push(row);
  }
  return out;
}

const REVIEW_HEADERS = [HEADERS.evidence.reviewStatus.fr, HEADERS.evidence.evaluatorNote.fr, HEADERS.evidence.reviewDate.fr, HEADERS.evidence.reviewer.fr];

describe("closeRound", () => {
  it.each(["engagement-qualite", "rqiiac-conditions", "specifique-engagement", "donner-le-cap", "partenariat-usagers"])(
    "%s: records score --json's figures, starts the next round blank and loses nothing",
    async (id) => {
      const { wb, a } = await fullRound(id);
      const result = scoreAssessment(a.assessment);
      const evidenceBefore = rowsOf(wb, TABLES.evidence, REVIEW_HEADERS);
      const actionsBefore = rowsOf(wb, TABLES.actions);
      const closed = await closeRound(wb, a, { label: "2026", date: day("2026-06-30") }, sha, "test.xlsx");
      if (!closed.ok) throw new Error(closed.issues.map((i) => i.message).join("; "));
      const { round, workbook: next } = closed.value;
      expect(round.label).toBe("2026");
      expect(round.date.toISOString().slice(0, 10)).toBe("2026-06-30");
      // Every figure of the scoring `score --json` prints, dimension by dimension and overall.
      const wanted = [...result.dimensions.map((d) => ({ ...d, key: d.id })), { ...result.overall, key: OVERALL_ROW }];
      expect(round.figures.map((f) => f.dimension)).toEqual(wanted.map((d) => d.key));
      for (const [i, f] of round.figures.entries()) {
        const d = wanted[i];
        if (!d) throw new Error(`no figures for ${f.dimension}`);
        for (const key of ["score", "target", "gap", "completion", "evidenceCoverage", "requiredNotMet", "answered", "notApplicable", "total", "toDiscuss", "reviewedCoverage"] as const) {
          expect(f[key], `${f.dimension} ${key}`).toEqual(d[key]);
        }
        const e = d.evaluator;
        expect(f.evaluator, `${f.dimension} evaluator`).toEqual(
          e && {
            score: e.score,
            gap: e.gap,
            answered: e.answered,
            both: e.both,
            withinTolerance: e.withinTolerance,
            meanAbsDiff: e.meanAbsDiff,
          },
        );
      }
      // The next round: blank ratings, comments, agreed and evaluator's entries; nothing scored.
      const after = read(next);
      for (const row of after.grid) {
        for (const c of row.respondents) expect([c.rating, c.comment], `${row.criterion}`).toEqual([null, ""]);
        expect([row.agreed, row.agreedReason, row.evaluatorRating, row.evaluatorComment], row.criterion).toEqual([null, "", null, ""]);
      }
      expect(scoreAssessment(after.assessment).overall.answered).toBe(0);
      // Evidence and actions whole, but the review columns, which are blank.
      expect(rowsOf(next, TABLES.evidence, REVIEW_HEADERS)).toEqual(evidenceBefore);
      for (const e of after.evidence ?? []) expect([e.review?.status, e.review?.note, e.review?.date, e.review?.reviewer]).toEqual(["", "", null, ""]);
      expect(rowsOf(next, TABLES.actions)).toEqual(actionsBefore);
      // The respondents stay; copies and merges were the closed round's; so was the seal.
      expect(after.respondents.map((r) => [r.name, r.copyId, r.mergedOn, r.mergedFrom])).toEqual(NAMES.map((n) => [n, "", null, ""]));
      expect(readWorkbookSeal(next).kind).toBe("none");
      expect(closed.value.seal?.reviewer).toBe("Marie Tremblay");
      // The history holds the round as recorded, and the old workbook is untouched.
      expect(after.history?.map((r) => [r.label, r.fingerprint])).toEqual([["2026", round.fingerprint]]);
      expect(read(wb).grid.map((r) => r.respondents.map((c) => c.rating))).toEqual(a.grid.map((r) => r.respondents.map((c) => c.rating)));
    },
  );

  it("shows the closed round's consolidated rating beside the blank one", async () => {
    const { wb, a } = await fullRound("engagement-qualite");
    const closed = await closeRound(wb, a, { date: day("2026-06-30") }, sha);
    if (!closed.ok) throw new Error(closed.issues[0]?.message);
    const g = findTables(closed.value.workbook).get(TABLES.grid.toLowerCase());
    if (!g) throw new Error("no grid");
    const prev = g.left + g.headers.indexOf(HEADERS.grid.previousRating.fr);
    const crit = g.left + g.headers.indexOf(HEADERS.grid.criterion.fr);
    expect(prev).toBeGreaterThanOrEqual(g.left);
    const byId = new Map(closed.value.round.criteria.map((c) => [c.criterion, c.consolidated]));
    let shown = 0;
    for (let r = g.top + 1; r <= g.bottom; r++) {
      const c = byId.get(String(g.sheet.getCell(r, crit).value));
      const v = g.sheet.getCell(r, prev).value;
      if (typeof c === "number") {
        expect(v).toBeCloseTo(c, 9);
        shown++;
      }
    }
    expect(shown).toBeGreaterThan(0);
  });

  it("with keepRatings, starts each respondent from their own rating and names them in « À confirmer »", async () => {
    const { wb, a } = await fullRound("engagement-qualite");
    const closed = await closeRound(wb, a, { label: "Cycle 1", date: day("2026-06-30"), keepRatings: true }, sha);
    if (!closed.ok) throw new Error(closed.issues[0]?.message);
    const next = closed.value.workbook;
    const after = read(next);
    const col = toConfirmColumn(next);
    expect(col).not.toBeNull();
    let carried = 0;
    for (const [i, row] of after.grid.entries()) {
      const was = a.grid[i];
      const kept: string[] = [];
      row.respondents.forEach((c, k) => {
        const old = was?.respondents[k]?.rating ?? null;
        // Levels and N/A come back as they were; blanks stay blank; comments do not come back.
        expect(c.rating, `${row.criterion} ${NAMES[k] ?? ""}`).toEqual(old);
        expect(c.comment).toBe("");
        if (old !== null) kept.push(NAMES[k] ?? "");
      });
      carried += kept.length;
      const confirm = next.getWorksheet(after.gridSheet)?.getCell(row.row, col ?? 0).value ?? null;
      expect(confirm, row.criterion).toBe(kept.length === 0 ? null : kept.join("; "));
      expect(row.evaluatorRating).toBeNull();
    }
    expect(closed.value.carried).toBe(carried);
    expect(carried).toBeGreaterThan(0);
  });

  it("once a respondent rates a kept criterion again, fill takes them out of « À confirmer »", async () => {
    const { wb, a } = await fullRound("engagement-qualite");
    const closed = await closeRound(wb, a, { date: day("2026-06-30"), keepRatings: true }, sha);
    if (!closed.ok) throw new Error(closed.issues[0]?.message);
    const next = closed.value.workbook;
    const after = read(next);
    const row = after.grid.find((r) => r.respondents.every((c) => c.rating !== null));
    if (!row) throw new Error("no row rated by all");
    const cell = (): unknown => next.getWorksheet(after.gridSheet)?.getCell(row.row, toConfirmColumn(next) ?? 0).value ?? null;
    expect(cell()).toBe(NAMES.join("; "));
    fillRespondent(next, after, "ca", [{ criterion: row.criterion, rating: { kind: "na" }, comment: null }]);
    expect(cell()).toBe("Direction; Équipe");
    fillRespondent(next, read(next), "Direction", [
      {
        criterion: row.criterion,
        rating: { kind: "blank" },
        comment: "à revoir",
      },
    ]);
    // A blank is no rating: Direction has not confirmed.
    expect(cell()).toBe("Direction; Équipe");
  });

  it("warns of unreadable ratings (kept blank); a text question's words go to the history and the new round starts blank", async () => {
    const { wb, t } = await fullRound("partenariat-usagers");
    const question = t.dimensions.flatMap((d) => d.criteria).find(isTextCriterion);
    if (!question) throw new Error("no text question");
    fillRespondent(wb, read(wb), "CA", [{ criterion: question.id, rating: { kind: "blank" }, comment: "vu", text: "Des rencontres trimestrielles" }]);
    const a = read(wb);
    const odd = a.grid.find((r) => r.criterion !== question.id && typeof r.respondents[0]?.rating === "number");
    if (!odd) throw new Error("no rated row");
    const oddCell = odd.respondents[0]?.ratingCell;
    if (!oddCell) throw new Error("no rating cell");
    const target = wb.getWorksheet(oddCell.sheet)?.getCell(oddCell.address);
    if (!target) throw new Error("no cell");
    target.value = "beaucoup";
    const closed = await closeRound(wb, read(wb), { date: day("2026-06-30") }, sha, "f.xlsx");
    if (!closed.ok) throw new Error(closed.issues[0]?.message);
    const warned = closed.warnings.map((w) => [w.code, w.path]);
    expect(warned).toContainEqual(["round.unreadable", `f.xlsx: ${oddCell.sheet}!${oddCell.address}`]);
    const kept = closed.value.round.answers.find((x) => x.criterion === question.id && x.respondent === "CA");
    expect([kept?.answer, kept?.comment]).toEqual(["Des rencontres trimestrielles", "vu"]);
    // Written, read back from the new workbook, and still the round whose fingerprint was taken.
    const after = read(closed.value.workbook);
    const back = after.history?.at(-1);
    expect(back?.answers.find((x) => x.criterion === question.id && x.respondent === "CA")?.answer).toBe("Des rencontres trimestrielles");
    expect(back?.fingerprint).toBe(closed.value.round.fingerprint);
    const row = after.grid.find((r) => r.criterion === question.id);
    expect(row?.respondents[1]?.answer ?? row?.respondents[1]?.rating ?? null).toBeNull();
    expect(row?.respondents[1]?.comment).toBe("");
    // Beside the blank answer, the previous words and comment (« CA : words — comment »).
    const g = findTables(closed.value.workbook).get(TABLES.grid.toLowerCase());
    if (!g || !row) throw new Error("no grid");
    const previous = g.sheet.getCell(row.row, g.left + g.headers.indexOf(HEADERS.grid.previousComment.fr)).value;
    expect(previous).toBe("CA\u00a0: Des rencontres trimestrielles — vu");
    expect(after.grid.find((r) => r.criterion === odd.criterion)?.respondents[0]?.rating).toBeNull();
  });

  it("one unnamed respondent: « Oui » / Yes in « À confirmer », cleared when the criterion is rated again", async () => {
    for (const lang of ["fr", "en"] as const) {
      const t = template("rqiiac-conditions");
      const wb = await renderPlanToWorkbook(buildPlan(t, { lang }));
      const [c1, c2] = t.dimensions.flatMap((d) => d.criteria);
      if (!c1 || !c2) throw new Error("two criteria needed");
      fillAnswers(wb, read(wb), [
        { criterion: c1.id, rating: { kind: "level", value: 3 }, comment: "vu" },
        { criterion: c2.id, rating: { kind: "na" }, comment: null },
      ]);
      const closed = await closeRound(wb, read(wb), { date: day("2026-06-30"), keepRatings: true }, sha);
      if (!closed.ok) throw new Error(closed.issues[0]?.message);
      const next = closed.value.workbook;
      const after = read(next);
      const col = toConfirmColumn(next) ?? 0;
      const confirm = (id: string): unknown => next.getWorksheet(after.gridSheet)?.getCell(after.grid.find((r) => r.criterion === id)?.row ?? 0, col).value ?? null;
      const yes = lang === "fr" ? "Oui" : "Yes";
      expect([confirm(c1.id), confirm(c2.id)], lang).toEqual([yes, yes]);
      expect(after.grid.find((r) => r.criterion === c2.id)?.rating).toBe(lang === "fr" ? "S. O." : "N/A");
      fillAnswers(next, after, [{ criterion: c1.id, rating: { kind: "level", value: 4 }, comment: null }]);
      expect([confirm(c1.id), confirm(c2.id)], lang).toEqual([null, yes]);
    }
  });

  describe("refuses, changing nothing", () => {
    async function closedOnce(): Promise<{
      wb: ExcelJS.Workbook;
      a: AssessmentWorkbook;
      round: RoundRecord;
    }> {
      const { wb, a } = await fullRound("partenariat-usagers");
      const closed = await closeRound(wb, a, { label: "2025", date: day("2025-12-01") }, sha);
      if (!closed.ok) throw new Error(closed.issues[0]?.message);
      return {
        wb: closed.value.workbook,
        a: read(closed.value.workbook),
        round: closed.value.round,
      };
    }

    it("a label already closed (case aside), naming the rounds and another label", async () => {
      const { wb, a } = await closedOnce();
      const again = await closeRound(wb, a, { label: " 2025 ", date: day("2026-12-01") }, sha, "f.xlsx");
      expect(again.ok).toBe(false);
      if (again.ok) return;
      expect(again.issues[0]?.code).toBe("round.labelTaken");
      expect(again.issues[0]?.message).toContain("2025-2");
      // The default label is the year: 2025 again is taken too.
      const byYear = await closeRound(wb, a, { date: day("2025-12-31") }, sha);
      expect(byYear.ok ? null : byYear.issues[0]?.code).toBe("round.labelTaken");
    });

    it("a date before the last round's", async () => {
      const { wb, a } = await closedOnce();
      const early = await closeRound(wb, a, { label: "2026", date: day("2025-11-30") }, sha);
      expect(early.ok ? null : early.issues[0]?.message).toMatch(/2025-11-30.*2025-12-01/);
      // The same day is no earlier.
      expect((await closeRound(wb, a, { label: "2026", date: day("2025-12-01") }, sha)).ok).toBe(true);
    });

    it.each([
      ["   ", "round.labelEmpty"],
      ["x".repeat(41), "round.labelTooLong"],
      ["2026\nbis", "round.labelControl"],
    ])("the label %j", async (label, code) => {
      const { wb, a } = await fullRound("partenariat-usagers");
      const r = await closeRound(wb, a, { label, date: day("2026-01-01") }, sha);
      expect(r.ok ? null : r.issues[0]?.code).toBe(code);
    });
  });
});

describe("closeRoundSnapshot (the pane and the workbench)", () => {
  it("closes the round of a workbook's bytes with the command line's code, the bytes given untouched", async () => {
    const { wb, a } = await fullRound("specifique-engagement");
    const bytes = await saveWorkbook(wb);
    const kept = Uint8Array.from(bytes);
    const closed = await closeRoundSnapshot(bytes, "classeur.xlsx", { label: "Cycle 1", date: day("2026-06-30"), keepRatings: true });
    if (!closed.ok) throw new Error(closed.issues[0]?.message);
    expect(bytes).toEqual(kept);
    const reopened = await closeRoundSnapshot(closed.value.bytes, "classeur.xlsx", { label: "cycle 1", date: day("2026-07-01") });
    // The round is in the new bytes' history: the same label again is refused, naming the workbook.
    expect(reopened.ok ? null : [reopened.issues[0]?.code, reopened.issues[0]?.path]).toEqual(["round.labelTaken", "classeur.xlsx: --label"]);
    const direct = await closeRound(wb, a, { label: "Cycle 1", date: day("2026-06-30") }, sha);
    if (!direct.ok) throw new Error(direct.issues[0]?.message);
    // WebCrypto's digest and node:crypto's give the same fingerprint.
    expect(closed.value.round.fingerprint).toBe(direct.value.round.fingerprint);
  });
});

describe("confirmedBy", () => {
  it("takes a respondent's name out of the list, matched as people type it", () => {
    expect(confirmedBy("Direction; CA; Équipe", "equipe")).toBe("Direction; CA");
    expect(confirmedBy("Direction;CA", "DIRECTION")).toBe("CA");
    expect(confirmedBy("CA", "CA")).toBeNull();
    expect(confirmedBy("Direction; CA", "Autre")).toBe("Direction; CA");
  });

  it("takes « Oui » / Yes out for the unnamed respondent", () => {
    expect(confirmedBy("Oui", "")).toBeNull();
    expect(confirmedBy("yes", "")).toBeNull();
    expect(confirmedBy("Non", "")).toBe("Non");
  });
});
