/**
 * The « Sondages » / « Surveys » sheet (design.md "Rounds, comparison and report"; Engagement
 * Qualité's first step), only when the workbook has imported surveys: values, protected.
 *
 * Stable column keys (`HEADERS.*` in labels.ts; the report reads them by header, either language):
 * - `QG_Surveys`, one row per survey × question: `survey`, `number` (the question's 1-based
 *   position in its survey), `question`, `responses` (answers given), `favourable` (0–1, percent
 *   format, blank when the question is not on an ordered scale), `scale` (the scale's label, or
 *   « Choix » / « Texte libre »), `fileResponses` (the responses the file held), `imported` (date),
 *   `criteria` (the criteria it is evidence for, « , »-separated; on every row of the survey).
 * - `QG_SurveyAnswers`: `survey`, `number`, `question`, `answer`, `count`, `share` (count / answers given).
 * - `QG_SurveyComments` (only when a survey kept comments): `survey`, `number`, `question`, `text`.
 * A survey whose questions were all left out still has one `QG_Surveys` row, question blank.
 */
import { serialOfDay } from "../model/date.serial.js";
import { scaleLabel } from "../model/survey.scales.js";
import type { SurveyRecord } from "../model/survey.types.js";
import type { Template } from "../model/template.types.js";
import { columnsOf, FORMATS, type ColumnSpec } from "./columns.js";
import { HEADERS, SHEET_NAMES, TEXTS } from "./labels.js";
import { TABLES } from "./names.js";
import type { BlockCell, PlanOptions, PlanValue, SheetPlan, TablePlan } from "./plan.types.js";
import { withPrint } from "./print.plan.js";
import { withRowHeights } from "./row.heights.js";

/** Row of `QG_Surveys`' header; the other tables follow below it, two rows apart. */
export const SURVEYS_HEADER_ROW = 4;

/** The keys of each surveys table's columns. */
export type SurveysKey = keyof typeof HEADERS.surveys;
export type SurveyAnswersKey = keyof typeof HEADERS.surveyAnswers;
export type SurveyCommentsKey = keyof typeof HEADERS.surveyComments;

// The three tables share their first three columns (survey, number, question), so they share widths.
const SHARED: Record<"survey" | "number" | "question", ColumnSpec> = {
  survey: { width: 24, wrap: true },
  number: { width: 6 },
  question: { width: 44, wrap: true },
};

/** The sheet, or null when the workbook has no survey. */
export function surveysSheet(template: Template, options: PlanOptions): SheetPlan | null {
  void template;
  const surveys = options.surveys ?? [];
  if (surveys.length === 0) return null;
  const { lang } = options;
  const main = surveysTable(surveys, options);
  const answers = surveyAnswersTable(surveys, options, main.top + main.rows.length + 3);
  const withComments = surveys.some((s) => s.comments.length > 0);
  const comments = withComments ? surveyCommentsTable(surveys, options, answers.top + answers.rows.length + 3) : null;
  const tables = [main, answers, ...(comments ? [comments] : [])];
  const widths: Record<number, number> = {};
  for (const t of tables) t.columns.forEach((c, i) => (widths[t.left + i] = Math.max(widths[t.left + i] ?? 0, c.width)));
  const cells: BlockCell[] = [
    { row: 1, col: 1, value: TEXTS.surveysSubtitle[lang], style: "title" },
    { row: 2, col: 1, value: TEXTS.surveysHelp[lang], style: "note" },
    { row: 3, col: 1, value: TEXTS.surveysPrivacy[lang], style: "note" },
    { row: answers.top - 1, col: 1, value: TEXTS.surveysAnswersTitle[lang], style: "subtitle" },
    ...(comments ? [{ row: comments.top - 1, col: 1, value: TEXTS.surveysCommentsTitle[lang], style: "subtitle" } satisfies BlockCell] : []),
  ];
  return withPrint(
    {
      key: "surveys",
      name: SHEET_NAMES.surveys[lang],
      tabColor: "00B0F0",
      widths,
      cells,
      tables: tables.map(withRowHeights),
      freeze: { rows: SURVEYS_HEADER_ROW, cols: 0 },
      protect: true,
      conditionalFormats: [],
    },
    SURVEYS_HEADER_ROW,
  );
}

