import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "../../addin/model/builtin.js";
import { isTextCriterion, scaleOfCriterion } from "../../addin/model/criterion.scale.js";
import { OVERALL_ROW, type RoundRecord } from "../../addin/model/history.types.js";
import type { Template } from "../../addin/model/template.types.js";
import { loadQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { BUILTIN_IDS, column, editWorkbook, loadXlsx, parseJson, run, table, tempDir, writeText, type TableAt } from "./cli.helpers.js";

// A round closed on the command line (design.md "Rounds, comparison and report"): every built-in with
// three respondents, the evaluator's ratings, evidence reviewed and an action plan; the history must
// hold exactly what `score --json` printed before the close, and nothing of the round may be lost.

const NAMES = ["Direction", "CA", "Équipe"];

function template(id: string): Template {
  const t = builtinTemplate(id);
  if (!t) throw new Error(`no built-in ${id}`);
  return t;
}

/** Respondent `k`'s CSV: levels seeded by position (`seed` shifts them), some N/A, some blank; words for the text questions. */
function answersCsv(t: Template, k: number, seed: number): string {
  const lines = t.dimensions
    .flatMap((d) => d.criteria)
    .filter((c) => !isTextCriterion(c))
    .map((c, i) => {
      const scale = scaleOfCriterion(t, c);
      if (k === 2 && i % 5 === 4) return `${c.id},,`;
      if (i % 7 === 3 && scale.notApplicable && c.required !== true) return `${c.id},N/A,Sans objet pour ${NAMES[k] ?? ""}`;
      const level = scale.levels[(i * (seed + 2) + k) % scale.levels.length];
      return `${c.id},${level?.value ?? ""},Avis de ${NAMES[k] ?? ""} sur ${c.id}`;
    });
  // A text question's words go in its rating field: the history must keep them.
  const words = t.dimensions
    .flatMap((d) => d.criteria)
    .filter(isTextCriterion)
    .map((c) => `${c.id},Réponse de ${NAMES[k] ?? ""} sur ${c.id},`);
  return ["criterion,rating,comment", ...lines, ...words, ""].join("\n");
}

/** The evaluator's CSV: a level for each rating criterion but every fourth. */
function reviewCsv(t: Template): string {
  const lines = t.dimensions
    .flatMap((d) => d.criteria)
    .filter((c) => !isTextCriterion(c))
    .map((c, i) => {
      const levels = scaleOfCriterion(t, c).levels;
      return i % 4 === 3 ? `${c.id},,` : `${c.id},${levels[i % levels.length]?.value ?? ""},Vu en visite`;
    });
  return ["criterion,rating,comment", ...lines, ""].join("\n");
}

/** A built-in's workbook with three respondents' ratings, the evaluator's ratings and evidence review, and the action plan. */
async function assessed(dir: string, id: string, seed = 0): Promise<string> {
  const t = template(id);
  const file = path.join(dir, `${id}.xlsx`);
  expect((await run("new", id, "-o", file, "--respondents", NAMES.join(","))).code).toBe(0);
  await fill(dir, file, t, seed);
  const criteria = t.dimensions.flatMap((d) => d.criteria).filter((c) => !isTextCriterion(c));
  await editWorkbook(file, (wb) => {
    const ev = table(wb, "QG_Evidence");
    criteria.slice(0, 3).forEach((c, i) => {
      ev.sheet.getCell(ev.top + 1 + i, column(ev, "Critères")).value = c.id;
      ev.sheet.getCell(ev.top + 1 + i, column(ev, "Titre du document")).value = `Document ${i + 1}`;
      ev.sheet.getCell(ev.top + 1 + i, column(ev, "Statut")).value = "Acceptée";
    });
  });
  const review = await run(
    "review",
    file,
    "--answers",
    writeText(dir, "review.csv", reviewCsv(t)),
    "--evidence",
    writeText(dir, "evidence.csv", "evidence,status,note\nE001,Acceptée,Conforme\nE002,À compléter,Signature manquante\n"),
    "--by",
    "Marie Tremblay",
  );
  expect(review.code, review.err).toBe(0);
  const plan = await run("plan", file);
  expect(plan.code, plan.err).toBe(0);
  return file;
}

/** Each respondent's answers (`fill --respondent`). */
async function fill(dir: string, file: string, t: Template, seed: number): Promise<void> {
  for (const [k, name] of NAMES.entries()) {
    const r = await run("fill", file, "--answers", writeText(dir, `r${k}-${seed}.csv`, answersCsv(t, k, seed)), "--respondent", name);
    expect(r.code, r.err).toBe(0);
  }
}

/** The rows of a table that hold something typed beside their id, as header → value (formulas as their text). */
function typedRows(t: TableAt, skip: readonly string[] = []): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    let typed = false;
    const row: Record<string, unknown> = {};
    t.headers.forEach((h, i) => {
      if (skip.includes(h)) return;
      const v = t.sheet.getCell(r, t.left + i).value;
      const formula = v !== null && typeof v === "object" && "formula" in v;
      if (!formula && v !== null && v !== undefined && v !== "" && i > 0) typed = true;
      row[h] = formula ? v.formula : v instanceof Date ? v.toISOString() : (v ?? null);
    });
    if (typed) out.push(row);
  }
  return out;
}

