import ExcelJS from "exceljs";
import type { Lang } from "../model/template.types.js";
import type { GroupStats, NetworkAggregate } from "../network/network.types.js";
import { withColumnChart } from "./xlsx.network.chart.js";

/** One input of the aggregate as the « Entrées » sheet lists it (by its label, never by its file unless `--names`). */
export interface NetworkInput {
  file: string;
  /** Read and counted as a member, or skipped with the reason (worded in the workbook's language). */
  status: "member" | "skipped";
  reason: string;
}

type Both = Record<Lang, string>;

const NB = "\u00a0";

/** The network workbook's words. */
const WORDS = {
  network: { fr: "Réseau", en: "Network" },
  criteria: { fr: "Critères", en: "Criteria" },
  belowSheet: { fr: "Sous la cible", en: "Below target" },
  inputs: { fr: "Entrées", en: "Inputs" },
  title: { fr: `Agrégat du réseau${NB}: modèle {id} ({versions})`, en: "Network aggregate: template {id} ({versions})" },
  note: {
    fr: `Chaque membre est désigné par un code. Tout chiffre calculé sur moins de {min} membres est supprimé.`,
    en: "Each member is named by a code. Any figure computed over fewer than {min} members is suppressed.",
  },
  membersLabel: { fr: "Membres", en: "Members" },
  skippedLabel: { fr: "Fichiers ignorés", en: "Files skipped" },
  scores: { fr: "Scores (sur 100)", en: "Scores (out of 100)" },
  completion: { fr: "Complétude", en: "Completion" },
  coverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
  dimension: { fr: "Dimension", en: "Dimension" },
  overall: { fr: "Ensemble", en: "Overall" },
  n: { fr: "Membres (n)", en: "Members (n)" },
  mean: { fr: "Moyenne", en: "Mean" },
  median: { fr: "Médiane", en: "Median" },
  q1: { fr: "1er quartile", en: "1st quartile" },
  q3: { fr: "3e quartile", en: "3rd quartile" },
  min: { fr: "Minimum", en: "Minimum" },
  max: { fr: "Maximum", en: "Maximum" },
  iqr: { fr: "Écart interquartile", en: "Interquartile range" },
  range: { fr: "Étendue", en: "Range" },
  shown: { fr: "Chiffres", en: "Figures" },
  suppressed: { fr: "supprimé (< {min})", en: "suppressed (< {min})" },
  criterion: { fr: "Critère", en: "Criterion" },
  level: { fr: "Niveau {v}", en: "Level {v}" },
  atOrAbove: { fr: "À la cible ou plus", en: "At or above target" },
  below: { fr: "Sous la cible", en: "Below target" },
  rank: { fr: "Rang", en: "Rank" },
  file: { fr: "Entrée", en: "Input" },
  status: { fr: "Statut", en: "Status" },
  reason: { fr: "Raison", en: "Reason" },
  member: { fr: "Retenu", en: "Counted" },
  skipped: { fr: "Ignoré", en: "Skipped" },
  chart: { fr: "Distribution des scores par dimension", en: "Distribution of scores by dimension" },
} as const satisfies Record<string, Both>;

/** The network workbook's tables, by the names formulas and scripts refer to. */
export const NETWORK_BOOK_TABLES = {
  scores: "QG_Network",
  completion: "QG_NetworkCompletion",
  coverage: "QG_NetworkCoverage",
  criteria: "QG_NetworkCriteria",
  below: "QG_NetworkBelow",
  inputs: "QG_NetworkInputs",
} as const;

/** Where a table of the network workbook lies (from column A): its sheet, its header row (1-based) and its number of rows. */
export interface BookPlace {
  sheet: string;
  header: number;
  rows: number;
}

const SCORE = "0.0";
const SHARE = "0%";
type Value = string | number | null;
type Formula = { formula: string; result?: string | number };

/** A column letter (1 → A). */
const col = (n: number): string => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};
/** A sheet's name as a formula names it. */
const sheetRef = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * The network's workbook (issue 19): on « Réseau » the statistics of the scores, completion and
 * coverage per dimension and overall (QG_Network, QG_NetworkCompletion, QG_NetworkCoverage), with
 * a chart of the scores' distribution per dimension; on « Critères » the members per level and the
 * share at or above target per criterion (QG_NetworkCriteria); on « Sous la cible » the criteria
 * most often below target (QG_NetworkBelow); on « Entrées » every input with its status
 * (QG_NetworkInputs), by the label the caller gives (`NetworkInput.file`: a member's code, « Entrée 12 »,
 * a file only when the coordinator asks for names). The engine's figures are values; what derives from them (member counts,
 * interquartile range and range, members per criterion, shares below target) are formulas over
 * their cells. A suppressed figure is blank and its row says « supprimé (< 5) ».
 */
