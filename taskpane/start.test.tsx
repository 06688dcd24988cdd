// @vitest-environment jsdom
import "./test/setup.js";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MemoryHost } from "./host/memory.host.js";
import { CATALOGUES } from "./i18n/i18n.js";
import { startTaskPane, type OfficeReady } from "./start.js";

// Office.js is absent in tests: only its types are; the enum's runtime value is its name.
const EXCEL = "Excel" as unknown as Office.HostType;

function fakeOffice(host: Office.HostType | null): OfficeReady {
  return { onReady: (callback) => callback({ host }), HostType: { Excel: EXCEL } };
}

let root: HTMLElement;
afterEach(() => root?.remove());

async function start(office: OfficeReady | undefined, createHost: () => MemoryHost): Promise<void> {
  root = document.body.appendChild(document.createElement("main"));
  await act(async () => startTaskPane(office, root, createHost));
}

describe("startTaskPane (the page bootstrap)", () => {
  it("mounts the task pane on the Excel host once Office is ready in Excel", async () => {
    let made = 0;
    await start(fakeOffice(EXCEL), () => {
      made++;
      return new MemoryHost({ lang: "en" });
    });
    expect(made).toBe(1);
    expect(await screen.findByRole("tablist", { name: "Qualigrid screens" })).toBeTruthy();
  });

  it.each([
    { where: "without Office.js", office: undefined },
    { where: "in Office but not in Excel (no host)", office: fakeOffice(null) },
  ])("says, in French and in English, to open it from Excel: $where", async ({ office }) => {
    await start(office, () => {
      throw new Error("no Excel host should be made");
    });
    for (const lang of ["fr", "en"] as const) {
      expect(screen.getByRole("heading", { name: CATALOGUES[lang]["noHost.title"] })).toBeTruthy();
      expect(screen.getByText(CATALOGUES[lang]["noHost.body"])).toBeTruthy();
    }
    expect(screen.queryByRole("tablist")).toBeNull();
  });

  it("says why when the Excel host cannot be made", async () => {
    await start(fakeOffice(EXCEL), () => {
      throw new Error("ExcelApi 1.7 is not supported");
    });
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(within(alert).getByText(/ExcelApi 1\.7 is not supported/)).toBeTruthy());
  });
});
