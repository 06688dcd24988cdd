import type { ActionRowRead, AssessmentWorkbook, EvidenceRowRead, GridRowRead, RespondentCellsRead } from "./workbook.types.js";
import { respondentColumnsOf, respondentRecordsOf } from "./grid.respondents.read.js";
import type { PlainValue } from "../model/table.plain.js";
import { withAssessment } from "./workbook.assessment.js";
import { stepRowsOf } from "./steps.read.js";
import { readHistory } from "./history.read.js";
import { surveysOf } from "./surveys.read.js";
import { SETTING_READ_NAMES, settingsOfNames } from "./workbook.settings.js";
import { templateFromSheetRows, TEMPLATE_ITEM_ALL_COLUMNS, TEMPLATE_ITEM_COLUMNS, type SheetCell } from "../model/template.sheet.js";
import { isLang } from "../model/text.js";
import type { InputIssue, Lang, Result } from "../model/template.types.js";
import { issueOf } from "../model/messages/message.catalog.js";
// The reader's messages: registered in the catalogue so that every interface can word them.
import "../model/messages/messages.workbook.js";
import { cellAddress } from "../model/cell.address.js";
import { EVIDENCE_STATUSES, HEADERS, SHEET_NAMES } from "../plan/labels.js";
import { NAMES, TABLES } from "../plan/names.js";
import { EVIDENCE_COMPUTED_KEYS } from "../plan/register.plan.js";
import { locateColumns, plainText, type PlainTable, type PlainTables } from "../model/table.plain.js";

/**
 * Reads a Qualigrid workbook from its tables: the template it carries, the grid's ratings, the
 * evidence register, the action plan and the dashboard's targets, as rows with their cells and as
 * the assessment model they hold (`assessmentOfLayout`). Both readers (exceljs for files,
 * Office.js for the open workbook) reduce a workbook to its tables (`read`, by lower-cased name) and
 * the values of its named cells (`names`, by lower-cased name), then call this one function, so
 * they cannot drift apart. A Qualigrid table the user renamed is found by its headers and read,
 * with a warning (`findRenamedTables`). A workbook that is not a Qualigrid workbook, or whose
 * tables were deleted or lost a column the engine needs, is reported with sheet and cell, prefixed
 * by `file`. `templateOf` rebuilds the template from its rows (the aggregate passes one that
 * remembers the templates it has already rebuilt).
 */
