// @vitest-environment jsdom
import "./test/setup.js";
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WorkbookHost } from "../addin/host/host.types.js";
import { MemoryHost } from "./host/memory.host.js";
import { mountTaskPane } from "./index.js";
import { launchedByOffice, type LaunchSignals } from "./office.launch.js";
import { startTaskPane, type OfficeReady, type StartOptions } from "./start.js";

// Office.js is absent in tests: only its types are; the enum's runtime value is its name.
const EXCEL = "Excel" as unknown as Office.HostType;

function fakeOffice(host: Office.HostType | null): OfficeReady {
  return { onReady: (callback) => callback({ host }), HostType: { Excel: EXCEL } };
}

let root: HTMLElement;
afterEach(() => root?.remove());

/** Starts the page with test doubles; the workbench is a memory host's pane marked as such. */
async function start(options: Partial<StartOptions>): Promise<{ loadOffice: ReturnType<typeof vi.fn>; mountWorkbench: ReturnType<typeof vi.fn> }> {
  root = document.body.appendChild(document.createElement("main"));
  const loadOffice = vi.fn(options.loadOffice ?? (() => Promise.resolve(fakeOffice(EXCEL))));
  const mountWorkbench = vi.fn(
    options.mountWorkbench ??
      (async (r: HTMLElement) => {
        mountTaskPane(r, new MemoryHost({ lang: "en" }) as unknown as WorkbookHost);
        r.dataset.workbench = "yes";
      }),
  );
  await act(async () =>
    startTaskPane(root, {
      inOffice: options.inOffice ?? true,
      createExcelHost: options.createExcelHost ?? (() => new MemoryHost({ lang: "en" }) as unknown as WorkbookHost),
      loadOffice,
      mountWorkbench,
      ...(options.readyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.readyTimeoutMs }),
    }),
  );
  return { loadOffice, mountWorkbench };
}

describe("startTaskPane (the page bootstrap)", () => {
  it("loads office.js and mounts the task pane on the Excel host once Office is ready in Excel", async () => {
    let made = 0;
    const { loadOffice, mountWorkbench } = await start({
      createExcelHost: () => {
        made++;
        return new MemoryHost({ lang: "en" }) as unknown as WorkbookHost;
      },
    });
    expect(loadOffice).toHaveBeenCalledTimes(1);
    expect(made).toBe(1);
    expect(mountWorkbench).not.toHaveBeenCalled();
    expect(await screen.findByRole("tablist", { name: "Qualigrid screens" })).toBeTruthy();
  });

  it("opens the workbench outside Office without ever loading office.js", async () => {
    const { loadOffice, mountWorkbench } = await start({ inOffice: false });
    expect(loadOffice).not.toHaveBeenCalled();
    expect(mountWorkbench).toHaveBeenCalledTimes(1);
    expect(root.dataset.workbench).toBe("yes");
  });

  it("opens the workbench when Office is ready in another application than Excel", async () => {
    const { loadOffice, mountWorkbench } = await start({ loadOffice: () => Promise.resolve(fakeOffice(null)) });
    expect(loadOffice).toHaveBeenCalledTimes(1);
    expect(mountWorkbench).toHaveBeenCalledTimes(1);
  });

  it.each([
    { what: "the Excel host cannot be made", options: { createExcelHost: () => { throw new Error("ExcelApi 1.7 is not supported"); } }, detail: /ExcelApi 1\.7 is not supported/ },
    { what: "office.js cannot be loaded", options: { loadOffice: () => Promise.reject(new Error("office.js could not be loaded from the CDN")) }, detail: /office\.js could not be loaded/ },
    {
      what: "Office never becomes ready",
      options: { readyTimeoutMs: 20, loadOffice: () => Promise.resolve({ onReady: () => undefined, HostType: { Excel: EXCEL } }) },
      detail: /Office did not become ready within 0 s/,
    },
    { what: "the workbench cannot be loaded", options: { inOffice: false, mountWorkbench: () => Promise.reject(new Error("Loading chunk workbench failed")) }, detail: /Loading chunk workbench failed/ },
  ])("says why when $what", async ({ options, detail }) => {
    await start(options as Partial<StartOptions>);
    const alert = await screen.findByRole("alert");
    await waitFor(() => expect(within(alert).getByText(detail)).toBeTruthy());
  });
});

describe("launchedByOffice (whether office.js may be loaded)", () => {
  const none: LaunchSignals = { search: "" };
  const storage = (...keys: string[]): LaunchSignals["sessionStorage"] => ({ length: keys.length, key: (i: number) => keys[i] ?? null });

  it.each<{ what: string; signals: LaunchSignals; expected: boolean }>([
    { what: "the manifest's marker ?office=1", signals: { search: "?office=1" }, expected: true },
    { what: "the marker among other parameters", signals: { search: "?lang=en&office=1&_host_Info=Excel$Win32$16.01$fr-FR" }, expected: true },
    { what: "Office's _host_Info in the query string", signals: { search: "?_host_Info=Excel$Win32$16.01$fr-FR$$$$0" }, expected: true },
    { what: "Office's host info kept in session storage", signals: { search: "", sessionStorage: storage("theme", "hostInfoValue") }, expected: true },
    { what: "the Windows host's window.external.GetContext", signals: { search: "", external: { GetContext: () => ({}) } }, expected: true },
    { what: "the Mac host's webkit message handler", signals: { search: "", webkit: { messageHandlers: { Agave: {} } } }, expected: true },
    { what: "a plain browser page", signals: none, expected: false },
    { what: "a browser page asking for English", signals: { search: "?lang=en", sessionStorage: storage("other") }, expected: false },
    { what: "a marker with another value", signals: { search: "?office=0" }, expected: false },
    { what: "a browser's own window.external without GetContext", signals: { search: "", external: {} }, expected: false },
  ])("$what: $expected", ({ signals, expected }) => {
    expect(launchedByOffice(signals)).toBe(expected);
  });

  it("treats refused session storage as no signal", () => {
    const refusing = {
      get length(): number {
        throw new Error("SecurityError");
      },
      key: () => null,
    };
    expect(launchedByOffice({ search: "", sessionStorage: refusing })).toBe(false);
  });
});
