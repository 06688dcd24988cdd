/**
 * The seal's canonical text (design.md "The evaluator"): order, separators, normalization, and
 * which fields belong to the organization — a change to one of those changes its entry, a change
 * to the evaluator's fields changes nothing.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Assessment, CriterionAnswers, EvidenceItem } from "./assessment.types.js";
import type { Rating } from "./scale.js";
import { DEFAULT_SETTINGS } from "./settings.js";
import type { Template } from "./template.types.js";
import { sealCanonicalText, sealChanges, sealEntries, sealPrint, sealValueText, type SealEntry } from "./seal.canonical.js";

const US = "\u001f";
const RS = "\u001e";
const sha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

const template: Template = {
  id: "t",
  version: "1.0.0",
  title: "T",
  source: "tests",
  scale: { levels: [1, 2, 3, 4].map((value) => ({ value, label: `N${value}` })), notApplicable: true },
  target: 75,
  targetLevel: 3,
  dimensions: [
    { id: "D1", title: "D1", weight: 1, criteria: [{ id: "A1", text: "a", weight: 1 }, { id: "A2", text: "b", weight: 1 }] },
    { id: "D2", title: "D2", weight: 1, criteria: [{ id: "B1", text: "c", weight: 1, type: "text" }] },
  ],
};

const lv = (value: number): Rating => ({ kind: "level", value });

/** Two respondents; the grid's rows given out of template order (B1 first) to show the template's order wins. */
function assessment(): Assessment {
  const row = (criterion: string, dimension: string, answers: CriterionAnswers["answers"], agreed: CriterionAnswers["agreed"] = null): CriterionAnswers => ({
    criterion,
    dimension,
    answers,
    agreed,
    evaluator: { rating: lv(2), comment: "evaluator's view", text: "" },
  });
  const evidence: EvidenceItem[] = [
    {
      id: "P-1",
      criteria: ["A1", "A2"],
      title: "  Politique\r\nqualité ",
      status: "Acceptée",
      location: "S:/q.pdf",
      confidential: true,
      expiry: new Date(Date.UTC(2026, 2, 31)),
      review: { status: "Acceptée", note: "ok", date: new Date(Date.UTC(2026, 0, 5)), reviewer: "CQA" },
    },
    { id: "", criteria: [], title: "sans code", status: "", location: "", confidential: false, expiry: null, review: null },
  ];
  return {
    template,
    lang: "fr",
    organization: "Org",
    assessmentDate: null,
    round: null,
    respondents: [{ name: "Direction", role: "self" }, { name: "CA", role: "self" }],
    evaluator: { name: "", role: "evaluator" },
    criteria: [
      row("b1", "D2", [{ rating: { kind: "blank" }, comment: "", text: "Nous faisons\r\nceci." }, { rating: { kind: "na" }, comment: "", text: "" }]),
      row("A1", "D1", [{ rating: lv(2.5), comment: " Bien ", text: "" }, { rating: lv(3), comment: "", text: "" }], { rating: lv(3), reason: "convenu" }),
      row("A2", "D1", [{ rating: { kind: "invalid", raw: "bof", reason: "x" }, comment: "", text: "" }, { rating: { kind: "blank" }, comment: "", text: "" }]),
    ],
    evidence,
    actions: null,
    steps: null,
    targets: {},
    overallTarget: null,
    acceptedStatus: "Acceptée",
    settings: { ...DEFAULT_SETTINGS },
  };
}

