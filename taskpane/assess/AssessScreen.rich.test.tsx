// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MemoryHost } from "../host/memory.host.js";
import { richHost } from "../test/rich.fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";

const criterionHeading = (): HTMLElement => screen.getByRole("heading", { level: 3 });
const radioNames = (): (string | null)[] => within(screen.getByRole("radiogroup")).getAllByRole("radio").map((r) => r.textContent);
const rowOf = (host: MemoryHost, id: string) => host.workbook?.grid.find((r) => r.criterion === id);

async function openAt(host: MemoryHost, id: string) {
  const r = renderPane(host);
  await waitFor(() => expect(criterionHeading().textContent).toMatch(/^G1 — /));
  host.userSelects(id);
  await waitFor(() => expect(criterionHeading().textContent).toMatch(new RegExp(`^${id} — `)));
  return r;
}

describe.each(LANG_CASES)("Assess screen on a second-version template ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;
  const na = `${t("assess.na.token")} ${t("assess.na.label")}`;
  const fr = lang === "fr";

  it("rates a required criterion on its scale without N/A, marked « Requis », its theme beside its dimension", async () => {
    await openAt(richHost(lang), "G1");
    expect(radioNames()).toEqual(fr ? ["1 Non atteint", "2 Partiellement atteint", "3 Atteint", "4 Dépassé"] : ["1 Not met", "2 Partially met", "3 Met", "4 Exceeded"]);
    expect(screen.getByText(t("assess.required"))).toBeTruthy();
    expect(screen.getByText(spaced(t("assess.required.hint")))).toBeTruthy();
    expect(screen.getByText(spaced(t("assess.theme", { theme: `CA — ${fr ? "Conseil d'administration" : "Board"}` })))).toBeTruthy();
  });

  it("offers each criterion its own scale's levels, N/A where that scale allows it", async () => {
    const host = richHost(lang);
    const { user } = await openAt(host, "G2");
    expect(radioNames()).toEqual(fr ? ["0 Non", "1 Oui"] : ["0 No", "1 Yes"]);
    await user.click(screen.getByRole("button", { name: t("assess.next") }));
    expect(criterionHeading().textContent).toMatch(/^G3 — /);
    expect(screen.queryByText(t("assess.required"))).toBeNull();
    expect(radioNames()).toEqual([...(fr ? ["0 Jamais", "5 Parfois", "8 Souvent", "10 Toujours"] : ["0 Never", "5 Sometimes", "8 Often", "10 Always"]), na]);
    await user.click(within(screen.getByRole("radiogroup")).getByRole("radio", { name: /^8 / }));
    await waitFor(() => expect(host.callsTo("setAnswer")).toEqual([["G3", { rating: { kind: "level", value: 8 } }]]));
    expect(rowOf(host, "G3")?.rating).toBe(8);
  });

  it("says that N/A is refused when the grid holds it for a required criterion", async () => {
    await openAt(richHost(lang, { G1: { rating: fr ? "S. O." : "N/A" } }), "G1");
    expect(screen.getByText(spaced(t("assess.requiredNa", { raw: fr ? "S. O." : "N/A" })))).toBeTruthy();
  });

  it("answers a text question in words, written as text to the « Réponse » cell, and N/A with a check box", async () => {
    const host = richHost(lang);
    const { user } = await openAt(host, "G4");
    expect(screen.queryByRole("radiogroup")).toBeNull();
    expect(screen.getByText(t("assess.textQuestion"))).toBeTruthy();
    expect(screen.getByText(t("assess.notAnswered"))).toBeTruthy();
    const box = screen.getByRole("textbox", { name: t("assess.answer") });
    await user.click(box);
    await user.keyboard("=SOMME(A1) et la relève");
    await user.tab();
    await waitFor(() => expect(host.callsTo("setAnswer")).toEqual([["G4", { rating: { kind: "blank" }, text: "=SOMME(A1) et la relève" }]]));
    expect(rowOf(host, "G4")).toMatchObject({ rating: null, answer: "=SOMME(A1) et la relève" });
    expect(screen.getByRole("status").textContent).toBe(t("assess.answerSaved"));
    expect(screen.queryByText(t("assess.notAnswered"))).toBeNull();

    // A comment keeps the words with it.
    await user.click(screen.getByRole("textbox", { name: t("assess.comment") }));
    await user.keyboard("vu en CA");
    await user.tab();
    await waitFor(() => expect(host.callsTo("setAnswer")).toHaveLength(2));
    expect(host.callsTo("setAnswer")[1]).toEqual(["G4", { rating: { kind: "blank" }, comment: "vu en CA", text: "=SOMME(A1) et la relève" }]);

    await user.click(screen.getByRole("checkbox", { name: t("assess.na.label") }));
    await waitFor(() => expect(host.callsTo("setAnswer")).toHaveLength(3));
    expect(host.callsTo("setAnswer")[2]).toEqual(["G4", { rating: { kind: "na" }, text: "" }]);
    expect(rowOf(host, "G4")).toMatchObject({ rating: fr ? "S. O." : "N/A", answer: null, comment: "vu en CA" });
    expect((screen.getByRole("textbox", { name: t("assess.answer") }) as HTMLTextAreaElement).disabled).toBe(true);

    await user.click(screen.getByRole("checkbox", { name: t("assess.na.label") }));
    await waitFor(() => expect(host.callsTo("setAnswer")).toHaveLength(4));
    expect(host.callsTo("setAnswer")[3]).toEqual(["G4", { rating: { kind: "blank" }, text: "" }]);
    expect(rowOf(host, "G4")).toMatchObject({ rating: null, answer: null });
  });

  it("shows the words the grid holds, and no N/A for a required text question", async () => {
    const host = richHost(lang, { G4: { answer: "Une revue annuelle" } });
    const { user } = await openAt(host, "G4");
    expect((screen.getByRole("textbox", { name: t("assess.answer") }) as HTMLTextAreaElement).value).toBe("Une revue annuelle");
    host.userSelects("S3");
    await waitFor(() => expect(criterionHeading().textContent).toMatch(/^S3 — /));
    expect(screen.getByText(t("assess.required"))).toBeTruthy();
    expect(screen.queryByRole("checkbox", { name: t("assess.na.label") })).toBeNull();
    // Moving on while typing saves the words.
    await user.click(screen.getByRole("textbox", { name: t("assess.answer") }));
    await user.keyboard("Les horaires");
    host.userSelects("S4");
    await waitFor(() => expect(criterionHeading().textContent).toMatch(/^S4 — /));
    await waitFor(() => expect(host.callsTo("setAnswer")).toEqual([["S3", { rating: { kind: "blank" }, text: "Les horaires" }]]));
  });

  it("puts the words back when the grid cannot be written", async () => {
    const host = richHost(lang);
    host.fail("setAnswer", { code: "protected", detail: "Grille" });
    const { user } = await openAt(host, "G4");
    await user.click(screen.getByRole("checkbox", { name: t("assess.na.label") }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    await waitFor(() => expect((screen.getByRole("checkbox", { name: t("assess.na.label") }) as HTMLInputElement).checked).toBe(false));
    expect(rowOf(host, "G4")).toMatchObject({ rating: null, answer: null });
  });
});
