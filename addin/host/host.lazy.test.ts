import { describe, expect, it, vi } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { buildPlan } from "../plan/plan.build.js";
import { FileHost } from "../xlsx/xlsx.host.js";
import type { FileHostOptions, FileHostState, WorkbenchHost } from "./host.file.js";
import { LazyFileHost } from "./host.lazy.js";
import type { HostResult } from "./host.types.js";

const plan = buildPlan(builtinTemplates().find((t) => t.id === "engagement-qualite")!, { lang: "fr" });

function value<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
  return r.value;
}

/** A lazy host whose loader counts its calls and makes real file hosts (or fails `failures` times first). */
function lazyHost(failures = 0) {
  const made: FileHost[] = [];
  let left = failures;
  const load = vi.fn(async (options: FileHostOptions): Promise<WorkbenchHost> => {
    if (left-- > 0) throw new Error("Loading chunk file-host failed.");
    const host = new FileHost(options);
    made.push(host);
    return host;
  });
  return { host: new LazyFileHost({ lang: "fr", dark: true }, load), load, made };
}

describe("LazyFileHost (the workbench's host before exceljs is loaded)", () => {
  it("answers for its empty workbook as a file host does, without loading one", async () => {
    const { host, load } = lazyHost();
    const real = new FileHost({ lang: "fr", dark: true });
    expect(host.current()).toEqual(real.current());
    expect(await host.status()).toEqual(await real.status());
    expect(await host.read()).toEqual(await real.read());
    expect([host.kind, host.displayLanguage(), host.prefersDark()]).toEqual([real.kind, real.displayLanguage(), real.prefersDark()]);
    const states: FileHostState[] = [];
    host.subscribe((s) => states.push(s));
    await host.newWorkbook();
    await real.newWorkbook();
    expect(host.current()).toEqual(real.current());
    expect(states).toEqual([real.current()]);
    expect(load).not.toHaveBeenCalled();
    expect(host.loaded).toBe(false);
  });

  it("loads the file host once, on the first action that needs a workbook, and delegates to it from then on", async () => {
    const { host, load, made } = lazyHost();
    const [generated, status] = await Promise.all([host.generate(plan), host.status(), host.snapshot()]);
    expect(generated).toEqual({ ok: true, value: undefined });
    // Asked while the file host was loading and generating: answered after the generation, by it.
    expect(value(status)).toMatchObject({ hasGrid: true, template: { id: "engagement-qualite" } });
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith({ lang: "fr", dark: true });
    expect(host.loaded).toBe(true);
    expect(host.current()).toEqual(made[0]!.current());
    expect(host.current()).toMatchObject({ fileName: "engagement-qualite.xlsx", hasContent: true, modified: true });
    expect(value(await host.read()).template.id).toBe("engagement-qualite");
    const refused = await host.generate(plan);
    expect(!refused.ok && refused.error.code).toBe("gridExists");
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps counting generations across the load, so the pane starts afresh on each new workbook", async () => {
    const { host } = lazyHost();
    const generations: number[] = [];
    host.subscribe((s) => generations.push(s.generation));
    await host.newWorkbook();
    await host.newWorkbook();
    const other = new FileHost({ lang: "fr" });
    value(await other.generate(plan));
    const bytes = value(await other.snapshot());
    expect(await host.openFile(bytes, "grille.xlsx")).toEqual({ ok: true });
    expect(host.current()).toMatchObject({ fileName: "grille.xlsx", generation: 3, modified: false, origin: "file" });
    await host.newWorkbook();
    expect(host.current()).toMatchObject({ fileName: null, generation: 4, origin: "new" });
    // A workbook the pane made keeps the generation (the screen that made it stays).
    value(await host.openWorkbook(bytes, "v2.xlsx"));
    expect(host.current()).toMatchObject({ fileName: "v2.xlsx", generation: 4, modified: true, origin: "pane" });
    expect(generations).toEqual([1, 2, 3, 4, 4, 4]);
  });

  it("runs actions one at a time, in the order they were asked, loading included", async () => {
    const { host } = lazyHost();
    const order: string[] = [];
    const track = <T>(name: string, p: Promise<T>): Promise<T> => p.then((r) => (order.push(name), r));
    await Promise.all([
      track("status", host.status()),
      track("generate", host.generate(plan)),
      track("read", host.read()),
      track("new", host.newWorkbook()),
      track("status again", host.status()),
    ]);
    expect(order).toEqual(["status", "generate", "read", "new", "status again"]);
    expect(value(await host.status()).hasGrid).toBe(false);
  });

  it("fails an action whose file host cannot be loaded with `unknown`, and tries again on the next", async () => {
    const { host, load } = lazyHost(2);
    expect(await host.generate(plan)).toEqual({ ok: false, error: { code: "unknown", detail: "Loading chunk file-host failed." } });
    expect(host.loaded).toBe(false);
    await expect(host.openFile(new Uint8Array(), "x.xlsx")).rejects.toThrow("Loading chunk file-host failed.");
    expect(load).toHaveBeenCalledTimes(2);
    expect(value(await host.generate(plan))).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("passes the file host's criterion selections on to listeners, those added before it was loaded included", async () => {
    let fire: (id: string) => void = () => undefined;
    const load = async (options: FileHostOptions): Promise<WorkbenchHost> => {
      const real: WorkbenchHost = new FileHost(options);
      // The workbench never selects anything: a file host that does, to see the selections pass.
      real.onCriterionSelected = (listener: (criterionId: string) => void) => {
        fire = listener;
        return () => undefined;
      };
      return real;
    };
    const host = new LazyFileHost({ lang: "fr" }, load);
    const selected: string[] = [];
    const unsubscribe = host.onCriterionSelected((id) => selected.push(id));
    value(await host.generate(plan));
    fire("C1");
    unsubscribe();
    fire("C2");
    expect(selected).toEqual(["C1"]);
  });
});
