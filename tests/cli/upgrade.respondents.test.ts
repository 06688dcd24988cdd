import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { column, demoTemplate, gridCell, gridRowOf, loadXlsx, respondentNames, run, scoreJson, table, tempDir, writeJson, writeText } from "./cli.helpers.js";

// Written by hand (not produced by Qualigrid's code). Demo template: scale 1–4, N/A allowed; see cli.helpers.ts.
const ANSWERS = "criterion,rating,comment\nC1,4,Très bien\nC2,n/a,Sans objet ici\nC5,2,\nC6,3,Vu en réunion\n";
const EVIDENCE = { code: "P-1", criteria: "C1", title: "Procès-verbal du CA" };

/** A French one-respondent workbook made without --respondents, filled, with evidence, a user sheet and a user column. */
async function oldWorkbook(dir: string): Promise<string> {
  const file = path.join(dir, "ancien.xlsx");
  expect((await run("new", writeJson(dir, "demo.json", demoTemplate()), "-o", file)).code).toBe(0);
  expect((await run("fill", file, "--answers", writeText(dir, "a.csv", ANSWERS))).code).toBe(0);
  const wb = await loadXlsx(file);
  const ev = table(wb, "QG_Evidence");
  ev.sheet.getCell(ev.top + 1, column(ev, "Code")).value = EVIDENCE.code;
  ev.sheet.getCell(ev.top + 1, column(ev, "Critères")).value = EVIDENCE.criteria;
  ev.sheet.getCell(ev.top + 1, column(ev, "Titre du document")).value = EVIDENCE.title;
  const g = table(wb, "QG_Grid");
  g.sheet.getCell(g.top, g.right + 2).value = "Mes notes";
  g.sheet.getCell(gridRowOf(g, "Critère", "C1"), g.right + 2).value = "à revoir";
  wb.addWorksheet("Mes calculs").getCell("A1").value = "gardé";
  await wb.xlsx.writeFile(file);
  return file;
}

describe("upgrade --respondents", () => {
  it("gives an old one-respondent workbook's answers to the first respondent, nothing lost", async () => {
    const dir = tempDir();
    const file = await oldWorkbook(dir);
    const before = scoreJson((await run("score", file, "--json")).out);
    const r = await run("upgrade", file, "--respondents", "Direction,CA");
    expect(r.code, r.err).toBe(0);
    expect(await respondentNames(file)).toEqual(["Direction", "CA"]);
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "fr", "C1", "Cotation — Direction").value).toBe(4);
    expect(gridCell(wb, "fr", "C1", "Commentaire — Direction").value).toBe("Très bien");
    expect(gridCell(wb, "fr", "C2", "Cotation — Direction").value).toBe("S. O.");
    expect(gridCell(wb, "fr", "C6", "Commentaire — Direction").value).toBe("Vu en réunion");
    expect(gridCell(wb, "fr", "C1", "Cotation — CA").value ?? null).toBeNull();
    const ev = table(wb, "QG_Evidence");
    expect(ev.sheet.getCell(ev.top + 1, column(ev, "Titre du document")).value).toBe(EVIDENCE.title);
    expect(wb.getWorksheet("Mes calculs")?.getCell("A1").value).toBe("gardé");
    const g = table(wb, "QG_Grid");
    const notes = [...Array(g.sheet.columnCount).keys()].map((i) => i + 1).find((c) => g.sheet.getCell(g.top, c).value === "Mes notes");
    expect(notes).toBeDefined();
    expect(g.sheet.getCell(gridRowOf(g, "Critère", "C1"), notes ?? 0).value).toBe("à revoir");
    // CA has not answered: the consolidated ratings are Direction's, and so are the scores.
    const after = scoreJson((await run("score", file, "--json")).out);
    for (const d of before.dimensions) expect(after.dimensions.find((x) => x.id === d.id)?.score ?? null).toEqual(d.score);
  });

  it("keeps the respondents and their copy records through a new template version", async () => {
    const dir = tempDir();
    const file = await oldWorkbook(dir);
    expect((await run("upgrade", file, "--respondents", "Direction,CA")).code).toBe(0);
    expect((await run("fill", file, "--answers", writeText(dir, "ca.csv", "criterion,rating,comment\nC1,2,Le CA hésite\n"), "--respondent", "CA")).code).toBe(0);
    expect((await run("fill", file, "--answers", writeText(dir, "ok.csv", "criterion,rating,comment\nC1,3,Consensus\n"), "--agreed")).code).toBe(0);
    const wb = await loadXlsx(file);
    const t = table(wb, "QG_Respondents");
    t.sheet.getCell(t.top + 2, column(t, "Identifiant de copie")).value = "copie-ca-1";
    await wb.xlsx.writeFile(file);
    const next = { ...demoTemplate(), version: "1.3.0" };
    const r = await run("upgrade", file, "--template", writeJson(dir, "demo-1.3.json", next));
    expect(r.code, r.err).toBe(0);
    expect(await respondentNames(file)).toEqual(["Direction", "CA"]);
    const up = await loadXlsx(file);
    expect(gridCell(up, "fr", "C1", "Cotation — Direction").value).toBe(4);
    expect(gridCell(up, "fr", "C1", "Cotation — CA").value).toBe(2);
    expect(gridCell(up, "fr", "C1", "Commentaire — CA").value).toBe("Le CA hésite");
    expect(gridCell(up, "fr", "C1", "Cotation convenue").value).toBe(3);
    expect(gridCell(up, "fr", "C1", "Motif de la cotation convenue").value).toBe("Consensus");
    const rt = table(up, "QG_Respondents");
    expect(rt.sheet.getCell(rt.top + 2, column(rt, "Identifiant de copie")).value).toBe("copie-ca-1");
  });

  it("names the respondents and applies a new template version at once", async () => {
    const dir = tempDir();
    const file = await oldWorkbook(dir);
    const next = { ...demoTemplate(), version: "1.3.0" };
    const r = await run("upgrade", file, "--template", writeJson(dir, "demo-1.3.json", next), "--respondents", "Direction,CA");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Répondants de");
    expect(await respondentNames(file)).toEqual(["Direction", "CA"]);
    const wb = await loadXlsx(file);
    expect(gridCell(wb, "fr", "C6", "Cotation — Direction").value).toBe(3);
    expect(scoreJson((await run("score", file, "--json")).out).template.version).toBe("1.3.0");
  });

  it("adds a respondent to a named list, each keeping their answers", async () => {
    const dir = tempDir();
    const file = await oldWorkbook(dir);
    expect((await run("upgrade", file, "--respondents", "Direction,CA")).code).toBe(0);
    const r = await run("upgrade", file, "--respondents", "CA,Direction,Équipe");
    expect(r.code, r.err).toBe(0);
    expect(await respondentNames(file)).toEqual(["CA", "Direction", "Équipe"]);
    expect(gridCell(await loadXlsx(file), "fr", "C1", "Cotation — Direction").value).toBe(4);
  });

  it("refuses to leave out a respondent who has answers, and writes nothing", async () => {
    const dir = tempDir();
    const file = await oldWorkbook(dir);
    expect((await run("upgrade", file, "--respondents", "Direction,CA")).code).toBe(0);
    const before = fs.readFileSync(file);
    const r = await run("upgrade", file, "--respondents", "CA,Équipe");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Direction");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses an upgrade that names neither a template nor respondents", async () => {
    const dir = tempDir();
    const file = await oldWorkbook(dir);
    const r = await run("upgrade", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--template");
  });
});
