// @vitest-environment jsdom
import "../test/setup.js";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { textOf } from "../../addin/model/text.js";
import { MemoryHost } from "../host/memory.host.js";
import { FIXTURE_JSON } from "../test/fixtures.js";
import { LANG_CASES, renderPane } from "../test/render.js";

const jsonFile = (name: string, text: string): File => new File([text], name, { type: "application/json" });
const fileInput = (label: string): HTMLInputElement => screen.getByLabelText(label) as HTMLInputElement;

describe.each(LANG_CASES)("Templates screen ($lang)", ({ lang, i18n }) => {
  const { t } = i18n;

  it("lists every built-in template with its description and source", () => {
    renderPane(new MemoryHost({ lang }));
    const group = within(screen.getByRole("radiogroup", { name: t("templates.list") }));
    for (const tpl of builtinTemplates()) {
      const radio = group.getByRole("radio", { name: textOf(tpl.title, lang) });
      const details = document.getElementById(radio.getAttribute("aria-describedby") ?? "");
      expect(details?.textContent).toContain(textOf(tpl.description, lang));
      expect(details?.textContent).toContain(t("templates.source", { source: textOf(tpl.source, lang) }));
      expect(details?.textContent).toContain(`${tpl.id}, version ${tpl.version}`);
    }
  });

  it("is chosen with the keyboard, then leads to Generate", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    const next = screen.getByRole("button", { name: t("templates.continue") });
    expect(next).toHaveProperty("disabled", true);
    await user.tab(); // the tab list
    await user.tab(); // the radio group
    await user.keyboard("{ArrowDown}");
    const second = builtinTemplates()[1];
    expect(screen.getByRole("radio", { name: textOf(second?.title, lang) })).toHaveProperty("checked", true);
    expect(next).toHaveProperty("disabled", false);
    await user.tab();
    expect(document.activeElement).toBe(next);
    await user.keyboard("{Enter}");
    expect(await screen.findByText(t("generate.template", { title: textOf(second?.title, lang) }))).toBeTruthy();
  });

  it("imports a valid template JSON file and chooses it", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.upload(fileInput(t("templates.import.input")), jsonFile("essai.json", JSON.stringify(FIXTURE_JSON)));
    const title = textOf(FIXTURE_JSON.title, lang);
    expect(await screen.findByText(t("templates.import.ok", { title }))).toBeTruthy();
    const radio = screen.getByRole("radio", { name: new RegExp(title) });
    expect(radio).toHaveProperty("checked", true);
    expect(within(radio.closest("div")?.parentElement as HTMLElement).getByText(t("templates.imported"))).toBeTruthy();
  });

  it("shows each issue of an invalid template with its JSON path", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    const broken = structuredClone(FIXTURE_JSON) as Record<string, unknown> & typeof FIXTURE_JSON;
    (broken.dimensions[0]?.criteria[1] as Record<string, unknown>).weight = -1;
    (broken.dimensions[1] as Record<string, unknown>).id = "GOUV";
    delete (broken as Record<string, unknown>).version;
    await user.upload(fileInput(t("templates.import.input")), jsonFile("casse.json", JSON.stringify(broken)));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText(t("templates.import.failed"))).toBeTruthy();
    expect(within(alert).getByText(t("templates.import.fix", { file: "casse.json" }))).toBeTruthy();
    const paths = within(alert).getAllByRole("listitem").map((li) => li.querySelector("code")?.textContent);
    expect(paths).toEqual(expect.arrayContaining(["casse.json: dimensions[0].criteria[1].weight", "casse.json: dimensions[1].id", "casse.json: version"]));
    expect(screen.queryByRole("radio", { name: new RegExp(textOf(FIXTURE_JSON.title, lang)) })).toBeNull();
  });

  it("shows where a JSON syntax error is (file, line and column)", async () => {
    const { user } = renderPane(new MemoryHost({ lang }));
    await user.upload(fileInput(t("templates.import.input")), jsonFile("syntaxe.json", '{\n  "id": "x",\n  "title": }\n'));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("syntaxe.json:3:12")).toBeTruthy();
  });
});
