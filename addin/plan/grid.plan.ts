import { naLabel } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Template } from "../model/template.types.js";
import { columnsOf, headerOf, type ColumnSpec } from "./columns.js";
import { f, str, thisRow, wholeColumn } from "./formula.js";
import { HEADERS, TEXTS, type GridKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { ColumnPlan, PlanOptions, PlanValue, TablePlan } from "./plan.types.js";

/** Row of the grid's header; rows above hold the title and the help line. */
export const GRID_HEADER_ROW = 4;

/**
 * The self-assessment grid: one row per criterion with the template's text, the rating input,
 * and per-criterion helper columns (scored? weighted points…) that the dashboard sums with
 * SUMIFS, so every figure can be followed cell by cell.
 */
export function gridTable(template: Template, options: PlanOptions): TablePlan {
  const { lang } = options;
  const ratingList = { type: "list" as const, source: `=${NAMES.ratingChoices}`, message: TEXTS.invalidRating[lang] };
  // The columns a person rates with come first; the template's details and the helpers follow.
  // The first two columns stay in view while scrolling right.
  const specs: Partial<Record<GridKey, ColumnSpec>> = {
    dimension: { width: 10 },
    criterion: { width: 10 },
    text: { width: 48, wrap: true },
    guidance: { width: 36, wrap: true },
    rating: { width: 10, input: true, validation: ratingList },
    levelLabel: { width: 16, wrap: true },
    comment: { width: 32, input: true, wrap: true },
    targetLevel: { width: 8 },
    gap: { width: 7 },
    priority: { width: 8 },
  };
  if (options.parts.evidence) {
    specs.evidenceCount = { width: 8 };
    specs.acceptedEvidence = { width: 9 };
  }
  specs.expectedEvidence = { width: 28, wrap: true };
  specs.weight = { width: 7 };
  specs.dimensionTitle = { width: 22, wrap: true };
  specs.evaluatorRating = { width: 11, input: true, validation: ratingList };
  specs.evaluatorComment = { width: 30, input: true, wrap: true };
  specs.scored = { width: 8, style: "helper" };
  specs.notApplicable = { width: 8, style: "helper" };
  specs.countedWeight = { width: 8, style: "helper" };
  specs.points = { width: 8, style: "helper", numFmt: "0.000" };
  if (options.parts.evidence) specs.covered = { width: 9, style: "helper" };

  const columns = columnsOf(HEADERS.grid, specs, lang);
  const formulas = gridFormulas(template, options, columns);
  const rows: PlanValue[][] = [];
  for (const d of template.dimensions) {
    for (const c of d.criteria) {
      const fixed: Partial<Record<GridKey, PlanValue>> = {
        dimension: d.id,
        dimensionTitle: textOf(d.title, lang),
        criterion: c.id,
        text: textOf(c.text, lang),
        guidance: textOf(c.guidance, lang) || null,
        expectedEvidence: textOf(c.evidence, lang) || null,
        weight: c.weight,
        targetLevel: c.targetLevel ?? template.targetLevel,
        rating: null,
        comment: null,
        evaluatorRating: null,
        evaluatorComment: null,
      };
      rows.push(columns.map((col) => (col.key in fixed ? (fixed[col.key as GridKey] ?? null) : (formulas[col.key as GridKey] ?? null))));
    }
  }
  return { name: TABLES.grid, top: GRID_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight9" };
}

/** The formula of each computed grid column; the same text on every row (structured references). */
function gridFormulas(template: Template, options: PlanOptions, columns: ColumnPlan[]): Partial<Record<GridKey, PlanValue>> {
  const T = TABLES.grid;
  const h = (k: GridKey): string => headerOf(columns, k);
  const row = (k: GridKey): string => thisRow(T, h(k));
  const rating = row("rating");
  const out: Partial<Record<GridKey, PlanValue>> = {
    scored: f(`IF(ISNUMBER(${rating}),IF(ISNUMBER(MATCH(${rating},${NAMES.levelValues},0)),1,0),0)`),
    // Compared with `=` inside SUMPRODUCT rather than MATCH, so `*` or `?` typed in a cell are not wildcards.
    notApplicable: template.scale.notApplicable
      ? f(
          `IF(ISNUMBER(${rating}),0,IF(SUMPRODUCT(--(${NAMES.naTokens}=UPPER(SUBSTITUTE(SUBSTITUTE(${rating}," ",""),".",""))))>0,1,0))`,
        )
      : 0,
    levelLabel: f(
      `IF(${row("scored")}=1,INDEX(${NAMES.levelLabels},MATCH(${rating},${NAMES.levelValues},0)),IF(${row("notApplicable")}=1,${str(naLabel(options.lang))},""))`,
    ),
    gap: f(`IF(${row("scored")}=1,${row("targetLevel")}-${rating},"")`),
    priority: f(`IF(${row("scored")}=1,${row("weight")}*${row("gap")},"")`),
    countedWeight: f(`${row("weight")}*${row("scored")}`),
    points: f(`IF(${row("scored")}=1,${row("weight")}*(${rating}-${NAMES.scaleMin})/(${NAMES.scaleMax}-${NAMES.scaleMin}),0)`),
  };
  if (options.parts.evidence) {
    const E = TABLES.evidence;
    const ev = (k: "criteria" | "status" | "expiry"): string => wholeColumn(E, HEADERS.evidence[k][options.lang]);
    // `,id,` searched in `,a,b,` (spaces removed, `;` read as `,`): C1 does not match C10.
    const names = `ISNUMBER(SEARCH(","&${row("criterion")}&",",","&SUBSTITUTE(SUBSTITUTE(${ev("criteria")}," ",""),";",",")&","))`;
    // Not expired: no expiry date, or one on or after the reference date (a blank cell compares as 0).
    const current = `((${ev("expiry")}="")+(${ev("expiry")}>=${NAMES.referenceDate})>0)`;
    out.evidenceCount = f(`SUMPRODUCT(--${names})`);
    out.acceptedEvidence = f(`SUMPRODUCT(${names}*(${ev("status")}=${NAMES.acceptedStatus})*${current})`);
    out.covered = f(`IF(AND(${row("notApplicable")}=0,${row("acceptedEvidence")}>0),1,0)`);
  }
  return out;
}

