// @vitest-environment jsdom
import "../test/setup.js";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKBOOK_SETTINGS } from "../../addin/model/settings.js";
import { gridHost } from "../test/fixtures.js";
import { richHost } from "../test/rich.fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import type { MemoryHost } from "../host/memory.host.js";

const DAY = 86_400_000;
const now = new Date();
const TODAY = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The rich template's workbook, assessed 100 days ago: E1 (+30) and E2 (+90) past, E3 (+150) to come; `done` completed. */
function hostWith(lang: "fr" | "en", date: number | null, done: string[] = []): MemoryHost {
  const host = richHost(lang);
  const wb = host.workbook;
  if (!wb) throw new Error("no workbook");
  wb.settings = { ...DEFAULT_WORKBOOK_SETTINGS, ...wb.settings, assessmentDate: date === null ? null : new Date(date) };
  wb.steps = ["E1", "E2", "E3"].map((id, i) => ({
    id,
    done: null,
    responsible: "",
    status: done.includes(id) ? (lang === "fr" ? "Terminée" : "Completed") : "",
    note: "",
    row: 5 + i,
    rowRef: { sheet: "Démarche", address: `A${5 + i}` },
    plannedCell: { sheet: "Démarche", address: `F${5 + i}` },
    doneCell: null,
    statusCell: null,
  }));
  return host;
}

async function openCard(host: MemoryHost, tab: string): Promise<HTMLElement> {
  const r = renderPane(host);
  await r.user.click(screen.getByRole("tab", { name: tab }));
  const heading = await screen.findByRole("heading", { level: 3, name: LANG_HEADINGS });
  const section = heading.closest("section");
  if (!section) throw new Error("no section");
  return section;
}

const LANG_HEADINGS = /^(Démarche|Process)$/;

describe.each(LANG_CASES)("the dashboard's process card ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("shows the steps completed, the next step with its planned date, and the overdue steps", async () => {
    const section = await openCard(hostWith(lang, TODAY - 100 * DAY, ["E1"]), t("tab.dashboard"));
    const card = within(section);
    expect(card.getByText(spaced(t("dashboard.steps.progress", { done: 1, total: 3 })))).toBeTruthy();
    const title = lang === "fr" ? "Autoévaluation" : "Self-assessment";
    expect(section.querySelector("[data-next-step]")?.getAttribute("data-next-step")).toBe("E2");
    expect(spaced(section.querySelector("[data-next-step]")?.textContent ?? "")).toBe(
      spaced(`${t("dashboard.steps.next", { step: `E2 — ${title}` })} · ${t("dashboard.steps.planned", { date: iso(TODAY - 10 * DAY) })}`),
    );
    const overdue = card.getByRole("list", { name: t("dashboard.steps.overdue") });
    expect(within(overdue).getAllByRole("listitem").map((li) => li.getAttribute("data-step"))).toEqual(["E2"]);
    expect(within(overdue).getByText(spaced(t("dashboard.steps.overdueLine", { step: `E2 — ${title}`, date: iso(TODAY - 10 * DAY) })))).toBeTruthy();
  });

  it("says nothing is overdue and asks for the assessment date when the workbook has none", async () => {
    const section = await openCard(hostWith(lang, null), t("tab.dashboard"));
    const card = within(section);
    expect(card.getByText(spaced(t("dashboard.steps.noneOverdue")))).toBeTruthy();
    expect(card.getByText(spaced(t("dashboard.steps.noDate")))).toBeTruthy();
    expect(section.querySelector("[data-next-step]")?.textContent).toContain(t("dashboard.steps.notPlanned"));
  });

  it("says when every step is completed", async () => {
    const section = await openCard(hostWith(lang, TODAY - 400 * DAY, ["E1", "E2", "E3"]), t("tab.dashboard"));
    expect(within(section).getByText(spaced(t("dashboard.steps.allDone")))).toBeTruthy();
    expect(within(section).getByText(spaced(t("dashboard.steps.noneOverdue")))).toBeTruthy();
  });

  it("is absent for a template without steps", async () => {
    renderPane(gridHost({ lang }));
    const r = screen.getByRole("tab", { name: t("tab.dashboard") });
    r.click();
    await screen.findByRole("heading", { level: 3, name: t("dashboard.overall") });
    expect(document.querySelector("[data-steps]")).toBeNull();
  });
});
