// @vitest-environment jsdom
import "../test/setup.js";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { LANG_CASES } from "../test/render.js";
import { FileHost } from "../../addin/xlsx/xlsx.host.js";
import { LazyFileHost } from "../../addin/host/host.lazy.js";
import { messageText } from "../../addin/model/messages/message.catalog.js";
import { refusalText, Workbench } from "./Workbench.js";

// The host the workbench runs on (workbench.mount.tsx): the file host, loaded on the first need.
function renderWorkbench(lang: "fr" | "en") {
  const host = new LazyFileHost({ lang });
  const user = userEvent.setup();
  render(<Workbench host={host} />);
  return { host, user };
}

describe.each(LANG_CASES)("Workbench ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("shows the bar above the task pane: real buttons with names, a labelled file input, download disabled when empty", async () => {
    renderWorkbench(lang);
    expect(await screen.findByRole("tablist", { name: t("app.tabs") })).toBeTruthy();
    const bar = screen.getByRole("region", { name: t("workbench.title") });
    expect(within(bar).getByRole("button", { name: t("workbench.open") })).toBeTruthy();
    expect(within(bar).getByRole("button", { name: t("workbench.new") })).toBeTruthy();
    expect((within(bar).getByRole("button", { name: t("workbench.download") }) as HTMLButtonElement).disabled).toBe(true);
    const input = within(bar).getByLabelText(t("workbench.openInput")) as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.accept).toContain(".xlsx");
    expect(within(bar).getByText(t("workbench.noFile"))).toBeTruthy();
  });

  it("refuses a file that is not an .xlsx workbook, naming it, with the guard's message", async () => {
    const { user } = renderWorkbench(lang);
    const input = screen.getByLabelText(t("workbench.openInput"));
    await user.upload(input, new File(["not a zip"], "budget.xlsx"));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("workbench.refused", { name: "budget.xlsx" }))).toBeTruthy();
    // The reader's refusal, in the pane's language, from the catalogue.
    expect(within(alert).getByText(`budget.xlsx ${messageText("file.notZip", {}, lang)}`)).toBeTruthy();
  });

  it("refuses a dropped file whose name is not .xlsx, and opens nothing", async () => {
    renderWorkbench(lang);
    const file = new File(["a,b"], "notes.csv");
    const drop = new Event("drop", { bubbles: true, cancelable: true }) as Event & { dataTransfer: unknown };
    drop.dataTransfer = { types: ["Files"], files: [file] };
    window.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("workbench.notXlsx", { name: "notes.csv" }))).toBeTruthy();
  });

  it("says when the pane replaced the workbook (an upgrade), and that it is not saved yet", async () => {
    const { host } = renderWorkbench(lang);
    const other = new FileHost({ lang });
    const template = builtinTemplates().find((x) => x.id === "rqiiac-conditions")!;
    await other.generate(buildPlan(template, { lang }));
    const bytes = await other.snapshot();
    if (!bytes.ok) throw new Error(bytes.error.detail);
    await act(async () => {
      await host.openWorkbook(bytes.value, "rqiiac-conditions-v2.xlsx");
    });
    expect(await screen.findByText(t("workbench.replaced", { name: "rqiiac-conditions-v2.xlsx" }))).toBeTruthy();
    expect((screen.getByRole("button", { name: t("workbench.download") }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("enables the download once a grid is generated, named after the template, and saves it as a file", async () => {
    const { host, user } = renderWorkbench(lang);
    const template = builtinTemplates().find((x) => x.id === "engagement-qualite")!;
    await host.generate(buildPlan(template, { lang }));
    const download = await screen.findByRole("button", { name: t("workbench.download") });
    await waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByText(t("workbench.file", { name: "engagement-qualite.xlsx" }))).toBeTruthy();
    const created = vi.fn(() => "blob:qualigrid");
    const revoked = vi.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const clicked: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    await user.click(download);
    await waitFor(() => expect(clicked).toEqual(["engagement-qualite.xlsx"]));
    expect(created).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });
});

describe.each(LANG_CASES)("Workbench upgrade ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("keeps the upgrade's summary on screen and works on the upgraded workbook at once", async () => {
    const { host, user } = renderWorkbench(lang);
    const v1 = builtinTemplates().find((x) => x.id === "rqiiac-conditions")!;
    const other = new FileHost({ lang });
    await other.generate(buildPlan(v1, { lang }));
    const bytes = await other.snapshot();
    if (!bytes.ok) throw new Error(bytes.error.detail);
    await user.upload(screen.getByLabelText(t("workbench.openInput")), new File([Uint8Array.from(bytes.value)], "grille.xlsx"));
    await screen.findByText(t("workbench.file", { name: "grille.xlsx" }));
    const v2 = structuredClone(v1);
    v2.version = "9.0.0";
    await user.click(await screen.findByRole("tab", { name: t("tab.templates") }));
    await user.upload(screen.getByLabelText(t("templates.import.input")), new File([JSON.stringify(v2)], "v9.json", { type: "application/json" }));
    await user.click(screen.getByRole("tab", { name: t("tab.upgrade") }));
    await screen.findByText(t("upgrade.current", { id: v1.id, version: v1.version }));
    await user.click(screen.getByRole("button", { name: t("upgrade.run") }));
    expect(await screen.findByText(t("upgrade.where.replaced", { name: `${v1.id}-9.0.0.xlsx` }))).toBeTruthy();
    // The pane read the new workbook again: its template is now version 9, and the summary stayed.
    expect(await screen.findByText(t("upgrade.current", { id: v1.id, version: "9.0.0" }))).toBeTruthy();
    expect(screen.getByText(t("upgrade.kept", { n: v1.dimensions.reduce((n, d) => n + d.criteria.length, 0) }))).toBeTruthy();
    const read = await host.read();
    expect(read.ok && read.value.template.version).toBe("9.0.0");
  });
});

