import type { ActionItem, Assessment, CriterionAnswers, EvidenceItem, Respondent, StepItem } from "../model/assessment.types.js";
import { splitCriterionIds } from "../model/criterion.ids.js";
import { dayOfCell } from "../model/date.serial.js";
import { answerOfCell, criteriaById } from "../model/answer.cell.js";
import { DEFAULT_WORKBOOK_SETTINGS } from "../model/settings.js";
import { YES_NO } from "../plan/labels.js";
import type { Rating } from "../model/scale.js";
import type { PlainValue } from "../model/table.plain.js";
import type { ActionRowRead, AssessmentWorkbook, EvidenceRowRead, GridRowRead, RespondentRecord, StepRowRead, WorkbookLayout } from "./workbook.types.js";

/**
 * The assessment a workbook's layout holds, the one way every reader and hand-made fixture builds
 * it: the respondents (`QG_Respondents`, else one unnamed one) each with their answers, the agreed
 * rating and its reason, the evaluator when the grid has its rating column, each answer read as
 * the grid's formulas read it, the evidence register (with the evaluator's review when it has its
 * columns) and the action plan, the organization, the assessment date and the other settings
 * (`QG_Settings`; the defaults when the workbook has none). The round is not recorded yet: left empty.
 */
export function assessmentOfLayout(layout: WorkbookLayout): Assessment {
  const { organization, assessmentDate, ...settings } = layout.settings ?? DEFAULT_WORKBOOK_SETTINGS;
  const evaluator: Respondent | null = layout.grid.some((r) => r.evaluatorRatingCell !== null) ? { name: "", role: "evaluator" } : null;
  const byId = criteriaById(layout.template);
  // A row whose id the template lacks (reported by the check) is read on the template's own scale.
  const read = (value: unknown, id: string, words?: unknown) => answerOfCell(value, layout.template, byId.get(id.toLowerCase()) ?? {}, words);
  // An agreed rating is a level or N/A; on a text question, words there are unreadable, not an answer.
  const agreedOf = (value: unknown, id: string): Rating => {
    const a = read(value, id);
    return a.rating.kind === "blank" ? { kind: "invalid", raw: String(value), problem: "notALevel", reason: "a text question's agreed rating is N/A or blank" } : a.rating;
  };
  const records = respondentsOfLayout(layout);
  const criteria = layout.grid
    .filter((r) => r.criterion !== "")
    .map((r: GridRowRead): CriterionAnswers => ({
      criterion: r.criterion,
      dimension: r.dimension,
      answers: records.map((_, k) => {
        // The row's own fields are respondent 1's in every layout: code and fixtures that change a row write there.
        const cells = k === 0 ? r : r.respondents[k];
        return cells ? { ...read(cells.rating, r.criterion, cells.answer), comment: cells.comment } : { rating: { kind: "blank" }, text: "", comment: "" };
      }),
      agreed: isBlankCell(r.agreed) ? null : { rating: agreedOf(r.agreed, r.criterion), reason: r.agreedReason },
      evaluator: evaluator ? { ...read(r.evaluatorRating, r.criterion), comment: r.evaluatorComment } : null,
    }));
  return {
    template: layout.template,
    lang: layout.lang,
    organization,
    assessmentDate,
    round: null,
    respondents: records.map((x) => ({ name: x.name, role: "self" })),
    evaluator,
    criteria,
    evidence: layout.evidence?.map(evidenceItem) ?? null,
    actions: layout.actions?.map(actionItem) ?? null,
    steps: layout.steps?.map(stepItem) ?? null,
    targets: { ...layout.targets },
    overallTarget: layout.overallTarget,
    acceptedStatus: layout.acceptedStatus,
    settings,
  };
}

/** The layout with its assessment (re)built: for readers, and for fixtures after they change a row. */
export function withAssessment(layout: WorkbookLayout): AssessmentWorkbook {
  // A stale `assessment` of the layout passed in is replaced, not kept.
  return { ...layout, respondents: respondentsOfLayout(layout), assessment: assessmentOfLayout(layout) };
}

/** The one unnamed respondent of a workbook without `QG_Respondents`. */
export const UNNAMED_RESPONDENT: RespondentRecord = { name: "", copyId: "", mergedOn: null, mergedFrom: "" };

/** The layout's respondents: `QG_Respondents`' rows, else one unnamed respondent. */
export function respondentsOfLayout(layout: WorkbookLayout): RespondentRecord[] {
  return layout.respondents && layout.respondents.length > 0 ? layout.respondents.map((r) => ({ ...r })) : [{ ...UNNAMED_RESPONDENT }];
}

/** A blank agreed cell records nothing: the respondents' ratings then decide. */
function isBlankCell(v: PlainValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function evidenceItem(e: EvidenceRowRead): EvidenceItem {
  return {
    id: e.id,
    criteria: splitCriterionIds(e.criteria),
    title: e.title,
    status: e.status,
    location: e.location ?? "",
    confidential: isYes(e.confidential ?? ""),
    expiry: dayOfCell(e.expiry ?? null),
    review: e.review ? { status: e.review.status, note: e.review.note, date: dayOfCell(e.review.date), reviewer: e.review.reviewer } : null,
  };
}

function actionItem(a: ActionRowRead): ActionItem {
  return { id: a.id, criterion: a.criterion, action: a.action, owner: a.owner, due: dayOfCell(a.due), status: a.status, source: a.source ?? "" };
}

function stepItem(s: StepRowRead): StepItem {
  return { id: s.id, done: dayOfCell(s.done), responsible: s.responsible, status: s.status, note: s.note };
}

/** « Oui » / "Yes" (the first choice of the yes/no list), in either language, ignoring case. */
function isYes(text: string): boolean {
  const t = text.trim().toLocaleLowerCase();
  const yes = YES_NO[0];
  return yes !== undefined && (yes.fr.toLocaleLowerCase() === t || yes.en.toLocaleLowerCase() === t);
}
