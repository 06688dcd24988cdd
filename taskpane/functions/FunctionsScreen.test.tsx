// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../addin/model/template.parse.js";
import type { Lang } from "../../addin/model/template.types.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { MemoryHost, workbookFromPlan } from "../host/memory.host.js";
import { FIXTURE_JSON, fixtureWorkbook, gridHost } from "../test/fixtures.js";
import { I18N, LANG_CASES, renderPane } from "../test/render.js";
import { FUNCTION_IDS, functionName, type FunctionId } from "./functions.catalog.js";

/** The pane opened on the Functions tab, once the workbook has been read for the examples. */
async function openFunctions(host: MemoryHost, lang: Lang) {
  const r = renderPane(host);
  await r.user.click(screen.getByRole("tab", { name: I18N[lang].t("tab.functions") }));
  await waitFor(() => expect(screen.getByRole("button", { name: I18N[lang].t("app.refresh") })).toHaveProperty("disabled", false));
  return r;
}

const card = (lang: Lang, id: FunctionId): HTMLElement => screen.getByRole("listitem", { name: functionName(id, lang) });
const example = (lang: Lang, id: FunctionId): string => card(lang, id).querySelector("[data-formula='localized']")?.textContent ?? "";
const insertButton = (lang: Lang, id: FunctionId): HTMLElement =>
  within(card(lang, id)).getByRole("button", { name: I18N[lang].t("functions.insert.named", { name: functionName(id, lang) }) });

