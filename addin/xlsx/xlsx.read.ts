import type ExcelJS from "exceljs";
import { templateFromSheetRows, TEMPLATE_ITEM_COLUMNS, type SheetCell } from "../model/template.sheet.js";
import { isLang } from "../model/text.js";
import type { InputIssue, Lang, Result } from "../model/template.types.js";
import { cellAddress } from "../plan/a1.js";
import { EVIDENCE_STATUSES, HEADERS } from "../plan/labels.js";
import { NAMES, TABLES } from "../plan/names.js";
import type { ActionRowRead, AssessmentWorkbook, EvidenceRowRead, GridRowRead, PlainValue } from "../model/assessment.types.js";
import { plainText, plainValue } from "./xlsx.cells.js";
import { findTables, locateColumns, type FoundTable } from "./xlsx.tables.js";

/**
 * Reads a Qualigrid workbook: the template it carries, the grid's ratings, the evidence register
 * and the action plan. A workbook that is not a Qualigrid workbook, or whose tables lost a column
 * the engine needs, is reported with sheet and cell.
 */
export function readQualigridWorkbook(wb: ExcelJS.Workbook, file: string): Result<AssessmentWorkbook> {
  const tables = findTables(wb);
  const issues: InputIssue[] = [];
  const err = (path: string, message: string): void => void issues.push({ path: `${file}: ${path}`, message, severity: "error" });
  const info = tables.get(TABLES.templateInfo.toLowerCase());
  const items = tables.get(TABLES.templateItems.toLowerCase());
  const gridT = tables.get(TABLES.grid.toLowerCase());
  if (!info || !items || !gridT) {
    const missing = [!info && TABLES.templateInfo, !items && TABLES.templateItems, !gridT && TABLES.grid].filter(Boolean).join(", ");
    return {
      ok: false,
      issues: [
        {
          path: file,
          message: `not a Qualigrid workbook: the table(s) ${missing} are missing (create one with \`qualigrid new <template> -o file.xlsx\`)`,
          severity: "error",
        },
      ],
    };
  }

  const infoRows: [string, SheetCell][] = rowsOf(info).map((r) => [plainText(cellAt(info, r, 0)), sheetCell(plainValue(cellAt(info, r, 1)))]);
  const itemCols = TEMPLATE_ITEM_COLUMNS.map((name) => items.headers.findIndex((h) => h === name));
  const missingItemCols = TEMPLATE_ITEM_COLUMNS.filter((_, i) => itemCols[i] === -1);
  if (missingItemCols.length > 0) err(`${items.sheet.name}!${cellAddress(items.top, items.left)}`, `${TABLES.templateItems} lacks the column(s) ${missingItemCols.join(", ")}`);
  const itemRows: SheetCell[][] = rowsOf(items).map((r) => itemCols.map((i) => (i < 0 ? null : sheetCell(plainValue(cellAt(items, r, i))))));
  const parsed = templateFromSheetRows({ info: infoRows, items: itemRows }, `${file}: ${items.sheet.name}`);
  if (!parsed.ok) return { ok: false, issues: [...issues, ...parsed.issues] };
  const template = parsed.value;
  const langCell = infoRows.find(([k]) => k === "workbook.lang")?.[1];
  const lang: Lang = isLang(langCell) ? langCell : "fr";

  const g = locateColumns(gridT, HEADERS.grid);
  for (const key of ["criterion", "dimension", "rating"] as const) {
    if (g[key] === undefined) err(`${gridT.sheet.name}!${cellAddress(gridT.top, gridT.left)}`, `${TABLES.grid} has no column « ${HEADERS.grid[key][lang]} »`);
  }
  if (issues.length > 0) return { ok: false, issues };
  const grid: GridRowRead[] = rowsOf(gridT).map((r) => {
    const at = (i: number | undefined) => (i === undefined ? null : cellAt(gridT, r, i));
    const ratingCell = at(g.rating) as ExcelJS.Cell;
    const commentCell = at(g.comment);
    return {
      criterion: plainText(at(g.criterion) as ExcelJS.Cell).trim(),
      dimension: plainText(at(g.dimension) as ExcelJS.Cell).trim(),
      rating: plainValue(ratingCell),
      comment: commentCell ? plainText(commentCell) : "",
      evaluatorRating: g.evaluatorRating === undefined ? null : plainValue(at(g.evaluatorRating) as ExcelJS.Cell),
      row: r,
      ratingCell: { sheet: gridT.sheet.name, address: ratingCell.address },
      commentCell: commentCell ? { sheet: gridT.sheet.name, address: commentCell.address } : null,
      evaluatorRatingCell: g.evaluatorRating === undefined ? null : { sheet: gridT.sheet.name, address: cellAt(gridT, r, g.evaluatorRating).address },
    };
  });

  const evT = tables.get(TABLES.evidence.toLowerCase());
  let evidence: EvidenceRowRead[] | null = null;
  if (evT) {
    const e = locateColumns(evT, HEADERS.evidence);
    if (e.criteria === undefined || e.status === undefined) {
      err(`${evT.sheet.name}!${cellAddress(evT.top, evT.left)}`, `${TABLES.evidence} needs its « ${HEADERS.evidence.criteria[lang]} » and « ${HEADERS.evidence.status[lang]} » columns`);
    } else {
      evidence = [];
      for (const r of rowsOf(evT)) {
        const text = (i: number | undefined): string => (i === undefined ? "" : plainText(cellAt(evT, r, i)).trim());
        if (evT.headers.every((_, i) => text(i) === "")) continue;
        evidence.push({
          id: text(e.id),
          criteria: text(e.criteria),
          title: text(e.title),
          status: text(e.status),
          row: r,
          criteriaCell: { sheet: evT.sheet.name, address: cellAt(evT, r, e.criteria).address },
        });
      }
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
      .filter((i): i is number => i !== undefined);
    for (const r of rowsOf(acT)) {
      const text = (i: number | undefined): string => (i === undefined ? "" : plainText(cellAt(acT, r, i)).trim());
      if (inputs.every((i) => text(i) === "")) continue;
      actions.push({
        id: text(a.id),
        criterion: text(a.criterion),
        action: text(a.action),
        owner: text(a.owner),
        due: a.due === undefined ? null : plainValue(cellAt(acT, r, a.due)),
        status: text(a.status),
        row: r,
        rowRef: { sheet: acT.sheet.name, address: cellAddress(r, acT.left) },
        ownerCell: a.owner === undefined ? null : { sheet: acT.sheet.name, address: cellAt(acT, r, a.owner).address },
        dueCell: a.due === undefined ? null : { sheet: acT.sheet.name, address: cellAt(acT, r, a.due).address },
      });
    }
  }

  const targets: Record<string, number> = {};
  const scT = tables.get(TABLES.scores.toLowerCase());
  if (scT) {
    const s = locateColumns(scT, HEADERS.scores);
    if (s.dimension !== undefined && s.target !== undefined) {
      for (const r of rowsOf(scT)) {
        const v = plainValue(cellAt(scT, r, s.target));
        if (typeof v === "number") targets[plainText(cellAt(scT, r, s.dimension)).trim()] = v;
      }
    }
  }
  const overall = namedCellValue(wb, NAMES.overallTarget);
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      template,
      lang,
      grid,
      gridSheet: gridT.sheet.name,
      evidence,
      actions,
      targets,
      overallTarget: typeof overall === "number" ? overall : null,
      acceptedStatus: EVIDENCE_STATUSES.find((x) => x.key === "accepted")?.text[lang] ?? "",
    },
    warnings: parsed.warnings,
  };
}

/** The worksheet row numbers of a table's data rows. */
function rowsOf(t: FoundTable): number[] {
  const out: number[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++) out.push(r);
  return out;
}

function cellAt(t: FoundTable, row: number, index: number): ExcelJS.Cell {
  return t.sheet.getCell(row, t.left + index);
}

function sheetCell(v: PlainValue): SheetCell {
  return v instanceof Date ? v.toISOString().slice(0, 10) : v;
}

function namedCellValue(wb: ExcelJS.Workbook, name: string): PlainValue {
  const ranges = wb.definedNames.getRanges(name).ranges;
  const ref = ranges[0];
  if (!ref) return null;
  const m = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m || m[1] === undefined) return null;
  const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
  return ws ? plainValue(ws.getCell(`${m[2]}${m[3]}`)) : null;
}
