import { DOMParser } from "@xmldom/xmldom";
import { unzipSync, zipSync } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHART_FIXTURE, CHART_PARTS, CHART_REFERENCES, CHART_TEMPLATE } from "../fixtures/chart.build.js";
import { SHEET_NAMES } from "../../addin/plan/labels.js";
import { CHARTS } from "../../addin/plan/names.js";
import { findSoffice, recalculateMany } from "../support/libreoffice.js";
import { loadXlsx, run, tempDir, writeJson } from "./cli.helpers.js";

// A chart the user made over the dashboard's QG_Scores (tests/fixtures/chart.dashboard.xlsx: the
// scores and the targets by dimension) follows the table when an upgrade adds or removes a
// dimension: its references cover the new rows, their caches hold no stale point; a reference that
// is not exactly a column of the table is left as it is and listed on the notes sheet.

type Parts = Record<string, Uint8Array>;
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const decode = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);
const xmlOf = (parts: Parts, name: string): Document => {
  if (!parts[name]) throw new Error(`no part ${name}`);
  return new DOMParser().parseFromString(decode(parts[name]), "application/xml") as unknown as Document;
};

const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The charts the plan draws itself (re-rendered by every upgrade, never the user's), by their frame's name. */
const PLAN_CHARTS: ReadonlySet<string> = new Set(Object.values(CHARTS));

/** The name (`cNvPr`) of every frame showing each chart part, from every drawing of the workbook (a chart sheet's included). */
function frameNames(parts: Parts): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const drawing of Object.keys(parts).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))) {
    const relsName = drawing.replace(/([^/]+)$/, "_rels/$1.rels");
    const rels = parts[relsName] ? Array.from(xmlOf(parts, relsName).getElementsByTagName("Relationship")) : [];
    for (const frame of Array.from(xmlOf(parts, drawing).getElementsByTagNameNS(XDR, "graphicFrame"))) {
      const name = frame.getElementsByTagNameNS(XDR, "cNvPr")[0]?.getAttribute("name") ?? "";
      const rid = frame.getElementsByTagNameNS(C, "chart")[0]?.getAttributeNS(REL, "id");
      const target = rels.find((r) => r.getAttribute("Id") === rid)?.getAttribute("Target");
      if (!target) continue;
      const chart = path.posix.normalize(path.posix.join(path.posix.dirname(drawing), target));
      names.set(chart, [...(names.get(chart) ?? []), name]);
    }
  }
  return names;
}

/** The sheets only the plan's charts read: the report and the visit report. */
const PLAN_SHEETS = [SHEET_NAMES.report.fr, SHEET_NAMES.visit.fr];
/** The sheet a reference names (`'Tableau de bord'!$A$1` → `Tableau de bord`). */
const sheetOf = (f: string): string => f.slice(0, f.lastIndexOf("!")).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");

type Refs = { f: string; count: string | null; points: number }[];

/** Every chart part of a workbook with the names of the frames showing it, and its references (`c:f`) with the point count and points of each one's cache. */
function allChartsOf(file: string): Map<string, { frames: string[]; refs: Refs }> {
  const parts = unzipSync(fs.readFileSync(file));
  const frames = frameNames(parts);
  const found = new Map<string, { frames: string[]; refs: Refs }>();
  for (const name of Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort()) {
    const refs = Array.from(xmlOf(parts, name).getElementsByTagNameNS(C, "f")).map((f) => {
      const cache = Array.from(f.parentNode?.childNodes ?? []).find((n): n is Element => n.nodeType === 1 && /Cache$/.test((n as Element).localName));
      return {
        f: f.textContent ?? "",
        count: cache?.getElementsByTagNameNS(C, "ptCount")[0]?.getAttribute("val") ?? null,
        points: cache?.getElementsByTagNameNS(C, "pt").length ?? 0,
      };
    });
    found.set(name, { frames: frames.get(name) ?? [], refs });
  }
  return found;
}

/**
 * The user's charts of a workbook (the plan's own — QG_ScoresChart, QG_ReportChart, QG_VisitChart,
 * re-drawn by each upgrade — left out), each with its references (`c:f`) and the point count and
 * points of each one's cache. Every chart part is shown by a frame, and no user chart reads the report sheet.
 */
function chartsOf(file: string): Map<string, Refs> {
  const found = new Map<string, Refs>();
  for (const [name, chart] of allChartsOf(file)) {
    expect(chart.frames.length, name).toBeGreaterThan(0);
    if (chart.frames.some((f) => PLAN_CHARTS.has(f))) {
      // A part is either the plan's or the user's: never shown under both kinds of names.
      expect(chart.frames.every((f) => PLAN_CHARTS.has(f)), name).toBe(true);
      continue;
    }
    for (const r of chart.refs) expect(PLAN_SHEETS, `${name} ${r.f}`).not.toContain(sheetOf(r.f));
    found.set(name, chart.refs);
  }
  return found;
}

/** How many frames of the workbook are named `name` (a plan chart is replaced on upgrade, never duplicated). */
function framesNamed(file: string, name: string): number {
  return [...allChartsOf(file).values()].flatMap((c) => c.frames).filter((f) => f === name).length;
}

