/**
 * The network workbook (issue 19) and the member reports, on generated networks: every figure in
 * the tables equals the aggregate (itself checked against an independent QUARTILE.INC here), every
 * derived figure is a formula that LibreOffice recalculates to the engine's value, the chart is a
 * native chart part over the table that LibreOffice keeps; a member report holds nothing of any
 * other member (no code, no organization name, in any part).
 */
import { DOMParser } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateNetwork } from "../../addin/network/network.aggregate.js";
import { memberFeedback, type MemberFeedback } from "../../addin/network/network.feedback.js";
import type { MemberScan, NetworkAggregate, NetworkMember } from "../../addin/network/network.types.js";
import type { NetworkInput } from "../../addin/xlsx/xlsx.network.book.js";
import { NETWORK_BOOK_TABLES, networkBook, networkBookBytes } from "../../addin/xlsx/xlsx.network.book.js";
import { MEMBER_REPORT_ROWS, memberReportBytes, memberReportName } from "../../addin/xlsx/xlsx.network.member.js";
import { computedValue, findSoffice, recalculateMany } from "../support/libreoffice.js";

const soffice = findSoffice();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qg-netbook-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** mulberry32, so that a network is the same every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIMENSIONS = ["D1", "D2", "D3", "D4"];
const CRITERIA = Array.from({ length: 12 }, (_, i) => ({ id: `C${i + 1}`, dimensionId: DIMENSIONS[i % 4] as string }));

/** `count` members; D4 is scored by 3 of them only and C12 answered by 3 (both suppressed at 5). */
function network(count: number, seed: number): NetworkMember[] {
  const rand = seeded(seed);
  const score = (): number | null => (rand() < 0.1 ? null : Math.round(rand() * 1000) / 10);
  return Array.from({ length: count }, (_, i): NetworkMember => {
    const scan: MemberScan = {
      file: `reseau/membre-${i}.xlsx`,
      templateId: "engagement-qualite",
      version: "1.0.0",
      organization: `Organisme Secret ${i}`,
      date: "2025-05-01",
      overall: { score: score(), completion: rand(), coverage: rand() < 0.2 ? null : rand() },
      dimensions: DIMENSIONS.map((id) => ({ id, score: id === "D4" ? (i < 3 ? score() ?? 50 : null) : score(), completion: rand(), coverage: rand() })),
      criteria: CRITERIA.map((c) => ({
        ...c,
        rating: c.id === "C12" && i >= 3 ? null : rand() < 0.15 ? null : 1 + Math.floor(rand() * 4) + (rand() < 0.2 ? 0.5 : 0),
        targetLevel: rand() < 0.1 ? null : 3,
        levels: [1, 2, 3, 4],
      })),
    };
    return { code: `code${String(i).padStart(6, "0")}`, scan };
  });
}

/** Excel's QUARTILE.INC, written out independently of the engine. */
function quartileInc(values: number[], k: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * (k / 4);
  const lo = Math.floor(h);
  return (s[lo] as number) + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number));
}

const inputsOf = (members: NetworkMember[]): NetworkInput[] => [
  ...members.map((m) => ({ file: m.scan.file, status: "member" as const, reason: "" })),
  { file: "reseau/casse.xlsx", status: "skipped", reason: "fichier incomplet" },
  { file: "reseau/autre.xlsx", status: "skipped", reason: "grille d'un autre modèle" },
];

const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);

