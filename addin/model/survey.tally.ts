import { columnLetter } from "./cell.address.js";
import { holdsEmail, skippedColumnReason, type SkippedColumnReason } from "./survey.columns.js";
import { answerKey, customScale, levelOf, scaleOf, type SurveyScale } from "./survey.scales.js";
import type { Lang } from "./template.types.js";
import type { SurveyAnswerCount, SurveyComment, SurveyQuestion, SurveyRecord } from "./survey.types.js";

/** A survey export as read from its file: the header's texts and one row of texts per response. */
export interface SurveyTable {
  headers: string[];
  rows: string[][];
}

/** A column of the export that was not copied, and why. */
export interface SkippedColumn {
  /** Its letter in the file (`C`). */
  column: string;
  header: string;
  reason: SkippedColumnReason;
}

/** How a survey is tallied. */
export interface TallyOptions {
  name: string;
  imported: Date;
  withComments?: boolean;
  /** An ordered scale given by hand, most favourable first. */
  scale?: readonly string[];
  criteria?: readonly string[];
  /** The workbook's language: how the answers given once are shown together (`OTHER_ANSWERS`); French by default. */
  lang?: Lang;
}

/** A survey tallied: its record, and the columns left out (metadata and personal data). */
export interface SurveyTally {
  survey: SurveyRecord;
  skipped: SkippedColumn[];
}

/**
 * A choice question (as opposed to free text) has few distinct answers, each given by several
 * respondents: at most this many distinct answers…
 */
const MAX_CHOICES = 30;
/** …each no longer than this… */
const MAX_CHOICE_LENGTH = 100;

/**
 * Tallies a survey export (design.md "Rounds, comparison and report"): per question, the responses
 * (non-blank answers), the counts per answer and, for a question whose answers all belong to one
 * ordered scale (`scaleOf`: the scale given by hand, then the recognised sets), the favourable share
 * — the two most favourable levels over the non-blank answers. Metadata and personal columns
 * (`skippedColumnReason`, or any answer holding an e-mail address) are left out whole.
 *
 * A question that is not on a scale is a choice question when its answers look chosen from a list
 * (`isChoice`), and its answers are counted; a multiple-choice answer (Forms joins the choices with
 * « ; ») is counted per choice; the answers each given by a single respondent are counted together
 * (`OTHER_ANSWERS`), their texts kept only as comments with `withComments`. Otherwise it is free text: only its response count is kept, and its
 * texts go to `comments` only with `withComments`. When unsure, a question is free text: a lone
 * answer copied as a « choice » could name its author.
 */
export function tallySurvey(table: SurveyTable, options: TallyOptions): SurveyTally {
  const given = options.scale && options.scale.length > 0 ? customScale(options.scale) : undefined;
  const questions: SurveyQuestion[] = [];
  const comments: SurveyComment[] = [];
  const skipped: SkippedColumn[] = [];
  table.headers.forEach((raw, i) => {
    const column = columnLetter(i + 1);
    const header = raw.trim() === "" ? column : raw.trim();
    const reason = skippedColumnReason(header);
    if (reason) return void skipped.push({ column, header, reason });
    const answers: string[] = [];
    for (const row of table.rows) {
      const v = (row[i] ?? "").trim();
      if (v !== "") answers.push(v);
    }
    if (answers.some(holdsEmail)) return void skipped.push({ column, header, reason: "personal" });
    const q = questionOf(header, answers, given, options.lang ?? "fr");
    questions.push(q.question);
    if (options.withComments) {
      if (q.freeText) for (const text of answers) comments.push({ question: header, text });
      for (const text of q.lone) comments.push({ question: header, text });
    }
  });
  return {
    survey: {
      name: options.name,
      imported: options.imported,
      responses: table.rows.length,
      questions,
      comments,
      criteria: [...(options.criteria ?? [])],
    },
    skipped,
  };
}

