import { describe, expect, it } from "vitest";
import { issueText } from "../model/messages/message.catalog.js";
import type { InputIssue, Result } from "../model/template.types.js";
import { bomOf, decodeTextFile, encodingNamed, type DecodedText, type TextEncoding } from "./csv.decode.js";

// The bytes are written here by hand or with Node's own Buffer encoders, not with the decoder under test.
const FRENCH = "Critère;Cotation;Commentaire\r\nC1;Élaboré;Procès-verbaux diffusés\r\nC2;Amorcé;« Déjà fait », à revoir\r\n";

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

const bytes = (...parts: (number[] | Buffer)[]): Uint8Array => Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
/** Windows-1252 for text whose characters are all in Latin-1's printable range (there both agree). */
const cp1252 = (text: string): Buffer => Buffer.from(text, "latin1");
const utf16be = (text: string): Buffer => Buffer.from(text, "utf16le").swap16();

function decoded(r: Result<DecodedText>): DecodedText {
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
  return r.value;
}

function refusal(r: Result<DecodedText>): InputIssue {
  if (r.ok) throw new Error(`expected a refusal, read ${JSON.stringify(r.value)}`);
  expect(r.issues).toHaveLength(1);
  return r.issues[0] as InputIssue;
}

describe("decodeTextFile: the encoding a file shows", () => {
  it.each<[string, Uint8Array, TextEncoding, boolean]>([
    ["UTF-8 without a BOM", bytes(Buffer.from(FRENCH, "utf8")), "utf-8", false],
    ["UTF-8 with a BOM", bytes(UTF8_BOM, Buffer.from(FRENCH, "utf8")), "utf-8", true],
    ["UTF-16 LE with a BOM (Excel's « Texte Unicode »)", bytes(UTF16LE_BOM, Buffer.from(FRENCH, "utf16le")), "utf-16le", true],
    ["UTF-16 BE with a BOM", bytes(UTF16BE_BOM, utf16be(FRENCH)), "utf-16be", true],
    ["Windows-1252 (French Excel's « CSV (séparateur : point-virgule) »)", bytes(cp1252(FRENCH)), "windows-1252", false],
  ])("reads %s with every accent intact", (_, input, encoding, bom) => {
    expect(decoded(decodeTextFile(input, "reponses.csv"))).toEqual({ text: FRENCH, encoding, bom });
  });

  it("reads the Windows-1252 characters Latin-1 lacks: ’ œ € « »", () => {
    const input = bytes(cp1252("C1;2;l"), [0x92], cp1252("année c"), [0x9c], cp1252("ur, 5 "), [0x80], cp1252(" \xab ok \xbb\n"));
    expect(decoded(decodeTextFile(input, "reponses.csv")).text).toBe("C1;2;l’année cœur, 5 € « ok »\n");
  });

  it("reads plain ASCII as UTF-8", () => {
    expect(decoded(decodeTextFile(bytes(Buffer.from("criterion,rating\nC1,2\n")), "a.csv")).encoding).toBe("utf-8");
  });

  it.each<[number[], TextEncoding | undefined]>([
    [UTF8_BOM, "utf-8"],
    [UTF16LE_BOM, "utf-16le"],
    [UTF16BE_BOM, "utf-16be"],
    [[0x43, 0x31], undefined],
    [[], undefined],
  ])("bomOf(%j) is %j", (prefix, encoding) => {
    expect(bomOf(bytes(prefix))).toBe(encoding);
  });
});