describe("the network workbook", () => {
  const members = network(23, 19);
  const data = aggregateNetwork(members, [], 5);
  const inputs = inputsOf(members);
  let recalculated: Record<"fr" | "en", ExcelJS.Workbook>;
  const files: Record<"fr" | "en", string> = { fr: path.join(dir, "reseau-fr.xlsx"), en: path.join(dir, "reseau-en.xlsx") };

  beforeAll(async () => {
    for (const lang of ["fr", "en"] as const) fs.writeFileSync(files[lang], await networkBookBytes(data, inputs, lang));
    if (!soffice) return;
    const out = await recalculateMany([files.fr, files.en], path.join(dir, "lo"));
    recalculated = { fr: new ExcelJS.Workbook(), en: new ExcelJS.Workbook() };
    await recalculated.fr.xlsx.readFile(out[0] ?? "");
    await recalculated.en.xlsx.readFile(out[1] ?? "");
  });

  it("the generated network has suppressed and shown figures, and the aggregate's quartiles are QUARTILE.INC", () => {
    expect(data.dimensions.find((d) => d.id === "D4")?.suppressed).toBe(true);
    expect(data.criteria.find((c) => c.id === "C12")?.suppressed).toBe(true);
    for (const d of data.dimensions.filter((x) => !x.suppressed)) {
      const scores = members.map((m) => m.scan.dimensions.find((x) => x.id === d.id)?.score ?? null).filter((v): v is number => v !== null);
      expect(d.q1).toBeCloseTo(quartileInc(scores, 1), 9);
      expect(d.median).toBeCloseTo(quartileInc(scores, 2), 9);
      expect(d.q3).toBeCloseTo(quartileInc(scores, 3), 9);
    }
  });

  it.skipIf(!soffice)("every figure, given or derived by a formula, equals the aggregate once LibreOffice recalculates (fr and en)", () => {
    for (const lang of ["fr", "en"] as const) {
      const { places } = networkBook(data, inputs, lang);
      const wb = recalculated[lang];
      const v = (sheet: string, r: number, c: number): unknown => computedValue(wb.getWorksheet(sheet)?.getCell(r, c) as ExcelJS.Cell);
      const network = places.scores.sheet;
      expect(v(network, 3, 2)).toBe(23);
      expect(v(network, 4, 2)).toBe(2);
      const near = (got: unknown, want: number | null, where: string): void => {
        if (want === null) expect(got === null || got === "", `${where}: ${String(got)}`).toBe(true);
        else expect(Math.abs((got as number) - want), `${where}: ${String(got)} vs ${want}`).toBeLessThan(1e-9);
      };
      const stats = [
        [places.scores, (s: NetworkAggregate["overall"]) => s],
        [places.completion, (s: NetworkAggregate["overall"]) => s.completion],
        [places.coverage, (s: NetworkAggregate["overall"]) => s.coverage],
      ] as const;
      for (const [place, pick] of stats) {
        const lines = [...data.dimensions.map((d) => pick(d as NetworkAggregate["overall"])), pick(data.overall)];
        lines.forEach((s, i) => {
          const r = place.header + 1 + i;
          const where = `${lang} ${place.sheet}!row ${r}`;
          expect(v(network, r, 2)).toBe(s.n);
          near(v(network, r, 3), s.mean, `${where} mean`);
          near(v(network, r, 4), s.median, `${where} median`);
          near(v(network, r, 5), s.q1, `${where} q1`);
          near(v(network, r, 6), s.q3, `${where} q3`);
          near(v(network, r, 9), s.q3 === null || s.q1 === null ? null : s.q3 - s.q1, `${where} iqr`);
          near(v(network, r, 10), s.max === null || s.min === null ? null : s.max - s.min, `${where} range`);
          expect(v(network, r, 11)).toBe(s.suppressed ? (lang === "fr" ? "supprimé (< 5)" : "suppressed (< 5)") : null);
        });
      }
      const levels = 4;
      data.criteria.forEach((c, i) => {
        const r = 2 + i;
        const sheet = places.criteria.sheet;
        expect(v(sheet, r, 1)).toBe(c.id);
        for (let l = 1; l <= levels; l++) expect(v(sheet, r, 2 + l)).toBe(c.levels ? (c.levels[String(l)] ?? 0) : null);
        expect(v(sheet, r, 3 + levels), `${c.id} n`).toBe(c.n);
        near(v(sheet, r, 4 + levels), c.atOrAboveTarget, `${c.id} at or above`);
        near(v(sheet, r, 5 + levels), c.atOrAboveTarget === null ? null : 1 - c.atOrAboveTarget, `${c.id} below`);
      });
      data.mostBelowTarget.forEach((c, i) => {
        expect(v(places.below.sheet, 2 + i, 2)).toBe(c.id);
        near(v(places.below.sheet, 2 + i, 5), c.belowTarget, `below ${c.id}`);
      });
      expect(data.mostBelowTarget.length).toBeGreaterThan(0);
      inputs.forEach((input, i) => expect(v(places.inputs.sheet, 2 + i, 1)).toBe(input.file));
    }
  });

  it("holds a native chart of the scores per dimension over QG_Network, its XML valid; LibreOffice keeps it", async () => {
    const parts = unzipSync(fs.readFileSync(files.fr));
    const chart = Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(chart).toHaveLength(1);
    const doc = new DOMParser().parseFromString(text(parts[chart[0] ?? ""]), "application/xml");
    expect(doc.getElementsByTagNameNS(C, "barChart").length).toBe(1);
    const refs = Array.from(doc.getElementsByTagNameNS(C, "f")).map((f) => f.textContent);
    const { places } = networkBook(data, inputs, "fr");
    const first = places.scores.header + 1;
    const last = places.scores.header + places.scores.rows;
    for (const c of ["G", "E", "D", "F", "H"]) expect(refs).toContain(`'Réseau'!$${c}$${first}:$${c}$${last}`);
    expect(refs).toContain(`'Réseau'!$A$${first}:$A$${last}`);
    // The sheet shows it: its drawing, its relationship and the content types.
    expect(text(parts["xl/worksheets/sheet1.xml"])).toMatch(/<drawing [^>]*r:id=/);
    expect(text(parts["[Content_Types].xml"])).toContain("drawingml.chart+xml");
    const table = Object.keys(parts).filter((n) => n.startsWith("xl/tables/")).map((n) => text(parts[n]));
    expect(table.some((t) => t.includes(`name="${NETWORK_BOOK_TABLES.scores}"`))).toBe(true);
    if (!soffice) return;
    const lo = unzipSync(fs.readFileSync(path.join(dir, "lo", "reseau-fr.xlsx")));
    const kept = Object.keys(lo).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(kept).toHaveLength(1);
    const loChart = text(lo[kept[0] ?? ""]);
    expect(loChart).toContain("barChart");
    expect(loChart).toContain(`$D$${first}:$D$${last}`);
  });

  it("names no organization", () => {
    const parts = unzipSync(fs.readFileSync(files.fr));
    const all = Object.values(parts).map(text).join("\n");
    expect(all).not.toContain("Organisme Secret");
  });
});

