import { answerScale, criterionTargetLevel, isTextCriterion, scaleOfCriterion, themeOf } from "../model/criterion.scale.js";
import { columnLetter } from "../model/cell.address.js";
import { naLabel, scaleBounds } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Template } from "../model/template.types.js";
import { columnsOf, headerOf, indexOf, type ColumnSpec } from "./columns.js";
import { gridFeatures, ratingListName, type GridFeatures } from "./grid.features.js";
import { isMultiRespondent, planRespondents, respondentFormulas, respondentGridHeaders, respondentHelperSpecs, respondentInputSpecs, respondentKey } from "./grid.respondents.js";
import { evaluatorFormulas, evaluatorHelperSpecs } from "./grid.evaluator.js";
import { historyGridSpecs, historyGridValues } from "./grid.history.js";
import { hasReport, reportHelperFormulas, reportHelperSpecs } from "./grid.report.js";
import { hasVisitReport, visitHelperFormulas, visitHelperSpecs } from "./grid.visit.js";
import { hasReview } from "./review.option.js";
import { f, str, thisRow, wholeColumn } from "./formula.js";
import { HEADERS, TEXTS, YES_NO, type GridKey } from "./labels.js";
import { NAMES, TABLES } from "./names.js";
import type { ColumnPlan, PlanOptions, PlanValue, TablePlan } from "./plan.types.js";

/** Row of the grid's header; rows above hold the title and the help line. */
export const GRID_HEADER_ROW = 4;
/** Column of the grid's first column. */
const GRID_LEFT = 1;


/**
 * The self-assessment grid: one row per criterion with the template's text, the rating input,
 * and per-criterion helper columns (scored? weighted points…) that the dashboard sums with
 * SUMIFS, so every figure can be followed cell by cell.
 */
