import { unzipSync, strFromU8, zipSync, strToU8 } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answerOf, csvBytes, exportCsv, exportXlsx, formsExport, personOf, QUESTIONS } from "../support/surveys.js";
import { column, loadXlsx, newDemoWorkbook, run, runIn, table, tempDir } from "./cli.helpers.js";

/** Every part of an .xlsx as text (shared strings, sheets, tables…), to look for what must not be there. */
function allParts(file: string): string {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.values(parts)
    .map((p) => strFromU8(p))
    .join("\n");
}

/** Counts, by hand from the fixture's patterns, how many of `n` responses answered question `q` with one of `top`, over the non-blank answers. */
function handShare(q: number, n: number, lang: "fr" | "en", top: readonly string[]): { responses: number; favourable: number } {
  let responses = 0;
  let favourable = 0;
  for (let i = 0; i < n; i++) {
    const a = answerOf(q, i, lang);
    if (a === "") continue;
    responses++;
    if (top.includes(a)) favourable++;
  }
  return { responses, favourable: favourable / responses };
}

/** The `QG_Surveys` rows of a workbook file as objects by header. */
async function surveyRows(file: string): Promise<Record<string, unknown>[]> {
  const wb = await loadXlsx(file);
  const t = table(wb, "QG_Surveys");
  const rows: Record<string, unknown>[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row: Record<string, unknown> = {};
    t.headers.forEach((h, i) => (row[h] = t.sheet.getCell(r, t.left + i).value));
    rows.push(row);
  }
  return rows;
}

describe("qualigrid survey import: a Microsoft Forms export", () => {
  it("tallies a French Forms .xlsx into « Sondages »: responses and favourable share per question, counted by hand", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const n = 40;
    const responses = path.join(dir, "Satisfaction.xlsx");
    fs.writeFileSync(responses, await exportXlsx(formsExport(n, "fr")));
    const r = await run("survey", "import", xlsx, responses, "--name", "Satisfaction 2026", "--date", "2026-04-01");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("Sondage «\u00a0Satisfaction 2026\u00a0» importé");
    const rows = await surveyRows(xlsx);
    expect(rows.map((x) => x["Question"])).toEqual(QUESTIONS.map((q) => q.fr));
    expect(rows.every((x) => x["Réponses au sondage"] === n)).toBe(true);
    // Agreement: the top two levels, whatever the spelling (« PLUTÔT D’ACCORD » is « Plutôt d'accord »).
    const agree = handShare(0, n, "fr", ["Tout à fait d'accord", "Plutôt d'accord", "PLUTÔT D’ACCORD"]);
    expect(rows[0]?.["Réponses à la question"]).toBe(agree.responses);
    expect(rows[0]?.["Part favorable"]).toBeCloseTo(agree.favourable, 10);
    const satisfied = handShare(1, n, "fr", ["Très satisfaite", "Satisfait(e)", "Satisfait"]);
    expect(rows[1]?.["Part favorable"]).toBeCloseTo(satisfied.favourable, 10);
    const often = handShare(2, n, "fr", ["Toujours", "Souvent"]);
    expect(rows[2]?.["Part favorable"]).toBeCloseTo(often.favourable, 10);
    // Not on a scale: no favourable share.
    expect(rows.slice(3).map((x) => x["Part favorable"] ?? null)).toEqual([null, null, null]);
    expect(rows.slice(3).map((x) => x["Échelle"])).toEqual(["Choix", "Choix", "Texte libre"]);
    // The multiple-choice question counted per choice.
    const wb = await loadXlsx(xlsx);
    const answers = table(wb, "QG_SurveyAnswers");
    const count = (question: string, answer: string): unknown => {
      for (let row = answers.top + 1; row <= answers.bottom; row++) {
        const cell = (h: string): unknown => answers.sheet.getCell(row, column(answers, h)).value;
        if (cell("Question") === question && cell("Réponse") === answer) return cell("Nombre");
      }
      return undefined;
    };
    let phone = 0;
    for (let i = 0; i < n; i++) if (answerOf(4, i, "fr").includes("Téléphone")) phone++;
    expect(count("Moyens de contact", "Téléphone")).toBe(phone);
    expect(r.out).toMatch(/Je me sens bien accueilli\u00a0: \d+ réponses, part favorable/);
  });

  it("keeps respondents anonymous: no name, e-mail or free-text answer in any part of the written file", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const responses = path.join(dir, "export.xlsx");
    const n = 30;
    fs.writeFileSync(responses, await exportXlsx(formsExport(n, "fr")));
    const r = await run("survey", "import", xlsx, responses, "--name", "Mobilisation");
    expect(r.code, r.err).toBe(0);
    const text = allParts(xlsx);
    expect(text).toContain("Mobilisation");
    for (let i = 0; i < n; i++) {
      const p = personOf(i);
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.email);
    }
    expect(text).not.toContain("accueil chaleureux");
    expect(text).not.toContain("Heure de début");
    expect(r.out).toContain("Colonnes non copiées");
  });

  it("copies free-text answers with --with-comments, and still never a name or an e-mail", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const responses = path.join(dir, "export.xlsx");
    const n = 12;
    fs.writeFileSync(responses, await exportXlsx(formsExport(n, "fr")));
    const r = await run("survey", "import", xlsx, responses, "--name", "Avec commentaires", "--with-comments");
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(xlsx);
    const comments = table(wb, "QG_SurveyComments");
    const expected = Array.from({ length: n }, (_, i) => answerOf(5, i, "fr")).filter((a) => a !== "");
    expect(comments.bottom - comments.top).toBe(expected.length);
    const text = allParts(xlsx);
    expect(text).toContain("accueil chaleureux, réponse #1");
    for (let i = 0; i < n; i++) {
      expect(text).not.toContain(personOf(i).name);
      expect(text).not.toContain(personOf(i).email);
    }
  });

  it("reads an English Forms export into an English workbook", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en");
    const responses = path.join(dir, "export.xlsx");
    const n = 16;
    fs.writeFileSync(responses, await exportXlsx(formsExport(n, "en")));
    const r = await runIn({ LANG: "en_US.UTF-8" }, "survey", "import", xlsx, responses, "--name", "Clients");
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(xlsx);
    const t = table(wb, "QG_Surveys");
    expect(t.sheet.name).toBe("Surveys");
    const agree = handShare(0, n, "en", ["Strongly agree", "Agree", "agree"]);
    expect(t.sheet.getCell(t.top + 1, column(t, "Favourable share")).value).toBeCloseTo(agree.favourable, 10);
    expect(r.out).toContain('Survey "Clients" imported');
  });
});