describe("refusalText", () => {
  it("words each refusal of the file reader in the pane's language, with its figures", async () => {
    const { guardWorkbookBytes } = await import("../../addin/xlsx/xlsx.guard.js");
    const issue = guardWorkbookBytes(new Uint8Array(2048), "gros.xlsx", { fileBytes: 1024, unpackedBytes: 1, entries: 1, ratio: 1 });
    if (!issue) throw new Error("not refused");
    for (const { lang } of LANG_CASES) {
      const text = refusalText(issue, lang);
      expect(text).toBe(`gros.xlsx ${messageText("file.fileTooLarge", { size: "0.0", limit: 1024 / (1024 * 1024) }, lang)}`);
      expect(text).not.toMatch(/\{\w+\}|undefined/);
    }
    expect(refusalText(issue, "fr")).toBe("gros.xlsx pèse 0,0 Mo ; Qualigrid ouvre les classeurs jusqu'à 0,0009765625 Mo");
    expect(refusalText(issue, "en")).toBe("gros.xlsx is 0.0 MB; Qualigrid opens workbooks up to 0.0009765625 MB");
  });

  it("words every refusal of the reader in French", async () => {
    const { loadWorkbook } = await import("../../addin/xlsx/xlsx.io.js");
    const legacy = await loadWorkbook(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), "ancien.xlsx");
    expect(!legacy.ok && refusalText(legacy.issues[0]!, "fr")).toBe(
      "ancien.xlsx est un ancien fichier .xls ou un classeur protégé par mot de passe : enregistrez-le en .xlsx sans mot de passe, puis réessayez",
    );
    const text = await loadWorkbook(new TextEncoder().encode("critère;cotation"), "notes.xlsx");
    expect(!text.ok && refusalText(text.issues[0]!, "fr")).toBe("notes.xlsx n'est pas un classeur .xlsx (ce n'est pas une archive zip)");
  });

  it("falls back on the reader's own message for a problem it has no wording for", () => {
    expect(refusalText({ path: "x.xlsx", message: "is odd", severity: "error" }, LANG_CASES[0]!.lang)).toBe("x.xlsx is odd");
  });
});
