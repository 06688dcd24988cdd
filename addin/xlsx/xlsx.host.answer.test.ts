import { describe, expect, it } from "vitest";
import type { HostResult } from "../host/host.types.js";
import { richTemplateJson } from "../model/template.rich.test-helpers.js";
import { parseTemplate } from "../model/template.parse.js";
import { buildPlan } from "../plan/plan.build.js";
import { loadWorkbook } from "./xlsx.io.js";
import { readQualigridWorkbook } from "./xlsx.read.js";
import { FileHost } from "./xlsx.host.js";

function value<T>(r: HostResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.detail}`);
  return r.value;
}

describe("FileHost: a text question's words", () => {
  it("writes them as text in the « Réponse » cell, reads them back, and clears them on N/A", async () => {
    const parsed = parseTemplate(richTemplateJson());
    if (!parsed.ok) throw new Error("rich template refused");
    const host = new FileHost({ lang: "en" });
    value(await host.generate(buildPlan(parsed.value, { lang: "en" })));
    value(await host.setAnswer("G4", { rating: { kind: "blank" }, text: "=SUM(A1) twice a year", comment: "board" }));
    value(await host.setAnswer("S3", { rating: { kind: "blank" }, text: "Opening hours" }));
    value(await host.setAnswer("S3", { rating: { kind: "blank" }, comment: "seen" }));
    const loaded = await loadWorkbook(value(await host.snapshot()), "snapshot.xlsx");
    if (!loaded.ok) throw new Error(loaded.issues[0]?.message);
    const read = readQualigridWorkbook(loaded.value, "snapshot.xlsx");
    if (!read.ok) throw new Error(read.issues.map((i) => i.message).join("; "));
    const row = (id: string) => read.value.grid.find((g) => g.criterion === id);
    expect(row("G4")).toMatchObject({ rating: null, answer: "=SUM(A1) twice a year", comment: "board" });
    // Written without words, the answer is left as it is.
    expect(row("S3")).toMatchObject({ answer: "Opening hours", comment: "seen" });
    const ws = loaded.value.getWorksheet(read.value.gridSheet);
    const cell = row("G4")?.answerCell;
    expect(cell && typeof ws?.getCell(cell.address).value).toBe("string");

    value(await host.setAnswer("G4", { rating: { kind: "na" }, text: "" }));
    const again = value(await host.read()).grid.find((g) => g.criterion === "G4");
    expect(again).toMatchObject({ rating: "N/A", answer: null });
  });
});
