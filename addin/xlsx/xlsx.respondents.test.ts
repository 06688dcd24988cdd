import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { builtinTemplate } from "../model/builtin.js";
import type { Rating } from "../model/scale.js";
import type { Template } from "../model/template.types.js";
import { buildPlan } from "../plan/plan.build.js";
import type { AssessmentWorkbook } from "../workbook/workbook.types.js";
import type { AnswerEntry } from "./xlsx.fill.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToWorkbook } from "./xlsx.render.js";
import { fillAgreed, fillRespondent, recordRespondent, withRespondents } from "./xlsx.respondents.js";
import { upgradeWorkbook } from "./xlsx.upgrade.js";

function template(id = "engagement-qualite"): Template {
  const t = builtinTemplate(id);
  if (!t) throw new Error(`no built-in ${id}`);
  return t;
}

async function workbook(respondents?: string[], id?: string): Promise<{ wb: ExcelJS.Workbook; a: AssessmentWorkbook }> {
  const wb = await renderPlanToWorkbook(buildPlan(template(id), { lang: "fr", ...(respondents ? { respondents } : {}) }));
  return { wb, a: read(wb) };
}

function read(wb: ExcelJS.Workbook): AssessmentWorkbook {
  const r = readQualigridWorkbook(wb, "test.xlsx");
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
  return r.value;
}

const level = (value: number): Rating => ({ kind: "level", value });
const ids = (): string[] => template().dimensions.flatMap((d) => d.criteria.map((c) => c.id));
const line = (criterion: string, rating: Rating, comment: string | null = null): AnswerEntry => ({ criterion, rating, comment });

describe("fillRespondent", () => {
  it("writes one respondent's column and no other's", async () => {
    const { wb, a } = await workbook(["Direction", "CA", "Équipe"]);
    const [c1, c2] = ids();
    const r = fillRespondent(wb, a, "ca", [line(c1 ?? "", level(3), "vu"), line(c2 ?? "", { kind: "na" })]);
    expect(r).toEqual({ filled: 2, cellsChanged: 3 });
    const back = read(wb).assessment.criteria;
    expect(back[0]?.answers.map((x) => x.rating)).toEqual([{ kind: "blank" }, level(3), { kind: "blank" }]);
    expect(back[0]?.answers[1]?.comment).toBe("vu");
    expect(back[1]?.answers[1]?.rating.kind).toBe("na");
  });

  it("with replace, blanks the criteria the lines leave out (a merged copy replaces the column)", async () => {
    const { wb, a } = await workbook(["Direction", "CA"]);
    const [c1, c2] = ids();
    fillRespondent(wb, a, "Direction", [line(c1 ?? "", level(2), "a"), line(c2 ?? "", level(4), "b")]);
    const again = fillRespondent(wb, read(wb), "Direction", [line(c2 ?? "", level(4), "b")], { replace: true });
    expect(again.cellsChanged).toBe(2);
    const back = read(wb).assessment.criteria;
    expect(back[0]?.answers[0]).toMatchObject({ rating: { kind: "blank" }, comment: "" });
    expect(back[1]?.answers[0]).toMatchObject({ rating: level(4), comment: "b" });
    // The same lines again: nothing changes.
    expect(fillRespondent(wb, read(wb), "Direction", [line(c2 ?? "", level(4), "b")], { replace: true }).cellsChanged).toBe(0);
  });
});

describe("fillAgreed and recordRespondent", () => {
  it("writes agreed ratings and reasons; a blank rating clears one", async () => {
    const { wb, a } = await workbook(["Direction", "CA"]);
    const [c1] = ids();
    fillAgreed(wb, a, [line(c1 ?? "", level(3), "Consensus")]);
    expect(read(wb).assessment.criteria[0]?.agreed).toEqual({ rating: level(3), reason: "Consensus" });
    fillAgreed(wb, read(wb), [line(c1 ?? "", { kind: "blank" }, "")]);
    expect(read(wb).assessment.criteria[0]?.agreed).toBeNull();
  });

  it("records a copy id and a merge on a respondent's row", async () => {
    const { wb, a } = await workbook(["Direction", "CA"]);
    recordRespondent(wb, a, "ca", { copyId: "id-1", mergedOn: new Date(Date.UTC(2026, 4, 12)), mergedFrom: "ca.xlsx" });
    expect(read(wb).respondents[1]).toEqual({ name: "CA", copyId: "id-1", mergedOn: new Date(Date.UTC(2026, 4, 12)), mergedFrom: "ca.xlsx" });
    expect(read(wb).respondents[0]).toMatchObject({ name: "Direction", copyId: "" });
  });
});