describe("qualigrid survey import: CSV files", () => {
  for (const [separator, encoding] of [
    [",", "utf-8"],
    [";", "utf-8-bom"],
    [";", "windows-1252"],
  ] as const) {
    it(`reads a CSV separated by « ${separator} » in ${encoding}`, async () => {
      const dir = tempDir();
      const { xlsx } = await newDemoWorkbook(dir);
      const n = 20;
      const csv = path.join(dir, "reponses.csv");
      fs.writeFileSync(csv, csvBytes(exportCsv(formsExport(n, "fr"), separator), encoding));
      const r = await run("survey", "import", xlsx, csv, "--name", "CSV");
      expect(r.code, r.err).toBe(0);
      const rows = await surveyRows(xlsx);
      const agree = handShare(0, n, "fr", ["Tout à fait d'accord", "Plutôt d'accord", "PLUTÔT D’ACCORD"]);
      expect(rows[0]?.["Part favorable"]).toBeCloseTo(agree.favourable, 10);
      expect(rows.map((x) => x["Question"])).toContain("Le personnel vous écoute");
    });
  }

  it("uses a scale given by hand for answers it does not recognise", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    // 5 answers: 2 « Top », 1 « Bien », 1 « Moyen », 1 « Bof »: favourable (Top + Bien) 3/5.
    const csv = path.join(dir, "echelle.csv");
    fs.writeFileSync(csv, "Nom,Appréciation\nA,Top\nB,Bien\nC,Top\nD,Moyen\nE,Bof\n");
    const without = await run("survey", "import", xlsx, csv, "--name", "Sans échelle", "-o", path.join(dir, "sans.xlsx"));
    expect(without.code, without.err).toBe(0);
    expect((await surveyRows(path.join(dir, "sans.xlsx")))[0]?.["Part favorable"] ?? null).toBeNull();
    const r = await run("survey", "import", xlsx, csv, "--name", "Avec échelle", "--scale", "Top,Bien,Moyen,Bof");
    expect(r.code, r.err).toBe(0);
    expect((await surveyRows(xlsx))[0]?.["Part favorable"]).toBeCloseTo(3 / 5, 10);
  });

  it("imports 5,000 responses in bounded time", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const csv = path.join(dir, "grand.csv");
    fs.writeFileSync(csv, csvBytes(exportCsv(formsExport(5000, "fr"), ";"), "utf-8"));
    const start = performance.now();
    const r = await run("survey", "import", xlsx, csv, "--name", "Grand sondage");
    const seconds = (performance.now() - start) / 1000;
    console.log(`survey import of 5,000 responses: ${seconds.toFixed(2)} s`);
    expect(r.code, r.err).toBe(0);
    expect((await surveyRows(xlsx))[0]?.["Réponses au sondage"]).toBe(5000);
  }, 60_000);
});

