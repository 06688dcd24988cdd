// @vitest-environment jsdom
import "../test/setup.js";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import type { Template } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import { HEADERS } from "../../addin/plan/labels.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { readQualigridWorkbook } from "../../addin/xlsx/xlsx.read.js";
import { MemoryHost } from "../host/memory.host.js";
import { LANG_CASES, renderPane } from "../test/render.js";
import { gridCellOf, loaded, workbookBytes } from "../test/workbook.bytes.js";
import { shippedBuiltin } from "../../tests/support/builtins.v1.js";
import { upgradedFileName } from "./upgrade.state.js";

/** A current built-in whose first dimension's criteria are rated (Engagement Qualité). */
const V1 = builtinTemplates()[0] as Template;
/** Donner le CAP as shipped at 1.0.0, before the built-in took a new id (donner-le-cap 2.0.0). */
const CAP_1 = shippedBuiltin("has-donner-le-cap");

/** Version 9 of V1: its first criterion removed, one criterion added to the first dimension. */
function version9(): Template {
  const next = structuredClone(V1);
  next.version = "9.0.0";
  const first = next.dimensions[0];
  if (!first) throw new Error("no dimension");
  first.criteria = [...first.criteria.slice(1), { ...structuredClone(first.criteria[1] ?? first.criteria[0]!), id: "NOUVEAU-1" }];
  return next;
}

