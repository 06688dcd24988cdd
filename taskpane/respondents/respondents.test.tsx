// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { I18N, LANG_CASES, renderPane, spaced } from "../test/render.js";
import { RESPONDENTS, respondentsHost } from "../test/respondents.fixtures.js";
import { gridHost } from "../test/fixtures.js";
import { issueText } from "../../addin/model/messages/message.catalog.js";
import { respondentNameIssue } from "../../addin/model/respondent.names.js";
import type { InputIssue } from "../../addin/model/template.types.js";

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

beforeEach(() => window.localStorage.clear());
afterEach(() => window.localStorage.clear());

describe.each(LANG_CASES)("who answers, on Assess ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("asks once which respondent you are, writes only that column, and remembers the choice for this workbook", async () => {
    const host = respondentsHost({ lang });
    const first = renderPane(host);
    const { user } = first;
    expect(await screen.findByRole("heading", { level: 3, name: t("respondent.heading") })).toBeTruthy();
    // Nothing to rate until someone is chosen.
    expect(screen.queryByRole("radiogroup")).toBeNull();
    const names = within(screen.getByRole("list", { name: t("respondent.list") })).getAllByRole("button").map((b) => b.textContent);
    expect(names).toEqual(RESPONDENTS.map((name) => t("respondent.choose", { name })));

    await user.click(screen.getByRole("button", { name: t("respondent.choose", { name: "CA" }) }));
    expect(screen.getByText(t("respondent.current", { name: "CA" }))).toBeTruthy();
    const group = await screen.findByRole("radiogroup", { name: t("assess.rating") });
    await user.click(within(group).getByRole("radio", { name: /^3 / }));
    await waitFor(() => expect(host.callsTo("setAnswer")).toEqual([["GOUV-01", { rating: { kind: "level", value: 3 } }, "CA"]]));
    const row = host.workbook?.grid[0];
    expect(row?.respondents.map((c) => c.rating)).toEqual([null, 3, null]);
    expect(row?.rating).toBeNull();
    // Others' ratings are not shown: independent answers first (the default setting).
    expect(screen.queryByRole("heading", { level: 4, name: t("respondent.others") })).toBeNull();

    first.unmount();
    renderPane(host);
    expect(await screen.findByText(t("respondent.current", { name: "CA" }))).toBeTruthy();
    expect(screen.queryByRole("heading", { level: 3, name: t("respondent.heading") })).toBeNull();
    const checked = within(await screen.findByRole("radiogroup", { name: t("assess.rating") })).getAllByRole("radio").find((r) => r.getAttribute("aria-checked") === "true");
    expect(checked?.textContent).toMatch(/^3/);
  });

  it("shows the others' ratings and comments only when the workbook's setting allows it", async () => {
    const cells = { "GOUV-01": { ratings: [4, 2, lang === "fr" ? "S. O." : "N/A"], comments: ["Adopté en 2023", "", "Je ne sais pas"] } };
    window.localStorage.clear();
    const host = respondentsHost({ lang, cells, showOthers: true });
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("button", { name: t("respondent.choose", { name: "CA" }) }));
    const heading = await screen.findByRole("heading", { level: 4, name: t("respondent.others") });
    const list = within(screen.getByRole("list", { name: heading.textContent ?? "" }));
    const items = list.getAllByRole("listitem").map((li) => spaced(li.textContent ?? ""));
    expect(items[0]).toContain(spaced(t("respondent.otherLine", { name: "Direction", rating: `4 — ${lang === "fr" ? "Atteint" : "Met"}` })));
    expect(items[0]).toContain("Adopté en 2023");
    expect(items[1]).toContain(spaced(t("respondent.otherLine", { name: "Équipe", rating: `${t("assess.na.token")} — ${t("assess.na.label")}` })));
    expect(items).toHaveLength(2);
  });
});

