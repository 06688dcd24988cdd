import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportXlsx, formsExport, FORMS_METADATA, QUESTIONS } from "../../tests/support/surveys.js";
import { SURVEY_LIMITS } from "../model/survey.csv.js";
import { readSurveyFile, readSurveyXlsx } from "./xlsx.survey.read.js";

describe("readSurveyXlsx: a Microsoft Forms export", () => {
  it("reads the header and one row of texts per response, dates as days and times", async () => {
    const r = await readSurveyXlsx(await exportXlsx(formsExport(10, "fr")), "Satisfaction.xlsx");
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.headers).toEqual([...FORMS_METADATA.fr, ...QUESTIONS.map((q) => q.fr)]);
    expect(r.value.rows).toHaveLength(10);
    expect(r.value.rows[0]?.slice(0, 3)).toEqual(["1", "2026-03-01 09:00", "2026-03-01 09:05"]);
    // A blank answer reads as "", the row keeps the header's width.
    expect(r.value.rows[2]?.[FORMS_METADATA.fr.length]).toBe("");
    expect(r.value.rows.every((row) => row.length === r.value.headers.length)).toBe(true);
  });

  it("refuses, naming the file and the cell, a workbook past the limits", async () => {
    const bytes = await exportXlsx(formsExport(10, "en"));
    const code = async (limits: Partial<typeof SURVEY_LIMITS>): Promise<string> => {
      const r = await readSurveyXlsx(bytes, "big.xlsx", { ...SURVEY_LIMITS, ...limits });
      return r.ok ? "ok" : `${r.issues[0]?.code} ${r.issues[0]?.path}`;
    };
    expect(await code({ responses: 5 })).toBe("survey.tooManyResponses big.xlsx");
    expect(await code({ columns: 4 })).toBe("survey.tooManyColumns big.xlsx: Sheet1!E1");
    expect(await code({ cells: 20 })).toBe("survey.tooManyCells big.xlsx");
    // The longest cell is a free-text answer (column L) of the first response.
    expect(await code({ cellChars: 30 })).toMatch(/^survey\.cellTooLong big\.xlsx: Sheet1!/);
    expect(await code({})).toBe("ok");
  });
});

describe("readSurveyFile: whatever the export is", () => {
  it("reads a CSV when the bytes are not a workbook", async () => {
    const r = await readSurveyFile(new TextEncoder().encode("Nom;Question\nA;Toujours\n"), "r.csv");
    expect(r.ok && r.value).toEqual({ headers: ["Nom", "Question"], rows: [["A", "Toujours"]] });
  });

  it("refuses a zip bomb and an old or encrypted Office file through the guarded loader", async () => {
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/worksheets/sheet1.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    const refused = await readSurveyFile(bomb, "bomb.xlsx");
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.issues[0]?.path).toContain("bomb.xlsx");
    const ole = await readSurveyFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "old.xls");
    expect(!ole.ok && ole.issues[0]?.path).toContain("old.xls");
  });
});