const REVIEW_COLUMNS = ["Statut de la revue", "Avis évaluateur", "Date de revue", "Réviseur"];

/** The closed rounds as the project's reader gives them back. */
async function historyOf(file: string): Promise<RoundRecord[]> {
  const opened = await loadQualigridWorkbook(fs.readFileSync(file), file);
  if (!opened.ok) throw new Error(opened.issues.map((i) => i.message).join("; "));
  return opened.value.assessment.history ?? [];
}

/** What `check --json` finds, as messages. */
async function findingsOf(file: string): Promise<string[]> {
  const checked = await run("check", file, "--json");
  return (parseJson<{ findings?: { message: string }[] }>(checked.out).findings ?? []).map((f) => f.message);
}

interface ScoreOut {
  overall: Record<string, unknown>;
  dimensions: (Record<string, unknown> & { id: string })[];
}

interface RoundListOut {
  rounds: {
    label: string;
    date: string;
    templateId: string;
    version: string;
    overall: number | null;
    change: number | null;
  }[];
}

describe("qualigrid round close", () => {
  it.each(BUILTIN_IDS)("%s: the history holds score --json's figures; the next round starts blank beside the previous one; nothing is lost", async (id) => {
    const dir = tempDir();
    const file = await assessed(dir, id);
    const before = parseJson<ScoreOut>((await run("score", file, "--json")).out);
    const wbBefore = await loadXlsx(file);
    const evidence = typedRows(table(wbBefore, "QG_Evidence"), REVIEW_COLUMNS);
    const actions = typedRows(table(wbBefore, "QG_Actions"));
    expect(actions.length).toBeGreaterThan(0);

    const foundBefore = await findingsOf(file);
    const sealed = await run("seal", file, "--by", "Marie Tremblay", "--date", "2025-11-28", "--receipt", path.join(dir, "sceau.json"));
    expect(sealed.code, sealed.err).toBe(0);

    const closed = await run("round", "close", file, "--label", "2025", "--date", "2025-12-01");
    expect(closed.code, closed.err).toBe(0);
    expect(closed.out).toContain("2025-12-01");
    // The seal vouched for the closed round: said, and not carried.
    expect(closed.out).toMatch(/sceau du 2025-11-28 \(Marie Tremblay\)/);
    // `check` finds nothing new but the criteria and questions the new round has yet to answer: no formula, history or seal finding.
    const found = await findingsOf(file);
    expect(found.filter((m) => !/n.a pas de (cotation|réponse)/.test(m) && !foundBefore.includes(m))).toEqual([]);

    // The figures, to the number.
    const [round, ...more] = await historyOf(file);
    expect(more).toEqual([]);
    if (!round) throw new Error("no round recorded");
    expect([round.label, round.date.toISOString().slice(0, 10), round.templateId]).toEqual(["2025", "2025-12-01", id]);
    const figures = new Map(round.figures.map((f) => [f.dimension, f]));
    for (const d of [...before.dimensions, { ...before.overall, id: OVERALL_ROW }]) {
      const f = figures.get(d.id);
      expect(f, d.id).toBeDefined();
      for (const key of ["score", "target", "gap", "completion", "evidenceCoverage", "requiredNotMet", "reviewedCoverage", "toDiscuss"] as const) {
        if (key in d) expect(f?.[key], `${d.id} ${key}`).toEqual(d[key]);
      }
      for (const key of ["answered", "notApplicable", "total"] as const) if (key in d) expect(f?.[key], `${d.id} ${key}`).toEqual(d[key]);
      expect(f?.evaluator, `${d.id} evaluator`).toEqual(d.evaluator);
    }

    // The next round: nothing rated, evidence and actions whole but the review columns.
    const after = parseJson<ScoreOut>((await run("score", file, "--json")).out);
    expect(after.overall.score).toBeNull();
    expect(after.dimensions.every((d) => d.answered === 0)).toBe(true);
    const wb = await loadXlsx(file);
    expect(typedRows(table(wb, "QG_Evidence"), REVIEW_COLUMNS)).toEqual(evidence);
    const ev = table(wb, "QG_Evidence");
    for (const h of REVIEW_COLUMNS) for (let r = ev.top + 1; r <= ev.bottom; r++) expect(ev.sheet.getCell(r, column(ev, h)).value ?? null, `${h} row ${r}`).toBeNull();
    expect(typedRows(table(wb, "QG_Actions"))).toEqual(actions);

    // Beside each blank rating, the closed round's consolidated rating and each respondent's comment.
    const g = table(wb, "QG_Grid");
    const consolidated = new Map(round.criteria.map((c) => [c.criterion, c.consolidated]));
    let shown = 0;
    for (let r = g.top + 1; r <= g.bottom; r++) {
      const crit = String(g.sheet.getCell(r, column(g, "Critère")).value);
      for (const n of NAMES) expect(g.sheet.getCell(r, column(g, `Cotation — ${n}`)).value ?? null, `${crit} ${n}`).toBeNull();
      const c = consolidated.get(crit);
      const prev = g.sheet.getCell(r, column(g, "Cotation précédente")).value;
      if (typeof c === "number") expect(prev, crit).toBeCloseTo(c, 9);
      const comments = String(g.sheet.getCell(r, column(g, "Commentaires précédents")).value ?? "");
      const given = round.answers.filter((x) => x.criterion === crit && x.comment !== "");
      for (const x of given) expect(comments, crit).toMatch(new RegExp(`${x.respondent}\\s*:\\s*${x.comment}`));
      if (given.length > 0) shown++;
    }
    expect(shown).toBeGreaterThan(0);

    // A text question's words: in the history, shown with the previous comments, and blank in the new round.
    const questions = template(id).dimensions.flatMap((d) => d.criteria).filter(isTextCriterion).map((c) => c.id);
    const words = round.answers.filter((x) => questions.includes(x.criterion));
    expect(words).toHaveLength(questions.length * NAMES.length);
    for (const x of words) expect(x.answer, `${x.criterion} ${x.respondent}`).toBe(`Réponse de ${x.respondent} sur ${x.criterion}`);
    for (let r = g.top + 1; r <= g.bottom; r++) {
      const crit = String(g.sheet.getCell(r, column(g, "Critère")).value);
      if (!questions.includes(crit)) continue;
      const comments = String(g.sheet.getCell(r, column(g, "Commentaires précédents")).value ?? "");
      for (const n of NAMES) expect(comments, crit).toContain(`${n}\u00a0: Réponse de ${n} sur ${crit}`);
    }
    const next = await loadQualigridWorkbook(fs.readFileSync(file), file);
    if (!next.ok) throw new Error(next.issues.map((i) => i.message).join("; "));
    const left = next.value.assessment.assessment.criteria.filter((c) => questions.includes(c.criterion)).flatMap((c) => c.answers.map((x) => x.text));
    expect(left.filter((w) => w !== "")).toEqual([]);
  });

  it("closes a second round after new ratings; round list gives both with the change of the overall score", async () => {
    const dir = tempDir();
    const id = "engagement-qualite";
    const file = await assessed(dir, id);
    const first = parseJson<ScoreOut>((await run("score", file, "--json")).out);
    expect((await run("round", "close", file, "--date", "2025-12-01")).code).toBe(0);
    await fill(dir, file, template(id), 1);
    const second = parseJson<ScoreOut>((await run("score", file, "--json")).out);
    const closed = await run("round", "close", file, "--label", "Cycle 2026", "--date", "2026-12-04");
    expect(closed.code, closed.err).toBe(0);
    const list = parseJson<RoundListOut>((await run("round", "list", file, "--json")).out);
    const s1 = first.overall.score as number;
    const s2 = second.overall.score as number;
    expect(list.rounds.map((r) => [r.label, r.date, r.overall])).toEqual([
      ["2025", "2025-12-01", s1],
      ["Cycle 2026", "2026-12-04", s2],
    ]);
    expect(list.rounds[0]?.change).toBeNull();
    expect(list.rounds[1]?.change).toBeCloseTo(s2 - s1, 9);
    // Both rounds kept whole: the first's figures did not move when the second closed.
    const history = await historyOf(file);
    expect(history.map((r) => r.figures.find((f) => f.dimension === OVERALL_ROW)?.score)).toEqual([s1, s2]);
    const text = await run("round", "list", file, "--lang", "fr");
    expect(text.out).toMatch(/Cycle 2026\s+2026-12-04/);
  });

  it("--keep-ratings starts each respondent from their own rating, marked « À confirmer »", async () => {
    const dir = tempDir();
    const file = await assessed(dir, "partenariat-usagers");
    const wbBefore = await loadXlsx(file);
    const g0 = table(wbBefore, "QG_Grid");
    const closed = await run("round", "close", file, "--keep-ratings", "--date", "2026-01-15");
    expect(closed.code, closed.err).toBe(0);
    expect(closed.out).toContain("À confirmer");
    const wb = await loadXlsx(file);
    const g = table(wb, "QG_Grid");
    let carried = 0;
    for (let r = g.top + 1; r <= g.bottom; r++) {
      const crit = String(g.sheet.getCell(r, column(g, "Critère")).value);
      const r0 = r - g.top + g0.top;
      const kept = NAMES.filter((n) => {
        const was = g0.sheet.getCell(r0, column(g0, `Cotation — ${n}`)).value ?? null;
        expect(g.sheet.getCell(r, column(g, `Cotation — ${n}`)).value ?? null, `${crit} ${n}`).toEqual(was);
        expect(g.sheet.getCell(r, column(g, `Commentaire — ${n}`)).value ?? null).toBeNull();
        return was !== null;
      });
      carried += kept.length;
      expect(g.sheet.getCell(r, column(g, "À confirmer")).value ?? null, crit).toBe(kept.length > 0 ? kept.join("; ") : null);
    }
    expect(carried).toBeGreaterThan(0);
    // A respondent who rates again confirms: fill takes their name out.
    const crit = String(g.sheet.getCell(g.top + 1, column(g, "Critère")).value);
    const again = await run("fill", file, "--answers", writeText(dir, "again.csv", `criterion,rating,comment\n${crit},N/A,\n`), "--respondent", "CA");
    expect(again.code, again.err).toBe(0);
    const g2 = table(await loadXlsx(file), "QG_Grid");
    expect(String(g2.sheet.getCell(g2.top + 1, column(g2, "À confirmer")).value ?? "")).not.toMatch(/\bCA\b/);
  });

  it("refuses a label already used, an earlier date and a date that is not one, leaving the file byte for byte", async () => {
    const dir = tempDir();
    const file = await assessed(dir, "donner-le-cap");
    expect((await run("round", "close", file, "--label", "2025", "--date", "2025-12-01")).code).toBe(0);
    const bytes = fs.readFileSync(file);
    const taken = await run("round", "close", file, "--label", "2025", "--date", "2026-01-01");
    expect(taken.code).toBe(2);
    expect(taken.err).toMatch(/2025.*--label.*2025-2/s);
    const early = await run("round", "close", file, "--label", "2026", "--date", "2025-11-30");
    expect(early.code).toBe(2);
    expect(early.err).toContain("2025-12-01");
    const bad = await run("round", "close", file, "--date", "2026-02-30");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("2026-02-30");
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    const en = await run("round", "close", file, "--label", "2025", "--lang", "en");
    expect(en.err).toContain("already closed");
  });

  it("speaks English in an English workbook, whose history sheet Excel accepts", async () => {
    const dir = tempDir();
    const file = path.join(dir, "en.xlsx");
    expect((await run("new", "specifique-engagement", "-o", file, "--lang", "en")).code).toBe(0);
    const t = template("specifique-engagement");
    const first = t.dimensions.flatMap((d) => d.criteria).find((c) => !isTextCriterion(c));
    const level = first ? scaleOfCriterion(t, first).levels[0]?.value : undefined;
    expect((await run("fill", file, "--answers", writeText(dir, "a.csv", `criterion,rating,comment\n${first?.id ?? ""},${level ?? ""},seen\n`))).code).toBe(0);
    const closed = await run("round", "close", file, "--keep-ratings", "--date", "2026-04-01", "--label", "Spring 2026");
    expect(closed.code, closed.err).toBe(0);
    expect(closed.out).toMatch(/^Round "Spring 2026" closed on 2026-04-01/);
    expect(closed.out).toContain("To confirm");
    const wb = await loadXlsx(file);
    const g = table(wb, "QG_Grid");
    const confirmed: unknown[] = [];
    for (let r = g.top + 1; r <= g.bottom; r++) confirmed.push(g.sheet.getCell(r, column(g, "To confirm")).value ?? null);
    expect(confirmed.filter((v) => v !== null)).toEqual(["Yes"]);
    expect((await run("round", "list", file)).out).toMatch(/Round\s+Date\s+Template version\s+Overall score\s+Change\n(Spring 2026)\s+2026-04-01/);
  });

  it("check notices the history deleted whole, which the dashboard still names, and says where", async () => {
    const dir = tempDir();
    const file = await assessed(dir, "rqiiac-conditions");
    expect((await run("round", "close", file, "--label", "Cycle A", "--date", "2026-03-01")).code).toBe(0);
    expect((await findingsOf(file)).filter((m) => m.includes("QG_PreviousRound"))).toEqual([]);
    await editWorkbook(file, (wb) => {
      const ws = wb.getWorksheet("Historique");
      if (!ws) throw new Error("no history sheet");
      wb.removeWorksheet(ws.id);
    });
    const checked = await run("check", file, "--json");
    const findings = parseJson<{ findings?: { message: string; sheet?: string; cell?: string; where?: { sheet: string; address: string } }[] }>(checked.out).findings ?? [];
    const found = findings.filter((f) => f.message.includes("QG_PreviousRound"));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("«\u00a0Cycle A\u00a0»");
    expect(JSON.stringify(found[0])).toContain("Tableau de bord");
  });

  it("-o writes the next round elsewhere and leaves the closed round's file as it was", async () => {
    const dir = tempDir();
    const file = await assessed(dir, "rqiiac-conditions");
    const bytes = fs.readFileSync(file);
    const out = path.join(dir, "cycle-2.xlsx");
    const r = await run("round", "close", file, "-o", out, "--date", "2026-03-01");
    expect(r.code, r.err).toBe(0);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect((await historyOf(out)).map((x) => x.label)).toEqual(["2026"]);
    expect(parseJson<RoundListOut>((await run("round", "list", file, "--json")).out).rounds).toEqual([]);
    expect((await run("round", "list", file)).out).toContain("aucun cycle");
  });
});