export function readAssessment(read: PlainTables, names: ReadonlyMap<string, PlainValue>, file: string, templateOf: typeof templateFromSheetRows = templateFromSheetRows): Result<AssessmentWorkbook> {
  const issues: InputIssue[] = [];
  const err = (path: string, code: string, params: Record<string, string | number>): void => void issues.push(issueOf(code, params, `${file}: ${path}`));
  const found = findRenamedTables(read);
  const tables = found.tables;
  const renamedWarnings: InputIssue[] = found.renamed.map((r) =>
    issueOf("workbook.tableRenamed", { table: r.table, name: r.name }, `${file}: ${r.sheet}!${cellAddress(r.top, r.left)}`, "warning"),
  );
  const info = tables.get(TABLES.templateInfo.toLowerCase());
  const items = tables.get(TABLES.templateItems.toLowerCase());
  const gridT = tables.get(TABLES.grid.toLowerCase());
  if (!info || !items || !gridT) {
    const missing = [!info && TABLES.templateInfo, !items && TABLES.templateItems, !gridT && TABLES.grid].filter((t) => t !== false);
    // Some Qualigrid tables present: a Qualigrid workbook that lost a table, not some other workbook.
    const qualigrid = [...tables.keys()].some((k) => QUALIGRID_TABLES.has(k));
    // A template's authoring workbook (`qualigrid template-sheet`) has the template's tables and no grid: it makes one.
    const assessmentTables = [TABLES.evidence, TABLES.actions, TABLES.scores].some((t) => tables.has(t.toLowerCase()));
    if (info && items && !assessmentTables) return { ok: false, issues: [issueOf("workbook.authoringNotAssessment", { file }, file)] };
    const params = { tables: missing.join(", "), count: missing.length };
    return { ok: false, issues: [issueOf(qualigrid ? "workbook.tablesMissing" : "workbook.notQualigrid", params, file)] };
  }

  const infoRows: [string, SheetCell][] = info.rows.map((r) => [plainText(r[0]), sheetCell(r[1])]);
  const itemCols = TEMPLATE_ITEM_COLUMNS.map((name) => items.headers.findIndex((h) => h === name));
  const missingItemCols = TEMPLATE_ITEM_COLUMNS.filter((_, i) => itemCols[i] === -1);
  if (missingItemCols.length > 0) {
    err(origin(items), "workbook.itemColumnsMissing", { table: TABLES.templateItems, columns: missingItemCols.join(", "), count: missingItemCols.length });
  }
  // The second version's columns are there only when a criterion uses them.
  const allCols = TEMPLATE_ITEM_ALL_COLUMNS.map((name) => items.headers.findIndex((h) => h === name));
  const itemRows: SheetCell[][] = items.rows.map((r) => allCols.map((i) => (i < 0 ? null : sheetCell(r[i]))));
  const parsed = templateOf({ info: infoRows, items: itemRows }, `${file}: ${items.sheet}`);
  if (!parsed.ok) return { ok: false, issues: [...issues, ...parsed.issues] };
  const template = parsed.value;
  const langCell = infoRows.find(([k]) => k === "workbook.lang")?.[1];
  const lang: Lang = isLang(langCell) ? langCell : "fr";

  const g = locateColumns(gridT, HEADERS.grid);
  // Named respondents (`QG_Respondents`) answer in their own columns; without it, today's « Cotation ».
  const records = respondentRecordsOf(tables.get(TABLES.respondents.toLowerCase()));
  for (const key of records === null ? (["criterion", "dimension", "rating"] as const) : (["criterion", "dimension"] as const)) {
    if (g[key] === undefined) err(origin(gridT), "workbook.gridColumnMissing", { table: TABLES.grid, column: HEADERS.grid[key][lang] });
  }
  const located = respondentColumnsOf(gridT, records ?? [{ name: "", copyId: "", mergedOn: null, mergedFrom: "" }], { rating: g.rating, comment: g.comment, answer: g.answer }, lang, file);
  if (!located.ok) issues.push(...located.issues);
  const columns = located.ok ? located.columns : [];
  const first = columns[0];
  if (issues.length > 0 || first === undefined) return { ok: false, issues };
  const grid: GridRowRead[] = gridT.rows.map((values, i) => {
    const row = gridT.top + 1 + i;
    const at = (c: number | undefined): PlainValue => (c === undefined ? null : (values[c] ?? null));
    const ref = (c: number | undefined) => (c === undefined ? null : { sheet: gridT.sheet, address: cellAddress(row, gridT.left + c) });
    const respondents = columns.map(
      (c): RespondentCellsRead => ({
        rating: at(c.rating),
        comment: c.comment === undefined ? "" : plainText(at(c.comment)),
        ratingCell: { sheet: gridT.sheet, address: cellAddress(row, gridT.left + c.rating) },
        commentCell: ref(c.comment),
        ...(c.answer === undefined ? {} : { answer: at(c.answer), answerCell: ref(c.answer) }),
      }),
    );
    return {
      criterion: plainText(at(g.criterion)).trim(),
      dimension: plainText(at(g.dimension)).trim(),
      rating: at(first.rating),
      comment: first.comment === undefined ? "" : plainText(at(first.comment)),
      evaluatorRating: at(g.evaluatorRating),
      evaluatorComment: g.evaluatorComment === undefined ? "" : plainText(at(g.evaluatorComment)),
      row,
      ratingCell: { sheet: gridT.sheet, address: cellAddress(row, gridT.left + first.rating) },
      commentCell: ref(first.comment),
      evaluatorRatingCell: ref(g.evaluatorRating),
      evaluatorCommentCell: ref(g.evaluatorComment),
      ...(first.answer === undefined ? {} : { answer: at(first.answer), answerCell: ref(first.answer) }),
      respondents,
      agreed: at(g.agreed),
      agreedReason: g.agreedReason === undefined ? "" : plainText(at(g.agreedReason)),
      agreedCell: ref(g.agreed),
      agreedReasonCell: ref(g.agreedReason),
    };
  });

  const evT = tables.get(TABLES.evidence.toLowerCase());
  let evidence: EvidenceRowRead[] | null = null;
  if (evT) {
    const e = locateColumns(evT, HEADERS.evidence);
    if (e.criteria === undefined || e.status === undefined) {
      err(origin(evT), "workbook.evidenceColumnsMissing", { table: TABLES.evidence, criteria: HEADERS.evidence.criteria[lang], status: HEADERS.evidence.status[lang] });
    } else {
      const criteriaCol = e.criteria;
      evidence = [];
      evT.rows.forEach((values, i) => {
        const text = (c: number | undefined): string => (c === undefined ? "" : plainText(values[c]).trim());
        // A row with its id alone is one of the register's pre-formatted rows (E001…), not evidence;
        // the columns computed on each row are not what a person typed either.
        const computed = new Set(EVIDENCE_COMPUTED_KEYS.map((k) => e[k]));
        if (evT.headers.every((_, c) => c === e.id || computed.has(c) || text(c) === "")) return;
        const row = evT.top + 1 + i;
        const ref = (c: number | undefined) => (c === undefined ? null : { sheet: evT.sheet, address: cellAddress(row, evT.left + c) });
        evidence?.push({
          id: text(e.id),
          criteria: text(e.criteria),
          title: text(e.title),
          status: text(e.status),
          row,
          criteriaCell: { sheet: evT.sheet, address: cellAddress(row, evT.left + criteriaCol) },
          location: text(e.location),
          locationCell: ref(e.location),
          confidential: text(e.confidential),
          type: text(e.type),
          owner: text(e.owner),
          documentDate: e.documentDate === undefined ? null : (values[e.documentDate] ?? null),
          comment: text(e.comment),
          expiry: e.expiry === undefined ? null : (values[e.expiry] ?? null),
          expiryCell: ref(e.expiry),
          ...(e.reviewStatus === undefined
            ? {}
            : {
                review: {
                  status: text(e.reviewStatus),
                  note: text(e.evaluatorNote),
                  date: e.reviewDate === undefined ? null : (values[e.reviewDate] ?? null),
                  reviewer: text(e.reviewer),
                  statusCell: ref(e.reviewStatus),
                  noteCell: ref(e.evaluatorNote),
                  dateCell: ref(e.reviewDate),
                  reviewerCell: ref(e.reviewer),
                },
              }),
        });
      });
    }
  }

  const acT = tables.get(TABLES.actions.toLowerCase());
  let actions: ActionRowRead[] | null = null;
  if (acT) {
    const a = locateColumns(acT, HEADERS.actions);
    actions = [];
    // Computed columns (dimension, gap, overdue) show values on blank rows; a row counts when an input is filled.
    const inputs = (["id", "criterion", "action", "owner", "start", "due", "status", "indicator", "indicatorTarget", "progress", "comment"] as const)
      .map((k) => a[k])
      .filter((c): c is number => c !== undefined);
    acT.rows.forEach((values, i) => {
      const text = (c: number | undefined): string => (c === undefined ? "" : plainText(values[c]).trim());
      if (inputs.every((c) => text(c) === "")) return;
      const row = acT.top + 1 + i;
      const ref = (c: number | undefined) => (c === undefined ? null : { sheet: acT.sheet, address: cellAddress(row, acT.left + c) });
      actions?.push({
        id: text(a.id),
        criterion: text(a.criterion),
        action: text(a.action),
        owner: text(a.owner),
        due: a.due === undefined ? null : (values[a.due] ?? null),
        status: text(a.status),
        ...(a.source === undefined ? {} : { source: text(a.source) }),
        row,
        rowRef: { sheet: acT.sheet, address: cellAddress(row, acT.left) },
        criterionCell: ref(a.criterion),
        ownerCell: ref(a.owner),
        dueCell: ref(a.due),
      });
    });
  }

  // The process table, only in a workbook whose template has steps.
  const stT = tables.get(TABLES.steps.toLowerCase());
  const steps = stT ? stepRowsOf(stT) : null;
  // The imported surveys (« Sondages »): none in a workbook that never imported one.
  const suT = tables.get(TABLES.surveys.toLowerCase());
  const surveys = suT ? surveysOf(suT, tables.get(TABLES.surveyAnswers.toLowerCase()), tables.get(TABLES.surveyComments.toLowerCase())) : null;

  // The closed rounds (« Historique »): none in a workbook that never closed one; unreadable rows are warnings.
  const history = readHistory(tables, file);

  const targets: Record<string, number> = {};
  const scT = tables.get(TABLES.scores.toLowerCase());
  if (scT) {
    const s = locateColumns(scT, HEADERS.scores);
    if (s.dimension !== undefined && s.target !== undefined) {
      for (const values of scT.rows) {
        const v = values[s.target];
        if (typeof v === "number") targets[plainText(values[s.dimension]).trim()] = v;
      }
    }
  }
  const overall = names.get(NAMES.overallTarget.toLowerCase());
  const previousRound = names.get(NAMES.previousRound.toLowerCase());
  const settings = settingsOfNames(names, file);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: withAssessment({
      template,
      lang,
      grid,
      gridSheet: gridT.sheet,
      evidence,
      actions,
      ...(steps ? { steps } : {}),
      targets,
      overallTarget: typeof overall === "number" ? overall : null,
      acceptedStatus: EVIDENCE_STATUSES.find((x) => x.key === "accepted")?.text[lang] ?? "",
      ...(settings.settings ? { settings: settings.settings } : {}),
      ...(records ? { respondents: records } : {}),
      history: history.history,
      historyCells: history.cells,
      ...(history.rows.length > 0 ? { historyRows: history.rows } : {}),
      // The dashboard's witness of the last closed round (`history.check.ts`).
      ...(previousRound !== undefined && scT ? { previousRound: { label: plainText(previousRound).trim(), sheet: scT.sheet } } : {}),
      surveys: surveys ?? [],
    }),
    warnings: [...renamedWarnings, ...parsed.warnings, ...settings.warnings, ...history.warnings],
  };
}

