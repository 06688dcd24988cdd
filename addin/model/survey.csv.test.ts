import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readSurveyCsv, SURVEY_LIMITS } from "./survey.csv.js";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("readSurveyCsv: a survey exported as CSV", () => {
  it("reads commas or semicolons, quoted fields with separators and line breaks, UTF-8 with BOM or Windows-1252", () => {
    const text = 'ID;Question;Commentaire\r\n1;Tout à fait d\'accord;"Bien; très bien"\r\n2;Plutôt d\'accord;"Sur\ndeux lignes"\r\n';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(text)]);
    for (const b of [withBom, new Uint8Array(iconv.encode(text, "windows-1252"))]) {
      const r = readSurveyCsv(b, "r.csv");
      expect(r.ok && r.value).toEqual({
        headers: ["ID", "Question", "Commentaire"],
        rows: [
          ["1", "Tout à fait d'accord", "Bien; très bien"],
          ["2", "Plutôt d'accord", "Sur\ndeux lignes"],
        ],
      });
    }
    const comma = readSurveyCsv(bytes("A,B\n1,2\n\n3\n"), "c.csv");
    expect(comma.ok && comma.value.rows).toEqual([
      ["1", "2"],
      ["3", ""],
    ]);
  });

  it("refuses, naming the file and the line, what cannot be a survey", () => {
    const first = (b: Uint8Array, limits = SURVEY_LIMITS): string => {
      const r = readSurveyCsv(b, "r.csv", limits);
      return r.ok ? "ok" : `${r.issues[0]?.path} ${r.issues[0]?.message}`;
    };
    expect(first(bytes(""))).toMatch(/^r\.csv:1 the file is empty/);
    expect(first(bytes("A,B\n"))).toMatch(/^r\.csv the file has no response/);
    expect(first(bytes("A,B\n1,2\n1,2,3\n"))).toMatch(/^r\.csv:3 3 fields on this line, but 2 columns/);
    expect(first(bytes('A,B\n1,"open\n'))).toMatch(/^r\.csv:2 a quote/);
    expect(first(Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256))).toMatch(/^r\.csv/);
  });

  it("refuses a file past the limits (a 200 MB CSV, as limits scaled down simulate it) before reading it all", () => {
    const small = { ...SURVEY_LIMITS, csvBytes: 1000, responses: 3, columns: 4, cellChars: 10 };
    const over = (text: string): string => {
      const r = readSurveyCsv(bytes(text), "big.csv", small);
      return r.ok ? "ok" : (r.issues[0]?.code ?? "");
    };
    expect(over(`A\n${"x\n".repeat(600)}`)).toBe("survey.tooLarge");
    expect(over("A\n1\n2\n3\n4\n")).toBe("survey.tooManyResponses");
    expect(over("A,B,C,D,E\n1,2,3,4,5\n")).toBe("survey.tooManyColumns");
    expect(over("A\n12345678901\n")).toBe("survey.cellTooLong");
    expect(over("A\n1\n2\n3\n")).toBe("ok");
  });
});