describe("who answers, on Assess (fr)", () => {
  const { t } = I18N.fr;

  it("adds a respondent from the question, refusing a bad name before writing anything", async () => {
    const host = respondentsHost({ lang: "fr" });
    const { user } = renderPane(host);
    const field = await screen.findByRole("textbox", { name: t("respondent.newName") });
    await user.type(field, "direction");
    await user.click(screen.getByRole("button", { name: t("respondent.add") }));
    const refusal = respondentNameIssue("direction", RESPONDENTS, t("respondent.newName"));
    expect(refusal?.code).toBe("respondents.duplicate");
    expect(await screen.findByText(spaced(issueText(refusal as InputIssue, "fr")))).toBeTruthy();
    expect(host.callsTo("addRespondent")).toEqual([]);
    await user.clear(field);
    await user.type(field, "Bénévoles{Enter}");
    await waitFor(() => expect(host.callsTo("addRespondent")).toEqual([["Bénévoles"]]));
    expect(await screen.findByText(t("respondent.current", { name: "Bénévoles" }))).toBeTruthy();
    const group = await screen.findByRole("radiogroup", { name: t("assess.rating") });
    await user.click(within(group).getByRole("radio", { name: /^2 / }));
    await waitFor(() => expect(host.callsTo("setAnswer").at(-1)).toEqual(["GOUV-01", { rating: { kind: "level", value: 2 } }, "Bénévoles"]));
    expect(host.workbook?.grid[0]?.respondents.map((c) => c.rating)).toEqual([null, null, null, 2]);
  });

  it("asks nothing in a copy made for one respondent: it answers as them", async () => {
    const host = respondentsHost({ lang: "fr", respondents: ["Équipe"] });
    const { user } = renderPane(host);
    expect(await screen.findByText(t("respondent.current", { name: "Équipe" }))).toBeTruthy();
    const group = await screen.findByRole("radiogroup", { name: t("assess.rating") });
    await user.click(within(group).getByRole("radio", { name: /^1 / }));
    await waitFor(() => expect(host.callsTo("setAnswer")).toEqual([["GOUV-01", { rating: { kind: "level", value: 1 } }, "Équipe"]]));
    expect(host.workbook?.grid[0]?.rating).toBe(1);
  });

  it("asks nothing in a workbook whose one respondent is unnamed, and writes as today", async () => {
    const host = gridHost({ lang: "fr" });
    const { user } = renderPane(host);
    const group = await screen.findByRole("radiogroup", { name: t("assess.rating") });
    expect(screen.queryByRole("heading", { level: 3, name: t("respondent.heading") })).toBeNull();
    expect(screen.queryByRole("button", { name: t("respondent.change") })).toBeNull();
    await user.click(within(group).getByRole("radio", { name: /^4 / }));
    await waitFor(() => expect(host.callsTo("setAnswer")).toEqual([["GOUV-01", { rating: { kind: "level", value: 4 } }]]));
  });
});

