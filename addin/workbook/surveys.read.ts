import { dayOfCell } from "../model/date.serial.js";
import { answerKey, scaleNamed } from "../model/survey.scales.js";
import type { SurveyQuestion, SurveyRecord } from "../model/survey.types.js";
import { locateColumns, plainText, type PlainTable, type PlainValue } from "../model/table.plain.js";
import { HEADERS } from "../plan/labels.js";
import { TABLES } from "../plan/names.js";

/**
 * The imported surveys of a workbook, read back from the « Sondages » sheet (`QG_Surveys`,
 * `QG_SurveyAnswers`, `QG_SurveyComments`; see `plan/surveys.plan.ts` for their columns), columns
 * found by their French or English headers. Surveys come in the order of `QG_Surveys`; a question's
 * answers in the order written (the scale's, most favourable first, for a Likert question). A scale
 * label the reader does not know reads as no scale; a question's favourable share is the one written.
 * Empty when the workbook has no `QG_Surveys`.
 */
export function surveysOf(main: PlainTable | undefined, answers: PlainTable | undefined, comments: PlainTable | undefined): SurveyRecord[] {
  if (!main) return [];
  const c = locateColumns(main, HEADERS.surveys);
  const text = (row: readonly PlainValue[], col: number | undefined): string => (col === undefined ? "" : plainText(row[col]).trim());
  const count = (row: readonly PlainValue[], col: number | undefined): number | null => {
    const v = col === undefined ? null : row[col];
    return typeof v === "number" && Number.isFinite(v) ? v : null;
  };
  const surveys = new Map<string, SurveyRecord>();
  // Each survey's questions by their number, to hang answers and comments on.
  const byNumber = new Map<string, Map<number, SurveyQuestion>>();
  for (const row of main.rows) {
    const name = text(row, c.survey);
    if (name === "") continue;
    const key = name.toLocaleLowerCase();
    let s = surveys.get(key);
    if (!s) {
      const criteria = text(row, c.criteria)
        .split(/[,;]/)
        .map((x) => x.trim())
        .filter((x) => x !== "");
      s = { name, imported: dayOfCell(c.imported === undefined ? null : (row[c.imported] ?? null)) ?? new Date(0), responses: count(row, c.fileResponses) ?? 0, questions: [], comments: [], criteria };
      surveys.set(key, s);
      byNumber.set(key, new Map());
    }
    const question = text(row, c.question);
    if (question === "") continue;
    const favourable = count(row, c.favourable);
    const q: SurveyQuestion = { question, responses: count(row, c.responses) ?? 0, answers: [], scale: scaleNamed(text(row, c.scale))?.id ?? null, favourable };
    s.questions.push(q);
    byNumber.get(key)?.set(count(row, c.number) ?? s.questions.length, q);
  }
  const questionOf = (row: readonly PlainValue[], cols: Partial<Record<"survey" | "number" | "question", number>>): SurveyQuestion | undefined => {
    const key = text(row, cols.survey).toLocaleLowerCase();
    const numbered = count(row, cols.number);
    const questions = byNumber.get(key);
    if (!questions) return undefined;
    if (numbered !== null && questions.has(numbered)) return questions.get(numbered);
    const wanted = answerKey(text(row, cols.question));
    return [...questions.values()].find((q) => answerKey(q.question) === wanted);
  };
  if (answers) {
    const a = locateColumns(answers, HEADERS.surveyAnswers);
    for (const row of answers.rows) {
      const q = questionOf(row, a);
      const answer = text(row, a.answer);
      if (q && answer !== "") q.answers.push({ answer, count: count(row, a.count) ?? 0 });
    }
  }
  if (comments) {
    const m = locateColumns(comments, HEADERS.surveyComments);
    for (const row of comments.rows) {
      const s = surveys.get(text(row, m.survey).toLocaleLowerCase());
      const body = text(row, m.text);
      if (!s || body === "") continue;
      s.comments.push({ question: questionOf(row, m)?.question ?? text(row, m.question), text: body });
    }
  }
  return [...surveys.values()];
}

/** A table whose cells may hold formulas (the formula check's view): only values are read. */
interface TableWithFormulas extends Omit<PlainTable, "rows"> {
  rows: (PlainValue | { formula: string })[][];
}

/** The surveys of a workbook seen with its formulas (`checkStructure`'s view), tables by lower-cased name. */
export function surveysInTables(tables: ReadonlyMap<string, TableWithFormulas>): SurveyRecord[] {
  const plain = (name: string): PlainTable | undefined => {
    const t = tables.get(name.toLowerCase());
    if (!t) return undefined;
    const rows = t.rows.map((r) => r.map((v): PlainValue => (typeof v === "object" && v !== null && !(v instanceof Date) ? null : v)));
    return { ...t, rows };
  };
  return surveysOf(plain(TABLES.surveys), plain(TABLES.surveyAnswers), plain(TABLES.surveyComments));
}
