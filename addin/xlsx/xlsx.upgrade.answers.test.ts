import { describe, expect, it } from "vitest";
import type { Criterion, Scale, Template } from "../model/template.types.js";
import { carryAnswers, type AnswerSource, type CarryContext, type PlainCell } from "./xlsx.upgrade.answers.js";

const FOUR: Scale = {
  levels: [1, 2, 3, 4].map((value) => ({ value, label: { fr: `Niveau ${value}`, en: `Level ${value}` } })),
  notApplicable: true,
};
const THREE: Scale = {
  levels: [0, 1, 2].map((value) => ({ value, label: { fr: `Étape ${value}`, en: `Step ${value}` } })),
  notApplicable: true,
};
const old: Pick<Template, "scale" | "scales"> = { scale: FOUR };
const next: Pick<Template, "scale" | "scales"> = { scale: FOUR, scales: { trois: THREE } };
const COLUMNS = ["rating", "answer", "comment", "evaluatorRating", "evaluatorComment", "mine"].map((key) => ({ key, header: key }));

function ctx(lang: "fr" | "en" = "en"): CarryContext {
  return { old, next, lang, columns: COLUMNS };
}

function crit(id: string, more: Partial<Criterion> = {}): Criterion {
  return { id, text: id, weight: 1, ...more };
}

function src(id: string, values: Record<string, PlainCell>, more: Partial<Criterion> = {}, formulas: Record<string, string> = {}): AnswerSource {
  return { id, criterion: crit(id, more), values, formulas };
}

