// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import { textOf } from "../../addin/model/text.js";
import type { MemoryHost } from "../host/memory.host.js";
import { FIXTURE_JSON, fixtureTemplate, gridHost } from "../test/fixtures.js";
import { LANG_CASES, renderPane } from "../test/render.js";

const criterionHeading = (): HTMLElement => screen.getByRole("heading", { level: 3 });
const radio = (name: RegExp): HTMLElement => within(screen.getByRole("radiogroup")).getByRole("radio", { name });
const checkedRadio = (): HTMLElement | undefined => within(screen.getByRole("radiogroup")).getAllByRole("radio").find((r) => r.getAttribute("aria-checked") === "true");
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

function evidence(id: string, criteria: string, title: string, status: string, row: number): EvidenceRowRead {
  return { id, criteria, title, status, row, criteriaCell: { sheet: "Preuves", address: `B${row}` } };
}

/** Renders the pane on a workbook with the fixture's grid and waits for the first criterion. */
async function openAssess(host: MemoryHost, lang: "fr" | "en") {
  const r = renderPane(host);
  await waitFor(() => expect(criterionHeading().textContent).toBe(`GOUV-01 — ${textOf(FIXTURE_JSON.dimensions[0]?.criteria[0]?.text, lang)}`));
  return r;
}

