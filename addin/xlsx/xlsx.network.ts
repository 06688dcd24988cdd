import ExcelJS from "exceljs";
import type { GroupStats, NetworkAggregate } from "../network/network.types.js";
import type { Lang } from "../model/template.types.js";

/** One input of the aggregate as its sheet lists it. */
export interface NetworkInput {
  file: string;
  /** Read and counted as a member, or skipped with the reason (worded in the workbook's language). */
  status: "member" | "skipped";
  reason: string;
}

type Both = Record<Lang, string>;

/** The aggregate workbook's words: sheet names, table headers and notes. */
const WORDS = {
  network: { fr: "Réseau", en: "Network" },
  criteria: { fr: "Critères", en: "Criteria" },
  belowTarget: { fr: "Sous la cible", en: "Below target" },
  members: { fr: "Membres", en: "Members" },
  inputs: { fr: "Fichiers", en: "Files" },
  dimension: { fr: "Dimension", en: "Dimension" },
  overall: { fr: "Ensemble", en: "Overall" },
  n: { fr: "Membres (n)", en: "Members (n)" },
  mean: { fr: "Moyenne", en: "Mean" },
  median: { fr: "Médiane", en: "Median" },
  q1: { fr: "1er quartile", en: "1st quartile" },
  q3: { fr: "3e quartile", en: "3rd quartile" },
  min: { fr: "Minimum", en: "Minimum" },
  max: { fr: "Maximum", en: "Maximum" },
  suppressed: { fr: "Masqué", en: "Suppressed" },
  suppressedYes: { fr: "Masqué (moins de {min} membres)", en: "Suppressed (fewer than {min} members)" },
  score: { fr: "Scores (sur 100)", en: "Scores (out of 100)" },
  completion: { fr: "Complétude", en: "Completion" },
  coverage: { fr: "Couverture des preuves", en: "Evidence coverage" },
  criterion: { fr: "Critère", en: "Criterion" },
  level: { fr: "Niveau {v}", en: "Level {v}" },
  atOrAbove: { fr: "À la cible ou plus", en: "At or above target" },
  below: { fr: "Sous la cible", en: "Below target" },
  code: { fr: "Code", en: "Code" },
  version: { fr: "Version du modèle", en: "Template version" },
  date: { fr: "Date de l'évaluation", en: "Assessment date" },
  file: { fr: "Fichier", en: "File" },
  status: { fr: "Statut", en: "Status" },
  reason: { fr: "Raison", en: "Reason" },
  member: { fr: "Retenu", en: "Counted" },
  skipped: { fr: "Ignoré", en: "Skipped" },
  title: { fr: "Agrégat du réseau — modèle {id} ({versions}), {members} membres", en: "Network aggregate — template {id} ({versions}), {members} members" },
  note: {
    fr: "Chaque membre est désigné par un code. Tout chiffre calculé sur moins de {min} membres est masqué.",
    en: "Each member is named by a code. Any figure computed over fewer than {min} members is suppressed.",
  },
} as const satisfies Record<string, Both>;

/** The tables of the aggregate workbook, by the stable names that later parts (charts, formulas) refer to. */
export const NETWORK_TABLES = {
  scores: "QG_NetScores",
  completion: "QG_NetCompletion",
  coverage: "QG_NetCoverage",
  criteria: "QG_NetCriteria",
  belowTarget: "QG_NetBelowTarget",
  members: "QG_NetMembers",
  inputs: "QG_NetInputs",
} as const;

const SCORE_FORMAT = "0.0";
const SHARE_FORMAT = "0%";

/**
 * The network's aggregate as a workbook: on « Réseau » the statistics of the scores, completion and
 * coverage per dimension and overall (a table each), then one sheet each for the criteria, the
 * criteria most often below target, the members (by code) and the inputs with their status. Every
 * figure is a number in its cell with a number format; a suppressed one is blank and its row says so.
 */
