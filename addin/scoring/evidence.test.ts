import { describe, expect, it } from "vitest";
import { splitCriterionIds } from "./evidence.js";

describe("splitCriterionIds", () => {
  it.each([
    ["C1", ["C1"]],
    ["C1,C2", ["C1", "C2"]],
    ["C1, C2", ["C1", "C2"]],
    ["C1;C2", ["C1", "C2"]],
    ["C1 ; C2 ; C10", ["C1", "C2", "C10"]],
    ["C1,;C2", ["C1", "C2"]],
    [" C1 , , C2 ,", ["C1", "C2"]],
    ["gouv.1;gouv.2", ["gouv.1", "gouv.2"]],
    ["C 1", ["C1"]],
    ["", []],
    ["  ", []],
    [",;", []],
  ])("splits %j into %j", (cell, ids) => {
    expect(splitCriterionIds(cell)).toEqual(ids);
  });
});