/** `QG_Surveys`: one row per survey × question. */
function surveysTable(surveys: readonly SurveyRecord[], options: PlanOptions): TablePlan {
  const { lang } = options;
  const specs: Record<SurveysKey, ColumnSpec> = {
    ...SHARED,
    responses: { width: 12 },
    favourable: { width: 11, numFmt: FORMATS.percent },
    scale: { width: 18, wrap: true },
    fileResponses: { width: 12 },
    imported: { width: 12, numFmt: FORMATS.date },
    criteria: { width: 14, wrap: true },
  };
  const columns = columnsOf(HEADERS.surveys, specs, lang);
  const rows: PlanValue[][] = [];
  for (const s of surveys) {
    const common = { survey: s.name, fileResponses: s.responses, imported: serialOfDay(s.imported), criteria: s.criteria.join(", ") || null };
    const questions = s.questions.length > 0 ? s.questions : [null];
    questions.forEach((q, i) => {
      const values: Record<SurveysKey, PlanValue> = {
        ...common,
        number: q ? i + 1 : null,
        question: q?.question ?? null,
        responses: q?.responses ?? null,
        favourable: q?.favourable ?? null,
        scale: q ? kindOf(q, lang) : null,
      };
      rows.push(columns.map((c) => values[c.key as SurveysKey]));
    });
  }
  return { name: TABLES.surveys, top: SURVEYS_HEADER_ROW, left: 1, columns, rows, style: "TableStyleLight9" };
}

/** `QG_SurveyAnswers`: one row per survey × question × answer (a row of blanks when no question has counted answers). */
function surveyAnswersTable(surveys: readonly SurveyRecord[], options: PlanOptions, top: number): TablePlan {
  const { lang } = options;
  const specs: Record<SurveyAnswersKey, ColumnSpec> = { ...SHARED, answer: { width: 30, wrap: true }, count: { width: 11 }, share: { width: 11, numFmt: FORMATS.percent } };
  const columns = columnsOf(HEADERS.surveyAnswers, specs, lang);
  const rows: PlanValue[][] = [];
  for (const s of surveys) {
    s.questions.forEach((q, i) => {
      for (const a of q.answers) {
        const values: Record<SurveyAnswersKey, PlanValue> = {
          survey: s.name,
          number: i + 1,
          question: q.question,
          answer: a.answer,
          count: a.count,
          share: q.responses > 0 ? a.count / q.responses : null,
        };
        rows.push(columns.map((c) => values[c.key as SurveyAnswersKey]));
      }
    });
  }
  // A table needs a row.
  if (rows.length === 0) rows.push(columns.map(() => null));
  return { name: TABLES.surveyAnswers, top, left: 1, columns, rows, style: "TableStyleLight9" };
}

/** `QG_SurveyComments`: the free-text answers kept with `--with-comments`. */
function surveyCommentsTable(surveys: readonly SurveyRecord[], options: PlanOptions, top: number): TablePlan {
  const { lang } = options;
  const specs: Record<SurveyCommentsKey, ColumnSpec> = { ...SHARED, text: { width: 60, wrap: true } };
  const columns = columnsOf(HEADERS.surveyComments, specs, lang);
  const rows: PlanValue[][] = [];
  for (const s of surveys) {
    const numbers = new Map(s.questions.map((q, i) => [q.question, i + 1]));
    for (const c of s.comments) {
      const values: Record<SurveyCommentsKey, PlanValue> = { survey: s.name, number: numbers.get(c.question) ?? null, question: c.question, text: c.text };
      rows.push(columns.map((col) => values[col.key as SurveyCommentsKey]));
    }
  }
  return { name: TABLES.surveyComments, top, left: 1, columns, rows, style: "TableStyleLight9" };
}

/** The « Échelle » column: the scale's label, or « Choix » / « Texte libre » for a question not on a scale. */
function kindOf(q: SurveyRecord["questions"][number], lang: PlanOptions["lang"]): string {
  if (q.scale !== null) return scaleLabel(q.scale, lang);
  return (q.answers.length > 0 ? TEXTS.surveyChoice : TEXTS.surveyFreeText)[lang];
}
