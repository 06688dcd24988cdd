// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { textOf } from "../../addin/model/text.js";
import type { Translator } from "../i18n/i18n.js";
import { MemoryHost } from "../host/memory.host.js";
import { gridHost } from "../test/fixtures.js";
import { LANG_CASES, renderPane, spaced } from "../test/render.js";

const template = builtinTemplates().find((t) => t.id === "donner-le-cap");
if (!template) throw new Error("built-in template missing");

/** Chooses the template on the Templates screen and goes on to Generate. */
async function openGenerate(user: UserEvent, i18n: Translator): Promise<void> {
  await user.click(screen.getByRole("radio", { name: textOf(template?.title, i18n.lang) }));
  await user.click(screen.getByRole("button", { name: i18n.t("templates.continue") }));
  await screen.findByRole("heading", { level: 2, name: i18n.t("generate.heading") });
}

describe.each(LANG_CASES)("Generate screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("asks for a template first", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.click(screen.getByRole("tab", { name: t("tab.generate") }));
    expect(await screen.findByText(t("generate.noTemplate"))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t("generate.toTemplates") }));
    expect(screen.getByRole("heading", { level: 2, name: t("templates.heading") })).toBeTruthy();
  });

  it("generates with the chosen language, parts and targets, showing progress while it runs", async () => {
    const host = new MemoryHost({ lang });
    const release = host.holdGeneration();
    const { user } = renderPane(host);
    await openGenerate(user, i18n);

    // Language and parts: the grid is always there; the evidence register is left out.
    expect(screen.getByRole("radio", { name: t(`generate.lang.${lang}`) })).toHaveProperty("checked", true);
    await user.click(screen.getByRole("radio", { name: t(lang === "fr" ? "generate.lang.en" : "generate.lang.fr") }));
    const grid = screen.getByRole("checkbox", { name: t("generate.part.grid") });
    expect(grid).toHaveProperty("checked", true);
    expect(grid).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("checkbox", { name: t("generate.part.evidence") }));

    // Targets: the default target and one dimension's, validated as they are typed.
    const defaultTarget = screen.getByRole("textbox", { name: t("generate.target.default") });
    expect(defaultTarget).toHaveProperty("value", String(template?.target));
    await user.clear(defaultTarget);
    await user.type(defaultTarget, "140");
    expect(screen.getByText(t("generate.target.invalid"))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    expect(screen.getByText(t("generate.fixTargets"))).toBeTruthy();
    expect(host.callsTo("generate")).toHaveLength(0);
    await user.clear(defaultTarget);
    await user.type(defaultTarget, lang === "fr" ? "70,5" : "70.5");
    const first = template?.dimensions[0];
    const dimTarget = screen.getByRole("textbox", { name: `${first?.id} — ${textOf(first?.title, lang)}` });
    await user.type(dimTarget, "90");
    expect(screen.queryByText(t("generate.target.invalid"))).toBeNull();

    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByText(spaced(t("generate.stage.write", { percent: i18n.percent(0.4) })))).toBeTruthy();
    expect(screen.getByRole("button", { name: t("generate.button") })).toHaveProperty("disabled", true);

    release();
    expect(await screen.findByText(t("generate.done"))).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();

    // status() came first, then one generation of the plan made from the choices.
    expect(host.calls.map((c) => c.method).slice(0, 3)).toEqual(["status", "status", "generate"]);
    const [plan] = host.callsTo("generate")[0] ?? [];
    const other = lang === "fr" ? "en" : "fr";
    expect(plan?.lang).toBe(other);
    expect(plan?.options.parts).toEqual({ evidence: false, actions: true, dashboard: true });
    expect(plan?.options.overallTarget).toBe(70.5);
    expect(plan?.options.targets?.[first?.id ?? ""]).toBe(90);
    expect(plan?.options.targets?.[template?.dimensions[1]?.id ?? ""]).toBe(70.5);
    expect(plan?.sheets.map((s) => s.key)).not.toContain("evidence");

    // The workbook now holds a grid: the button stays disabled; Assess is one button away.
    await waitFor(() => expect(screen.getByRole("button", { name: t("generate.button") })).toHaveProperty("disabled", true));
    await user.click(screen.getByRole("button", { name: t("generate.toAssess") }));
    expect(await screen.findByRole("heading", { level: 2, name: t("assess.heading") })).toBeTruthy();
  });

  it("writes the organization and the assessment date into the workbook's settings, refusing a date that is not one", async () => {
    const host = new MemoryHost({ lang });
    const { user } = renderPane(host);
    await openGenerate(user, i18n);
    await user.type(screen.getByRole("textbox", { name: t("generate.organization") }), "Centre d'entraide");
    const date = screen.getByRole("textbox", { name: t("generate.assessmentDate") });
    await user.type(date, "2025-02-30");
    expect(screen.getByText(t("generate.assessmentDate.invalid"))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    expect(screen.getByText(t("generate.fixSettings"))).toBeTruthy();
    expect(host.callsTo("generate")).toHaveLength(0);

    await user.clear(date);
    await user.type(date, "2025-03-31");
    expect(screen.queryByText(t("generate.assessmentDate.invalid"))).toBeNull();
    expect(screen.queryByText(t("generate.fixSettings"))).toBeNull();
    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    expect(await screen.findByText(t("generate.done"))).toBeTruthy();
    const [plan] = host.callsTo("generate")[0] ?? [];
    expect(plan?.options.settings).toEqual({ organization: "Centre d'entraide", assessmentDate: new Date(Date.UTC(2025, 2, 31)) });
  });

  it("generates without settings when the organization and the date are left blank", async () => {
    const host = new MemoryHost({ lang });
    const { user } = renderPane(host);
    await openGenerate(user, i18n);
    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    expect(await screen.findByText(t("generate.done"))).toBeTruthy();
    const [plan] = host.callsTo("generate")[0] ?? [];
    expect(plan?.options.settings).toBeUndefined();
  });

  it("refuses a workbook that already holds a Qualigrid grid, naming its template, and never calls generate", async () => {
    const host = gridHost({ lang });
    const { user } = renderPane(host);
    await screen.findByRole("heading", { level: 2, name: t("assess.heading") });
    await user.click(screen.getByRole("tab", { name: t("tab.templates") }));
    await openGenerate(user, i18n);
    const alert = screen.getByRole("alert");
    expect(within(alert).getByText(t("error.gridExists.title"))).toBeTruthy();
    expect(within(alert).getByText(t("error.gridExists.template", { id: "essai", version: "1.2.0" }))).toBeTruthy();
    expect(within(alert).getByText(t("error.gridExists.body"))).toBeTruthy();
    expect(screen.getByRole("button", { name: t("generate.button") })).toHaveProperty("disabled", true);
    expect(host.callsTo("generate")).toHaveLength(0);
  });

  it("re-checks the workbook before generating: a grid made meanwhile is refused", async () => {
    const host = new MemoryHost({ lang });
    const { user } = renderPane(host);
    await openGenerate(user, i18n);
    host.workbook = gridHost().workbook;
    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    expect(await screen.findByText(t("error.gridExists.title"))).toBeTruthy();
    expect(host.callsTo("generate")).toHaveLength(0);
  });

  it("shows a failed generation's message", async () => {
    const host = new MemoryHost({ lang });
    host.fail("generate", { code: "apiUnsupported", detail: "ExcelApi 1.9" });
    const { user } = renderPane(host);
    await openGenerate(user, i18n);
    await user.click(screen.getByRole("button", { name: t("generate.button") }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("error.apiUnsupported.body"))).toBeTruthy();
    expect(within(alert).getByText(t("app.detail", { detail: "ExcelApi 1.9" }))).toBeTruthy();
  });
});