/** The user's charts: the fixture's chart on the dashboard and the one of its chart sheet, under their parts' names. */
const USER_CHARTS = [CHART_PARTS.chart, CHART_PARTS.chartsheetChart];

/** The fixture's template, version 1.1.0, changed by `edit`. */
function nextVersion(dir: string, edit: (t: { dimensions: { id: string; title: unknown; criteria: unknown[] }[] }) => void): string {
  const t = JSON.parse(fs.readFileSync(CHART_TEMPLATE, "utf8")) as { version: string; dimensions: { id: string; title: unknown; criteria: unknown[] }[] };
  t.version = "1.1.0";
  edit(t);
  return writeJson(dir, "next.json", t);
}

const addD9First = (t: { dimensions: { id: string; title: unknown; criteria: unknown[] }[] }): void => {
  t.dimensions.unshift({ id: "D9", title: { fr: "Nouvelle dimension", en: "New dimension" }, criteria: [{ id: "C9", text: { fr: "Énoncé du critère C9", en: "Statement of criterion C9" } }] });
};

interface Summary {
  chartsMoved?: { sheet: string; from: string; to: string }[];
  chartsLeft?: { sheet: string; formula: string }[];
  notesSheet: string | null;
}

async function upgrade(input: string, template: string, output: string): Promise<Summary> {
  const r = await run("upgrade", input, "--template", template, "-o", output, "--json");
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Summary;
}

/** The fixture with the dashboard chart's targets series over the first two dimensions only (not a whole column). */
function withPartialSeries(file: string): void {
  const parts = unzipSync(fs.readFileSync(file));
  const xml = decode(parts[CHART_PARTS.chart]);
  const altered = xml.replace(`<c:f>${CHART_REFERENCES.targets}</c:f>`, "<c:f>'Tableau de bord'!$E$16:$E$17</c:f>");
  expect(altered).not.toBe(xml);
  parts[CHART_PARTS.chart] = new TextEncoder().encode(altered);
  fs.writeFileSync(file, zipSync(Object.fromEntries(Object.entries(parts).filter(([n]) => !n.endsWith("/")))));
}

