import { scalesOf } from "../model/criterion.scale.js";
import { NA_TOKENS, naDisplayToken, naLabel } from "../model/scale.js";
import { textOf } from "../model/text.js";
import type { Template } from "../model/template.types.js";
import { maturityBands } from "../scoring/maturity.js";
import { absoluteRange, columnLetter } from "../model/cell.address.js";
import { gridFeatures } from "./grid.features.js";
import { f } from "./formula.js";
import { ACTION_SOURCES, ACTION_STATUSES, EVIDENCE_STATUSES, EVIDENCE_TYPES, REVIEW_STATUS_CHOICES, TEXTS, YES_NO } from "./labels.js";
import { FORMATS } from "./columns.js";
import { NAMES, scaleNames } from "./names.js";
import { REFERENCE_DATE_FORMULA, settingsContent } from "./settings.plan.js";
import { TOLERANCE_USED_FORMULA } from "./grid.evaluator.js";
import { hasReview } from "./review.option.js";
import { stepListsContent } from "./steps.plan.js";
import type { BlockCell, NamePlan, PlanOptions } from "./plan.types.js";

/** Row of the lists' headers, repeated on every printed page. */
export const LISTS_HEADER_ROW = 3;
const HEAD = LISTS_HEADER_ROW;
const FIRST = HEAD + 1;

/** Column of each list on the lists sheet. */
const COL = { value: 1, label: 2, description: 3, na: 5, evStatus: 7, evType: 8, acStatus: 9, yesNo: 10, acSource: 11, matMin: 12, matLabel: 13, reviewStatus: 14, settingLabel: 15, setting: 16 };

/**
 * The lists sheet: the scale, N/A tokens, status and type choices, maturity bands and the scale's
 * bounds, each under a workbook name that validations and formulas refer to.
 */
