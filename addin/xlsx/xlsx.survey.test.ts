import { describe, expect, it } from "vitest";
import { csvBytes, exportCsv, formsExport } from "../../tests/support/surveys.js";
import { shippedBuiltin } from "../../tests/support/builtins.v1.js";
import { buildPlan } from "../plan/plan.build.js";
import { TABLES } from "../plan/names.js";
import { loadWorkbook, saveWorkbook } from "./xlsx.io.js";
import { loadQualigridWorkbook } from "./xlsx.read.js";
import { renderPlanToBuffer } from "./xlsx.render.js";
import { importSurveySnapshot } from "./xlsx.snapshot.js";
import { importSurvey } from "./xlsx.survey.js";
import { findTables } from "./xlsx.tables.js";

const template = shippedBuiltin("engagement-qualite");
const ids = template.dimensions.flatMap((d) => d.criteria.map((c) => c.id));
const survey = csvBytes(exportCsv(formsExport(20, "fr"), ";"), "utf-8");

async function fresh(blankRows = 3): Promise<Uint8Array> {
  return renderPlanToBuffer(buildPlan(template, { blankRows }));
}

async function opened(bytes: Uint8Array): Promise<Awaited<ReturnType<typeof loadQualigridWorkbook>> & { ok: true }> {
  const o = await loadQualigridWorkbook(bytes, "classeur.xlsx");
  if (!o.ok) throw new Error(JSON.stringify(o.issues));
  return o;
}

describe("importSurveySnapshot: the pane's import, on a copy of the workbook", () => {
  it("writes the survey so that reading the new workbook gives back the same figures, the given bytes untouched", async () => {
    const bytes = await fresh();
    const copy = Uint8Array.from(bytes);
    const r = await importSurveySnapshot(bytes, "classeur.xlsx", survey, "reponses.csv", { name: "Clientèle", criteria: [ids[0] as string], date: new Date(Date.UTC(2026, 4, 5)) });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(bytes).toEqual(copy);
    expect(r.value.evidenceRows).toBe(1);
    const back = await opened(r.value.bytes);
    expect(back.value.assessment.surveys).toEqual([r.value.survey]);
    expect(back.value.assessment.evidence?.[0]?.criteria).toBe(ids[0]);
    // A second import keeps the first survey.
    const again = await importSurveySnapshot(r.value.bytes, "classeur.xlsx", survey, "reponses.csv", { name: "Personnel" });
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect((await opened(again.value.bytes)).value.assessment.surveys?.map((s) => s.name)).toEqual(["Clientèle", "Personnel"]);
  });
});

describe("importSurvey: refusals, before anything is made", () => {
  const refusal = async (options: Parameters<typeof importSurvey>[4], bytes?: Uint8Array, file = survey): Promise<string> => {
    const o = await opened(bytes ?? (await fresh()));
    const r = await importSurvey(o.value.workbook, o.value.assessment, file, "reponses.csv", options);
    return r.ok ? "ok" : (r.issues[0]?.code ?? "");
  };

  it("refuses a blank name, a scale of one answer, unknown criteria and a file without question", async () => {
    expect(await refusal({ name: "  " })).toBe("survey.nameEmpty");
    expect(await refusal({ name: "S", scale: ["Seul"] })).toBe("survey.scaleTooShort");
    expect(await refusal({ name: "S", criteria: ["ZZ-99"] })).toBe("survey.unknownCriteria");
    expect(await refusal({ name: "S" }, undefined, new TextEncoder().encode("ID,Nom,Adresse de messagerie\n1,A,a@b.ca\n"))).toBe("survey.noQuestion");
  });

  it("imports into a workbook whose own sheet has the surveys' name, carrying that sheet whole under a free name", async () => {
    const loaded = await loadWorkbook(await fresh(), "classeur.xlsx");
    if (!loaded.ok) throw new Error("load");
    const own = loaded.value.addWorksheet("sondages");
    own.getCell("A1").value = "Nos sondages à nous";
    own.getCell("B3").value = 42;
    const r = await importSurveySnapshot(await saveWorkbook(loaded.value), "classeur.xlsx", survey, "reponses.csv", { name: "S" });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.warnings.map((w) => [w.code, w.params?.sheet, w.params?.name])).toContainEqual(["usersheet.renamed", "sondages", "sondages 2"]);
    const back = await loadWorkbook(r.value.bytes, "classeur.xlsx");
    if (!back.ok) throw new Error("reload");
    expect(findTables(back.value).get(TABLES.surveys.toLowerCase())?.sheet.name).toBe("Sondages");
    const kept = back.value.getWorksheet("sondages 2");
    expect([kept?.getCell("A1").value, kept?.getCell("B3").value]).toEqual(["Nos sondages à nous", 42]);
    expect((await opened(r.value.bytes)).value.assessment.surveys?.map((x) => x.name)).toEqual(["S"]);
  });

  it("refuses a name already taken, case set aside", async () => {
    const first = await importSurveySnapshot(await fresh(), "classeur.xlsx", survey, "reponses.csv", { name: "Clientèle 2026" });
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(await refusal({ name: "clientèle 2026" }, first.value.bytes)).toBe("survey.nameTaken");
  });

  it("refuses to link criteria when the evidence register has no empty row left", async () => {
    // The re-rendered register keeps at least 20 rows: 25 rows all filled leave none free.
    const loaded = await loadWorkbook(await fresh(25), "classeur.xlsx");
    if (!loaded.ok) throw new Error("load");
    const t = findTables(loaded.value).get(TABLES.evidence.toLowerCase());
    if (!t) throw new Error("no register");
    const title = t.left + t.headers.indexOf("Titre du document");
    for (let r = t.top + 1; r <= t.bottom; r++) t.sheet.getCell(r, title).value = `Document ${r}`;
    const full = await saveWorkbook(loaded.value);
    expect(await refusal({ name: "S", criteria: [ids[0] as string] }, full)).toBe("survey.evidenceFull");
    expect(await refusal({ name: "S" }, full)).toBe("ok");
  });
});
