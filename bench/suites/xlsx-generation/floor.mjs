// The FLOOR of the xlsx-generation suite: the same workbook written with exceljs directly, by
// hand-written loops over the template and the evidence rows — no plan, no renderer. It uses
// only the product's text constants (sheet names, headers, messages: dist/addin/plan/labels.js;
// the settings' names: names.js) and the N/A token list, so its cells stay identical to the plan
// path's; the settings' default values are written here by hand (design.md). The suite checks
// that both files hold the same XML parts before timing anything.
//
// What it writes (French workbook, every part):
//   Tableau de bord  QG_Scores (20 rows × 28 cols, 24 formula cols), 9 + 7 (evaluator) label/figure cells and the
//                    provisional flag, 1 validation on the table + 1 on B6, 4 conditional formats, 14 names
//   Grille           QG_Grid (1,000 rows × 28 cols, 16 formula cols), 3 text cells, 2 list validations
//   Preuves          QG_Evidence (10,000 rows × 15 cols of values + 2 formula cols), 7 validations
//   Plan d'action    QG_Actions (20 blank rows × 15 cols, 3 formula cols), 5 validations
//   Modèle           QG_TemplateInfo (key/value) and QG_TemplateItems (1,000 rows × 16 cols)
//   Listes           choice lists (review statuses too), scale bounds, reference date, tolerance used and QG_Settings (7 validated inputs), 30 names
// Every table data cell gets its column's style (font, top alignment/wrap, lock, number format,
// input fill); header rows and rows with wrapped text get heights (15 pt a line); sheets get tab
// colours, freeze panes, print settings (whole columns up to the last one a person reads, header
// row repeated, one page wide, landscape when wide) and (but the registers) protection.
import ExcelJS from "exceljs";
import {
  ACTION_SOURCES, ACTION_STATUSES, CONSOLIDATION_CHOICES, EVIDENCE_STATUSES, EVIDENCE_TYPES, HEADERS, REVIEW_STATUS_CHOICES, SETTING_LABELS, SHEET_NAMES, TEXTS, YES_NO,
} from "../../../dist/addin/plan/labels.js";
import { withEvidenceFormulas } from "./synthetic.mjs";
import { SETTING_NAMES } from "../../../dist/addin/plan/names.js";
import { NA_TOKENS } from "../../../dist/addin/model/scale.js";
import { patchExcelJs } from "../../../dist/addin/xlsx/exceljs.patch.js";

// exceljs 4.4 cannot write a table column's calculatedColumnFormula; Qualigrid patches its
// tableColumn writer (addin/xlsx/exceljs.patch.ts). The floor uses exceljs as Qualigrid ships it.
patchExcelJs();

// Every font names Calibri, as the renderer's do (a nameless font prints in the reader's default face).
const CALIBRI = { name: "Calibri", family: 2 };
const FONT = {
  title: { ...CALIBRI, bold: true, size: 14, color: { argb: "FF1F4E79" } },
  subtitle: { ...CALIBRI, bold: true, size: 12, color: { argb: "FF1F4E79" } },
  note: { ...CALIBRI, italic: true, size: 9, color: { argb: "FF595959" } },
  label: { ...CALIBRI, bold: true },
  figure: { ...CALIBRI, bold: true, size: 12 },
  plain: { ...CALIBRI },
  helper: { ...CALIBRI, italic: true, color: { argb: "FF808080" } },
};
const HELPER_HEADER_FONT = { ...CALIBRI, bold: true, italic: true, color: { argb: "FFD9D9D9" } };
const INPUT_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF8E1" } };
const DATE = "yyyy-mm-dd";

const fr = (t) => (t === undefined ? "" : typeof t === "string" ? t : t.fr || t.en || "");
const both = (t) => (t === undefined ? [null, null] : typeof t === "string" ? [t, t] : [t.fr ?? null, t.en ?? null]);
const letter = (c) => (c <= 26 ? String.fromCharCode(64 + c) : String.fromCharCode(64 + Math.floor((c - 1) / 26)) + String.fromCharCode(65 + ((c - 1) % 26)));
const fx = (formula) => ({ formula });

// Validations, as exceljs takes them.
const common = (error) => ({ allowBlank: true, showErrorMessage: true, errorStyle: "stop", error });
const listOf = (name, error = TEXTS.invalidChoice.fr) => ({ ...common(error), type: "list", formulae: [name] });
const anyDate = () => ({ ...common(TEXTS.invalidDate.fr), type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))] });
const between = (min, max, error) => ({ ...common(error), type: "decimal", operator: "between", formulae: [min, max] });

/**
 * A sheet printed one page wide, its header row `headerRow` repeated, whole columns A to `last`
 * (the last column a person reads: the grid's and the dashboard's helper columns stay off paper),
 * landscape when those columns (8.43 characters when given no width) exceed 95 characters.
 * `widths` are the sheet's column widths, set here.
 */