/** A Qualigrid table the user renamed, found by its headers. */
export interface RenamedTable {
  /** The name Qualigrid and the workbook's formulas use (`QG_Grid`). */
  table: string;
  /** The name it has now. */
  name: string;
  sheet: string;
  top: number;
  left: number;
}

const QUALIGRID_TABLES = new Set<string>(Object.values(TABLES).map((n) => n.toLowerCase()));

const norm = (s: string): string => s.trim().toLocaleLowerCase();

/** Whether a table has every header of `keys`, all in one language. */
function hasHeaders<K extends string>(t: PlainTable, headers: Record<K, Record<Lang, string>>, keys: readonly K[]): boolean {
  const have = new Set(t.headers.map(norm));
  return (["fr", "en"] as const).some((lang) => keys.every((k) => have.has(norm(headers[k][lang]))));
}

/** How each Qualigrid table is recognised when its name is gone: headers the plan always writes, and its sheet. */
const SIGNATURES: { table: string; sheet: Record<Lang, string>; matches: (t: PlainTable) => boolean }[] = [
  {
    table: TABLES.grid,
    sheet: SHEET_NAMES.grid,
    // The multi-respondent grid has no « Cotation »: its consolidated rating stands in.
    matches: (t) =>
      hasHeaders(t, HEADERS.grid, ["dimension", "criterion", "text", "rating", "weight", "targetLevel"]) ||
      hasHeaders(t, HEADERS.grid, ["dimension", "criterion", "text", "consolidated", "weight", "targetLevel"]),
  },
  {
    table: TABLES.templateItems,
    sheet: SHEET_NAMES.template,
    matches: (t) => ["dimensionId", "criterionId"].every((h) => t.headers.includes(h)) && TEMPLATE_ITEM_COLUMNS.filter((c) => t.headers.includes(c)).length >= 6,
  },
  {
    table: TABLES.templateInfo,
    sheet: SHEET_NAMES.template,
    matches: (t) =>
      norm(t.headers[0] ?? "") === "key" &&
      norm(t.headers[1] ?? "") === "value" &&
      ["format", "id", "version"].every((k) => t.rows.some((r) => plainText(r[0] ?? null).trim() === k)),
  },
  { table: TABLES.evidence, sheet: SHEET_NAMES.evidence, matches: (t) => hasHeaders(t, HEADERS.evidence, ["id", "criteria", "title", "status"]) },
  { table: TABLES.actions, sheet: SHEET_NAMES.actions, matches: (t) => hasHeaders(t, HEADERS.actions, ["criterion", "action", "owner", "due", "status"]) },
  { table: TABLES.scores, sheet: SHEET_NAMES.dashboard, matches: (t) => hasHeaders(t, HEADERS.scores, ["dimension", "score", "target", "gap"]) },
  { table: TABLES.steps, sheet: SHEET_NAMES.steps, matches: (t) => hasHeaders(t, HEADERS.steps, ["id", "title", "planned", "done", "status"]) },
];

