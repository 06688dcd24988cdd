// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { MemoryHost } from "../host/memory.host.js";
import { gridHost } from "../test/fixtures.js";
import { richHost } from "../test/rich.fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";

async function openDashboard(host: MemoryHost, tab: string) {
  const r = renderPane(host);
  await r.user.click(screen.getByRole("tab", { name: tab }));
  await screen.findAllByRole("heading", { level: 3 });
  return r;
}

const dimensionItem = (id: string): HTMLElement => {
  const item = document.querySelector<HTMLElement>(`li[data-dimension="${id}"]`);
  if (!item) throw new Error(`no dimension ${id}`);
  return item;
};

/** G1 2 (required, target 3), G2 blank (required, 0–1), G3 8 of 0–10, G4 in words; S1 4, S2 5, S4 1, S3 (required text) blank. */
const ANSWERS = { G1: { rating: 2 }, G3: { rating: 8 }, G4: { answer: "Une revue annuelle" }, S1: { rating: 4 }, S2: { rating: 5 }, S4: { rating: 1 } };

describe.each(LANG_CASES)("Dashboard on a second-version template ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;
  const fr = lang === "fr";

  it("lists the required criteria not met apart, above the dimensions, with their rating and target level", async () => {
    await openDashboard(richHost(lang, ANSWERS), t("tab.dashboard"));
    const heading = await screen.findByRole("heading", { level: 3, name: t("dashboard.required.heading") });
    const section = heading.closest("section");
    if (!section) throw new Error("no section");
    const items = within(section).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-criterion"))).toEqual(["G1", "G2"]);
    expect(within(items[0] as HTMLElement).getByText(spaced(t("dashboard.required.rated", { rating: fr ? "2 — Partiellement atteint" : "2 — Partially met", target: fr ? "3 — Atteint" : "3 — Met" })))).toBeTruthy();
    expect(within(items[1] as HTMLElement).getByText(spaced(t("dashboard.required.unanswered", { target: fr ? "1 — Oui" : "1 — Yes" })))).toBeTruthy();
    // Above the dimensions, whatever their weight.
    const dimensions = screen.getByRole("heading", { level: 3, name: t("dashboard.dimensions") });
    expect(heading.compareDocumentPosition(dimensions) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Counted overall and per dimension; a dimension whose only required criterion is a text question has no such line.
    const terms = screen.getAllByRole("term").map((e) => e.textContent);
    expect(terms.at(-1)).toBe(t("dashboard.requiredNotMet"));
    expect(screen.getAllByRole("definition").at(-1)?.textContent).toBe("2");
    expect(within(dimensionItem("GOUV")).getByText(spaced(t("dashboard.requiredLine", { count: 2 })))).toBeTruthy();
    expect(dimensionItem("SERV").querySelector("[data-required-not-met]")).toBeNull();
  });

  it("shows each theme's score under its dimension (the dimension rule over the theme's criteria)", async () => {
    await openDashboard(richHost(lang, ANSWERS), t("tab.dashboard"));
    await waitFor(() => dimensionItem("GOUV"));
    const themes = within(dimensionItem("GOUV")).getByRole("list", { name: t("dashboard.themes", { dimension: fr ? "GOUV — Gouvernance" : "GOUV — Governance" }) });
    const lines = within(themes).getAllByRole("listitem").map((li) => spaced(li.textContent ?? ""));
    // CA: G1 at 2 of 1–4 → 33.3, G4 answered in words (never scored); ETH: G3 at 8 of 0–10 → 80, G2 unanswered.
    expect(lines).toEqual(
      [
        t("dashboard.themeLine", { theme: fr ? "CA — Conseil d'administration" : "CA — Board", score: i18n.number(100 / 3), answered: 2, total: 2 }),
        t("dashboard.themeLine", { theme: fr ? "ETH — Éthique" : "ETH — Ethics", score: "80", answered: 1, total: 2 }),
      ].map(spaced),
    );
    expect(within(dimensionItem("SERV")).queryByRole("list")).toBeNull();
  });

  it("says when every required criterion is met", async () => {
    await openDashboard(richHost(lang, { ...ANSWERS, G1: { rating: 3 }, G2: { rating: 1 } }), t("tab.dashboard"));
    expect(await screen.findByText(t("dashboard.required.allMet"))).toBeTruthy();
    expect(within(dimensionItem("GOUV")).getByText(spaced(t("dashboard.requiredLine", { count: 0 })))).toBeTruthy();
  });

  it("names N/A typed for a required criterion as an unreadable rating", async () => {
    const token = fr ? "S. O." : "N/A";
    await openDashboard(richHost(lang, { ...ANSWERS, G2: { rating: 1 }, G1: { rating: token } }), t("tab.dashboard"));
    const item = await waitFor(() => {
      const li = document.querySelector<HTMLElement>('li[data-criterion="G1"]');
      if (!li) throw new Error("not yet");
      return li;
    });
    expect(within(item).getByText(spaced(t("dashboard.required.unreadable", { raw: token, target: fr ? "3 — Atteint" : "3 — Met" })))).toBeTruthy();
  });

  it("shows nothing of required criteria or themes for a template without them", async () => {
    await openDashboard(gridHost({ lang, ratings: { "GOUV-01": 4 } }), t("tab.dashboard"));
    await waitFor(() => dimensionItem("GOUV"));
    expect(screen.queryByRole("heading", { level: 3, name: t("dashboard.required.heading") })).toBeNull();
    expect(document.querySelector("[data-required-not-met], [data-theme]")).toBeNull();
    expect(screen.getAllByRole("term").map((e) => e.textContent)).not.toContain(t("dashboard.requiredNotMet"));
  });
});