describe.each(LANG_CASES)("Upgrade screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;
  const [removed, kept] = V1.dimensions[0]?.criteria.map((c) => c.id) ?? [];

  it("applies a newer version imported as JSON, keeps the answers, and says what happened", async () => {
    const bytes = await workbookBytes(V1, lang, (wb) => {
      gridCellOf(wb, HEADERS.grid.criterion[lang], kept ?? "", HEADERS.grid.rating[lang]).value = 2;
      gridCellOf(wb, HEADERS.grid.criterion[lang], removed ?? "", HEADERS.grid.rating[lang]).value = 1;
    });
    const host = MemoryHost.withPlan(buildPlan(V1, { lang }), { lang, bytes });
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("tab", { name: t("tab.templates") }));
    const next = version9();
    await user.upload(screen.getByLabelText(t("templates.import.input")), new File([JSON.stringify(next)], "v9.json", { type: "application/json" }));
    await screen.findByText(t("templates.import.ok", { title: textOf(next.title, lang) }));
    await user.click(screen.getByRole("tab", { name: t("tab.upgrade") }));
    expect(await screen.findByText(t("upgrade.current", { id: V1.id, version: V1.version }))).toBeTruthy();
    await user.click(screen.getByRole("button", { name: t("upgrade.run") }));
    await waitFor(() => expect(host.opened).toHaveLength(1));
    const opened = host.opened[0];
    if (!opened) throw new Error("nothing opened");
    expect(opened.name).toBe(upgradedFileName(V1.id, "9.0.0"));
    const read = readQualigridWorkbook(await loaded(opened.bytes), opened.name);
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
    expect(read.value.template.version).toBe("9.0.0");
    expect(read.value.grid.find((r) => r.criterion === kept)?.rating).toBe(2);
    expect(read.value.grid.find((r) => r.criterion === "NOUVEAU-1")?.rating ?? null).toBeNull();
    const status = await screen.findByText(t("upgrade.where.newWindow"));
    const summary = status.closest("[role=status]")?.textContent ?? "";
    expect(summary).toContain(`${t("upgrade.added", { n: 1 })} (NOUVEAU-1)`);
    expect(summary).toContain(`(${removed})`);
    // Why scores moved: the dimension that lost a rated criterion says so.
    expect(summary).toContain(t("upgrade.scores"));
    expect(summary).toContain(t("upgrade.scores.archived", { list: removed ?? "" }));
    // The open workbook itself was never written to.
    expect(host.calls.map((c) => c.method).filter((m) => m === "generate" || m === "setAnswer" || m === "writeFormulas")).toEqual([]);
  });

  it("proposes a template that replaces this one under a new id, and lists the answers left for review", async () => {
    const bytes = await workbookBytes(V1, lang, (wb) => {
      gridCellOf(wb, HEADERS.grid.criterion[lang], kept ?? "", HEADERS.grid.rating[lang]).value = 2;
    });
    const host = MemoryHost.withPlan(buildPlan(V1, { lang }), { lang, bytes });
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("tab", { name: t("tab.templates") }));
    const next: Template = { ...structuredClone(V1), id: "successeur", version: "1.0.0", replaces: [V1.id] };
    const question = next.dimensions[0]?.criteria.find((c) => c.id === kept);
    if (!question) throw new Error("no criterion");
    question.type = "text";
    await user.upload(screen.getByLabelText(t("templates.import.input")), new File([JSON.stringify(next)], "next.json", { type: "application/json" }));
    await screen.findByText(t("templates.import.ok", { title: textOf(next.title, lang) }));
    await user.click(screen.getByRole("tab", { name: t("tab.upgrade") }));
    await user.click(await screen.findByRole("button", { name: t("upgrade.run") }));
    await waitFor(() => expect(host.opened).toHaveLength(1));
    const status = await screen.findByText(t("upgrade.where.newWindow"));
    const summary = status.closest("[role=status]")?.textContent ?? "";
    expect(summary).toContain(t("upgrade.done", { from: `${V1.id} ${V1.version}`, to: "successeur 1.0.0" }));
    expect(summary).toContain(t("upgrade.reviewItem", { criterion: kept ?? "", from: kept ?? "", column: HEADERS.grid.rating[lang], value: "2" }));
  });

  it("proposes the built-in donner-le-cap 2.0.0 to a has-donner-le-cap 1.0.0 workbook; a rated question now answered in words goes to review", async () => {
    const bytes = await workbookBytes(CAP_1, lang, (wb) => {
      gridCellOf(wb, HEADERS.grid.criterion[lang], "Q-02", HEADERS.grid.rating[lang]).value = 2;
      gridCellOf(wb, HEADERS.grid.criterion[lang], "P-01", HEADERS.grid.rating[lang]).value = 3;
    });
    const host = MemoryHost.withPlan(buildPlan(CAP_1, { lang }), { lang, bytes });
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("tab", { name: t("tab.upgrade") }));
    await user.click(await screen.findByRole("button", { name: t("upgrade.run") }));
    await waitFor(() => expect(host.opened).toHaveLength(1));
    const status = await screen.findByText(t("upgrade.where.newWindow"));
    const summary = status.closest("[role=status]")?.textContent ?? "";
    expect(summary).toContain(t("upgrade.done", { from: "has-donner-le-cap 1.0.0", to: "donner-le-cap 2.0.0" }));
    expect(summary).toContain(t("upgrade.reviewItem", { criterion: "Q-02", from: "Q-02", column: HEADERS.grid.rating[lang], value: "2" }));
    const opened = host.opened[0];
    if (!opened) throw new Error("nothing opened");
    const read = readQualigridWorkbook(await loaded(opened.bytes), opened.name);
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
    expect(read.value.template.id).toBe("donner-le-cap");
    expect(read.value.grid.find((r) => r.criterion === "P-01")?.rating).toBe(3);
  });

  it("asks for « apply anyway » before applying the same or an older version", async () => {
    const bytes = await workbookBytes(V1, lang);
    const host = MemoryHost.withPlan(buildPlan(V1, { lang }), { lang, bytes });
    const { user } = renderPane(host);
    await user.click(await screen.findByRole("tab", { name: t("tab.upgrade") }));
    expect(await screen.findByText(t("upgrade.none"))).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: t("upgrade.choose") }), `builtin:${V1.id}`);
    expect(screen.getByText(t("upgrade.refused.notHigher", { version: V1.version, current: V1.version }))).toBeTruthy();
    const run = screen.getByRole("button", { name: t("upgrade.run") });
    expect(run).toHaveProperty("disabled", true);
    await user.click(screen.getByRole("checkbox", { name: t("upgrade.force") }));
    expect(run).toHaveProperty("disabled", false);
    await user.click(run);
    await waitFor(() => expect(host.opened).toHaveLength(1));
  });

  it("says there is nothing to upgrade without a grid", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.click(screen.getByRole("tab", { name: t("tab.upgrade") }));
    expect(await screen.findByText(t("upgrade.noGrid"))).toBeTruthy();
  });
});

describe("upgradedFileName", () => {
  it("names the file after the template and its new version", () => {
    expect(upgradedFileName("engagement-qualite", "2.0.0")).toBe("engagement-qualite-2.0.0.xlsx");
    expect(upgradedFileName("a/b", "v 3")).toBe("a-b-v-3.xlsx");
  });
});