describe("a chart over QG_Scores, through upgrade", () => {
  it("the fixture's charts name the dimensions' rows of QG_Scores (16 to 18) and its header (15)", () => {
    const charts = chartsOf(CHART_FIXTURE);
    // Made before the plan drew its own charts: both charts are the user's.
    expect([...charts.keys()]).toEqual(USER_CHARTS);
    expect(allChartsOf(CHART_FIXTURE).size).toBe(2);
    expect(charts.get(CHART_PARTS.chart)?.map((r) => r.f)).toEqual([
      CHART_REFERENCES.scoreName,
      CHART_REFERENCES.categories,
      CHART_REFERENCES.scores,
      CHART_REFERENCES.targetName,
      CHART_REFERENCES.categories,
      CHART_REFERENCES.targets,
    ]);
  });

  it("follows a dimension added first: every range covers the new rows (D9's included), caches emptied to 4 points; LibreOffice opens it", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(CHART_FIXTURE, input);
    const output = path.join(dir, "added.xlsx");
    const summary = await upgrade(input, nextVersion(dir, addD9First), output);
    const charts = chartsOf(output);
    // The user's two charts, carried under their parts' names; the plan's scores chart is drawn once beside them.
    expect([...charts.keys()]).toEqual(USER_CHARTS);
    expect(framesNamed(output, CHARTS.scores)).toBe(1);
    for (const [part, refs] of charts) {
      for (const r of refs.filter((x) => x.f.includes(":"))) {
        expect(r.f, part).toMatch(/^'Tableau de bord'!\$[ADE]\$16:\$[ADE]\$19$/);
        expect(r.count, part).toBe("4");
        expect(r.points, part).toBe(0);
      }
      // The series' names (the header cells) did not move: their caches are kept.
      for (const r of refs.filter((x) => !x.f.includes(":"))) expect(r.points, part).toBe(1);
    }
    expect(charts.get(CHART_PARTS.chart)?.map((r) => r.f)).toContain("'Tableau de bord'!$D$16:$D$19");
    expect(summary.chartsMoved?.map((m) => m.to)).toContain("'Tableau de bord'!$E$16:$E$19");
    expect(summary.chartsLeft).toEqual([]);
    // The rows the chart covers are the dashboard's dimensions, D9 first.
    const wb = await loadXlsx(output);
    const dashboard = wb.getWorksheet("Tableau de bord");
    expect([16, 17, 18, 19].map((r) => dashboard?.getCell(`A${r}`).text)).toEqual(["D9", "D1", "D2", "D3"]);
    expect(dashboard?.getCell("A20").text ?? "").not.toBe("D3");
    expect((await run("score", output)).code).toBe(0);

    // Upgraded again (1.1.0 → 1.2.0, D9 dropped): the plan's scores chart carried from 1.1.0 is replaced, not doubled; the user's charts follow back to three rows.
    const again = path.join(dir, "again.xlsx");
    const v3 = JSON.parse(fs.readFileSync(path.join(dir, "next.json"), "utf8")) as { version: string; dimensions: { id: string }[] };
    v3.version = "1.2.0";
    v3.dimensions = v3.dimensions.filter((d) => d.id !== "D9");
    await upgrade(output, writeJson(dir, "v3.json", v3), again);
    const chartsAgain = chartsOf(again);
    expect([...chartsAgain.keys()]).toHaveLength(USER_CHARTS.length);
    expect(framesNamed(again, CHARTS.scores)).toBe(1);
    expect(framesNamed(again, CHARTS.report)).toBeLessThanOrEqual(1);
    for (const [part, refs] of chartsAgain) {
      for (const r of refs.filter((x) => x.f.includes(":"))) expect(r.f, part).toMatch(/^'Tableau de bord'!\$[ADE]\$16:\$[ADE]\$18$/);
    }

    if (!findSoffice()) return;
    const [converted] = await recalculateMany([output], path.join(dir, "lo"));
    const parts = unzipSync(fs.readFileSync(converted ?? ""));
    const chartXml = Object.keys(parts)
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .map((n) => decode(parts[n]))
      .join("");
    // LibreOffice read the chart from the cells the references name: the four dimensions' rows.
    expect(chartXml).toMatch(/\$D\$16:\$D\$19/);
    expect(chartXml).not.toMatch(/\$D\$16:\$D\$18</);
  });

  it("follows a dimension removed: the ranges shrink to the two rows left", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(CHART_FIXTURE, input);
    const output = path.join(dir, "removed.xlsx");
    const summary = await upgrade(input, nextVersion(dir, (t) => void t.dimensions.pop()), output);
    const charts = chartsOf(output);
    expect([...charts.keys()]).toEqual(USER_CHARTS);
    expect(framesNamed(output, CHARTS.scores)).toBe(1);
    for (const [part, refs] of charts) {
      for (const r of refs.filter((x) => x.f.includes(":"))) {
        expect(r.f, part).toMatch(/^'Tableau de bord'!\$[ADE]\$16:\$[ADE]\$17$/);
        expect(r.count, part).toBe("2");
        expect(r.points, part).toBe(0);
      }
    }
    expect(summary.chartsMoved?.length).toBe(6);
    expect((await run("score", output)).code).toBe(0);
  });

  it("leaves a reference that is not a whole column as it is, and lists it on the notes sheet when QG_Scores changed size", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    fs.copyFileSync(CHART_FIXTURE, input);
    withPartialSeries(input);
    const output = path.join(dir, "partial.xlsx");
    const summary = await upgrade(input, nextVersion(dir, addD9First), output);
    const charts = chartsOf(output);
    expect([...charts.keys()]).toEqual(USER_CHARTS);
    expect(framesNamed(output, CHARTS.scores)).toBe(1);
    const refs = charts.get(CHART_PARTS.chart)?.map((r) => r.f) ?? [];
    expect(refs).toContain("'Tableau de bord'!$E$16:$E$17");
    expect(refs).toContain("'Tableau de bord'!$D$16:$D$19");
    expect(summary.chartsLeft).toEqual([{ sheet: "Tableau de bord", formula: "'Tableau de bord'!$E$16:$E$17" }]);
    expect(summary.notesSheet).not.toBeNull();
    const notes = (await loadXlsx(output)).getWorksheet(summary.notesSheet ?? "");
    const texts: string[] = [];
    notes?.eachRow((row) => row.eachCell((cell) => void texts.push(cell.text)));
    expect(texts).toContain("'Tableau de bord'!$E$16:$E$17");
    expect(texts.some((t) => t.startsWith("Références de graphiques laissées telles quelles"))).toBe(true);
    const printed = await run("upgrade", input, "--template", path.join(dir, "next.json"), "-o", path.join(dir, "printed.xlsx"));
    expect(printed.out).toMatch(/références de graphiques laissées telles quelles \(à vérifier\)\u00a0: 1/);
    expect(printed.out).toContain("'Tableau de bord'!$E$16:$E$17");

    // A version that leaves QG_Scores as it was (a criterion added to D1): nothing moves, nothing is listed, the chart is carried byte for byte.
    const same = path.join(dir, "same.xlsx");
    const kept = await upgrade(input, nextVersion(dir, (t) => void t.dimensions[0]?.criteria.push({ id: "C7", text: { fr: "Énoncé du critère C7", en: "Statement of criterion C7" } })), same);
    expect(kept.chartsMoved).toEqual([]);
    expect(kept.chartsLeft).toEqual([]);
    const before = unzipSync(fs.readFileSync(input));
    const after = unzipSync(fs.readFileSync(same));
    // The part carried byte for byte is one of the user's charts (not the plan's scores chart, which reads the same cells).
    const userCharts = [...chartsOf(same).keys()];
    expect(userCharts).toHaveLength(USER_CHARTS.length);
    expect(userCharts.some((n) => decode(after[n]) === decode(before[CHART_PARTS.chart]))).toBe(true);
    expect(framesNamed(same, CHARTS.scores)).toBe(1);
  });
});