describe("the seal's canonical text", () => {
  it("lists criteria in template order, then evidence rows in row order, fields by U+001F and entries by U+001E", () => {
    const text = sealCanonicalText(sealEntries(assessment()));
    expect(text).toBe(
      [
        ["A1", "2.5", "Bien", "3", "", "3", "convenu"].join(US),
        ["A2", "bof", "", "", "", "", ""].join(US),
        ["B1", "Nous faisons\nceci.", "", "N/A", "", "", ""].join(US),
        ["P-1", "A1,A2", "Politique\nqualité", "", "", "", "S:/q.pdf", "Acceptée", "2026-03-31", "TRUE", ""].join(US),
        ["", "", "sans code", "", "", "", "", "", "", "FALSE", ""].join(US),
      ].join(RS),
    );
  });

  it("keys entries by criterion id (the template's spelling) and evidence id, or place when it has none", () => {
    expect(sealEntries(assessment()).map((e) => `${e.kind}:${e.key}`)).toEqual(["criterion:A1", "criterion:A2", "criterion:B1", "evidence:P-1", "evidence:#2"]);
  });

  it.each<[unknown, string]>([
    [0.1 + 0.2, "0.30000000000000004"],
    [2.5, "2.5"],
    [7 / 3, "2.3333333333333335"],
    [-0, "0"],
    [1e21, "1e+21"],
    [new Date(Date.UTC(2025, 0, 9)), "2025-01-09"],
    ["  e\u0301t\u00e9\r\nhiver\r", "\u00e9t\u00e9\nhiver"],
    [null, ""],
    [false, "FALSE"],
  ])("writes %j as %j", (value, text) => {
    expect(sealValueText(value as never)).toBe(text);
  });

  it("takes the register's fields the assessment lacks from the caller, in the register's column order", () => {
    const entries = sealEntries(assessment(), [{ type: "Politique", owner: "Direction", documentDate: new Date(Date.UTC(2025, 10, 3)), comment: " à jour " }]);
    expect(entries[3]?.fields.map((f) => `${f.name}=${f.value}`)).toEqual([
      "id=P-1",
      "criteria=A1,A2",
      "title=Politique\nqualité",
      "type=Politique",
      "owner=Direction",
      "documentDate=2025-11-03",
      "location=S:/q.pdf",
      "status=Acceptée",
      "expiry=2026-03-31",
      "confidential=TRUE",
      "comment=à jour",
    ]);
    expect(entries[4]?.text).toBe(sealEntries(assessment())[4]?.text);
  });

  it("gives a SHA-256 over the canonical text and one per entry, by the digest injected", async () => {
    const entries = sealEntries(assessment());
    const print = await sealPrint(entries, async (t) => sha256(t));
    expect(print.fingerprint).toBe(sha256(sealCanonicalText(entries)));
    expect(print.entries.map((e) => e.hash)).toEqual(entries.map((e) => sha256(e.text)));
  });
});

/** Each organization field, changed in turn: the entry it belongs to and the field names that must differ. */
const ORGANIZATION_CHANGES: [string, (a: Assessment) => void, string, string][] = [
  ["a respondent's rating", (a) => void (a.criteria[1]!.answers[1]!.rating = lv(4)), "A1", "rating.2"],
  ["a respondent's comment", (a) => void (a.criteria[1]!.answers[0]!.comment = "Très bien"), "A1", "comment.1"],
  ["a text question's words", (a) => void (a.criteria[0]!.answers[0]!.text = "Autre chose"), "B1", "rating.1"],
  ["N/A given", (a) => void (a.criteria[2]!.answers[1]!.rating = { kind: "na" }), "A2", "rating.2"],
  ["the agreed rating", (a) => void (a.criteria[1]!.agreed = { rating: lv(2), reason: "convenu" }), "A1", "agreed"],
  ["the agreed reason", (a) => void (a.criteria[1]!.agreed = { rating: lv(3), reason: "autre motif" }), "A1", "agreedReason"],
  ["the agreed rating removed", (a) => void (a.criteria[1]!.agreed = null), "A1", "agreed,agreedReason"],
  ["an evidence id", (a) => void (a.evidence![0]!.id = "P-9"), "", ""],
  ["an evidence's criteria", (a) => void (a.evidence![0]!.criteria = ["A1"]), "P-1", "criteria"],
  ["an evidence's title", (a) => void (a.evidence![0]!.title = "Politique"), "P-1", "title"],
  ["an evidence's location", (a) => void (a.evidence![0]!.location = "S:/r.pdf"), "P-1", "location"],
  ["an evidence's status", (a) => void (a.evidence![0]!.status = "Fournie"), "P-1", "status"],
  ["an evidence's expiry", (a) => void (a.evidence![0]!.expiry = null), "P-1", "expiry"],
  ["an evidence's confidential flag", (a) => void (a.evidence![0]!.confidential = false), "P-1", "confidential"],
];