export function listsSheetContent(template: Template, options: PlanOptions, sheet: string): { cells: BlockCell[]; names: NamePlan[]; widths: Record<number, number> } {
  const { lang } = options;
  const cells: BlockCell[] = [
    { row: 1, col: 1, value: TEXTS.listsSubtitle[lang], style: "title" },
  ];
  const names: NamePlan[] = [];
  const head = (col: number, text: string): void => void cells.push({ row: HEAD, col, value: text, style: "label" });
  const column = (col: number, values: (string | number)[]): void =>
    values.forEach((v, i) => cells.push({ row: FIRST + i, col, value: v, style: "computed" }));
  const name = (n: string, top: number, left: number, bottom = top, right = left): void =>
    void names.push({ name: n, sheet, ref: absoluteRange(top, left, bottom, right) });

  const levels = template.scale.levels;
  const last = FIRST + levels.length - 1;
  head(COL.value, TEXTS.listsValue[lang]);
  head(COL.label, TEXTS.listsLabel[lang]);
  head(COL.description, TEXTS.listsDescription[lang]);
  column(COL.value, levels.map((l) => l.value));
  column(COL.label, levels.map((l) => textOf(l.label, lang)));
  column(COL.description, levels.map((l) => textOf(l.description, lang)));
  name(NAMES.levelValues, FIRST, COL.value, last);
  name(NAMES.levelLabels, FIRST, COL.label, last);
  if (template.scale.notApplicable) {
    // The N/A choice sits right under the values so one contiguous range feeds the drop-down.
    cells.push({ row: last + 1, col: COL.value, value: naDisplayToken(lang), style: "computed" });
    name(NAMES.ratingChoices, FIRST, COL.value, last + 1);
  } else {
    name(NAMES.ratingChoices, FIRST, COL.value, last);
  }

  head(COL.na, TEXTS.listsNaTokens[lang]);
  column(COL.na, [...NA_TOKENS]);
  name(NAMES.naTokens, FIRST, COL.na, FIRST + NA_TOKENS.length - 1);

  head(COL.evStatus, TEXTS.listsEvidenceStatus[lang]);
  column(COL.evStatus, EVIDENCE_STATUSES.map((s) => s.text[lang]));
  name(NAMES.evidenceStatuses, FIRST, COL.evStatus, FIRST + EVIDENCE_STATUSES.length - 1);
  name(NAMES.acceptedStatus, FIRST + EVIDENCE_STATUSES.findIndex((s) => s.key === "accepted"), COL.evStatus);

  head(COL.evType, TEXTS.listsEvidenceType[lang]);
  column(COL.evType, EVIDENCE_TYPES.map((s) => s[lang]));
  name(NAMES.evidenceTypes, FIRST, COL.evType, FIRST + EVIDENCE_TYPES.length - 1);

  head(COL.acStatus, TEXTS.listsActionStatus[lang]);
  column(COL.acStatus, ACTION_STATUSES.map((s) => s.text[lang]));
  name(NAMES.actionStatuses, FIRST, COL.acStatus, FIRST + ACTION_STATUSES.length - 1);
  // « Réalisée » and « Abandonnée » are the last two, so one range holds the closed statuses.
  const closed = ACTION_STATUSES.findIndex((s) => s.key === "done");
  name(NAMES.closedStatuses, FIRST + closed, COL.acStatus, FIRST + ACTION_STATUSES.length - 1);

  head(COL.yesNo, TEXTS.listsYesNo[lang]);
  column(COL.yesNo, YES_NO.map((s) => s[lang]));
  name(NAMES.yesNo, FIRST, COL.yesNo, FIRST + YES_NO.length - 1);

  head(COL.acSource, TEXTS.listsActionSource[lang]);
  column(COL.acSource, ACTION_SOURCES.map((s) => s.text[lang]));
  name(NAMES.actionSources, FIRST, COL.acSource, FIRST + ACTION_SOURCES.length - 1);

  // The evaluator's review statuses, each verdict under a name of its own for the grid's formulas.
  const review = hasReview(options);
  if (review) {
    head(COL.reviewStatus, TEXTS.listsReviewStatus[lang]);
    column(COL.reviewStatus, REVIEW_STATUS_CHOICES.map((s) => s.text[lang]));
    name(NAMES.reviewStatuses, FIRST, COL.reviewStatus, FIRST + REVIEW_STATUS_CHOICES.length - 1);
    const verdict = (key: string): number => FIRST + REVIEW_STATUS_CHOICES.findIndex((s) => s.key === key);
    name(NAMES.reviewAccepted, verdict("accepted"), COL.reviewStatus);
    name(NAMES.reviewToComplete, verdict("toComplete"), COL.reviewStatus);
    name(NAMES.reviewMissing, verdict("missing"), COL.reviewStatus);
  }

  const bands = maturityBands(template);
  head(COL.matMin, TEXTS.listsMaturityMin[lang]);
  head(COL.matLabel, TEXTS.listsMaturityLabel[lang]);
  column(COL.matMin, bands.map((b) => b.min));
  column(COL.matLabel, bands.map((b) => textOf(b.label, lang)));
  name(NAMES.maturityMin, FIRST, COL.matMin, FIRST + bands.length - 1);
  name(NAMES.maturityLabels, FIRST, COL.matLabel, FIRST + bands.length - 1);

  cells.push(
    { row: FIRST, col: COL.settingLabel, value: TEXTS.listsScaleMin[lang], style: "label" },
    { row: FIRST, col: COL.setting, value: f(`MIN(${NAMES.levelValues})`), style: "computed" },
    { row: FIRST + 1, col: COL.settingLabel, value: TEXTS.listsScaleMax[lang], style: "label" },
    { row: FIRST + 1, col: COL.setting, value: f(`MAX(${NAMES.levelValues})`), style: "computed" },
  );
  name(NAMES.scaleMin, FIRST, COL.setting);
  name(NAMES.scaleMax, FIRST + 1, COL.setting);
  // Evidence expiring before this day does not count as accepted (design.md "Scoring").
  cells.push(
    { row: FIRST + 2, col: COL.settingLabel, value: TEXTS.listsReferenceDate[lang], style: "label" },
    { row: FIRST + 2, col: COL.setting, value: f(REFERENCE_DATE_FORMULA), style: "computed", numFmt: FORMATS.date },
  );
  name(NAMES.referenceDate, FIRST + 2, COL.setting);
  // The agreement tolerance the grid compares with: the setting, or design.md's default when it is blank.
  if (review) {
    cells.push(
      { row: FIRST + 3, col: COL.settingLabel, value: TEXTS.listsToleranceUsed[lang], style: "label" },
      { row: FIRST + 3, col: COL.setting, value: f(TOLERANCE_USED_FORMULA), style: "computed" },
    );
    name(NAMES.toleranceUsed, FIRST + 3, COL.setting);
  }
  const settings = settingsContent(options, sheet, HEAD);
  cells.push(...settings.cells);
  names.push(...settings.names);
  const scalesBlock = gridFeatures(template).perRow ? scalesContent(template, options, sheet) : { cells: [], names: [], widths: {} };
  cells.push(...scalesBlock.cells);
  names.push(...scalesBlock.names);
  // The step statuses, only for a template with process steps.
  const stepsBlock = stepListsContent(template, options, sheet, HEAD);
  cells.push(...stepsBlock.cells);
  names.push(...stepsBlock.names);

  const widths = { [COL.value]: 9, [COL.label]: 24, [COL.description]: 40, [COL.na]: 16, [COL.evStatus]: 18, [COL.evType]: 16, [COL.acStatus]: 16, [COL.yesNo]: 10, [COL.acSource]: 18, [COL.matMin]: 20, [COL.matLabel]: 22, ...(review ? { [COL.reviewStatus]: 18 } : {}), [COL.settingLabel]: 26, [COL.setting]: 11, ...settings.widths, ...scalesBlock.widths, ...stepsBlock.widths };
  return { cells, names, widths };
}