function addSheet(wb, name, tab, { rows = 0, cols = 0, headerRow, last, widths }) {
  let width = 0;
  for (let c = 1; c <= last; c++) width += widths[c] ?? 8.43;
  const ws = wb.addWorksheet(name, {
    properties: { tabColor: { argb: `FF${tab}` } },
    views: [rows > 0 || cols > 0 ? { state: "frozen", xSplit: cols, ySplit: rows, zoomScale: 100 } : { state: "normal", zoomScale: 100 }],
    pageSetup: {
      orientation: width > 95 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRow}:${headerRow}`,
      printArea: `A:${letter(last)}`,
    },
  });
  for (const [c, w] of Object.entries(widths)) ws.getColumn(Number(c)).width = w;
  return ws;
}

/** Column widths of `cols` from column `left` on. */
const widthsOf = (left, cols) => Object.fromEntries(cols.map((c, i) => [left + i, c.width]));

/** A column: header, width, kind ("in" input, "calc" computed, "helper"), and options. */
const col = (header, width, kind, opts = {}) => ({ header, width, kind, ...opts });

/** Lines a text takes in a wrapped column `width` characters wide (≈1.15 characters per unit of width). */
function linesOf(text, width) {
  const perLine = Math.max(1, Math.floor(width * 1.15));
  let n = 0;
  for (const para of text.split(/\r?\n/)) n += Math.max(1, Math.ceil(para.length / perLine));
  return n;
}

/**
 * Writes a table with its rows, sets the header's and the wrapped rows' heights (15 pt a line,
 * at most 409), then styles its header and data cells and adds its validations.
 */
function writeTable(ws, name, top, left, theme, cols, rows) {
  // The floor puts one formula object in every row of a formula column: such a column is a
  // calculated column (Excel extends its formula to rows people add).
  const calculated = rows[0].map((v) => (v !== null && typeof v === "object" && "formula" in v ? v.formula : undefined));
  ws.addTable({
    name,
    ref: `${letter(left)}${top}`,
    headerRow: true,
    totalsRow: false,
    style: { theme, showRowStripes: true },
    columns: cols.map((c, i) => (calculated[i] ? { name: c.header, filterButton: true, calculatedColumnFormula: calculated[i] } : { name: c.header, filterButton: true })),
    rows,
  });
  const first = top + 1;
  const last = top + rows.length;
  const headerLines = Math.max(1, ...cols.map((c) => linesOf(c.header, c.width)));
  ws.getRow(top).height = Math.min(409, headerLines * 15);
  const wrapped = cols.map((c, i) => (c.wrap ? i : -1)).filter((i) => i >= 0);
  rows.forEach((row, r) => {
    let lines = 1;
    for (const i of wrapped) if (typeof row[i] === "string") lines = Math.max(lines, linesOf(row[i], cols[i].width));
    if (lines > 1) ws.getRow(first + r).height = Math.min(409, lines * 15);
  });
  cols.forEach((c, i) => {
    const n = left + i;
    const head = ws.getCell(top, n);
    head.alignment = { wrapText: true, vertical: "top" };
    if (c.kind === "helper") head.font = HELPER_HEADER_FONT;
    const style = { font: c.kind === "helper" ? FONT.helper : FONT.plain, alignment: { vertical: "top", wrapText: c.wrap ?? false }, protection: { locked: c.kind !== "in" } };
    if (c.numFmt) style.numFmt = c.numFmt;
    if (c.kind === "in") style.fill = INPUT_FILL;
    for (let r = first; r <= last; r++) ws.getCell(r, n).style = style;
    if (c.validation) ws.dataValidations.add(`${letter(n)}${first}:${letter(n)}${last}`, c.validation);
  });
}

function put(ws, row, column, value, font, { numFmt, wrap, input, validation } = {}) {
  const cell = ws.getCell(row, column);
  cell.value = value;
  cell.font = font;
  if (numFmt) cell.numFmt = numFmt;
  if (wrap) cell.alignment = { wrapText: true, vertical: "top" };
  if (input) {
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
  }
  if (validation) ws.dataValidations.add(cell.address, validation);
}

const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true };

/** Builds the workbook by hand and returns it (not yet serialized). */
export async function buildFloorWorkbook(template, evidenceRows) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Qualigrid";
  wb.created = new Date();
  wb.calcProperties.fullCalcOnLoad = true;
  const title = fr(template.title);
  const G = HEADERS.grid;
  const gridRow = (k) => `QG_Grid[[#This Row],[${G[k].fr}]]`;
  const gridCol = (k) => `QG_Grid[${G[k].fr}]`;
  const names = [];

  // ── Tableau de bord ────────────────────────────────────────────────────────────────────────
  {
    const S = HEADERS.scores;
    const r = (k) => `QG_Scores[[#This Row],[${S[k].fr}]]`;
    const sumGrid = (k) => `SUMIFS(${gridCol(k)},${gridCol("dimension")},${r("dimension")})`;
    const cols = [
      col(S.dimension.fr, 12, "calc"),
      col(S.title.fr, 34, "calc", { wrap: true }),
      col(S.weight.fr, 8, "calc"),
      col(S.score.fr, 9, "calc", { numFmt: "0.0" }),
      col(S.target.fr, 9, "in", { numFmt: "0.0", validation: between(0, 100, TEXTS.invalidTarget.fr) }),
      col(S.gap.fr, 9, "calc", { numFmt: "0.0" }),
      col(S.completion.fr, 12, "calc", { numFmt: "0%" }),
      col(S.coverage.fr, 13, "calc", { numFmt: "0%" }),
      col(S.maturity.fr, 18, "calc", { wrap: true }),
      col(S.answered.fr, 9, "calc"),
      col(S.notApplicable.fr, 9, "calc"),
      col(S.total.fr, 9, "calc"),
      col(S.reviewedCoverage.fr, 13, "calc", { numFmt: "0%" }),
      col(S.evaluatorScore.fr, 11, "calc", { numFmt: "0.0" }),
      col(S.evaluatorGap.fr, 11, "calc", { numFmt: "0.0" }),
      col(S.evaluatorAnswered.fr, 11, "calc"),
      col(S.evaluatorBoth.fr, 11, "calc"),
      col(S.evaluatorWithin.fr, 12, "calc", { numFmt: "0%" }),
      col(S.evaluatorMeanDiff.fr, 12, "calc", { numFmt: "0.00" }),
      col(S.countedWeight.fr, 9, "helper"),
      col(S.weightedScore.fr, 10, "helper", { numFmt: "0.0" }),
      col(S.applicable.fr, 11, "helper"),
      col(S.covered.fr, 9, "helper"),
      col(S.evaluatorCountedWeight.fr, 11, "helper"),
      col(S.evaluatorWeightedScore.fr, 11, "helper", { numFmt: "0.0" }),
      col(S.evaluatorWithinCount.fr, 11, "helper"),
      col(S.evaluatorDiffSum.fr, 11, "helper", { numFmt: "0.00" }),
      col(S.reviewedCovered.fr, 11, "helper"),
    ];
    const score = fx(`IF(${sumGrid("countedWeight")}=0,"",100*${sumGrid("points")}/${sumGrid("countedWeight")})`);
    const gap = fx(`IF(ISNUMBER(${r("score")}),${r("target")}-${r("score")},"")`);
    const completion = fx(`IF(${r("total")}=0,0,(${r("answered")}+${r("notApplicable")})/${r("total")})`);
    const coverage = fx(`IF(${r("applicable")}=0,"",${r("covered")}/${r("applicable")})`);
    const maturity = fx(`IF(ISNUMBER(${r("score")}),IFERROR(LOOKUP(${r("score")},QG_MaturityMin,QG_MaturityLabels),""),"")`);
    const answered = fx(sumGrid("scored"));
    const na = fx(sumGrid("notApplicable"));
    const total = fx(`COUNTIF(${gridCol("dimension")},${r("dimension")})`);
    const counted = fx(`IF(ISNUMBER(${r("score")}),${r("weight")},0)`);
    const weighted = fx(`IF(ISNUMBER(${r("score")}),${r("weight")}*${r("score")},0)`);
    const applicable = fx(`${r("total")}-${r("notApplicable")}`);
    const covered = fx(sumGrid("covered"));
    // The evaluator's figures (design.md "The evaluator"), from the grid's evaluator helpers.
    const eCounted = sumGrid("evaluatorCountedWeight");
    const eScore = fx(`IF(${eCounted}=0,"",100*${sumGrid("evaluatorPoints")}/${eCounted})`);
    const eGap = fx(`IF(ISNUMBER(${r("evaluatorScore")}),${r("target")}-${r("evaluatorScore")},"")`);
    const eAnswered = fx(sumGrid("evaluatorScored"));
    const eBoth = fx(`COUNTIFS(${gridCol("dimension")},${r("dimension")},${gridCol("evaluatorDifference")},">=0")`);
    const eWithin = fx(`IF(${r("evaluatorBoth")}=0,"",${r("evaluatorWithinCount")}/${r("evaluatorBoth")})`);
    const eMean = fx(`IF(${r("evaluatorBoth")}=0,"",${r("evaluatorDiffSum")}/${r("evaluatorBoth")})`);
    const eCountedW = fx(`IF(ISNUMBER(${r("evaluatorScore")}),${r("weight")},0)`);
    const eWeighted = fx(`IF(ISNUMBER(${r("evaluatorScore")}),${r("weight")}*${r("evaluatorScore")},0)`);
    const eWithinCount = fx(sumGrid("evaluatorWithin"));
    const eDiffSum = fx(sumGrid("evaluatorDifference"));
    const reviewedCovered = fx(sumGrid("reviewedCovered"));
    const reviewedCoverage = fx(`IF(${r("applicable")}=0,"",${r("reviewedCovered")}/${r("applicable")})`);
    const rows = template.dimensions.map((d) => [
      d.id, fr(d.title), d.weight, score, d.target ?? template.target, gap, completion, coverage, maturity, answered, na, total,
      reviewedCoverage, eScore, eGap, eAnswered, eBoth, eWithin, eMean,
      counted, weighted, applicable, covered, eCountedW, eWeighted, eWithinCount, eDiffSum, reviewedCovered,
    ]);
    // Below the overall result (rows 5–13); the evaluator's sits right of it (subtitle E4, figures I5–I11).
    const TOP = 15;
    // Printed: columns A to S (the helpers T:AB left out), the table's header repeated.
    const ws = addSheet(wb, SHEET_NAMES.dashboard.fr, "1F4E79", { headerRow: TOP, last: 19, widths: { ...widthsOf(1, cols), 1: 24, 2: 34 } });
    writeTable(ws, "QG_Scores", TOP, 1, "TableStyleMedium2", cols, rows);

    put(ws, 1, 1, `${title} — ${TEXTS.dashboardSubtitle.fr}`, FONT.title);
    put(ws, 2, 1, TEXTS.dashboardHelp.fr, FONT.note);
    put(ws, 4, 1, TEXTS.overall.fr, FONT.subtitle);
    const sum = (k) => `SUM(QG_Scores[${S[k].fr}])`;
    // The completion threshold as formulas read it: the setting when a number, else 80 %.
    const threshold = `IF(ISNUMBER(${SETTING_NAMES.completionThreshold}),${SETTING_NAMES.completionThreshold},0.8)`;
    put(ws, 5, 3, fx(`IF(QG_OverallCompletion<${threshold},"${TEXTS.provisional.fr}","")`), FONT.figure);
    names.push([`'${SHEET_NAMES.dashboard.fr}'!$C$5`, "QG_OverallProvisional"]);
    const figures = [
      [TEXTS.overallScore, fx(`IF(${sum("countedWeight")}=0,"",${sum("weightedScore")}/${sum("countedWeight")})`), "0.0", "QG_OverallScore"],
      [TEXTS.overallTarget, template.target, "0.0", "QG_OverallTarget", true],
      [TEXTS.overallGap, fx(`IF(ISNUMBER(QG_OverallScore),QG_OverallTarget-QG_OverallScore,"")`), "0.0", "QG_OverallGap"],
      [TEXTS.overallCompletion, fx(`IF(${sum("total")}=0,0,(${sum("answered")}+${sum("notApplicable")})/${sum("total")})`), "0%", "QG_OverallCompletion"],
      [TEXTS.overallCoverage, fx(`IF(${sum("applicable")}=0,"",${sum("covered")}/${sum("applicable")})`), "0%", "QG_OverallCoverage"],
      [TEXTS.overallMaturity, fx(`IF(AND(ISNUMBER(QG_OverallScore),QG_OverallCompletion>=${threshold}),IFERROR(LOOKUP(QG_OverallScore,QG_MaturityMin,QG_MaturityLabels),""),"")`), undefined, "QG_OverallMaturity"],
      [TEXTS.overallScored, fx(sum("answered"))],
      [TEXTS.overallNotApplicable, fx(sum("notApplicable"))],
      [TEXTS.overallTotal, fx(sum("total"))],
    ];
    figures.forEach(([label, value, numFmt, name, input], i) => {
      const row = 5 + i;
      put(ws, row, 1, label.fr, FONT.label);
      put(ws, row, 2, value, input ? FONT.plain : FONT.figure, { numFmt, input, validation: input ? between(0, 100, TEXTS.invalidTarget.fr) : undefined });
      if (name) names.push([`'${SHEET_NAMES.dashboard.fr}'!$B$${row}`, name]);
    });
    put(ws, 4, 5, TEXTS.evaluatorTitle.fr, FONT.subtitle);
    const evaluator = [
      [TEXTS.evaluatorScore, fx(`IF(${sum("evaluatorCountedWeight")}=0,"",${sum("evaluatorWeightedScore")}/${sum("evaluatorCountedWeight")})`), "0.0", "QG_EvaluatorScore"],
      [TEXTS.evaluatorGap, fx(`IF(ISNUMBER(QG_EvaluatorScore),QG_OverallTarget-QG_EvaluatorScore,"")`), "0.0", "QG_EvaluatorGap"],
      [TEXTS.evaluatorAnswered, fx(sum("evaluatorAnswered")), undefined, "QG_EvaluatorAnswered"],
      [TEXTS.evaluatorBoth, fx(sum("evaluatorBoth")), undefined, "QG_EvaluatorBoth"],
      [TEXTS.evaluatorWithin, fx(`IF(QG_EvaluatorBoth=0,"",${sum("evaluatorWithinCount")}/QG_EvaluatorBoth)`), "0%", "QG_Agreement"],
      [TEXTS.evaluatorMeanDiff, fx(`IF(QG_EvaluatorBoth=0,"",${sum("evaluatorDiffSum")}/QG_EvaluatorBoth)`), "0.00", "QG_MeanAbsDiff"],
      [TEXTS.reviewedCoverage, fx(`IF(${sum("applicable")}=0,"",${sum("reviewedCovered")}/${sum("applicable")})`), "0%", "QG_ReviewedCoverage"],
    ];
    evaluator.forEach(([label, value, numFmt, name], i) => {
      const row = 5 + i;
      put(ws, row, 5, label.fr, FONT.label);
      put(ws, row, 9, value, FONT.figure, { numFmt });
      names.push([`'${SHEET_NAMES.dashboard.fr}'!$I$${row}`, name]);
    });
    const last = TOP + rows.length;
    const scale = (ref, colors) => ({
      ref,
      rules: [{ type: "colorScale", priority: 1, cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }], color: colors.map((argb) => ({ argb })) }],
    });
    const bar = (ref, rgb) => ({
      ref,
      rules: [
        { type: "dataBar", priority: 1, minLength: 0, maxLength: 100, gradient: true, cfvo: [{ type: "num", value: 0 }, { type: "num", value: 1 }], color: { argb: `FF${rgb}` } },
      ],
    });
    ws.addConditionalFormatting(scale(`D${TOP + 1}:D${last}`, ["FFF8696B", "FFFFEB84", "FF63BE7B"]));
    ws.addConditionalFormatting(scale(`F${TOP + 1}:F${last}`, ["FF63BE7B", "FFFFEB84", "FFF8696B"]));
    ws.addConditionalFormatting(bar(`G${TOP + 1}:G${last}`, "5B9BD5"));
    ws.addConditionalFormatting(bar(`H${TOP + 1}:H${last}`, "70AD47"));
    await ws.protect("", { ...PROTECTION });
  }

  // ── Grille ─────────────────────────────────────────────────────────────────────────────────
  {
    const rating = gridRow("rating");
    const ratingList = listOf("QG_RatingChoices", TEXTS.invalidRating.fr);
    const cols = [
      col(G.dimension.fr, 10, "calc"),
      col(G.criterion.fr, 10, "calc"),
      col(G.text.fr, 48, "calc", { wrap: true }),
      col(G.guidance.fr, 36, "calc", { wrap: true }),
      col(G.rating.fr, 10, "in", { validation: ratingList }),
      col(G.levelLabel.fr, 16, "calc", { wrap: true }),
      col(G.comment.fr, 32, "in", { wrap: true }),
      col(G.targetLevel.fr, 8, "calc"),
      col(G.gap.fr, 7, "calc"),
      col(G.priority.fr, 8, "calc"),
      col(G.evidenceCount.fr, 8, "calc"),
      col(G.acceptedEvidence.fr, 9, "calc"),
      col(G.expectedEvidence.fr, 28, "calc", { wrap: true }),
      col(G.weight.fr, 7, "calc"),
      col(G.dimensionTitle.fr, 22, "calc", { wrap: true }),
      col(G.evaluatorRating.fr, 11, "in", { validation: ratingList }),
      col(G.evaluatorComment.fr, 30, "in", { wrap: true }),
      col(G.scored.fr, 8, "helper"),
      col(G.notApplicable.fr, 8, "helper"),
      col(G.countedWeight.fr, 8, "helper"),
      col(G.points.fr, 8, "helper", { numFmt: "0.000" }),
      col(G.covered.fr, 9, "helper"),
      col(G.reviewedCovered.fr, 9, "helper"),
      col(G.evaluatorScored.fr, 9, "helper"),
      col(G.evaluatorCountedWeight.fr, 9, "helper"),
      col(G.evaluatorPoints.fr, 9, "helper", { numFmt: "0.000" }),
      col(G.evaluatorDifference.fr, 10, "helper", { numFmt: "0.00" }),
      col(G.evaluatorWithin.fr, 9, "helper"),
    ];
    const matches = `ISNUMBER(SEARCH(","&${gridRow("criterion")}&",",","&SUBSTITUTE(SUBSTITUTE(QG_Evidence[${HEADERS.evidence.criteria.fr}]," ",""),";",",")&","))`;
    const scored = fx(`IF(ISNUMBER(${rating}),IF(ISNUMBER(MATCH(${rating},QG_LevelValues,0)),1,0),0)`);
    const na = template.scale.notApplicable
      ? fx(`IF(ISNUMBER(${rating}),0,IF(SUMPRODUCT(--(QG_NATokens=UPPER(SUBSTITUTE(SUBSTITUTE(${rating}," ",""),".",""))))>0,1,0))`)
      : 0;
    const level = fx(`IF(${gridRow("scored")}=1,INDEX(QG_LevelLabels,MATCH(${rating},QG_LevelValues,0)),IF(${gridRow("notApplicable")}=1,"Sans objet",""))`);
    const gap = fx(`IF(${gridRow("scored")}=1,${gridRow("targetLevel")}-${rating},"")`);
    const priority = fx(`IF(${gridRow("scored")}=1,${gridRow("weight")}*${gridRow("gap")},"")`);
    const count = fx(`SUMPRODUCT(--${matches})`);
    // Each evidence row says whether it counts (accepted, not expired, not sent back by the review).
    const accepted = fx(`SUMPRODUCT(${matches}*QG_Evidence[${HEADERS.evidence.counts.fr}])`);
    const reviewedCovered = fx(`IF(AND(${gridRow("notApplicable")}=0,SUMPRODUCT(${matches}*QG_Evidence[${HEADERS.evidence.reviewAccepted.fr}])>0),1,0)`);
    const evaluator = gridRow("evaluatorRating");
    const eScored = fx(`IF(ISNUMBER(${evaluator}),IF(ISNUMBER(MATCH(${evaluator},QG_LevelValues,0)),1,0),0)`);
    const eCounted = fx(`${gridRow("weight")}*${gridRow("evaluatorScored")}`);
    const ePoints = fx(`IF(${gridRow("evaluatorScored")}=1,${gridRow("weight")}*(${evaluator}-QG_ScaleMin)/(QG_ScaleMax-QG_ScaleMin),0)`);
    const eDiff = fx(`IF(${gridRow("scored")}+${gridRow("evaluatorScored")}=2,ABS(${rating}-${evaluator}),"")`);
    const eWithin = fx(`IF(ISNUMBER(${gridRow("evaluatorDifference")}),IF(${gridRow("evaluatorDifference")}<=QG_ToleranceUsed+1E-12,1,0),0)`);
    const counted = fx(`${gridRow("weight")}*${gridRow("scored")}`);
    const points = fx(`IF(${gridRow("scored")}=1,${gridRow("weight")}*(${rating}-QG_ScaleMin)/(QG_ScaleMax-QG_ScaleMin),0)`);
    const covered = fx(`IF(AND(${gridRow("notApplicable")}=0,${gridRow("acceptedEvidence")}>0),1,0)`);
    const rows = [];
    for (const d of template.dimensions) {
      const dimTitle = fr(d.title);
      for (const c of d.criteria) {
        rows.push([
          d.id, c.id, fr(c.text), fr(c.guidance) || null, null, level, null, c.targetLevel ?? template.targetLevel, gap, priority, count, accepted,
          fr(c.evidence) || null, c.weight, dimTitle, null, null, scored, na, counted, points, covered,
          reviewedCovered, eScored, eCounted, ePoints, eDiff, eWithin,
        ]);
      }
    }
    // Printed: columns A to Q, the helpers (R:V) left out.
    const ws = addSheet(wb, SHEET_NAMES.grid.fr, "2E75B6", { rows: 4, cols: 2, headerRow: 4, last: 17, widths: widthsOf(1, cols) });
    writeTable(ws, "QG_Grid", 4, 1, "TableStyleLight9", cols, rows);
    const scaleLine = template.scale.levels.map((l) => `${l.value} = ${fr(l.label)}`).join(", ");
    put(ws, 1, 1, `${title} — ${TEXTS.gridSubtitle.fr}`, FONT.title);
    put(ws, 2, 1, TEXTS.gridHelp.fr, FONT.note);
    put(ws, 3, 1, `${TEXTS.scaleLine.fr} : ${scaleLine}`, FONT.note);
    await ws.protect("", { ...PROTECTION });
  }

  // ── Preuves (the 10,000 evidence rows) ─────────────────────────────────────────────────────
  {
    const E = HEADERS.evidence;
    const cols = [
      col(E.id.fr, 9, "in"),
      col(E.criteria.fr, 16, "in"),
      col(E.title.fr, 36, "in", { wrap: true }),
      col(E.type.fr, 15, "in", { validation: listOf("QG_EvidenceTypes") }),
      col(E.owner.fr, 18, "in"),
      col(E.documentDate.fr, 12, "in", { numFmt: DATE, validation: anyDate() }),
      col(E.location.fr, 34, "in", { wrap: true }),
      col(E.status.fr, 13, "in", { validation: listOf("QG_EvidenceStatuses") }),
      col(E.expiry.fr, 12, "in", { numFmt: DATE, validation: anyDate() }),
      col(E.confidential.fr, 12, "in", { validation: listOf("QG_YesNo") }),
      col(E.comment.fr, 30, "in", { wrap: true }),
      col(E.reviewStatus.fr, 15, "in", { validation: listOf("QG_ReviewStatuses") }),
      col(E.evaluatorNote.fr, 30, "in", { wrap: true }),
      col(E.reviewDate.fr, 12, "in", { numFmt: DATE, validation: anyDate() }),
      col(E.reviewer.fr, 18, "in"),
      col(E.counts.fr, 11, "helper"),
      col(E.reviewAccepted.fr, 11, "helper"),
    ];
    const r = (k) => `QG_Evidence[[#This Row],[${E[k].fr}]]`;
    const current = `OR(${r("expiry")}="",${r("expiry")}>=QG_ReferenceDate)`;
    const counts = fx(`IF(AND(${r("status")}=QG_AcceptedStatus,${current},${r("reviewStatus")}<>QG_ReviewToComplete,${r("reviewStatus")}<>QG_ReviewMissing),1,0)`);
    const reviewAccepted = fx(`IF(AND(${r("reviewStatus")}=QG_ReviewAccepted,${current}),1,0)`);
    const formulas = cols.map(() => null);
    formulas[cols.length - 2] = counts;
    formulas[cols.length - 1] = reviewAccepted;
    // Printed: columns A to R: the help line in A2 spills that far, and the product prints a line whole.
    const ws = addSheet(wb, SHEET_NAMES.evidence.fr, "548235", { rows: 4, cols: 1, headerRow: 4, last: 18, widths: widthsOf(1, cols) });
    writeTable(ws, "QG_Evidence", 4, 1, "TableStyleLight11", cols, withEvidenceFormulas(evidenceRows, formulas));
    put(ws, 1, 1, `${title} — ${TEXTS.evidenceSubtitle.fr}`, FONT.title);
    put(ws, 2, 1, TEXTS.evidenceHelp.fr, FONT.note);
  }

  // ── Plan d'action (20 blank rows, as `qualigrid new` writes) ───────────────────────────────
  {
    const A = HEADERS.actions;
    const r = (k) => `QG_Actions[[#This Row],[${A[k].fr}]]`;
    const lookup = (k) => fx(`IF(${r("criterion")}="","",IFERROR(INDEX(${gridCol(k)},MATCH(${r("criterion")},${gridCol("criterion")},0)),"?"))`);
    const cols = [
      col(A.id.fr, 9, "in"),
      col(A.criterion.fr, 11, "in"),
      col(A.dimension.fr, 12, "calc"),
      col(A.gap.fr, 8, "calc"),
      col(A.action.fr, 40, "in", { wrap: true }),
      col(A.owner.fr, 18, "in"),
      col(A.start.fr, 12, "in", { numFmt: DATE, validation: anyDate() }),
      col(A.due.fr, 12, "in", { numFmt: DATE, validation: anyDate() }),
      col(A.status.fr, 13, "in", { validation: listOf("QG_ActionStatuses") }),
      col(A.indicator.fr, 30, "in", { wrap: true }),
      col(A.indicatorTarget.fr, 16, "in", { wrap: true }),
      col(A.progress.fr, 11, "in", { numFmt: "0%", validation: between(0, 1, TEXTS.invalidProgress.fr) }),
      col(A.comment.fr, 30, "in", { wrap: true }),
      col(A.overdue.fr, 11, "calc"),
      col(A.source.fr, 16, "in", { validation: listOf("QG_ActionSources") }),
    ];
    const dim = lookup("dimension");
    const gap = lookup("gap");
    const overdue = fx(`IF(AND(ISNUMBER(${r("due")}),${r("due")}<TODAY(),SUMPRODUCT(--(QG_ClosedStatuses=${r("status")}))=0),"${TEXTS.overdue.fr}","")`);
    const rows = [];
    for (let i = 0; i < 20; i++) rows.push([null, null, dim, gap, null, null, null, null, null, null, null, null, null, overdue, null]);
    const ws = addSheet(wb, SHEET_NAMES.actions.fr, "C55A11", { rows: 4, cols: 1, headerRow: 4, last: cols.length, widths: widthsOf(1, cols) });
    writeTable(ws, "QG_Actions", 4, 1, "TableStyleLight13", cols, rows);
    put(ws, 1, 1, `${title} — ${TEXTS.actionsSubtitle.fr}`, FONT.title);
    put(ws, 2, 1, TEXTS.actionsHelp.fr, FONT.note);
  }

  // ── Modèle: the template, so the workbook describes itself ─────────────────────────────────
  {
    const loc = (key, t) => (t === undefined ? [] : [[`${key}[fr]`, both(t)[0]], [`${key}[en]`, both(t)[1]]]);
    const info = [
      ["format", 1], ["id", template.id], ["version", template.version],
      ...loc("title", template.title), ...loc("source", template.source), ...loc("description", template.description),
      ["target", template.target], ["targetLevel", template.targetLevel], ["notApplicable", template.scale.notApplicable],
    ];
    template.scale.levels.forEach((l, i) => info.push([`scale[${i}].value`, l.value], ...loc(`scale[${i}].label`, l.label), ...loc(`scale[${i}].description`, l.description)));
    (template.maturity ?? []).forEach((b, i) => info.push([`maturity[${i}].min`, b.min], ...loc(`maturity[${i}].label`, b.label)));
    info.push(["workbook.lang", "fr"], ["workbook.generator", "Qualigrid 0.1.0"]);
    const infoCols = [col("key", 26, "calc"), col("value", 40, "calc", { wrap: true })];
    const itemNames = ["dimensionId", "dimensionTitle[fr]", "dimensionTitle[en]", "dimensionDescription[fr]", "dimensionDescription[en]", "dimensionWeight", "dimensionTarget", "criterionId", "text[fr]", "text[en]", "guidance[fr]", "guidance[en]", "weight", "targetLevel", "evidence[fr]", "evidence[en]"];
    const itemCols = itemNames.map((k) => {
      const wide = /^(text|guidance|evidence|dimensionDescription)\[/.test(k);
      // A key is one word: its column is at least 3 characters wider than the key.
      return col(k, wide ? 40 : k.includes("Title") ? 24 : Math.max(12, k.length + 3), "calc", wide ? { wrap: true } : {});
    });
    const items = [];
    for (const d of template.dimensions) {
      for (const c of d.criteria) {
        items.push([d.id, ...both(d.title), ...both(d.description), d.weight, d.target ?? null, c.id, ...both(c.text), ...both(c.guidance), c.weight, c.targetLevel ?? null, ...both(c.evidence)]);
      }
    }
    const ws = addSheet(wb, SHEET_NAMES.template.fr, "7F7F7F", { rows: 4, headerRow: 4, last: 3 + itemCols.length, widths: { ...widthsOf(1, infoCols), ...widthsOf(4, itemCols) } });
    writeTable(ws, "QG_TemplateInfo", 4, 1, "TableStyleLight1", infoCols, info);
    writeTable(ws, "QG_TemplateItems", 4, 4, "TableStyleLight1", itemCols, items);
    put(ws, 1, 1, `${template.id} ${template.version}`, FONT.title);
    put(ws, 2, 1, TEXTS.templateSubtitle.fr, FONT.note);
    await ws.protect("", { ...PROTECTION });
  }

  // ── Listes: choice lists and settings, each under a workbook name ──────────────────────────
  {
    const widths = { 1: 9, 2: 24, 3: 40, 5: 16, 7: 18, 8: 16, 9: 16, 10: 10, 11: 18, 12: 20, 13: 22, 14: 18, 15: 26, 16: 11, 18: 20, 19: 44, 20: 14, 22: 14 };
    // The print area reaches W: the settings subtitle in R2 spills past V, and the product prints a title whole.
    const ws = addSheet(wb, SHEET_NAMES.lists.fr, "7F7F7F", { rows: 3, headerRow: 3, last: 23, widths });
    const list = (column, head, values) => {
      if (head) put(ws, 3, column, head, FONT.label);
      values.forEach((v, i) => put(ws, 4 + i, column, v, FONT.plain));
      return 4 + values.length - 1;
    };
    const name = (n, ref) => names.push([`Listes!${ref}`, n]);
    put(ws, 1, 1, TEXTS.listsSubtitle.fr, FONT.title);
    const levels = template.scale.levels;
    const lastLevel = list(1, TEXTS.listsValue.fr, levels.map((l) => l.value));
    list(2, TEXTS.listsLabel.fr, levels.map((l) => fr(l.label)));
    list(3, TEXTS.listsDescription.fr, levels.map((l) => fr(l.description)));
    name("QG_LevelValues", `$A$4:$A$${lastLevel}`);
    name("QG_LevelLabels", `$B$4:$B$${lastLevel}`);
    if (template.scale.notApplicable) {
      put(ws, lastLevel + 1, 1, "S. O.", FONT.plain);
      name("QG_RatingChoices", `$A$4:$A$${lastLevel + 1}`);
    } else name("QG_RatingChoices", `$A$4:$A$${lastLevel}`);
    name("QG_NATokens", `$E$4:$E$${list(5, TEXTS.listsNaTokens.fr, [...NA_TOKENS])}`);
    name("QG_EvidenceStatuses", `$G$4:$G$${list(7, TEXTS.listsEvidenceStatus.fr, EVIDENCE_STATUSES.map((s) => s.text.fr))}`);
    name("QG_AcceptedStatus", `$G$${4 + EVIDENCE_STATUSES.findIndex((s) => s.key === "accepted")}`);
    name("QG_EvidenceTypes", `$H$4:$H$${list(8, TEXTS.listsEvidenceType.fr, EVIDENCE_TYPES.map((s) => s.fr))}`);
    const lastAction = list(9, TEXTS.listsActionStatus.fr, ACTION_STATUSES.map((s) => s.text.fr));
    name("QG_ActionStatuses", `$I$4:$I$${lastAction}`);
    name("QG_ClosedStatuses", `$I$${4 + ACTION_STATUSES.findIndex((s) => s.key === "done")}:$I$${lastAction}`);
    name("QG_YesNo", `$J$4:$J$${list(10, TEXTS.listsYesNo.fr, YES_NO.map((s) => s.fr))}`);
    name("QG_ActionSources", `$K$4:$K$${list(11, TEXTS.listsActionSource.fr, ACTION_SOURCES.map((s) => s.text.fr))}`);
    name("QG_ReviewStatuses", `$N$4:$N$${list(14, TEXTS.listsReviewStatus.fr, REVIEW_STATUS_CHOICES.map((s) => s.text.fr))}`);
    name("QG_ReviewAccepted", "$N$4");
    name("QG_ReviewToComplete", "$N$5");
    name("QG_ReviewMissing", "$N$6");
    const bands = template.maturity;
    const lastBand = list(12, TEXTS.listsMaturityMin.fr, bands.map((b) => b.min));
    list(13, TEXTS.listsMaturityLabel.fr, bands.map((b) => fr(b.label)));
    name("QG_MaturityMin", `$L$4:$L$${lastBand}`);
    name("QG_MaturityLabels", `$M$4:$M$${lastBand}`);
    put(ws, 4, 15, TEXTS.listsScaleMin.fr, FONT.label);
    put(ws, 4, 16, fx("MIN(QG_LevelValues)"), FONT.plain);
    put(ws, 5, 15, TEXTS.listsScaleMax.fr, FONT.label);
    put(ws, 5, 16, fx("MAX(QG_LevelValues)"), FONT.plain);
    name("QG_ScaleMin", "$P$4");
    name("QG_ScaleMax", "$P$5");
    // Evidence expiring before this day does not count as accepted: the assessment date, else today.
    put(ws, 6, 15, TEXTS.listsReferenceDate.fr, FONT.label);
    const date = SETTING_NAMES.assessmentDate;
    put(ws, 6, 16, fx(`IF(ISNUMBER(${date}),INT(${date}),TODAY())`), FONT.plain, { numFmt: DATE });
    name("QG_ReferenceDate", "$P$6");
    put(ws, 7, 15, TEXTS.listsToleranceUsed.fr, FONT.label);
    put(ws, 7, 16, fx(`IF(ISNUMBER(${SETTING_NAMES.agreementTolerance}),${SETTING_NAMES.agreementTolerance},1)`), FONT.plain);
    name("QG_ToleranceUsed", "$P$7");

    // QG_Settings (R:T, rows 4–10, design.md's defaults) and the consolidation choices (V).
    put(ws, 2, 18, TEXTS.listsSettings.fr, FONT.subtitle);
    put(ws, 3, 18, TEXTS.listsSettingKey.fr, FONT.label);
    put(ws, 3, 19, TEXTS.listsSetting.fr, FONT.label);
    put(ws, 3, 20, TEXTS.listsValue.fr, FONT.label);
    put(ws, 3, 22, TEXTS.listsConsolidation.fr, FONT.label);
    put(ws, 4, 22, CONSOLIDATION_CHOICES.mean.fr, FONT.plain);
    put(ws, 5, 22, CONSOLIDATION_CHOICES.median.fr, FONT.plain);
    name("QG_ConsolidationChoices", "$V$4:$V$5");
    const number = between(0, 100, TEXTS.invalidSettingNumber.fr);
    const settings = {
      organization: [null],
      assessmentDate: [null, { numFmt: DATE, validation: anyDate() }],
      completionThreshold: [0.8, { numFmt: "0%", validation: between(0, 1, TEXTS.invalidThreshold.fr) }],
      consolidation: [CONSOLIDATION_CHOICES.mean.fr, { validation: listOf("QG_ConsolidationChoices") }],
      spreadThreshold: [2, { validation: number }],
      agreementTolerance: [1, { validation: number }],
      showOthers: [YES_NO[1].fr, { validation: listOf("QG_YesNo") }],
    };
    Object.entries(settings).forEach(([key, [value, opts]], i) => {
      const row = 4 + i;
      put(ws, row, 18, key, FONT.plain);
      put(ws, row, 19, SETTING_LABELS[key].fr, FONT.label, { wrap: true });
      put(ws, row, 20, value, FONT.plain, { ...opts, input: true });
      name(SETTING_NAMES[key], `$T$${row}`);
    });
    name("QG_Settings", `$R$4:$T$${3 + Object.keys(settings).length}`);
    await ws.protect("", { ...PROTECTION });
  }

  for (const [ref, n] of names) wb.definedNames.add(ref, n);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: "visible" }];
  return wb;
}

/** The timed floor: build the workbook by hand, then serialize it to a Buffer. */
export async function generate(template, evidenceRows, { mark = () => {} } = {}) {
  if (!template.maturity) throw new Error("the floor expects a template with maturity bands (the synthetic one has them)");
  const wb = await buildFloorWorkbook(template, evidenceRows);
  mark("build cells");
  const bytes = await wb.xlsx.writeBuffer();
  mark("writeBuffer");
  return bytes;
}
