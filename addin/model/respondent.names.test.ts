import { describe, expect, it } from "vitest";
import { issueText } from "./messages/message.catalog.js";
import { parseRespondentList, respondentNameIssue, RESPONDENT_NAME_MAX, RESPONDENTS_MAX } from "./respondent.names.js";

describe("respondent names", () => {
  it("accepts names with accents, spaces and most punctuation", () => {
    for (const n of ["Direction", "Équipe", "CA", "Comité qualité", "Bénévoles (2025)", "x".repeat(RESPONDENT_NAME_MAX)]) expect(respondentNameIssue(n, [], "--respondents")).toBeNull();
  });

  it("refuses blank, long, control, header-breaking and formula-like names, in French and English", () => {
    const cases: [string, string, RegExp, RegExp][] = [
      ["  ", "respondents.empty", /ne peut pas être vide/, /cannot be blank/],
      ["x".repeat(41), "respondents.tooLong", /41 caractères/, /41 characters/],
      ["A\tB", "respondents.control", /caractère de contrôle/, /control character/],
      ["Équipe [2]", "respondents.badChar", /«\u00a0\[\u00a0»/, /"\["/],
      ["CA — soir", "respondents.badChar", /—/, /—/],
      ["=1+1", "respondents.leadingSign", /formule/, /formula/],
      ["-CA", "respondents.leadingSign", /formule/, /formula/],
    ];
    for (const [name, code, fr, en] of cases) {
      const issue = respondentNameIssue(name, [], "--respondents");
      expect(issue?.code, name).toBe(code);
      expect(issue?.path).toBe("--respondents");
      expect(issueText(issue!, "fr")).toMatch(fr);
      expect(issueText(issue!, "en")).toMatch(en);
    }
  });

  it("refuses a name already taken, case, accents and spaces aside", () => {
    const issue = respondentNameIssue("equipe", ["Direction", "Équipe"], "fill --respondent");
    expect(issue?.code).toBe("respondents.duplicate");
    expect(issueText(issue!, "fr")).toBe("le nom de répondant «\u00a0equipe\u00a0» est déjà pris par «\u00a0Équipe\u00a0» (les majuscules, accents et espaces ne comptent pas)");
  });

  it("reads a comma-separated list, trimmed", () => {
    const r = parseRespondentList(" Direction, CA ,Équipe", "--respondents");
    expect(r.ok && r.value).toEqual(["Direction", "CA", "Équipe"]);
  });

  it("reports every bad name of a list, duplicates and too many", () => {
    const r = parseRespondentList("Direction,,direction", "--respondents");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => [i.code, i.path])).toEqual([["respondents.empty", "--respondents[2]"], ["respondents.duplicate", "--respondents[3]"]]);
    const many = parseRespondentList(Array.from({ length: RESPONDENTS_MAX + 1 }, (_, i) => `R${i}`).join(","), "--respondents");
    expect(!many.ok && many.issues.map((i) => i.code)).toEqual(["respondents.tooMany"]);
    const none = parseRespondentList(" , ", "--respondents");
    expect(!none.ok && issueText(none.issues[0]!, "fr")).toMatch(/aucun nom de répondant/);
  });
});