describe("carryAnswers: the answers an upgrade gives a new criterion", () => {
  it("carries a kept criterion's cells as they are, even a value that was no level already", () => {
    const r = carryAnswers(ctx(), crit("C1"), [src("C1", { rating: 7, comment: "c", evaluatorRating: "N/A", evaluatorComment: "e", mine: "x" })]);
    expect(r.cells).toEqual({ rating: { copy: 0 }, comment: { copy: 0 }, evaluatorRating: { copy: 0 }, evaluatorComment: { copy: 0 }, mine: { copy: 0 } });
    expect(r.review).toEqual([]);
  });

  it("maps a rating across a scale change by levelMap, else by value, else lists it for review with its old label", () => {
    const target = crit("C1", { scale: "trois", levelMap: { "1": 0, "4": 2 } });
    expect(carryAnswers(ctx(), target, [src("C1", { rating: 4, evaluatorRating: 1 })]).cells).toEqual({ rating: { value: 2 }, evaluatorRating: { value: 0 } });
    // 2 is a level of the new scale and the map says nothing of it: kept by value.
    expect(carryAnswers(ctx(), target, [src("C1", { rating: 2 })]).cells).toEqual({ rating: { copy: 0 } });
    const r = carryAnswers(ctx("fr"), target, [src("C1", { rating: 3, comment: "gardé" })]);
    expect(r.cells).toEqual({ comment: { copy: 0 } });
    expect(r.review).toEqual([{ criterion: "C1", from: "C1", column: "rating", value: 3, label: "Niveau 3", reason: "notALevel" }]);
  });

  it("keeps N/A where the new criterion allows it, and lists it for review where it is required", () => {
    expect(carryAnswers(ctx(), crit("C1", { scale: "trois" }), [src("C1", { rating: "S. O." })]).cells).toEqual({ rating: { copy: 0 } });
    const r = carryAnswers(ctx("fr"), crit("C1", { required: true }), [src("C1", { rating: "N/A", evaluatorRating: "so" })]);
    expect(r.cells).toEqual({});
    expect(r.review.map((i) => [i.column, i.value, i.label, i.reason])).toEqual([
      ["rating", "N/A", "Sans objet", "notApplicableRefused"],
      ["evaluatorRating", "so", "Sans objet", "notApplicableRefused"],
    ]);
  });

  it("a criterion turned into a question in words keeps its comments and N/A; its ratings go to review", () => {
    const target = crit("Q1", { type: "text" });
    const r = carryAnswers(ctx(), target, [src("Q1", { rating: 2, comment: "why", evaluatorRating: 3, evaluatorComment: "ok" })]);
    expect(r.cells).toEqual({ comment: { copy: 0 }, evaluatorComment: { copy: 0 } });
    expect(r.review.map((i) => [i.column, i.value, i.label, i.reason])).toEqual([
      ["rating", 2, "Level 2", "textQuestion"],
      ["evaluatorRating", 3, "Level 3", "textQuestion"],
    ]);
    expect(carryAnswers(ctx(), target, [src("Q1", { rating: "N/A" })]).cells).toEqual({ rating: { copy: 0 } });
    const refused = carryAnswers(ctx(), crit("Q1", { type: "text", required: true }), [src("Q1", { rating: "N/A" })]);
    expect(refused.review.map((i) => i.reason)).toEqual(["notApplicableRefused"]);
  });

  it("a question in words turned into a rated criterion: its words go to review", () => {
    const r = carryAnswers(ctx(), crit("Q1"), [src("Q1", { answer: "we do", comment: "c" }, { type: "text" })]);
    expect(r.cells).toEqual({ comment: { copy: 0 } });
    expect(r.review).toEqual([{ criterion: "Q1", from: "Q1", column: "answer", value: "we do", label: "", reason: "notAQuestion" }]);
    // Still a question: the words carry.
    expect(carryAnswers(ctx(), crit("Q1", { type: "text" }), [src("Q1", { answer: "we do" }, { type: "text" })]).cells).toEqual({ answer: { copy: 0 } });
  });

  it("a renumbered criterion takes its one old row as it is", () => {
    const r = carryAnswers(ctx(), crit("K1", { replaces: ["C1"] }), [src("C1", { rating: 3, comment: "c" })]);
    expect(r.cells).toEqual({ rating: { copy: 0 }, comment: { copy: 0 } });
  });

  it("merged: keeps the first non-blank rating, lists the others that differ, joins the comments with their old ids", () => {
    const target = crit("M", { replaces: ["A", "B", "C"] });
    const r = carryAnswers(ctx("fr"), target, [
      src("A", { rating: null, comment: "first" }),
      src("B", { rating: 3, evaluatorRating: "N/A", mine: "b" }),
      src("C", { rating: 2, comment: "third", evaluatorRating: "s.o.", mine: "c" }),
    ]);
    expect(r.cells).toEqual({
      rating: { copy: 1 },
      comment: { value: "A\u00a0: first\nC\u00a0: third" },
      evaluatorRating: { copy: 1 },
      mine: { copy: 1 },
    });
    // Two spellings of N/A are the same answer; 2 differs from the 3 kept.
    expect(r.review).toEqual([
      { criterion: "M", from: "C", column: "rating", value: 2, label: "Niveau 2", reason: "merged" },
      { criterion: "M", from: "C", column: "mine", value: "c", label: "", reason: "merged" },
    ]);
    const en = carryAnswers(ctx("en"), target, [src("A", { comment: "one" }), src("B", { comment: "two" })]);
    expect(en.cells.comment).toEqual({ value: "A: one\nB: two" });
  });

  it("merged: an answer the new scale cannot take is reviewed and the next one is kept", () => {
    const target = crit("M", { scale: "trois", replaces: ["A", "B"] });
    const r = carryAnswers(ctx(), target, [src("A", { rating: 4 }), src("B", { rating: 1 })]);
    expect(r.cells).toEqual({ rating: { copy: 1 } });
    expect(r.review.map((i) => [i.from, i.value, i.reason])).toEqual([["A", 4, "notALevel"]]);
  });

  it("a formula whose value is mapped or merged is written as its value and listed with its text", () => {
    const target = crit("C1", { scale: "trois", levelMap: { "4": 2 } });
    const r = carryAnswers(ctx(), target, [src("C1", { rating: 4 }, {}, { rating: "2+2" })]);
    expect(r.cells).toEqual({ rating: { value: 2 } });
    expect(r.review).toEqual([{ criterion: "C1", from: "C1", column: "rating", value: "=2+2", label: "", reason: "formula" }]);
  });
});