describe("withRespondents", () => {
  it("re-renders with one more respondent, everyone's answers, agreed ratings and records carried by name", async () => {
    const { wb, a } = await workbook(["Direction", "CA"]);
    const [c1] = ids();
    fillRespondent(wb, a, "Direction", [line(c1 ?? "", level(4), "d")]);
    fillRespondent(wb, read(wb), "CA", [line(c1 ?? "", level(1), "c")]);
    fillAgreed(wb, read(wb), [line(c1 ?? "", level(2), "ok")]);
    recordRespondent(wb, read(wb), "CA", { copyId: "id-ca" });
    const done = await withRespondents(wb, read(wb), ["CA", "Direction", "Équipe"]);
    if (!done.ok) throw new Error(done.issues.map((i) => i.message).join("; "));
    const back = read(done.value);
    expect(back.respondents.map((r) => [r.name, r.copyId])).toEqual([["CA", "id-ca"], ["Direction", ""], ["Équipe", ""]]);
    expect(back.assessment.criteria[0]?.answers.map((x) => [x.rating, x.comment])).toEqual([[level(1), "c"], [level(4), "d"], [{ kind: "blank" }, ""]]);
    expect(back.assessment.criteria[0]?.agreed).toEqual({ rating: level(2), reason: "ok" });
  });

  it("gives an unnamed respondent's answers to the first name", async () => {
    const { wb, a } = await workbook();
    const [c1] = ids();
    fillRespondent(wb, a, "", [line(c1 ?? "", level(3), "x")]);
    const done = await withRespondents(wb, read(wb), ["Direction", "CA"]);
    if (!done.ok) throw new Error(done.issues.map((i) => i.message).join("; "));
    expect(read(done.value).assessment.criteria[0]?.answers.map((x) => x.rating)).toEqual([level(3), { kind: "blank" }]);
  });

  it("carries the words of a question in words, per respondent", async () => {
    const id = "donner-le-cap";
    const question = template(id).dimensions.flatMap((d) => d.criteria).find((c) => c.type === "text");
    if (!question) throw new Error(`${id} has no question in words`);
    const { wb, a } = await workbook(undefined, id);
    fillRespondent(wb, a, "", [{ criterion: question.id, rating: { kind: "blank" }, comment: "c", text: "Nos mots" }]);
    const two = await withRespondents(wb, read(wb), ["Direction", "CA"]);
    if (!two.ok) throw new Error(two.issues.map((i) => i.message).join("; "));
    fillRespondent(two.value, read(two.value), "CA", [{ criterion: question.id, rating: { kind: "blank" }, comment: null, text: "Les leurs" }]);
    const three = await withRespondents(two.value, read(two.value), ["CA", "Direction", "Équipe"]);
    if (!three.ok) throw new Error(three.issues.map((i) => i.message).join("; "));
    const row = read(three.value).assessment.criteria.find((c) => c.criterion === question.id);
    expect(row?.answers.map((x) => [x.text, x.comment])).toEqual([["Les leurs", ""], ["Nos mots", "c"], ["", ""]]);
  });

  it("lists for review each respondent's words when a new version rates the question instead", async () => {
    const id = "donner-le-cap";
    const question = template(id).dimensions.flatMap((d) => d.criteria).find((c) => c.type === "text");
    if (!question) throw new Error(`${id} has no question in words`);
    const { wb, a } = await workbook(["Direction", "CA"], id);
    fillRespondent(wb, a, "CA", [{ criterion: question.id, rating: { kind: "blank" }, comment: null, text: "Les leurs" }]);
    const next = structuredClone(template(id));
    next.version = "99.0.0";
    for (const d of next.dimensions) for (const c of d.criteria) if (c.id === question.id) delete c.type;
    const done = await upgradeWorkbook(wb, read(wb), next);
    if (!done.ok) throw new Error(done.issues.map((i) => i.message).join("; "));
    expect(done.value.summary.review).toContainEqual(expect.objectContaining({ criterion: question.id, column: "Réponse — CA", value: "Les leurs" }));
  });

  it("refuses to leave out a respondent who has answers", async () => {
    const { wb, a } = await workbook(["Direction", "CA"]);
    const [c1] = ids();
    fillRespondent(wb, a, "CA", [line(c1 ?? "", level(3))]);
    const done = await withRespondents(wb, read(wb), ["Direction"]);
    expect(done.ok).toBe(false);
    if (!done.ok) expect(done.issues[0]?.code).toBe("upgrade.respondentRemoved");
  });
});
