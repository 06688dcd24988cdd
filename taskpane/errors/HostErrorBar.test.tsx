// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { HostError, HostErrorCode } from "../../addin/host/host.types.js";
import { gridHost } from "../test/fixtures.js";
import { I18N, renderPane } from "../test/render.js";

/** Each code, with a detail as the Excel host would give it, and words its message must hold. */
const CASES: { code: HostErrorCode; detail: string; fr: string[]; en: string[]; showsDetail: boolean }[] = [
  { code: "protected", detail: "Grille", fr: ["Révision › Ôter la protection de la feuille"], en: ["Review › Unprotect Sheet"], showsDetail: true },
  { code: "tableMissing", detail: "QG_Evidence", fr: ["QG_Evidence", "Annuler", "générez de nouveau"], en: ["QG_Evidence", "Undo", "regenerate"], showsDetail: false },
  {
    code: "tableRenamed",
    detail: "QG_Grid → Grille2026 (Grille)",
    fr: ["QG_Grid → Grille2026 (Grille)", "redonnez-lui ce nom"],
    en: ["QG_Grid → Grille2026 (Grille)", "give it that name again"],
    showsDetail: false,
  },
  { code: "noGrid", detail: "", fr: ["Générez d'abord une grille"], en: ["Generate a grid first"], showsDetail: false },
  { code: "gridExists", detail: "essai", fr: ["ne remplace jamais"], en: ["never overwrites"], showsDetail: true },
  { code: "apiUnsupported", detail: "ExcelApi 1.12", fr: ["Mettez Excel à jour ou utilisez Excel pour le Web"], en: ["Update Excel or use Excel on the web"], showsDetail: true },
  { code: "tooLarge", detail: "5 Mo", fr: ["trop volumineuse", "qualigrid new"], en: ["too large", "qualigrid new"], showsDetail: true },
  { code: "unknownCriterion", detail: "XYZ-9", fr: ["XYZ-9", "relisez le classeur"], en: ["XYZ-9", "read the workbook again"], showsDetail: false },
  { code: "noActiveCell", detail: "workbench", fr: ["Copiez-la et collez-la dans Excel"], en: ["Copy it and paste it into Excel"], showsDetail: true },
  { code: "unknown", detail: "GeneralException: Excel a rencontré une erreur.", fr: ["Réessayez"], en: ["Try again"], showsDetail: true },
];

describe.each(["fr", "en"] as const)("host error messages (%s)", (lang) => {
  const { t } = I18N[lang];

  it.each(CASES)("$code: says what happened and what to do", async ({ code, detail, showsDetail, ...words }) => {
    const host = gridHost({ lang });
    const error: HostError = { code, detail };
    const { user } = renderPane(host);
    // The pane opens on Assess (the workbook holds a grid), which reads it: fail the Dashboard's read.
    await screen.findByRole("heading", { level: 2, name: t("assess.heading") });
    await waitFor(() => expect(host.callsTo("read")).toHaveLength(1));
    host.fail("read", error);
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-error-code")).toBe(code);
    expect(within(alert).getByText(t(`error.${code}.title`))).toBeTruthy();
    for (const w of words[lang]) expect(alert.textContent).toContain(w);
    const detailLine = within(alert).queryByText(t("app.detail", { detail }));
    expect(detailLine !== null).toBe(showsDetail);
    // Reading again clears it.
    await user.click(screen.getByRole("button", { name: t("app.refresh") }));
    await screen.findByRole("heading", { level: 3, name: t("dashboard.overall") });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("turns an exception thrown by the host into a message, never a silent console log", async () => {
    const host = gridHost({ lang });
    const { user } = renderPane(host);
    await screen.findByRole("heading", { level: 2, name: t("assess.heading") });
    await waitFor(() => expect(host.callsTo("read")).toHaveLength(1));
    host.read = () => Promise.reject(new Error("Connexion à Excel perdue"));
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("error.unknown.title"))).toBeTruthy();
    expect(within(alert).getByText(t("app.detail", { detail: "Connexion à Excel perdue" }))).toBeTruthy();
  });
});
