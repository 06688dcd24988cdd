// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import { withAssessment } from "../../addin/workbook/workbook.assessment.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import { respondentsHost } from "../test/respondents.fixtures.js";
import type { MemoryHost } from "../host/memory.host.js";

/** A register row backing `criteria`, with empty review columns. */
function evidenceRow(id: string, criteria: string, title: string, status: string, row: number): EvidenceRowRead {
  const cell = (c: string) => ({ sheet: "Preuves", address: `${c}${row}` });
  return {
    id,
    criteria,
    title,
    status,
    row,
    criteriaCell: cell("B"),
    location: "",
    review: { status: "", note: "", date: null, reviewer: "", statusCell: cell("L"), noteCell: cell("M"), dateCell: cell("N"), reviewerCell: cell("O") },
  };
}

function evaluatorHost(lang: "fr" | "en"): MemoryHost {
  const host = respondentsHost({ lang, cells: { "GOUV-01": { ratings: [4, 2, 3], comments: ["Adopté en 2023", "", "À revoir"] } } });
  const wb = host.workbook;
  if (!wb) throw new Error("no workbook");
  wb.evidence = [evidenceRow("E001", "GOUV-01", "Politique qualité", "Acceptée", 5), evidenceRow("E002", "GOUV-02", "Procédure", "À produire", 6)];
  host.workbook = withAssessment(wb);
  return host;
}

describe.each(LANG_CASES)("evaluator mode ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("shows every respondent's answer and the linked evidence, and writes only through the evaluator's methods", async () => {
    const host = evaluatorHost(lang);
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("tab", { name: t("tab.evaluator") }));
    expect(await screen.findByRole("heading", { level: 2, name: t("evaluator.heading") })).toBeTruthy();
    expect(await screen.findByText(t("evaluator.position", { n: 1, total: 5 }))).toBeTruthy();
    // Everyone's answers, though the workbook's showOthers setting is off: the evaluator sees everything.
    const answers = within(await screen.findByRole("list", { name: t("evaluator.respondents") })).getAllByRole("listitem");
    expect(answers.map((li) => li.getAttribute("data-respondent"))).toEqual(["Direction", "CA", "Équipe"]);
    expect(screen.getByText("Adopté en 2023")).toBeTruthy();
    expect(screen.getByText(spaced(t("evaluator.consolidated", { rating: i18n.number(3, 2) })))).toBeTruthy();
    expect(screen.getByText("E001 — Politique qualité")).toBeTruthy();
    expect(screen.queryByText("E002 — Procédure")).toBeNull();

    // The evidence review.
    await user.selectOptions(screen.getByRole("combobox", { name: t("evaluator.review.status") }), "toComplete");
    await user.type(screen.getByRole("textbox", { name: t("evaluator.review.note") }), "Version signée ?");
    await user.type(screen.getByRole("textbox", { name: t("evaluator.review.reviewer") }), "M. Tremblay");
    await user.click(screen.getByRole("button", { name: t("evaluator.review.save", { id: "E001" }) }));
    await waitFor(() => expect(host.callsTo("setEvidenceReview")).toHaveLength(1));
    const [id, review] = host.callsTo("setEvidenceReview")[0] ?? [];
    expect(id).toBe("E001");
    expect(review).toMatchObject({ status: "toComplete", note: "Version signée ?", reviewer: "M. Tremblay" });
    expect(review?.date).toBeInstanceOf(Date);
    expect(await screen.findByText(t("evaluator.saved.review", { id: "E001" }))).toBeTruthy();

    // The evaluator's rating and comment.
    await user.selectOptions(screen.getByRole("combobox", { name: t("evaluator.rating") }), "level:2");
    await user.type(screen.getByRole("textbox", { name: t("evaluator.comment") }), "Peu de traces");
    await user.click(screen.getByRole("button", { name: t("evaluator.rating.save") }));
    await waitFor(() => expect(host.callsTo("setEvaluatorAnswer")).toEqual([["GOUV-01", { rating: { kind: "level", value: 2 }, comment: "Peu de traces" }]]));
    expect(host.workbook?.grid[0]?.evaluatorRating).toBe(2);

    // A recommendation.
    await user.type(screen.getByRole("textbox", { name: t("evaluator.recommendation") }), "Signer la politique");
    await user.click(screen.getByRole("button", { name: t("evaluator.recommendation.add") }));
    await waitFor(() => expect(host.callsTo("addRecommendation")).toEqual([[{ criterion: "GOUV-01", text: "Signer la politique", due: null }]]));
    expect(host.workbook?.actions?.at(-1)).toMatchObject({ id: "R001", criterion: "GOUV-01", source: lang === "fr" ? "Évaluation externe" : "External evaluation" });

    // Never the organization's entries.
    expect(host.callsTo("setAnswer")).toEqual([]);
    expect(host.callsTo("setAgreed")).toEqual([]);
  });

  it("moves between criteria with Alt+arrows, reading each one's context, and sets the protection mode", async () => {
    const host = evaluatorHost(lang);
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("tab", { name: t("tab.evaluator") }));
    const next = await screen.findByRole("button", { name: t("evaluator.next") });
    next.focus();
    await user.keyboard("{Alt>}{ArrowRight}{/Alt}");
    expect(await screen.findByText(t("evaluator.position", { n: 2, total: 5 }))).toBeTruthy();
    expect(await screen.findByText("E002 — Procédure")).toBeTruthy();
    expect(host.callsTo("criterionContext").map(([id]) => id)).toEqual(["GOUV-01", "GOUV-02"]);
    await user.keyboard("{Alt>}{ArrowLeft}{/Alt}");
    expect(await screen.findByText(t("evaluator.position", { n: 1, total: 5 }))).toBeTruthy();

    await user.selectOptions(screen.getByRole("combobox", { name: t("evaluator.protection") }), "evaluator");
    await user.click(screen.getByRole("button", { name: t("evaluator.protection.apply") }));
    await waitFor(() => expect(host.protection).toBe("evaluator"));
    expect(await screen.findByText(spaced(t("evaluator.protection.saved.evaluator")))).toBeTruthy();
  });
});
