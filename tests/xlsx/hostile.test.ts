import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { issueText } from "../../addin/model/messages/message.catalog.js";
import { guardWorkbookBytes, WORKBOOK_LIMITS } from "../../addin/xlsx/xlsx.guard.js";
import { loadWorkbook } from "../../addin/xlsx/xlsx.io.js";

/** Every hostile file here is made by the test itself. */
describe("opening a hostile or foreign file", () => {
  const refusal = async (bytes: Uint8Array): Promise<string> => {
    const started = Date.now();
    const r = await loadWorkbook(bytes, "x.xlsx");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    return r.ok ? "" : (r.issues[0]?.message ?? "");
  };

  it("refuses a zip bomb without unpacking it", async () => {
    // 40 MB of zeros packs into about 40 KB.
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(10), "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 6 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(bomb)).toMatch(/zip bomb/);
  });

  it("refuses a file larger than the limit", async () => {
    const big = new Uint8Array(WORKBOOK_LIMITS.fileBytes + 1);
    big[0] = 0x50;
    big[1] = 0x4b;
    expect(await refusal(big)).toMatch(/MB; Qualigrid opens workbooks up to 25 MB/);
  });

  it("refuses a zip whose parts unpack beyond the limit, with limits scaled down", () => {
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(10) };
    for (let i = 0; i < 4; i++) files[`xl/worksheets/sheet${i}.xml`] = new Uint8Array(2 * 1024 * 1024).fill(60 + i);
    const limits = { ...WORKBOOK_LIMITS, unpackedBytes: 6 * 1024 * 1024, ratio: 1e9 };
    expect(guardWorkbookBytes(zipSync(files, { level: 0 }), "x.xlsx", limits)?.message).toMatch(/unpacks to 8 MB/);
  });

  it("refuses a zip with too many parts", async () => {
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(1) };
    for (let i = 0; i <= WORKBOOK_LIMITS.entries; i++) files[`xl/p${i}.xml`] = new Uint8Array(1);
    expect(await refusal(zipSync(files))).toMatch(/parts/);
  });

  it("refuses a zip that is not a workbook", async () => {
    expect(await refusal(zipSync({ "readme.txt": new Uint8Array(5) }))).toMatch(/not an \.xlsx workbook/);
  });

  it("refuses a password-protected workbook (an OLE2 container) with a hint", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await refusal(ole)).toMatch(/password-protected/);
  });

  it("refuses a truncated zip", async () => {
    const zip = zipSync({ "[Content_Types].xml": new Uint8Array(1000).fill(65), "xl/workbook.xml": new Uint8Array(1000).fill(66) });
    expect(await refusal(zip.slice(0, Math.floor(zip.length / 2)))).toMatch(/truncated or corrupt/);
  });

  it("words each refusal in French too, with the file's figures in the French way", async () => {
    const fr = async (bytes: Uint8Array, limits?: Parameters<typeof guardWorkbookBytes>[2]): Promise<string> => {
      const issue = limits ? guardWorkbookBytes(bytes, "x.xlsx", limits) : await loadWorkbook(bytes, "x.xlsx").then((r) => (r.ok ? null : r.issues[0]));
      if (!issue) throw new Error("not refused");
      expect(issue.code).toMatch(/^file\./);
      return issueText(issue, "fr");
    };
    const bomb = zipSync({ "[Content_Types].xml": new Uint8Array(10), "xl/worksheets/sheet1.xml": new Uint8Array(40 * 1024 * 1024) }, { level: 6 });
    expect(await fr(bomb)).toMatch(/^la partie xl\/worksheets\/sheet1\.xml se décompresse à \d+ fois sa taille : refusé par prudence \(bombe de décompression possible\)$/);
    expect(await fr(new Uint8Array(3 * 1024 * 1024), { ...WORKBOOK_LIMITS, fileBytes: 2.5 * 1024 * 1024 })).toBe("pèse 3,0 Mo ; Qualigrid ouvre les classeurs jusqu'à 2,5 Mo");
    const files: Record<string, Uint8Array> = { "[Content_Types].xml": new Uint8Array(10) };
    for (let i = 0; i < 4; i++) files[`xl/worksheets/sheet${i}.xml`] = new Uint8Array(2 * 1024 * 1024).fill(60 + i);
    expect(await fr(zipSync(files, { level: 0 }), { ...WORKBOOK_LIMITS, unpackedBytes: 6 * 1024 * 1024, ratio: 1e9 })).toBe(
      "se décompresse en 8 Mo ; Qualigrid ouvre les classeurs jusqu'à 6 Mo décompressés",
    );
    expect(await fr(zipSync(files, { level: 0 }), { ...WORKBOOK_LIMITS, entries: 2 })).toBe("contient 5 parties ; un classeur .xlsx que Qualigrid ouvre en a au plus 2");
    expect(await fr(zipSync({ "readme.txt": new Uint8Array(5) }))).toBe("est une archive zip, mais pas un classeur .xlsx");
    expect(await fr(new TextEncoder().encode("Critère;Cotation"))).toBe("n'est pas un classeur .xlsx (ce n'est pas une archive zip)");
    expect(await fr(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(
      "est un ancien fichier .xls ou un classeur protégé par mot de passe : enregistrez-le en .xlsx sans mot de passe, puis réessayez",
    );
    const zip = zipSync({ "[Content_Types].xml": new Uint8Array(1000).fill(65), "xl/workbook.xml": new Uint8Array(1000).fill(66) });
    expect(await fr(zip.slice(0, Math.floor(zip.length / 2)))).toMatch(/^ne peut pas être lu comme un classeur \.xlsx \(.+\) : il est peut-être tronqué ou endommagé$/);
  });
});