/** Changes of the evaluator's fields, and of spellings that mean the same. */
const NEUTRAL_CHANGES: [string, (a: Assessment) => void][] = [
  ["the evaluator's rating", (a) => void (a.criteria[1]!.evaluator = { rating: lv(4), comment: "evaluator's view", text: "" })],
  ["the evaluator's comment", (a) => void (a.criteria[1]!.evaluator = { rating: lv(2), comment: "autre avis", text: "" })],
  ["an evidence's review status", (a) => void (a.evidence![0]!.review = { status: "Manquante", note: "ok", date: null, reviewer: "CQA" })],
  ["an evidence's review note, date and reviewer", (a) => void (a.evidence![0]!.review = { status: "Acceptée", note: "vu", date: new Date(Date.UTC(2026, 1, 1)), reviewer: "X" })],
  ["the review fields of an unreviewed row", (a) => void (a.evidence![1]!.review = { status: "À compléter", note: "n", date: null, reviewer: "Y" })],
  ["a comment's spaces and line ends", (a) => void (a.criteria[1]!.answers[0]!.comment = "Bien\r\n")],
  ["a title typed in NFD (e + combining accent)", (a) => void (a.evidence![0]!.title = "Politique\nqualit\u00e9".normalize("NFD"))],
  ["the grid's rows reordered", (a) => void a.criteria.reverse()],
];

describe("what the seal covers", () => {
  const before = sealEntries(assessment());
  const text = (entries: SealEntry[], key: string): string | undefined => entries.find((e) => e.key === key)?.text;

  it.each(ORGANIZATION_CHANGES)("changing %s changes its entry's text, and only that entry", (_, change, key, field) => {
    const a = assessment();
    change(a);
    const after = sealEntries(a);
    if (key === "") {
      // A changed id is the old entry removed and a new one added.
      expect(after.map((e) => e.key)).not.toEqual(before.map((e) => e.key));
      return;
    }
    expect(text(after, key)).not.toBe(text(before, key));
    expect(after.filter((e) => e.key !== key).map((e) => e.text)).toEqual(before.filter((e) => e.key !== key).map((e) => e.text));
    const changes = sealChanges(before.map(hashed), after.map(hashed));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ key, change: "changed" });
    expect(changes[0]?.fields?.map((f) => f.name)).toEqual(field.split(","));
  });

  it("changing a register field the caller gives (owner) changes its row's entry, field by name", () => {
    const a = sealEntries(assessment(), [{ owner: "Direction" }]).map(hashed);
    const b = sealEntries(assessment(), [{ owner: "CA" }]).map(hashed);
    expect(sealChanges(a, b)).toEqual([{ kind: "evidence", key: "P-1", change: "changed", fields: [{ name: "owner", old: "Direction", new: "CA" }] }]);
  });

  it.each(NEUTRAL_CHANGES)("changing %s changes nothing", (_, change) => {
    const a = assessment();
    change(a);
    expect(sealCanonicalText(sealEntries(a))).toBe(sealCanonicalText(before));
  });
});

describe("changes since the seal", () => {
  const before = sealEntries(assessment()).map(hashed);

  it("is empty when nothing changed (intact)", () => {
    expect(sealChanges(before, sealEntries(assessment()).map(hashed))).toEqual([]);
  });

  it("gives old and new values of a changed field, matching criterion ids case-insensitively", () => {
    const a = assessment();
    a.criteria[1]!.answers[0]!.rating = lv(1);
    const now = sealEntries(a).map(hashed).map((e) => (e.kind === "criterion" ? { ...e, key: e.key.toLowerCase() } : e));
    expect(sealChanges(before, now)).toEqual([{ kind: "criterion", key: "A1", change: "changed", fields: [{ name: "rating.1", old: "2.5", new: "1" }] }]);
  });

  it("says a row removed or added, and changed without fields when the seal kept only hashes", () => {
    const a = assessment();
    a.evidence = [{ ...a.evidence![0]!, title: "Autre" }, { ...a.evidence![1]!, id: "P-2" }];
    const changes = sealChanges(before.map(({ text: _, ...e }) => e), sealEntries(a).map(hashed));
    expect(changes).toEqual([
      { kind: "evidence", key: "P-1", change: "changed", fields: null },
      { kind: "evidence", key: "#2", change: "removed", fields: null },
      { kind: "evidence", key: "P-2", change: "added", fields: null },
    ]);
  });

  it("names a respondent's fields added since the seal by their own names", () => {
    const a = assessment();
    a.respondents.push({ name: "Équipe", role: "self" });
    a.criteria[1]!.answers.push({ rating: lv(4), comment: "", text: "" });
    const changes = sealChanges(before, sealEntries(a).map(hashed));
    expect(changes.find((c) => c.key === "A1")?.fields).toEqual([{ name: "rating.3", old: "", new: "4" }]);
  });
});

function hashed(e: SealEntry): { kind: SealEntry["kind"]; key: string; hash: string; text: string } {
  return { kind: e.kind, key: e.key, hash: sha256(e.text), text: e.text };
}
