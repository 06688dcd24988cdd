import { describe, expect, it } from "vitest";
import { fixtureTemplate } from "../test/fixtures.js";
import { checkTargets, parseTarget, targetsFormOf } from "./targets.form.js";

describe("parseTarget", () => {
  it.each([
    ["66", 66],
    [" 72,5 ", 72.5],
    ["72.5", 72.5],
    ["0", 0],
    ["100", 100],
    ["", null],
    ["  ", null],
    ["101", "invalid"],
    ["-1", "invalid"],
    ["abc", "invalid"],
    ["1e2", "invalid"],
    ["50%", "invalid"],
  ])("%j → %j", (text, expected) => {
    expect(parseTarget(text)).toBe(expected);
  });
});

describe("checkTargets", () => {
  const template = fixtureTemplate();

  it("starts from the template: its default target and the dimension targets it sets", () => {
    expect(targetsFormOf(template)).toEqual({ defaultTarget: "75", dimensions: { GOUV: "80", COMM: "" } });
  });

  it("resolves blank dimension targets to the default target", () => {
    const check = checkTargets(template, { defaultTarget: "70", dimensions: { GOUV: "90", COMM: "" } });
    expect(check).toMatchObject({ ok: true, overallTarget: 70, targets: { GOUV: 90, COMM: 70 } });
  });

  it("requires the default target and refuses values outside 0–100", () => {
    const check = checkTargets(template, { defaultTarget: "", dimensions: { GOUV: "120", COMM: "x" } });
    expect(check.ok).toBe(false);
    expect(check.defaultProblem).toBe("required");
    expect(check.dimensionProblems).toEqual({ GOUV: "invalid", COMM: "invalid" });
  });
});