/**
 * Qualigrid tables whose name is absent but whose headers are there under another table name (a
 * user renamed `QG_Grid` to `Grille2026`): `tables` with each such table also under its Qualigrid
 * name, and the list of them. A table on the sheet where Qualigrid puts it is preferred; a table
 * is taken for one Qualigrid table at most.
 */
export function findRenamedTables(tables: PlainTables): { tables: PlainTables; renamed: RenamedTable[] } {
  const others = [...tables.entries()].filter(([k]) => !QUALIGRID_TABLES.has(k)).map(([, t]) => t);
  if (others.length === 0) return { tables, renamed: [] };
  const out = new Map(tables);
  const renamed: RenamedTable[] = [];
  const taken = new Set<PlainTable>();
  for (const sig of SIGNATURES) {
    if (tables.has(sig.table.toLowerCase())) continue;
    const candidates = others.filter((t) => !taken.has(t) && sig.matches(t));
    const sheets = new Set([norm(sig.sheet.fr), norm(sig.sheet.en)]);
    const t = candidates.find((c) => sheets.has(norm(c.sheet))) ?? candidates[0];
    if (!t) continue;
    taken.add(t);
    out.set(sig.table.toLowerCase(), t);
    renamed.push({ table: sig.table, name: t.name, sheet: t.sheet, top: t.top, left: t.left });
  }
  return { tables: out, renamed };
}

/** The names of the tables a reader must collect for `readAssessment`. */
export const READ_TABLES: readonly string[] = [
  TABLES.templateInfo,
  TABLES.templateItems,
  TABLES.grid,
  TABLES.evidence,
  TABLES.actions,
  TABLES.scores,
  TABLES.steps,
  TABLES.respondents,
  TABLES.history,
  TABLES.historyItems,
  TABLES.surveys,
  TABLES.surveyAnswers,
  TABLES.surveyComments,
];

/** The named cells a reader must collect for `readAssessment`. */
export const READ_NAMES: readonly string[] = [NAMES.overallTarget, NAMES.previousRound, ...SETTING_READ_NAMES];

/** `Sheet!A4`: where a table starts, for messages. */
function origin(t: PlainTable): string {
  return `${t.sheet}!${cellAddress(t.top, t.left)}`;
}

function sheetCell(v: PlainValue | undefined): SheetCell {
  if (v === undefined) return null;
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}