/** One question's figures, and whether it is free text. */
function questionOf(question: string, answers: readonly string[], given: SurveyScale | undefined, lang: Lang): { question: SurveyQuestion; freeText: boolean; lone: string[] } {
  const responses = answers.length;
  const distinct = [...new Set(answers)];
  const scale = scaleOf(distinct, given);
  if (scale) {
    const counts = scale.levels.map(() => 0);
    // A level is shown as the file first spelled it, else by the scale's first spelling.
    const shown: (string | undefined)[] = scale.levels.map(() => undefined);
    for (const a of answers) {
      const level = levelOf(scale, a);
      counts[level] = (counts[level] ?? 0) + 1;
      shown[level] ??= a;
    }
    const top = (counts[0] ?? 0) + (counts[1] ?? 0);
    return {
      question: {
        question,
        responses,
        answers: scale.levels.map((spellings, level) => ({ answer: shown[level] ?? (spellings[0] as string), count: counts[level] ?? 0 })),
        scale: scale.id,
        favourable: responses === 0 ? null : top / responses,
      },
      freeText: false,
      lone: [],
    };
  }
  const multiple = answers.some((a) => a.includes(";"));
  const pieces = multiple ? answers.flatMap((a) => a.split(";").map((p) => p.trim()).filter((p) => p !== "")) : answers;
  const counted = countAnswers(pieces);
  if (responses > 0 && isChoice(counted, pieces.length)) {
    // An answer given by one respondent only (Forms' « Autre » typed in, a rare choice) could name
    // its author: it is counted with the others like it, never shown by its text.
    const lone = counted.filter((c) => c.count === 1);
    const answers = counted.filter((c) => c.count > 1);
    if (lone.length > 0) answers.push({ answer: OTHER_ANSWERS[lang], count: lone.length });
    return { question: { question, responses, answers, scale: null, favourable: null }, freeText: false, lone: lone.map((c) => c.answer) };
  }
  return { question: { question, responses, answers: [], scale: null, favourable: null }, freeText: responses > 0, lone: [] };
}

/** How the answers each given by a single respondent are shown, counted together. */
export const OTHER_ANSWERS: Record<Lang, string> = { fr: "Autres réponses (chacune donnée une seule fois)", en: "Other answers (each given once)" };

/**
 * Counts per answer (answers differing only by case, accents or spacing counted as one, shown as
 * first given), most given first; numbers (a rating) by value, highest first.
 */
function countAnswers(answers: readonly string[]): SurveyAnswerCount[] {
  const byKey = new Map<string, SurveyAnswerCount>();
  for (const a of answers) {
    const key = answerKey(a) || a;
    const c = byKey.get(key);
    if (c) c.count++;
    else byKey.set(key, { answer: a, count: 1 });
  }
  const counted = [...byKey.values()];
  // A rating (Forms' stars, a 0–10 score) reads best by value, highest first, as a scale is shown.
  const numeric = counted.every((c) => /^-?\d+([.,]\d+)?$/.test(c.answer));
  if (numeric) return counted.sort((x, y) => Number(y.answer.replace(",", ".")) - Number(x.answer.replace(",", ".")));
  // Stable sort: equal counts keep the order they were first given in.
  return counted.sort((x, y) => y.count - x.count);
}

/**
 * Whether counted answers look chosen from a list rather than written: at most `MAX_CHOICES`
 * distinct answers of at most `MAX_CHOICE_LENGTH` characters, no more distinct answers than half the
 * answers given (two at least: « Oui » and « Non » of three respondents), and at most half of them
 * given only once.
 */
export function isChoice(counted: readonly SurveyAnswerCount[], given: number): boolean {
  if (counted.length === 0 || counted.length > MAX_CHOICES) return false;
  if (counted.some((c) => c.answer.length > MAX_CHOICE_LENGTH)) return false;
  if (counted.length > Math.max(2, given / 2)) return false;
  const once = counted.filter((c) => c.count === 1).length;
  return once <= counted.length / 2;
}