describe.each(LANG_CASES)("Assess screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;
  const crit = fixtureTemplate().dimensions[0]?.criteria[0];

  it("shows one criterion: its dimension, text, guidance, expected evidence, the scale with N/A, a comment", async () => {
    await openAssess(gridHost({ lang }), lang);
    expect((screen.getByRole("combobox", { name: t("assess.dimension") }) as HTMLSelectElement).value).toBe("GOUV");
    expect(screen.getByText(t("assess.position", { index: 1, count: 3 }))).toBeTruthy();
    expect(screen.getByRole("heading", { level: 4, name: t("assess.guidance") })).toBeTruthy();
    expect(screen.getByText(textOf(crit?.guidance, lang))).toBeTruthy();
    expect(screen.getByRole("heading", { level: 4, name: t("assess.expectedEvidence") })).toBeTruthy();
    expect(screen.getByText(textOf(crit?.evidence, lang))).toBeTruthy();
    const group = screen.getByRole("radiogroup", { name: t("assess.rating") });
    const names = within(group).getAllByRole("radio").map((r) => r.textContent);
    const levels = FIXTURE_JSON.scale.levels.map((l) => `${l.value} ${textOf(l.label, lang)}`);
    expect(names).toEqual([...levels, `${t("assess.na.token")} ${t("assess.na.label")}`]);
    expect(screen.getByText(t("assess.notRated"))).toBeTruthy();
    expect(screen.getByRole("textbox", { name: t("assess.comment") })).toBeTruthy();
    expect(screen.getByText(t("assess.evidence.none"))).toBeTruthy();
  });

  it("rates three criteria with the keyboard alone, each rating written with setAnswer", async () => {
    const host = gridHost({ lang });
    const { user } = await openAssess(host, lang);
    await user.tab(); // the selected tab
    await user.tab(); // the dimension
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: t("assess.dimension") }));
    await user.tab(); // the scale: one tab stop, on the first level when nothing is checked
    expect(document.activeElement).toBe(radio(/^1 /));
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(radio(/^2 /));
    expect(checkedRadio()).toBe(radio(/^2 /));
    await user.tab(); // the comment
    await user.keyboard("Code adopté");
    await user.tab(); // leaving the comment saves it; Previous is disabled on the first criterion
    const next = screen.getByRole("button", { name: t("assess.next") });
    expect(document.activeElement).toBe(next);
    await user.keyboard("{Enter}");
    expect(criterionHeading().textContent).toMatch(/^GOUV-02 — /);
    expect(document.activeElement).toBe(next);

    await user.tab({ shift: true }); // Previous
    await user.tab({ shift: true }); // comment
    await user.tab({ shift: true }); // scale
    await user.keyboard("{End}"); // N/A, the last choice
    expect(checkedRadio()).toBe(radio(new RegExp(t("assess.na.label"))));
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(next);
    await user.keyboard(" ");
    expect(criterionHeading().textContent).toMatch(/^GOUV-03 — /);

    await user.tab({ shift: true });
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(radio(/^1 /));
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowLeft}{Enter}");
    await waitFor(() => expect(host.callsTo("setAnswer")).toHaveLength(6));
    expect(checkedRadio()).toBe(radio(/^2 /));
    expect(host.callsTo("setAnswer")).toEqual([
      ["GOUV-01", { rating: { kind: "level", value: 2 } }],
      ["GOUV-01", { rating: { kind: "level", value: 2 }, comment: "Code adopté" }],
      ["GOUV-02", { rating: { kind: "na" } }],
      ["GOUV-03", { rating: { kind: "level", value: 2 } }],
      ["GOUV-03", { rating: { kind: "level", value: 3 } }],
      ["GOUV-03", { rating: { kind: "level", value: 2 } }],
    ]);
    expect(host.workbook?.grid.slice(0, 3).map((r) => r.rating)).toEqual([2, lang === "fr" ? "S. O." : "N/A", 2]);
    expect(host.workbook?.grid[0]?.comment).toBe("Code adopté");
    expect(screen.getByRole("status").textContent).toBe(t("assess.saved", { rating: `2 — ${textOf(FIXTURE_JSON.scale.levels[1]?.label, lang)}` }));
  });

  it("follows the grid's selection, and selects in the grid what it shows, without chasing its own echo", async () => {
    const host = gridHost({ lang });
    const { user } = await openAssess(host, lang);
    await settle();
    expect(host.callsTo("selectCriterion")).toEqual([["GOUV-01"]]);

    // The user selects a row in the grid: the form shows it and does not select it back.
    host.userSelects("comm-02");
    await waitFor(() => expect(criterionHeading().textContent).toMatch(/^COMM-02 — /));
    expect((screen.getByRole("combobox", { name: t("assess.dimension") }) as HTMLSelectElement).value).toBe("COMM");
    expect(host.callsTo("selectCriterion")).toHaveLength(1);

    // The form moves: the grid follows, once per move, even when Excel's echoes arrive late.
    const previous = screen.getByRole("button", { name: t("assess.previous") });
    await user.click(previous);
    await user.click(previous);
    await settle();
    expect(criterionHeading().textContent).toMatch(/^GOUV-03 — /);
    expect(host.callsTo("selectCriterion").slice(1)).toEqual([["COMM-01"], ["GOUV-03"]]);
    expect(host.selected).toBe("GOUV-03");

    // Choosing a dimension shows and selects its first criterion.
    await user.selectOptions(screen.getByRole("combobox", { name: t("assess.dimension") }), "COMM");
    await settle();
    expect(criterionHeading().textContent).toMatch(/^COMM-01 — /);
    expect(host.callsTo("selectCriterion").at(-1)).toEqual(["COMM-01"]);
    expect(host.callsTo("selectCriterion")).toHaveLength(4);
  });

  it("lists the evidence items that name the criterion, with code, title and status", async () => {
    const host = gridHost({ lang });
    if (host.workbook) {
      host.workbook.evidence = [
        evidence("P-01", "GOUV-01; COMM-01", "Code d'éthique", "Acceptée", 5),
        evidence("P-02", "gouv-01", "PV du CA", "", 6),
        evidence("P-03", "GOUV-010", "Autre", "Fournie", 7),
      ];
    }
    await openAssess(host, lang);
    const section = screen.getByRole("region", { name: t("assess.evidence") });
    expect(within(section).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      "P-01 — Code d'éthique (Acceptée)",
      `P-02 — PV du CA (${t("assess.evidence.noStatus")})`,
    ]);
  });

  it("says when the workbook has no evidence register", async () => {
    await openAssess(gridHost({ lang, parts: { evidence: false } }), lang);
    expect(screen.getByText(t("assess.evidence.noRegister"))).toBeTruthy();
  });

  it("shows the current rating and flags a grid value that is not a level", async () => {
    const { user } = await openAssess(gridHost({ lang, ratings: { "GOUV-01": "bof", "GOUV-02": 3 } }), lang);
    expect(screen.getByText(t("assess.invalidRating", { raw: "bof" }))).toBeTruthy();
    expect(checkedRadio()).toBeUndefined();
    await user.click(screen.getByRole("button", { name: t("assess.next") }));
    await waitFor(() => expect(checkedRadio()).toBe(radio(/^3 /)));
  });

  it("refuses to save a comment while the rating cell holds no valid rating", async () => {
    const host = gridHost({ lang, ratings: { "GOUV-01": "bof" } });
    const { user } = await openAssess(host, lang);
    await user.click(screen.getByRole("textbox", { name: t("assess.comment") }));
    await user.keyboard("note");
    await user.tab();
    expect(await screen.findByText(t("assess.comment.needsRating"))).toBeTruthy();
    expect(host.callsTo("setAnswer")).toHaveLength(0);
  });

  it("says what to do when the grid cannot be written, and shows the rating the grid still holds", async () => {
    const host = gridHost({ lang });
    host.fail("setAnswer", { code: "protected", detail: "Grille" });
    const { user } = await openAssess(host, lang);
    await user.click(radio(/^4 /));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("error.protected.title"))).toBeTruthy();
    expect(within(alert).getByText(t("error.protected.body"))).toBeTruthy();
    await waitFor(() => expect(checkedRadio()).toBeUndefined());
    expect(host.workbook?.grid[0]?.rating).toBeNull();
  });

  it("says to generate a grid first when the workbook has none", async () => {
    const { MemoryHost } = await import("../host/memory.host.js");
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.click(screen.getByRole("tab", { name: t("tab.assess") }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("error.noGrid.title"))).toBeTruthy();
    expect(within(alert).getByText(t("error.noGrid.body"))).toBeTruthy();
  });
});