/** Where the block of every scale's levels starts, right of the settings. */
const SCALES_COL = { id: 24, value: 25, label: 26, key: 27 };

/**
 * The levels of every scale, for templates whose rows differ (design.md "Template model, second
 * version"): scale id, value, label and the key « scale|value » each row's formulas look up
 * (`QG_LevelKeys`, `QG_LevelKeyLabels`); each other scale's drop-down (`QG_Levels_n`, and
 * `QG_Ratings_n` with the N/A token under its values); the N/A token alone (`QG_NAChoice`) and an
 * empty list (`QG_NoRating`) for text questions.
 */
function scalesContent(template: Template, options: PlanOptions, sheet: string): { cells: BlockCell[]; names: NamePlan[]; widths: Record<number, number> } {
  const { lang } = options;
  const cells: BlockCell[] = [
    { row: HEAD - 1, col: SCALES_COL.id, value: TEXTS.listsScales[lang], style: "subtitle" },
    { row: HEAD, col: SCALES_COL.id, value: TEXTS.listsScaleId[lang], style: "label" },
    { row: HEAD, col: SCALES_COL.value, value: TEXTS.listsValue[lang], style: "label" },
    { row: HEAD, col: SCALES_COL.label, value: TEXTS.listsLabel[lang], style: "label" },
    { row: HEAD, col: SCALES_COL.key, value: TEXTS.listsLevelKey[lang], style: "label" },
  ];
  const names: NamePlan[] = [];
  const name = (n: string, top: number, left: number, bottom = top): void => void names.push({ name: n, sheet, ref: absoluteRange(top, left, bottom, left) });
  let r = FIRST;
  scalesOf(template).forEach(([id, scale], n) => {
    const first = r;
    for (const l of scale.levels) {
      cells.push(
        { row: r, col: SCALES_COL.id, value: id, style: "computed" },
        { row: r, col: SCALES_COL.value, value: l.value, style: "computed" },
        { row: r, col: SCALES_COL.label, value: textOf(l.label, lang), style: "computed" },
        { row: r, col: SCALES_COL.key, value: f(`${cellRef(r, SCALES_COL.id)}&"|"&${cellRef(r, SCALES_COL.value)}`), style: "computed" },
      );
      r++;
    }
    if (n > 0) name(scaleNames(n).levels, first, SCALES_COL.value, r - 1);
    if (scale.notApplicable) {
      cells.push({ row: r, col: SCALES_COL.value, value: naDisplayToken(lang), style: "computed" });
      r++;
    }
    if (n > 0) name(scaleNames(n).ratings, first, SCALES_COL.value, r - 1);
  });
  name(NAMES.levelKeys, FIRST, SCALES_COL.key, r - 1);
  names.push({ name: NAMES.levelKeyLabels, sheet, ref: absoluteRange(FIRST, SCALES_COL.label, r - 1, SCALES_COL.label) });
  r++;
  cells.push({ row: r, col: SCALES_COL.id, value: naLabel(lang), style: "label" }, { row: r, col: SCALES_COL.value, value: naDisplayToken(lang), style: "computed" });
  name(NAMES.naChoice, r, SCALES_COL.value);
  r++;
  cells.push({ row: r, col: SCALES_COL.id, value: TEXTS.listsNoRating[lang], style: "label" });
  name(NAMES.noRating, r, SCALES_COL.value);
  return { cells, names, widths: { [SCALES_COL.id]: 14, [SCALES_COL.value]: 9, [SCALES_COL.label]: 24, [SCALES_COL.key]: 14 } };
}

/** A relative A1 reference to a cell of the lists sheet, for formulas on the same sheet. */
function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}