export function gridTable(template: Template, options: PlanOptions): TablePlan {
  const { lang } = options;
  const features = gridFeatures(template);
  // Each row's drop-down: one list for the whole column, or, when rows differ (several scales,
  // required criteria, text questions), the list each row names (set once the columns are known).
  const ratingList = { type: "list" as const, source: `=${NAMES.ratingChoices}`, message: TEXTS.invalidRating[lang] };
  // The columns a person rates with come first; the template's details and the helpers follow.
  // The first two columns stay in view while scrolling right.
  // Several respondents (contract of issue 16, §1): each rates in a column of their own; the
  // consolidated rating takes the place of « Cotation » in every computed column.
  const multi = isMultiRespondent(options);
  const respondents = planRespondents(options);
  const specs: Partial<Record<string, ColumnSpec>> = {
    dimension: { width: 10 },
    criterion: { width: 10 },
  };
  if (features.themes) specs.theme = { width: 12 };
  // With closed rounds, the last round's rating and comments (and « À confirmer ») follow the respondents' inputs.
  const previous = historyGridSpecs(options);
  if (multi) {
    const inputs = respondentInputSpecs(respondents, features, ratingList, lang);
    const agreedAt = Object.keys(inputs).indexOf("agreed");
    const entries = Object.entries(inputs);
    Object.assign(specs, {
      text: { width: 48, wrap: true },
      guidance: { width: 36, wrap: true },
      ...Object.fromEntries([...entries.slice(0, agreedAt), ...Object.entries(previous), ...entries.slice(agreedAt)]),
      levelLabel: { width: 16, wrap: true },
      targetLevel: { width: 8 },
    });
  } else {
    Object.assign(specs, {
      text: { width: 48, wrap: true },
      guidance: { width: 36, wrap: true },
      rating: { width: 10, input: true, validation: ratingList },
      levelLabel: { width: 16, wrap: true },
    });
    if (features.text) specs.answer = { width: 40, input: true, wrap: true };
    Object.assign(specs, {
      comment: { width: 32, input: true, wrap: true },
      ...previous,
      targetLevel: { width: 8 },
    });
  }
  if (features.required) specs.required = { width: 8 };
  Object.assign(specs, {
    gap: { width: 7 },
    priority: { width: 8 },
  });
  if (options.parts.evidence) {
    specs.evidenceCount = { width: 8 };
    specs.acceptedEvidence = { width: 9 };
  }
  specs.expectedEvidence = { width: 28, wrap: true };
  specs.weight = { width: 7 };
  specs.dimensionTitle = { width: 22, wrap: true };
  if (features.scales) specs.scale = { width: 11 };
  specs.evaluatorRating = { width: 11, input: true, validation: ratingList };
  specs.evaluatorComment = { width: 30, input: true, wrap: true };
  if (features.perRow) {
    specs.ratingList = { width: 18, style: "helper" };
    specs.naAllowed = { width: 9, style: "helper" };
  }
  if (features.scales) {
    specs.scaleMin = { width: 8, style: "helper" };
    specs.scaleMax = { width: 8, style: "helper" };
  }
  if (features.text) specs.isText = { width: 8, style: "helper" };
  if (multi) Object.assign(specs, respondentHelperSpecs(respondents));
  specs.scored = { width: 8, style: "helper" };
  specs.notApplicable = { width: 8, style: "helper" };
  if (features.text) specs.answered = { width: 9, style: "helper" };
  specs.countedWeight = { width: 8, style: "helper" };
  specs.points = { width: 8, style: "helper", numFmt: "0.000" };
  if (features.required) specs.requiredNotMet = { width: 9, style: "helper" };
  const review = hasReview(options);
  if (options.parts.evidence) {
    specs.covered = { width: 9, style: "helper" };
    if (review) specs.reviewedCovered = { width: 9, style: "helper" };
  }
  if (review) Object.assign(specs, evaluatorHelperSpecs());
  // The « Rapport » sheet's ranks (grid.report.ts), last: a workbook made before it lacks only these.
  if (hasReport(options)) Object.assign(specs, reportHelperSpecs(features));
  // The « Rapport de visite » sheet's list of disagreements (grid.visit.ts), after the report's.
  if (hasVisitReport(options)) Object.assign(specs, visitHelperSpecs());

  const headers: Record<string, Record<"fr" | "en", string>> = multi ? { ...HEADERS.grid, ...respondentGridHeaders(respondents) } : HEADERS.grid;
  const columns = columnsOf(headers, specs, lang);
  if (features.perRow) {
    // INDIRECT of the row's « Liste de cotation » cell: the reference is relative, written for the
    // column's first data row (`$X5`), so each row reads its own.
    const rated = ["rating", "evaluatorRating", "agreed", ...respondents.map((_, i) => respondentKey("rating", i + 1))];
    const ref = `$${columnLetter(GRID_LEFT + indexOf(columns, "ratingList") - 1)}${GRID_HEADER_ROW + 1}`;
    for (const c of columns) if (rated.includes(c.key) && c.validation) c.validation = { ...ratingList, source: `=INDIRECT(${ref})` };
  }
  const formulas = gridFormulas(template, options, columns, features);
  const rows: PlanValue[][] = [];
  for (const d of template.dimensions) {
    for (const c of d.criteria) {
      const text = isTextCriterion(c);
      const scale = scaleOfCriterion(template, c);
      const bounds = scaleBounds(scale);
      const fixed: Partial<Record<GridKey, PlanValue>> = {
        dimension: d.id,
        dimensionTitle: textOf(d.title, lang),
        criterion: c.id,
        text: textOf(c.text, lang),
        guidance: textOf(c.guidance, lang) || null,
        expectedEvidence: textOf(c.evidence, lang) || null,
        weight: c.weight,
        targetLevel: criterionTargetLevel(template, c),
        rating: null,
        comment: null,
        evaluatorRating: null,
        evaluatorComment: null,
        theme: themeOf(d, c)?.id ?? null,
        answer: null,
        required: c.required === true ? (YES_NO[0]?.[lang] ?? null) : null,
        scale: c.scale !== undefined && !text ? c.scale : null,
        ratingList: ratingListName(template, c),
        naAllowed: answerScale(template, c).notApplicable ? 1 : 0,
        scaleMin: text ? null : bounds.min,
        scaleMax: text ? null : bounds.max,
        isText: text ? 1 : 0,
        ...historyGridValues(options, c.id),
      };
      rows.push(columns.map((col) => (col.key in fixed ? (fixed[col.key as GridKey] ?? null) : (formulas[col.key] ?? null))));
    }
  }
  return { name: TABLES.grid, top: GRID_HEADER_ROW, left: GRID_LEFT, columns, rows, style: "TableStyleLight9" };
}