describe.each(LANG_CASES)("Functions screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("lists the nine functions under their names in the user's language, each with its description and arguments", async () => {
    await openFunctions(gridHost({ lang }), lang);
    const list = screen.getByRole("list", { name: t("functions.list") });
    const headings = within(list).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(FUNCTION_IDS.map((id) => functionName(id, lang)));
    expect(headings).toEqual(
      lang === "fr"
        ? ["QG.SCORE", "QG.SCOREDIM", "QG.ECART", "QG.NIVEAU", "QG.COMPLETUDE", "QG.COUVERTURE", "QG.ACCORD", "QG.DISPERSION", "QG.CONSENSUS"]
        : ["QG.SCORE", "QG.DIMSCORE", "QG.GAP", "QG.LEVEL", "QG.COMPLETION", "QG.COVERAGE", "QG.AGREEMENT", "QG.SPREAD", "QG.CONSENSUS"],
    );
    const dimscore = within(card(lang, "DIMSCORE"));
    expect(
      dimscore.getByText(
        lang === "fr"
          ? "QG.SCOREDIM(dimensions; cotations; dimension; echelle_min; echelle_max; [poids])"
          : "QG.DIMSCORE(dimensions, ratings, dimension, scale_min, scale_max, [weights])",
      ),
    ).toBeTruthy();
    expect(dimscore.getByText(lang === "fr" ? "Le score de 0 à 100 des critères d'une seule dimension." : "The score from 0 to 100 of the criteria of one dimension.")).toBeTruthy();
    expect(within(card(lang, "COVERAGE")).getAllByText(t("functions.optional"), { exact: false })).toHaveLength(4);
  });

  it("makes the examples from the workbook: its headers, its first dimension and its scale", async () => {
    await openFunctions(gridHost({ lang }), lang);
    if (lang === "fr") {
      expect(example(lang, "SCORE")).toBe("=QG.SCORE(QG_Grid[Cotation];1;4)");
      expect(example(lang, "DIMSCORE")).toBe('=QG.SCOREDIM(QG_Grid[Dimension];QG_Grid[Cotation];"GOUV";1;4)');
      expect(example(lang, "COVERAGE")).toBe('=QG.COUVERTURE(QG_Grid[Critère];QG_Evidence[Critères];QG_Evidence[Statut];"Acceptée";QG_Evidence[Expiration];QG_ReferenceDate)');
      expect(example(lang, "AGREEMENT")).toBe("=QG.ACCORD(QG_Grid[Cotation];QG_Grid[Cotation évaluateur])");
    } else {
      expect(example(lang, "SCORE")).toBe("=QG.SCORE(QG_Grid[Rating],1,4)");
      expect(example(lang, "DIMSCORE")).toBe('=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Rating],"GOUV",1,4)');
      expect(example(lang, "COVERAGE")).toBe('=QG.COVERAGE(QG_Grid[Criterion],QG_Evidence[Criteria],QG_Evidence[Status],"Accepted",QG_Evidence[Expiry date],QG_ReferenceDate)');
      expect(example(lang, "AGREEMENT")).toBe("=QG.AGREEMENT(QG_Grid[Rating],QG_Grid[Evaluator rating])");
    }
  });

  it("takes another template's first dimension and scale", async () => {
    const json = structuredClone(FIXTURE_JSON);
    json.dimensions.reverse();
    json.scale.levels = [{ value: 0, label: { fr: "Absent", en: "Absent" } }, ...json.scale.levels];
    const parsed = parseTemplate(json);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join("; "));
    const host = new MemoryHost({ lang, workbook: workbookFromPlan(buildPlan(parsed.value, { lang })) });
    await openFunctions(host, lang);
    const sep = lang === "fr" ? ";" : ",";
    expect(example(lang, "DIMSCORE")).toBe(`=${functionName("DIMSCORE", lang)}(QG_Grid[Dimension]${sep}QG_Grid[${lang === "fr" ? "Cotation" : "Rating"}]${sep}"COMM"${sep}0${sep}4)`);
  });

  it("inserts the invariant formula at the selected cell and says where it went", async () => {
    const host = gridHost({ lang });
    host.activeCell = "Bilan!C3";
    const { user } = await openFunctions(host, lang);
    await user.click(insertButton(lang, "DIMSCORE"));
    expect(host.callsTo("insertFormula")).toEqual([[lang === "fr" ? '=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Cotation],"GOUV",1,4)' : '=QG.DIMSCORE(QG_Grid[Dimension],QG_Grid[Rating],"GOUV",1,4)']]);
    const status = within(card(lang, "DIMSCORE")).getByRole("status");
    await waitFor(() => expect(status.textContent).toBe(t("functions.inserted", { address: "Bilan!C3" })));
  });

  it("can be used from the keyboard alone", async () => {
    const host = gridHost({ lang });
    const { user } = await openFunctions(host, lang);
    insertButton(lang, "CONSENSUS").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(host.callsTo("insertFormula")).toHaveLength(1));
    expect(host.callsTo("insertFormula")[0]?.[0]).toMatch(/^=QG\.CONSENSUS\(HSTACK\(/);
    // Focus stays on the button while Excel writes and after.
    expect(document.activeElement).toBe(insertButton(lang, "CONSENSUS"));
  });

  it("shows Excel's refusal with the host error messages", async () => {
    const host = gridHost({ lang });
    host.fail("insertFormula", { code: "protected", detail: "Grille" });
    const { user } = await openFunctions(host, lang);
    await user.click(insertButton(lang, "SCORE"));
    const alert = await within(card(lang, "SCORE")).findByRole("alert");
    expect(alert.getAttribute("data-error-code")).toBe("protected");
    expect(within(alert).getByText(t("error.protected.title"))).toBeTruthy();
    expect(within(alert).getByText(t("error.protected.body"))).toBeTruthy();
    expect(within(card(lang, "SCORE")).getByRole("status").textContent).toBe("");
    // Trying again once the sheet is unprotected clears the message.
    await user.click(insertButton(lang, "SCORE"));
    await waitFor(() => expect(within(card(lang, "SCORE")).queryByRole("alert")).toBeNull());
    expect(within(card(lang, "SCORE")).getByRole("status").textContent).toBe(t("functions.inserted", { address: host.activeCell }));
  });

  it("turns an exception thrown by the host into a message", async () => {
    const host = gridHost({ lang });
    host.insertFormula = () => Promise.reject(new Error("Connexion à Excel perdue"));
    const { user } = await openFunctions(host, lang);
    await user.click(insertButton(lang, "GAP"));
    const alert = await within(card(lang, "GAP")).findByRole("alert");
    expect(within(alert).getByText(t("app.detail", { detail: "Connexion à Excel perdue" }))).toBeTruthy();
  });

  it("without a grid, shows the examples in the user's language and says why they cannot be inserted", async () => {
    const host = new MemoryHost({ lang });
    const { user } = await openFunctions(host, lang);
    const note = screen.getByText(t("functions.noGrid"));
    expect(example(lang, "SCORE")).toBe(lang === "fr" ? "=QG.SCORE(QG_Grid[Cotation];1;4)" : "=QG.SCORE(QG_Grid[Rating],1,4)");
    const button = insertButton(lang, "SCORE");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    expect(button.getAttribute("aria-describedby")).toBe(note.id);
    await user.click(button);
    expect(host.callsTo("insertFormula")).toEqual([]);
  });

  it("says which example the workbook lacks a table for", async () => {
    const host = gridHost({ lang, parts: { evidence: false } });
    const { user } = await openFunctions(host, lang);
    const coverage = insertButton(lang, "COVERAGE");
    expect(coverage.getAttribute("aria-disabled")).toBe("true");
    const reason = document.getElementById(coverage.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toBe(t("functions.missingTable", { table: "QG_Evidence" }));
    await user.click(coverage);
    expect(host.callsTo("insertFormula")).toEqual([]);
    expect(insertButton(lang, "COMPLETION").getAttribute("aria-disabled")).toBeNull();
  });
});

describe("Functions screen across languages", () => {
  it("writes the headers of an English workbook in a French Excel, with French names", async () => {
    const host = new MemoryHost({ lang: "fr", workbook: fixtureWorkbook("en") });
    const { user } = await openFunctions(host, "fr");
    expect(example("fr", "SCORE")).toBe("=QG.SCORE(QG_Grid[Rating];1;4)");
    await user.click(insertButton("fr", "COMPLETION"));
    expect(host.callsTo("insertFormula")).toEqual([["=QG.COMPLETION(QG_Grid[Rating])"]]);
  });

  it("reads the workbook again on request, after a grid is generated", async () => {
    const host = new MemoryHost({ lang: "en" });
    const { user } = await openFunctions(host, "en");
    expect(screen.getByText(I18N.en.t("functions.noGrid"))).toBeTruthy();
    host.workbook = fixtureWorkbook("fr");
    await user.click(screen.getByRole("button", { name: I18N.en.t("app.refresh") }));
    await waitFor(() => expect(screen.queryByText(I18N.en.t("functions.noGrid"))).toBeNull());
    expect(example("en", "SCORE")).toBe("=QG.SCORE(QG_Grid[Cotation],1,4)");
    expect(insertButton("en", "SCORE").getAttribute("aria-disabled")).toBeNull();
  });
});