describe("decodeTextFile: bytes that are not text are refused with their line, never turned into �", () => {
  it("a UTF-8 file (BOM) with a Windows-1252 byte on line 3", () => {
    const input = bytes(UTF8_BOM, Buffer.from("Critère;Cotation\nC1;Élaboré\nC2;", "utf8"), [0xe9], Buffer.from("laboré\n", "utf8"));
    const i = refusal(decodeTextFile(input, "reponses.csv"));
    expect([i.path, i.code]).toEqual(["reponses.csv:3", "answers.badBytes"]);
    expect(i.params).toMatchObject({ file: "reponses.csv", line: 3, encoding: "UTF-8" });
    expect(issueText(i, "fr")).toContain("UTF-8");
  });

  it("a file without BOM whose lines mix UTF-8 and Windows-1252", () => {
    const input = bytes(Buffer.from("Critère;Cotation\nC1;2\n", "utf8"), cp1252("C2;Amorcé\n"));
    const i = refusal(decodeTextFile(input, "reponses.csv"));
    expect([i.path, i.code, i.params?.utf8Line]).toEqual(["reponses.csv:3", "answers.mixedEncodings", 1]);
  });

  it.each([0x81, 0x8d, 0x8f, 0x90, 0x9d])("a Windows-1252 file with the undefined byte 0x%s", (byte) => {
    const input = bytes(cp1252("Critère;Cotation\nC1;Amorcé\nC2;"), [byte], cp1252("\n"));
    const i = refusal(decodeTextFile(input, "reponses.csv"));
    expect([i.path, i.code, i.params?.encoding]).toEqual(["reponses.csv:3", "answers.badBytes", "Windows-1252"]);
  });

  it("a UTF-16 LE file with a lone surrogate on line 2", () => {
    const input = bytes(UTF16LE_BOM, Buffer.from("Critère\tCotation\nC1\t", "utf16le"), [0x00, 0xd8], Buffer.from("\n", "utf16le"));
    const i = refusal(decodeTextFile(input, "r.txt"));
    expect([i.path, i.code, i.params?.encoding]).toEqual(["r.txt:2", "answers.badBytes", "UTF-16 LE"]);
  });

  it("a UTF-16 BE file cut in the middle of a character, on its last line", () => {
    const input = bytes(UTF16BE_BOM, utf16be("Critère\tCotation\nC1\t2\n"), [0x00]);
    const i = refusal(decodeTextFile(input, "r.txt"));
    expect([i.path, i.code, i.params?.encoding]).toEqual(["r.txt:3", "answers.badBytes", "UTF-16 BE"]);
  });

  it("UTF-16 without a BOM: its NUL bytes are refused, pointing to --encoding", () => {
    const i = refusal(decodeTextFile(bytes(Buffer.from("Critère\tCotation\n", "utf16le")), "r.txt"));
    expect([i.path, i.code]).toEqual(["r.txt:1", "answers.nulCharacter"]);
    expect(i.message).toContain("--encoding utf-16le");
    expect(decoded(decodeTextFile(bytes(Buffer.from("Critère\tCotation\n", "utf16le")), "r.txt", "utf-16le")).text).toBe("Critère\tCotation\n");
  });

  it("a workbook given as the answers", () => {
    const i = refusal(decodeTextFile(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), "reponses.xlsx"));
    expect([i.path, i.code]).toEqual(["reponses.xlsx", "answers.workbookNotCsv"]);
  });
});

describe("decodeTextFile: the encoding given", () => {
  it("reads Windows-1252 when told, even where UTF-8 would also be valid", () => {
    // « Ã© » in Windows-1252 is the UTF-8 of « é »: only the person knows which was meant.
    expect(decoded(decodeTextFile(bytes([0xc3, 0xa9]), "a.csv", "windows-1252")).text).toBe("Ã©");
    expect(decoded(decodeTextFile(bytes([0xc3, 0xa9]), "a.csv")).text).toBe("é");
  });

  it("refuses a Windows-1252 file said to be UTF-8, with the line of its first accent", () => {
    const i = refusal(decodeTextFile(bytes(cp1252("criterion;rating\nC1;2\nC2;Amorcé\n")), "a.csv", "utf-8"));
    expect([i.path, i.code, i.params?.encoding]).toEqual(["a.csv:3", "answers.badBytes", "UTF-8"]);
  });

  it("refuses an encoding that contradicts the file's byte order mark", () => {
    const i = refusal(decodeTextFile(bytes(UTF16LE_BOM, Buffer.from("a\n", "utf16le")), "a.csv", "utf-8"));
    expect([i.path, i.code, i.params?.bom]).toEqual(["a.csv:1", "answers.bomMismatch", "UTF-16 LE"]);
  });

  it("drops the byte order mark of the encoding given", () => {
    expect(decoded(decodeTextFile(bytes(UTF8_BOM, Buffer.from("é")), "a.csv", "utf-8"))).toEqual({ text: "é", encoding: "utf-8", bom: true });
  });

  it.each<[string, TextEncoding | undefined]>([
    ["utf-8", "utf-8"],
    ["UTF8", "utf-8"],
    ["utf-16le", "utf-16le"],
    ["UTF-16BE", "utf-16be"],
    ["windows-1252", "windows-1252"],
    ["cp1252", "windows-1252"],
    ["latin1", "windows-1252"],
    ["ISO-8859-1", "windows-1252"],
    ["ebcdic", undefined],
    ["", undefined],
  ])("encodingNamed(%j) is %j", (name, encoding) => {
    expect(encodingNamed(name)).toBe(encoding);
  });
});