export async function networkBookBytes(data: NetworkAggregate, inputs: readonly NetworkInput[], lang: Lang): Promise<Uint8Array> {
  const { wb, places } = networkBook(data, inputs, lang);
  const w = words(lang);
  const place = places.scores;
  const first = place.header + 1;
  const last = place.header + place.rows;
  const ref = (c: number): string => `${sheetRef(place.sheet)}!$${col(c)}$${first}:$${col(c)}$${last}`;
  const lines = [...data.dimensions.map((d) => ({ id: d.id, s: d as GroupStats })), { id: w("overall"), s: data.overall as GroupStats }];
  const picks: [keyof typeof WORDS, number, keyof GroupStats][] = [
    ["min", 7, "min"],
    ["q1", 5, "q1"],
    ["median", 4, "median"],
    ["q3", 6, "q3"],
    ["max", 8, "max"],
  ];
  return withColumnChart(wb, {
    sheet: place.sheet,
    title: w("chart"),
    categoriesRef: ref(1),
    categories: lines.map((l) => l.id),
    series: picks.map(([word, c, key]) => ({
      nameRef: `${sheetRef(place.sheet)}!$${col(c)}$${place.header}`,
      name: w(word),
      valuesRef: ref(c),
      values: lines.map((l) => (typeof l.s[key] === "number" ? (l.s[key] as number) : null)),
    })),
    from: { col: 12, row: 4 },
    to: { col: 22, row: 26 },
    format: "0",
    min: 0,
    max: 100,
  });
}