describe("« À discuter »", () => {
  const { t } = I18N.fr;
  // GOUV-01: 4, 2, 1 → spread 3; GOUV-02: 3, 3, 2 → spread 1; COMM-01: 2, S. O. → N/A beside a level; COMM-02: agreed 3.
  const cells = {
    "GOUV-01": { ratings: [4, 2, 1], comments: ["Code adopté", "Pas diffusé", ""] },
    "GOUV-02": { ratings: [3, 3, 2] },
    "COMM-01": { ratings: [2, "S. O.", null] },
    "COMM-02": { ratings: [1, 4, null], agreed: 3, reason: "Bulletin mensuel depuis mars" },
  };

  it("lists the criteria to discuss with each respondent's rating and comment, and records the agreed rating and its reason", async () => {
    const host = respondentsHost({ lang: "fr", cells });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.discuss") }));
    await screen.findByRole("heading", { level: 2, name: t("discuss.heading") });
    expect(await screen.findByText(I18N.fr.plural("discuss.count", 2))).toBeTruthy();
    const items = (): HTMLElement[] => Array.from(document.querySelectorAll<HTMLElement>("li[data-criterion]"));
    expect(items().map((li) => [li.dataset.criterion, li.dataset.toDiscuss])).toEqual([
      ["GOUV-01", "true"],
      ["COMM-01", "true"],
      ["COMM-02", "false"],
    ]);
    const gouv = within(items()[0] as HTMLElement);
    expect(gouv.getByText(spaced(t("discuss.spread", { spread: "3" })))).toBeTruthy();
    expect(gouv.getByText(spaced(t("discuss.consolidated", { rating: I18N.fr.number(7 / 3, 2) })))).toBeTruthy();
    const answers = within(gouv.getByRole("list", { name: t("discuss.answers", { id: "GOUV-01" }) }));
    expect(answers.getAllByRole("listitem").map((li) => spaced(li.textContent ?? ""))).toEqual([
      spaced(t("respondent.otherLine", { name: "Direction", rating: "4 — Atteint" })) + "Code adopté",
      spaced(t("respondent.otherLine", { name: "CA", rating: "2 — Partiellement atteint" })) + "Pas diffusé",
      spaced(t("respondent.otherLine", { name: "Équipe", rating: "1 — Non atteint" })),
    ]);

    await user.selectOptions(gouv.getByRole("combobox", { name: t("discuss.agreed") }), "level:3");
    await user.type(gouv.getByRole("textbox", { name: t("discuss.reason") }), "Code adopté, diffusion à venir");
    const save = gouv.getByRole("button", { name: t("discuss.save", { id: "GOUV-01" }) });
    await user.click(save);
    await waitFor(() =>
      expect(host.callsTo("setAgreed")).toEqual([["GOUV-01", { rating: { kind: "level", value: 3 }, reason: "Code adopté, diffusion à venir" }]]),
    );
    expect(await screen.findByText(t("discuss.saved", { id: "GOUV-01" }))).toBeTruthy();
    await waitFor(() => expect(items()[0]?.dataset.toDiscuss).toBe("false"));
    expect(host.workbook?.grid.find((r) => r.criterion === "GOUV-01")?.agreed).toBe(3);
    expect(screen.getByText(I18N.fr.plural("discuss.count", 1))).toBeTruthy();
    // Saved in place: the keyboard focus stays on the button.
    expect(document.activeElement).toBe(save);
  });

  it("says there is nothing to reconcile with one respondent", async () => {
    const { user } = renderPane(gridHost({ lang: "fr" }));
    await user.click(screen.getByRole("tab", { name: t("tab.discuss") }));
    expect(await screen.findByText(spaced(t("discuss.oneRespondent")))).toBeTruthy();
  });
});