describe("qualigrid survey import: linked to criteria, names and refusals", () => {
  it("adds one evidence row « Sondage » for the criteria given, and refuses unknown ones with the valid list", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const csv = path.join(dir, "r.csv");
    fs.writeFileSync(csv, csvBytes(exportCsv(formsExport(10, "fr"), ","), "utf-8"));
    const bad = await run("survey", "import", xlsx, csv, "--name", "S", "--criteria", "C1,C99");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("C99");
    expect(bad.err).toContain("C1, C2");
    const r = await run("survey", "import", xlsx, csv, "--name", "Satisfaction", "--criteria", "c1, C3");
    expect(r.code, r.err).toBe(0);
    const wb = await loadXlsx(xlsx);
    const ev = table(wb, "QG_Evidence");
    const row = ev.top + 1;
    expect(ev.sheet.getCell(row, column(ev, "Critères")).value).toBe("C1, C3");
    expect(ev.sheet.getCell(row, column(ev, "Type")).value).toBe("Sondage");
    expect(ev.sheet.getCell(row, column(ev, "Titre du document")).value).toBe("Sondage «\u00a0Satisfaction\u00a0» — 10 réponses");
    expect(ev.sheet.getCell(row, column(ev, "Statut")).value ?? null).toBeNull();
    // `check` finds nothing wrong with the surveys' sheet (the unrated grid is only warned about).
    const check = await run("check", xlsx);
    expect(check.code, check.out + check.err).toBeLessThan(2);
    expect(check.out + check.err).not.toMatch(/erreur\s?:|QG_Survey|Sondages/);
  });

  it("refuses a second survey of the same name (case set aside) and leaves the workbook as it was", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const csv = path.join(dir, "r.csv");
    fs.writeFileSync(csv, csvBytes(exportCsv(formsExport(10, "fr"), ","), "utf-8"));
    expect((await run("survey", "import", xlsx, csv, "--name", "Clientèle 2026")).code).toBe(0);
    const before = fs.readFileSync(xlsx);
    const again = await run("survey", "import", xlsx, csv, "--name", "CLIENTÈLE 2026");
    expect(again.code).toBe(2);
    expect(again.err).toContain("déjà un sondage «\u00a0Clientèle 2026\u00a0»");
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
    // A second survey of another name is added beside the first.
    expect((await run("survey", "import", xlsx, csv, "--name", "Personnel 2026")).code).toBe(0);
    const names = new Set((await surveyRows(xlsx)).map((x) => x["Sondage"]));
    expect([...names]).toEqual(["Clientèle 2026", "Personnel 2026"]);
  });

  it("refuses hostile files with a clear message and leaves the workbook unchanged", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const before = fs.readFileSync(xlsx);
    // Binary garbage.
    const garbage = path.join(dir, "garbage.csv");
    fs.writeFileSync(garbage, Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    // A zip bomb dressed as a Forms export: one part that inflates far beyond what a survey may be.
    const bomb = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(bomb, zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/worksheets/sheet1.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 }));
    // An export with more columns than a survey may have.
    const wide = path.join(dir, "wide.csv");
    fs.writeFileSync(wide, `${Array.from({ length: 600 }, (_, i) => `Q${i}`).join(",")}\n${Array.from({ length: 600 }, () => "Oui").join(",")}\n`);
    // A file that is only a header.
    const header = path.join(dir, "header.csv");
    fs.writeFileSync(header, "ID,Question 1\n");
    for (const [file, expected] of [
      [garbage, /garbage\.csv/],
      [bomb, /bomb\.xlsx/],
      [wide, /600 colonnes/],
      [header, /aucune réponse/],
    ] as const) {
      const r = await run("survey", "import", xlsx, file, "--name", "X");
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(expected);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
  }, 60_000);
});