describe("member reports", () => {
  const members = network(9, 4);
  const data = aggregateNetwork(members, [], 5);
  const feedback = memberFeedback(data, members);
  const reports = new Map<string, string>();

  beforeAll(async () => {
    for (const f of feedback) {
      const file = path.join(dir, "reports", memberReportName(f.code));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, await memberReportBytes(f, "fr"));
      reports.set(f.code, file);
    }
  });

  it("each holds its own code and nothing of any other member: no code, no organization, in any part", () => {
    expect(reports.size).toBe(9);
    for (const [code, file] of reports) {
      const all = Object.values(unzipSync(fs.readFileSync(file))).map(text).join("\n");
      expect(all).toContain(code);
      for (const m of members) {
        expect(all).not.toContain(m.scan.organization);
        expect(all).not.toContain(m.scan.file);
        if (m.code !== code) expect(all, `${code} shows ${m.code}`).not.toContain(m.code);
      }
    }
  });

  it("a suppressed dimension stays suppressed: no median, quartile nor rank", () => {
    for (const f of feedback) {
      const d4 = f.dimensions.find((d) => d.id === "D4") as MemberFeedback["dimensions"][number];
      expect(d4.network).toMatchObject({ median: null, q1: null, q3: null, suppressed: true });
      expect(d4.percentileRank).toBeNull();
    }
  });

  it.skipIf(!soffice)("its figures, the gaps recalculated by LibreOffice, are the feedback's", async () => {
    const f = feedback[0] as MemberFeedback;
    const [out] = await recalculateMany([reports.get(f.code) ?? ""], path.join(dir, "lo-reports"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out ?? "");
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const v = (r: number, c: number): unknown => computedValue(ws.getCell(r, c));
    [...f.dimensions, f.overall].forEach((l, i) => {
      const r = MEMBER_REPORT_ROWS.scores + 1 + i;
      // LibreOffice keeps 15 significant digits.
      const near = (got: unknown, want: number | null): void => {
        if (want === null) expect(got === null || got === "").toBe(true);
        else expect(Math.abs((got as number) - want)).toBeLessThan(1e-9);
      };
      near(v(r, 2), l.score);
      near(v(r, 3), l.network.median);
      near(v(r, 6), l.score === null || l.network.median === null ? null : l.score - l.network.median);
      near(v(r, 7), l.percentileRank);
    });
    expect(f.furthestBelow.length).toBeGreaterThan(0);
    const top = MEMBER_REPORT_ROWS.scores + f.dimensions.length + 1 + 3;
    f.furthestBelow.forEach((c, i) => {
      expect(v(top + 1 + i, 1)).toBe(c.id);
      expect(Math.abs((v(top + 1 + i, 5) as number) - (c.networkMedian - c.rating))).toBeLessThan(1e-9);
    });
  });
});
