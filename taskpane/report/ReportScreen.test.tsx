// @vitest-environment jsdom
import "../test/setup.js";
import { render, screen } from "@testing-library/react";
import axe from "axe-core";
import { describe, expect, it } from "vitest";
import { I18nContext } from "../i18n/i18n.js";
import { gridHost } from "../test/fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";
import { ReportScreen } from "./ReportScreen.js";

/** The headings of the screen's parts, in order. */
function partHeadings(): string[] {
  return screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent ?? "");
}

describe.each(LANG_CASES)("Report card ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("in the workbench: what the report holds, then the command line that writes the PDF, then Excel's steps", async () => {
    const { user } = renderPane(gridHost({ lang }));
    await user.click(screen.getByRole("tab", { name: t("tab.report") }));
    const holds = await screen.findByRole("list", { name: t("report.holds") });
    expect(holds.querySelectorAll("li")).toHaveLength(6);
    expect(partHeadings()).toEqual([t("report.holds"), t("report.cli.heading"), t("report.excel.heading")]);
    expect(document.querySelector("[data-report-command] code")?.textContent).toBe(t("report.cli.command"));
    expect(t("report.cli.command")).toMatch(/^qualigrid report \S+\.xlsx -o \S+\.pdf$/);
    const found = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } }, resultTypes: ["violations"] });
    expect(found.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });

  it("in Excel: File › Export comes first, since Excel gives add-ins no PDF", () => {
    render(
      <I18nContext.Provider value={i18n}>
        <ReportScreen kind="excel" />
      </I18nContext.Provider>,
    );
    expect(partHeadings()).toEqual([t("report.holds"), t("report.excel.heading"), t("report.cli.heading")]);
    const steps = document.querySelector("[data-report-steps=excel]");
    expect(Array.from(steps?.querySelectorAll("li") ?? [], (li) => spaced(li.textContent ?? ""))).toEqual(
      (["report.excel.step1", "report.excel.step2", "report.excel.step3"] as const).map((k) => spaced(t(k))),
    );
    expect(screen.getByText(spaced(t("report.excel.why")))).toBeTruthy();
  });
});