/** The network workbook before its chart (which exceljs cannot write), and where its tables lie. */
export function networkBook(data: NetworkAggregate, inputs: readonly NetworkInput[], lang: Lang): { wb: ExcelJS.Workbook; places: Record<keyof typeof NETWORK_BOOK_TABLES, BookPlace> } {
  const w = words(lang);
  const suppressedText = w("suppressed", { min: data.minGroup });
  const wb = new ExcelJS.Workbook();
  wb.creator = "Qualigrid";
  const sheet = wb.addWorksheet(w("network"));
  const critSheet = wb.addWorksheet(w("criteria"));
  const belowSheet = wb.addWorksheet(w("belowSheet"));
  const inputSheet = wb.addWorksheet(w("inputs"));

  // « Entrées » first: the member counts on « Réseau » count its rows.
  const inputRows = inputs.map((i): Value[] => [i.file, i.status === "member" ? w("member") : w("skipped"), i.reason || null]);
  addTable(inputSheet, NETWORK_BOOK_TABLES.inputs, 1, [w("file"), w("status"), w("reason")], inputRows);
  widths(inputSheet, [60, 12, 80]);
  const statusRange = `${sheetRef(inputSheet.name)}!$B$2:$B$${Math.max(2, inputs.length + 1)}`;

  sheet.getCell("A1").value = w("title", { id: data.template.id, versions: data.template.versions.join(", ") });
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = w("note", { min: data.minGroup });
  sheet.getCell("A3").value = w("membersLabel");
  sheet.getCell("B3").value = { formula: `COUNTIF(${statusRange},"${w("member")}")`, result: inputs.filter((i) => i.status === "member").length } as Formula;
  sheet.getCell("A4").value = w("skippedLabel");
  sheet.getCell("B4").value = { formula: `COUNTIF(${statusRange},"${w("skipped")}")`, result: inputs.filter((i) => i.status === "skipped").length } as Formula;

  let row = 6;
  const statsTable = (name: string, caption: keyof typeof WORDS, pick: (s: GroupStats & { completion: GroupStats; coverage: GroupStats }) => GroupStats, format: string): BookPlace => {
    sheet.getCell(row, 1).value = w(caption);
    sheet.getCell(row, 1).font = { bold: true };
    const header = row + 1;
    const lines: [string, GroupStats][] = [...data.dimensions.map((d): [string, GroupStats] => [d.id, pick(d)]), [w("overall"), pick(data.overall)]];
    const headers = [w("dimension"), w("n"), w("mean"), w("median"), w("q1"), w("q3"), w("min"), w("max"), w("iqr"), w("range"), w("shown")];
    addTable(
      sheet,
      name,
      header,
      headers,
      lines.map(([id, s]) => [id, s.n, s.mean, s.median, s.q1, s.q3, s.min, s.max, null, null, s.suppressed ? suppressedText : null]),
    );
    lines.forEach(([, s], i) => {
      const r = header + 1 + i;
      sheet.getCell(r, 9).value = difference(`F${r}`, `E${r}`, s.q3, s.q1);
      sheet.getCell(r, 10).value = difference(`H${r}`, `G${r}`, s.max, s.min);
      for (let c = 3; c <= 10; c++) sheet.getCell(r, c).numFmt = format;
    });
    row = header + lines.length + 3;
    return { sheet: sheet.name, header, rows: lines.length };
  };
  const scores = statsTable(NETWORK_BOOK_TABLES.scores, "scores", (s) => s, SCORE);
  const completion = statsTable(NETWORK_BOOK_TABLES.completion, "completion", (s) => s.completion, SHARE);
  const coverage = statsTable(NETWORK_BOOK_TABLES.coverage, "coverage", (s) => s.coverage, SHARE);
  widths(sheet, [18, 12, 10, 10, 12, 12, 10, 10, 20, 10, 18]);

  const levels = [...new Set(data.criteria.flatMap((c) => Object.keys(c.levels ?? {})))].sort((a, b) => Number(a) - Number(b));
  const nCol = 3 + levels.length;
  const atCol = nCol + 1;
  addTable(
    critSheet,
    NETWORK_BOOK_TABLES.criteria,
    1,
    [w("criterion"), w("dimension"), ...levels.map((v) => w("level", { v })), w("n"), w("atOrAbove"), w("below"), w("shown")],
    data.criteria.map((c) => [c.id, c.dimensionId, ...levels.map((v) => (c.levels ? (c.levels[v] ?? 0) : null)), c.n, c.atOrAboveTarget, null, c.suppressed ? suppressedText : null]),
  );
  data.criteria.forEach((c, i) => {
    const r = 2 + i;
    if (c.levels) critSheet.getCell(r, nCol).value = { formula: `SUM(C${r}:${col(nCol - 1)}${r})`, result: c.n } as Formula;
    const at = `${col(atCol)}${r}`;
    critSheet.getCell(r, atCol + 1).value = { formula: `IF(ISNUMBER(${at}),1-${at},"")`, ...(c.atOrAboveTarget === null ? {} : { result: 1 - c.atOrAboveTarget }) } as Formula;
    critSheet.getCell(r, atCol).numFmt = SHARE;
    critSheet.getCell(r, atCol + 1).numFmt = SHARE;
  });
  widths(critSheet, [12, 12, ...levels.map(() => 10), 12, 18, 14, 18]);

  const critLast = Math.max(2, data.criteria.length + 1);
  const critRange = (c: number): string => `${sheetRef(critSheet.name)}!$${col(c)}$2:$${col(c)}$${critLast}`;
  const dimensionOf = new Map(data.criteria.map((c) => [c.id, c.dimensionId]));
  addTable(
    belowSheet,
    NETWORK_BOOK_TABLES.below,
    1,
    [w("rank"), w("criterion"), w("dimension"), w("n"), w("below")],
    data.mostBelowTarget.map((c, i) => [i + 1, c.id, dimensionOf.get(c.id) ?? null, c.n, null]),
  );
  data.mostBelowTarget.forEach((c, i) => {
    const r = 2 + i;
    belowSheet.getCell(r, 5).value = { formula: `1-INDEX(${critRange(atCol)},MATCH(B${r},${critRange(1)},0))`, result: c.belowTarget } as Formula;
    belowSheet.getCell(r, 5).numFmt = SHARE;
  });
  widths(belowSheet, [8, 12, 12, 12, 14]);

  return {
    wb,
    places: {
      scores,
      completion,
      coverage,
      criteria: { sheet: critSheet.name, header: 1, rows: data.criteria.length },
      below: { sheet: belowSheet.name, header: 1, rows: data.mostBelowTarget.length },
      inputs: { sheet: inputSheet.name, header: 1, rows: inputs.length },
    },
  };
}

function words(lang: Lang): (key: keyof typeof WORDS, params?: Record<string, string | number>) => string {
  return (key, params = {}) => WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));
}

/** `a - b` as a formula over their cells, blank when either is (a suppressed figure). */
function difference(a: string, b: string, va: number | null, vb: number | null): Formula {
  return { formula: `IF(COUNT(${a},${b})=2,${a}-${b},"")`, ...(va === null || vb === null ? {} : { result: va - vb }) };
}

function addTable(ws: ExcelJS.Worksheet, name: string, top: number, headers: string[], rows: Value[][]): void {
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    // A table needs one row at least: an empty one stands for none.
    rows: rows.length > 0 ? rows : [headers.map(() => null)],
  });
}

function widths(ws: ExcelJS.Worksheet, list: number[]): void {
  list.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}