export function networkWorkbook(data: NetworkAggregate, inputs: readonly NetworkInput[], lang: Lang): ExcelJS.Workbook {
  const w = (key: keyof typeof WORDS, params: Record<string, string | number> = {}): string =>
    WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));
  const wb = new ExcelJS.Workbook();
  wb.creator = "Qualigrid";

  const sheet = wb.addWorksheet(w("network"));
  sheet.getCell("A1").value = w("title", { id: data.template.id, versions: data.template.versions.join(", "), members: data.members.length });
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value = w("note", { min: data.minGroup });
  let row = 4;
  const statsTable = (name: string, caption: keyof typeof WORDS, pick: (s: { overall: NetworkAggregate["overall"]; dim?: NetworkAggregate["dimensions"][number] }) => GroupStats, format: string): void => {
    sheet.getCell(row, 1).value = w(caption);
    sheet.getCell(row, 1).font = { bold: true };
    const lines: [string, GroupStats][] = [...data.dimensions.map((d) => [d.id, pick({ overall: data.overall, dim: d })] as [string, GroupStats]), [w("overall"), pick({ overall: data.overall })]];
    addTable(sheet, name, row + 1, [w("dimension"), w("n"), w("mean"), w("median"), w("q1"), w("q3"), w("min"), w("max"), w("suppressed")], lines.map(([id, s]) => statRow(id, s, w("suppressedYes", { min: data.minGroup }))));
    for (let c = 3; c <= 8; c++) for (let r = row + 2; r <= row + 1 + lines.length; r++) sheet.getCell(r, c).numFmt = format;
    row += lines.length + 4;
  };
  statsTable(NETWORK_TABLES.scores, "score", (s) => (s.dim ? s.dim : s.overall), SCORE_FORMAT);
  statsTable(NETWORK_TABLES.completion, "completion", (s) => (s.dim ? s.dim.completion : s.overall.completion), SHARE_FORMAT);
  statsTable(NETWORK_TABLES.coverage, "coverage", (s) => (s.dim ? s.dim.coverage : s.overall.coverage), SHARE_FORMAT);
  widths(sheet, [18, 12, 11, 11, 12, 12, 11, 11, 34]);

  const levels = [...new Set(data.criteria.flatMap((c) => Object.keys(c.levels ?? {})))].sort((a, b) => Number(a) - Number(b));
  const crit = wb.addWorksheet(w("criteria"));
  addTable(
    crit,
    NETWORK_TABLES.criteria,
    1,
    [w("criterion"), w("dimension"), w("n"), ...levels.map((v) => w("level", { v })), w("atOrAbove"), w("suppressed")],
    data.criteria.map((c) => [c.id, c.dimensionId, c.n, ...levels.map((v) => (c.levels ? (c.levels[v] ?? 0) : null)), c.atOrAboveTarget, c.suppressed ? w("suppressedYes", { min: data.minGroup }) : null]),
  );
  for (let r = 2; r <= data.criteria.length + 1; r++) crit.getCell(r, 4 + levels.length).numFmt = SHARE_FORMAT;
  widths(crit, [12, 12, 12, ...levels.map(() => 10), 18, 34]);

  const below = wb.addWorksheet(w("belowTarget"));
  addTable(below, NETWORK_TABLES.belowTarget, 1, [w("criterion"), w("n"), w("below")], data.mostBelowTarget.map((c) => [c.id, c.n, c.belowTarget]));
  for (let r = 2; r <= data.mostBelowTarget.length + 1; r++) below.getCell(r, 3).numFmt = SHARE_FORMAT;
  widths(below, [12, 12, 16]);

  const members = wb.addWorksheet(w("members"));
  addTable(members, NETWORK_TABLES.members, 1, [w("code"), w("version"), w("date")], data.members.map((m) => [m.code, m.version, m.date === null ? null : new Date(`${m.date}T00:00:00Z`)]));
  for (let r = 2; r <= data.members.length + 1; r++) members.getCell(r, 3).numFmt = "yyyy-mm-dd";
  widths(members, [16, 18, 20]);

  const files = wb.addWorksheet(w("inputs"));
  addTable(files, NETWORK_TABLES.inputs, 1, [w("file"), w("status"), w("reason")], inputs.map((i) => [i.file, i.status === "member" ? w("member") : w("skipped"), i.reason || null]));
  widths(files, [60, 12, 80]);
  return wb;
}

/** The aggregate workbook's bytes. */
export async function networkWorkbookBytes(data: NetworkAggregate, inputs: readonly NetworkInput[], lang: Lang): Promise<Uint8Array> {
  return new Uint8Array(await networkWorkbook(data, inputs, lang).xlsx.writeBuffer());
}

type Cell = string | number | Date | null;

function statRow(label: string, s: GroupStats, suppressedText: string): Cell[] {
  return [label, s.n, s.mean, s.median, s.q1, s.q3, s.min, s.max, s.suppressed ? suppressedText : null];
}

function addTable(ws: ExcelJS.Worksheet, name: string, top: number, headers: string[], rows: Cell[][]): void {
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

function widths(ws: ExcelJS.Worksheet, w: number[]): void {
  w.forEach((width, i) => (ws.getColumn(i + 1).width = width));
}
