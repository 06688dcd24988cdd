// @vitest-environment jsdom
import "./test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { MemoryHost } from "./host/memory.host.js";
import { gridHost } from "./test/fixtures.js";
import { LANG_CASES, renderPane } from "./test/render.js";

describe.each(LANG_CASES)("task pane shell ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("names its screens in the user's language and opens on Templates for a blank workbook", async () => {
    renderPane(new MemoryHost({ lang }));
    const tablist = within(screen.getByRole("tablist", { name: t("app.tabs") }));
    const names = [t("tab.templates"), t("tab.generate"), t("tab.assess"), t("tab.dashboard"), t("tab.discuss"), t("tab.respondents"), t("tab.evaluator"), t("tab.actions"), t("tab.surveys"), t("tab.report"), t("tab.rounds"), t("tab.check"), t("tab.upgrade"), t("tab.functions")];
    expect(tablist.getAllByRole("tab")).toEqual(names.map((name) => tablist.getByRole("tab", { name })));
    expect(screen.getByRole("tab", { name: t("tab.templates") })).toHaveProperty("ariaSelected", "true");
    expect(screen.getByRole("heading", { level: 2, name: t("templates.heading") })).toBeTruthy();
    expect(screen.getByRole("tabpanel")).toBeTruthy();
  });

  it("opens on Assess when the workbook already holds a grid", async () => {
    renderPane(gridHost({ lang }));
    expect(await screen.findByRole("heading", { level: 2, name: t("assess.heading") })).toBeTruthy();
  });

  it("moves between screens with the keyboard alone: Tab to the tab list, arrows, Enter", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: t("tab.templates") }));
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: t("tab.dashboard") }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 2, name: t("dashboard.heading") })).toBeTruthy();
    const panel = screen.getByRole("tabpanel");
    expect(panel.getAttribute("aria-labelledby")).toBe(screen.getByRole("tab", { name: t("tab.dashboard") }).id);
  });
});

describe("themes", () => {
  // Fluent inserts the theme's CSS variables with insertRule: read them from the style sheets.
  const themeRules = (): string =>
    Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText)).join("\n");

  it.each([
    { dark: false, theme: webLightTheme },
    { dark: true, theme: webDarkTheme },
  ])("follows the host's theme (dark: $dark)", async ({ dark, theme }) => {
    renderPane(new MemoryHost({ dark }));
    await waitFor(() => expect(themeRules()).toContain(`--colorNeutralBackground1: ${theme.colorNeutralBackground1}`));
  });
});
