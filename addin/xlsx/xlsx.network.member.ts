import ExcelJS from "exceljs";
import type { Lang } from "../model/template.types.js";
import type { FeedbackLine, MemberFeedback } from "../network/network.feedback.js";

type Both = Record<Lang, string>;

const NB = "\u00a0";

/** A member report's words. */
const WORDS = {
  sheet: { fr: "Rétroaction", en: "Feedback" },
  title: { fr: `Votre position dans le réseau${NB}: membre {code}`, en: "Your standing in the network: member {code}" },
  about: {
    fr: `Modèle {id}, version {version}. Réseau de {members} membres. Vos chiffres à côté de ceux du réseau${NB}; aucun autre membre n'y figure.`,
    en: "Template {id}, version {version}. Network of {members} members. Your figures beside the network's; no other member appears.",
  },
  note: {
    fr: `Tout chiffre du réseau calculé sur moins de {min} membres est supprimé. Rang centile${NB}: part des autres membres sous votre score, plus la moitié de ceux à égalité (0 à 100).`,
    en: "Any network figure computed over fewer than {min} members is suppressed. Percentile rank: share of the other members below your score, plus half of those equal (0 to 100).",
  },
  scores: { fr: "Scores (sur 100)", en: "Scores (out of 100)" },
  dimension: { fr: "Dimension", en: "Dimension" },
  overall: { fr: "Ensemble", en: "Overall" },
  yours: { fr: "Votre score", en: "Your score" },
  median: { fr: "Médiane du réseau", en: "Network median" },
  q1: { fr: "1er quartile", en: "1st quartile" },
  q3: { fr: "3e quartile", en: "3rd quartile" },
  gap: { fr: "Écart à la médiane", en: "Gap to median" },
  rank: { fr: "Rang centile", en: "Percentile rank" },
  shown: { fr: "Chiffres", en: "Figures" },
  suppressed: { fr: "supprimé (< {min})", en: "suppressed (< {min})" },
  below: { fr: "Vos critères les plus sous le réseau", en: "Your criteria furthest below the network" },
  criterion: { fr: "Critère", en: "Criterion" },
  rating: { fr: "Votre cotation", en: "Your rating" },
  criterionMedian: { fr: "Cotation médiane du réseau", en: "Network median rating" },
  below2: { fr: "Sous la médiane de", en: "Below the median by" },
  none: { fr: "Aucun de vos critères n'est sous la médiane du réseau.", en: "None of your criteria is below the network's median." },
} as const satisfies Record<string, Both>;

/** A member report's tables. */
export const MEMBER_REPORT_TABLES = { scores: "QG_MemberScores", below: "QG_MemberBelow" } as const;

/** Where a member report's tables start (header rows, 1-based). */
export const MEMBER_REPORT_ROWS = { scores: 6 } as const;

type Formula = { formula: string; result?: number };

/**
 * One member's report (`aggregate --member-reports`): its scores per dimension and overall beside
 * the network's median and quartiles, the gap to the median (a formula), its percentile rank; then
 * its criteria furthest below the network's median rating. It names the member by its code and
 * holds nothing of any other member: only group figures, suppressed below the minimum group.
 */
export async function memberReportBytes(f: MemberFeedback, lang: Lang): Promise<Uint8Array> {
  const w = (key: keyof typeof WORDS, params: Record<string, string | number> = {}): string =>
    WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));
  const wb = new ExcelJS.Workbook();
  wb.creator = "Qualigrid";
  const ws = wb.addWorksheet(w("sheet"));
  ws.getCell("A1").value = w("title", { code: f.code });
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = w("about", { id: f.templateId, version: f.version, members: f.members });
  ws.getCell("A3").value = w("note", { min: f.minGroup });
  ws.getCell("A5").value = w("scores");
  ws.getCell("A5").font = { bold: true };

  const top = MEMBER_REPORT_ROWS.scores;
  const lines: FeedbackLine[] = [...f.dimensions, f.overall];
  const suppressed = w("suppressed", { min: f.minGroup });
  addTable(
    ws,
    MEMBER_REPORT_TABLES.scores,
    top,
    [w("dimension"), w("yours"), w("median"), w("q1"), w("q3"), w("gap"), w("rank"), w("shown")],
    lines.map((l) => [l.id ?? w("overall"), l.score, l.network.median, l.network.q1, l.network.q3, null, l.percentileRank, l.network.suppressed ? suppressed : null]),
  );
  lines.forEach((l, i) => {
    const r = top + 1 + i;
    ws.getCell(r, 6).value = {
      formula: `IF(COUNT(B${r},C${r})=2,B${r}-C${r},"")`,
      ...(l.score === null || l.network.median === null ? {} : { result: l.score - l.network.median }),
    } as Formula;
    for (let c = 2; c <= 7; c++) ws.getCell(r, c).numFmt = "0.0";
  });

  const belowTop = top + lines.length + 3;
  ws.getCell(belowTop - 1, 1).value = w("below");
  ws.getCell(belowTop - 1, 1).font = { bold: true };
  if (f.furthestBelow.length === 0) ws.getCell(belowTop, 1).value = w("none");
  else {
    addTable(
      ws,
      MEMBER_REPORT_TABLES.below,
      belowTop,
      [w("criterion"), w("dimension"), w("rating"), w("criterionMedian"), w("below2")],
      f.furthestBelow.map((c) => [c.id, c.dimensionId, c.rating, c.networkMedian, null]),
    );
    f.furthestBelow.forEach((c, i) => {
      const r = belowTop + 1 + i;
      ws.getCell(r, 5).value = { formula: `D${r}-C${r}`, result: c.networkMedian - c.rating } as Formula;
      for (let col = 3; col <= 5; col++) ws.getCell(r, col).numFmt = "0.0#";
    });
  }
  [18, 14, 18, 26, 20, 18, 14, 18].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A member report's file name: its code, with what a file name cannot hold replaced (a name, with `--names`). */
export function memberReportName(code: string): string {
  const safe = [...code]
    .map((ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? "_" : ch))
    .join("")
    .replace(/^\.+/, "_")
    .slice(0, 120);
  return `${safe === "" ? "_" : safe}.xlsx`;
}

function addTable(ws: ExcelJS.Worksheet, name: string, top: number, headers: string[], rows: (string | number | null)[][]): void {
  ws.addTable({
    name,
    ref: `A${top}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
}