describe("Respondents screen", () => {
  const { t } = I18N.fr;
  const xlsx = (name: string): File => new File([new Uint8Array([80, 75, 3, 4])], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

  it("imports a stamped copy, asks « Importer sous le nom… » for an unstamped one, and reports what did not match", async () => {
    const host = respondentsHost({ lang: "fr" });
    host.merge = (_bytes, file, as) => {
      if (file === "sans-nom.xlsx" && as === undefined) return { ok: false, issues: [{ path: file, message: "needs --as", severity: "error", code: "merge.needsAs", params: { file } }] };
      const respondent = as ?? "CA";
      return {
        ok: true,
        value: { respondent, added: as !== undefined, copyId: as ? "" : "c-1", filled: 4, missing: ["COMM-02"], unknown: [], otherVersion: { copy: "1.1.0", master: "1.2.0" }, warnings: [] },
        warnings: [],
      };
    };
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.respondents") }));
    await screen.findByRole("heading", { level: 2, name: t("respondents.heading") });
    const input = (await screen.findByLabelText(t("import.input"))) as HTMLInputElement;
    await user.upload(input, xlsx("copie CA.xlsx"));
    expect(await screen.findByText(spaced(t("import.done", { file: "copie CA.xlsx", name: "CA", filled: 4 })))).toBeTruthy();
    expect(screen.getByText(spaced(t("import.otherVersion", { copy: "1.1.0", master: "1.2.0" })))).toBeTruthy();
    expect(screen.getByText(spaced(t("import.missing", { ids: "COMM-02" })))).toBeTruthy();
    expect(host.callsTo("importAnswers").map((c) => c.slice(1))).toEqual([["copie CA.xlsx"]]);

    await user.upload(input, xlsx("sans-nom.xlsx"));
    const as = await screen.findByRole("textbox", { name: t("import.as") });
    await user.type(as, "Bénévoles{Enter}");
    await waitFor(() => expect(host.callsTo("importAnswers").map((c) => c.slice(1))).toEqual([["copie CA.xlsx"], ["sans-nom.xlsx"], ["sans-nom.xlsx", "Bénévoles"]]));
    expect(await screen.findByText(spaced(t("import.added", { name: "Bénévoles" })))).toBeTruthy();
    await waitFor(() => expect(document.querySelector('li[data-respondent="Bénévoles"]')).toBeTruthy());
  });

  it("makes one copy per respondent as download links, the copy ids recorded in the workbook", async () => {
    const created: string[] = [];
    Object.assign(URL, { createObjectURL: () => `blob:copy-${created.push("x")}`, revokeObjectURL: () => undefined });
    const host = respondentsHost({ lang: "fr" });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.respondents") }));
    await user.click(await screen.findByRole("button", { name: t("copies.make") }));
    const links = await screen.findAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("download")])).toEqual(
      RESPONDENTS.map((name) => [t("copies.download", { file: `essai - ${name}.xlsx` }), `essai - ${name}.xlsx`]),
    );
    expect(host.workbook?.respondents.map((r) => r.copyId)).toEqual(["copy-1", "copy-2", "copy-3"]);
  });

  it("adds a respondent to an unnamed workbook: the ratings already there become « Répondant 1 »'s", async () => {
    const host = gridHost({ lang: "fr", ratings: { "GOUV-01": 3 } });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.respondents") }));
    expect(await screen.findByText(spaced(t("respondents.unnamed", { first: "Répondant 1" })))).toBeTruthy();
    expect((screen.getByRole("button", { name: t("copies.make") }) as HTMLButtonElement).disabled).toBe(true);
    const field = screen.getByRole("textbox", { name: t("respondent.newName") });
    // The name the existing ratings' respondent gets is taken.
    await user.type(field, "répondant 1{Enter}");
    expect(await screen.findByText(/Répondant 1/, { selector: "[id]" })).toBeTruthy();
    expect(host.callsTo("addRespondent")).toEqual([]);
    await user.clear(field);
    await user.type(field, "Direction{Enter}");
    expect(await screen.findByText(spaced(t("respondent.added", { name: "Direction" })))).toBeTruthy();
    expect(host.workbook?.respondents.map((r) => r.name)).toEqual(["Répondant 1", "Direction"]);
    expect(host.workbook?.assessment.criteria[0]?.answers.map((a) => a.rating)).toEqual([{ kind: "level", value: 3 }, { kind: "blank" }]);
    await settle();
  });
});

describe("Dashboard with several respondents", () => {
  const { t } = I18N.fr;
  it("gives each respondent's score beside the consolidated one, and the count to discuss", async () => {
    const cells = { "GOUV-01": { ratings: [4, 2, 1] }, "GOUV-02": { ratings: [4, 4, 4] }, "COMM-01": { ratings: [1, 1, 1] } };
    const host = respondentsHost({ lang: "fr", cells });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.dashboard") }));
    const gouv = await waitFor(() => {
      const li = document.querySelector<HTMLElement>('li[data-dimension="GOUV"]');
      if (!li) throw new Error("no GOUV");
      return li;
    });
    const lines = Array.from(gouv.querySelectorAll<HTMLElement>("[data-respondent-scores] li")).map((li) => spaced(li.textContent ?? ""));
    // GOUV (weights 2, 1, 1; scale 1–4): Direction 4,4 → 100; CA 2,4 → (2·⅓ + 1) / 3 = 55.6; Équipe 1,4 → 33.3.
    expect(lines.slice(1)).toEqual([
      spaced(t("dashboard.respondentLine", { name: "Direction", score: "100" })),
      spaced(t("dashboard.respondentLine", { name: "CA", score: I18N.fr.number(500 / 9) })),
      spaced(t("dashboard.respondentLine", { name: "Équipe", score: I18N.fr.number(100 / 3) })),
    ]);
    expect(within(gouv).getByText(I18N.fr.plural("discuss.count", 1))).toBeTruthy();
  });
});