/** The formula of each computed grid column; the same text on every row (structured references). */
function gridFormulas(template: Template, options: PlanOptions, columns: ColumnPlan[], features: GridFeatures): Partial<Record<string, PlanValue>> {
  const T = TABLES.grid;
  const h = (k: GridKey): string => headerOf(columns, k);
  const row = (k: GridKey): string => thisRow(T, h(k));
  const multi = isMultiRespondent(options) ? respondentFormulas(template, options, columns, features) : null;
  const review = hasReview(options);
  const rating = multi ? multi.rating : row("rating");
  // Several scales: a rating is a level of its row's scale when « scale|value » is one of the
  // lists' keys (both sides turn the number into text the same way); its bounds are the row's.
  const isLevel = features.scales
    ? `ISNUMBER(MATCH(${row("scale")}&"|"&${rating},${NAMES.levelKeys},0))`
    : `ISNUMBER(MATCH(${rating},${NAMES.levelValues},0))`;
  const label = features.scales
    ? `INDEX(${NAMES.levelKeyLabels},MATCH(${row("scale")}&"|"&${rating},${NAMES.levelKeys},0))`
    : `INDEX(${NAMES.levelLabels},MATCH(${rating},${NAMES.levelValues},0))`;
  const min = features.scales ? row("scaleMin") : NAMES.scaleMin;
  const max = features.scales ? row("scaleMax") : NAMES.scaleMax;
  const scored = `IF(ISNUMBER(${rating}),IF(${isLevel},1,0),0)`;
  // Compared with `=` inside SUMPRODUCT rather than MATCH, so `*` or `?` typed in a cell are not wildcards.
  const naFormula = `IF(ISNUMBER(${rating}),0,IF(SUMPRODUCT(--(${NAMES.naTokens}=UPPER(SUBSTITUTE(SUBSTITUTE(${rating}," ",""),".",""))))>0,1,0))`;
  const out: Partial<Record<string, PlanValue>> = {
    // A free-text question is never scored, whatever number is typed in its rating cell.
    scored: f(features.text ? `IF(${row("isText")}=1,0,${scored})` : scored),
    notApplicable: features.perRow
      ? f(`IF(${row("naAllowed")}=0,0,${naFormula})`)
      : template.scale.notApplicable
        ? f(naFormula)
        : 0,
    levelLabel: f(`IF(${row("scored")}=1,${label},IF(${row("notApplicable")}=1,${str(naLabel(options.lang))},""))`),
    // Across scales, gaps are in default-scale levels: × (max₀ − min₀)/(max − min).
    gap: f(
      features.scales
        ? `IF(${row("scored")}=1,(${row("targetLevel")}-${rating})*(${NAMES.scaleMax}-${NAMES.scaleMin})/(${max}-${min}),"")`
        : `IF(${row("scored")}=1,${row("targetLevel")}-${rating},"")`,
    ),
    priority: f(`IF(${row("scored")}=1,${row("weight")}*${row("gap")},"")`),
    countedWeight: f(`${row("weight")}*${row("scored")}`),
    points: f(`IF(${row("scored")}=1,${row("weight")}*(${rating}-${min})/(${max}-${min}),0)`),
  };
  if (multi) {
    // The consolidated rating is a number only when it counts, and need not be a level (2.67): its label shows when it is one.
    Object.assign(out, multi.formulas, {
      scored: multi.scored,
      notApplicable: multi.notApplicable,
      levelLabel: f(`IF(${row("scored")}=1,IFERROR(${label},""),IF(${row("notApplicable")}=1,${str(naLabel(options.lang))},""))`),
    });
    if (features.text) out.answered = multi.answered;
  } else if (features.text) {
    out.answered = f(`IF(${row("scored")}=1,1,IF(AND(${row("isText")}=1,${row("notApplicable")}=0,LEN(TRIM(${row("answer")}))>0),1,0))`);
  }
  if (features.required) {
    // Met only when rated at or above its target level; a required text question is never « not met ».
    const notText = features.text ? `,${row("isText")}=1` : "";
    out.requiredNotMet = f(`IF(OR(${row("required")}=""${notText}),0,IF(${row("scored")}=1,IF(${rating}>=${row("targetLevel")},0,1),1))`);
  }
  if (options.parts.evidence) {
    const E = TABLES.evidence;
    const ev = (k: "criteria" | "status" | "expiry" | "counts" | "reviewAccepted"): string => wholeColumn(E, HEADERS.evidence[k][options.lang]);
    // `,id,` searched in `,a,b,` (spaces removed, `;` read as `,`): C1 does not match C10.
    const names = `ISNUMBER(SEARCH(","&${row("criterion")}&",",","&SUBSTITUTE(SUBSTITUTE(${ev("criteria")}," ",""),";",",")&","))`;
    out.evidenceCount = f(`SUMPRODUCT(--${names})`);
    // Each evidence row says whether it counts (accepted, not expired, not sent back by the evaluator's review).
    // Before the review, the register had no such column: accepted and not expired (a blank expiry compares as 0).
    const current = `((${ev("expiry")}="")+(${ev("expiry")}>=${NAMES.referenceDate})>0)`;
    out.acceptedEvidence = review
      ? f(`SUMPRODUCT(${names}*${ev("counts")})`)
      : f(`SUMPRODUCT(${names}*(${ev("status")}=${NAMES.acceptedStatus})*${current})`);
    // A text question has no evidence coverage.
    const rated = features.text ? `${row("isText")}=0,` : "";
    out.covered = f(`IF(AND(${rated}${row("notApplicable")}=0,${row("acceptedEvidence")}>0),1,0)`);
    // Reviewed coverage: an item the evaluator marked « Acceptée », not expired, whatever the organization's status.
    if (review) out.reviewedCovered = f(`IF(AND(${rated}${row("notApplicable")}=0,SUMPRODUCT(${names}*${ev("reviewAccepted")})>0),1,0)`);
  }
  if (review) Object.assign(out, evaluatorFormulas(columns, features, rating));
  if (hasReport(options)) Object.assign(out, reportHelperFormulas(columns, features));
  if (hasVisitReport(options)) Object.assign(out, visitHelperFormulas(columns));
  return out;
}

