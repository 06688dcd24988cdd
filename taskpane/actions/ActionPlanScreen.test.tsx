// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ActionRowRead } from "../../addin/workbook/workbook.types.js";
import { gridHost } from "../test/fixtures.js";
import { LANG_CASES, renderPane } from "../test/render.js";

const RATINGS = { "GOUV-01": 1, "GOUV-02": 2, "GOUV-03": 3, "COMM-01": 4, "COMM-02": 1 };

function existing(criterion: string): ActionRowRead {
  return { id: "A-1", criterion, action: "Déclarer", owner: "Marie", due: null, status: "En cours", row: 5, rowRef: { sheet: "Plan d'action", address: "A5" }, criterionCell: null, ownerCell: null, dueCell: null };
}

describe.each(LANG_CASES)("Action plan screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("adds one row per criterion below target without an action, in priority order; existing rows untouched", async () => {
    const host = gridHost({ lang, ratings: RATINGS });
    host.workbook?.actions?.push(existing("gouv-03"));
    const before = structuredClone(host.workbook?.actions?.[0]);
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.actions") }));

    expect(await screen.findByText(i18n.plural("actions.candidates", 3))).toBeTruthy();
    const table = screen.getByRole("table", { name: i18n.plural("actions.candidates", 3) });
    const rows = within(table).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(rows).toEqual([
      ["GOUV-01", "GOUV", "2", "4"],
      ["COMM-02", "COMM", "2", "2"],
      ["GOUV-02", "GOUV", "1", "1"],
    ]);

    await user.click(screen.getByRole("button", { name: t("actions.add") }));
    expect(await screen.findByText(i18n.plural("actions.added", 3))).toBeTruthy();
    expect(host.callsTo("appendActions")).toEqual([
      [
        [
          { criterion: "GOUV-01", dimension: "GOUV", gap: 2 },
          { criterion: "COMM-02", dimension: "COMM", gap: 2 },
          { criterion: "GOUV-02", dimension: "GOUV", gap: 1 },
        ],
      ],
    ]);
    expect(host.workbook?.actions?.[0]).toEqual(before);
    expect(host.workbook?.actions?.map((a) => a.criterion)).toEqual(["gouv-03", "GOUV-01", "COMM-02", "GOUV-02"]);

    // Again: every criterion below target has its action now.
    await waitFor(() => expect(screen.queryByRole("table")).toBeNull());
    await user.click(screen.getByRole("button", { name: t("actions.add") }));
    expect(await screen.findByText(t("actions.nothing"))).toBeTruthy();
    expect(host.callsTo("appendActions")).toHaveLength(1);
  });

  it("says nothing was needed when no rated criterion is below its target", async () => {
    const host = gridHost({ lang, ratings: { "GOUV-01": 4 } });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.actions") }));
    await user.click(await screen.findByRole("button", { name: t("actions.add") }));
    expect(await screen.findByText(t("actions.nothing"))).toBeTruthy();
    expect(host.callsTo("appendActions")).toHaveLength(0);
  });

  it("says so when the workbook was generated without an action plan", async () => {
    const host = gridHost({ lang, ratings: RATINGS, parts: { actions: false } });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.actions") }));
    expect(await screen.findByText(t("actions.noPlan"))).toBeTruthy();
    expect(screen.queryByRole("button", { name: t("actions.add") })).toBeNull();
  });

  it("shows why rows could not be added", async () => {
    const host = gridHost({ lang, ratings: RATINGS });
    host.fail("appendActions", { code: "tableMissing", detail: "QG_Actions" });
    const { user } = renderPane(host);
    await user.click(screen.getByRole("tab", { name: t("tab.actions") }));
    await user.click(await screen.findByRole("button", { name: t("actions.add") }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("error.tableMissing.body", { detail: "QG_Actions" }))).toBeTruthy();
    expect(host.workbook?.actions).toEqual([]);
  });
});
