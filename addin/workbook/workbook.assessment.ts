import type { ActionItem, Assessment, CriterionAnswers, EvidenceItem, Respondent, StepItem } from "../model/assessment.types.js";
import { splitCriterionIds } from "../model/criterion.ids.js";
import { dayOfCell } from "../model/date.serial.js";
import { answerOfCell, criteriaById } from "../model/answer.cell.js";
import { DEFAULT_WORKBOOK_SETTINGS } from "../model/settings.js";
import { YES_NO } from "../plan/labels.js";
import type { ActionRowRead, AssessmentWorkbook, EvidenceRowRead, GridRowRead, StepRowRead, WorkbookLayout } from "./workbook.types.js";

/**
 * The assessment a workbook's layout holds, the one way every reader and hand-made fixture builds
 * it: one unnamed self-assessment respondent (today's grid has one rating column), the evaluator
 * when the grid has its rating column, each criterion's answers read as the grid's formulas read
 * them, the evidence register and the action plan, the organization, the assessment date and the
 * other settings (`QG_Settings`; the defaults when the workbook has none). Nothing in today's
 * workbooks records agreed ratings, evidence reviews or the round: those are left empty.
 */
export function assessmentOfLayout(layout: WorkbookLayout): Assessment {
  const { organization, assessmentDate, ...settings } = layout.settings ?? DEFAULT_WORKBOOK_SETTINGS;
  const evaluator: Respondent | null = layout.grid.some((r) => r.evaluatorRatingCell !== null) ? { name: "", role: "evaluator" } : null;
  const byId = criteriaById(layout.template);
  // A row whose id the template lacks (reported by the check) is read on the template's own scale.
  const read = (value: unknown, id: string, words?: unknown) => answerOfCell(value, layout.template, byId.get(id.toLowerCase()) ?? {}, words);
  const criteria = layout.grid
    .filter((r) => r.criterion !== "")
    .map((r: GridRowRead): CriterionAnswers => ({
      criterion: r.criterion,
      dimension: r.dimension,
      answers: [{ ...read(r.rating, r.criterion, r.answer), comment: r.comment }],
      agreed: null,
      evaluator: evaluator ? { ...read(r.evaluatorRating, r.criterion), comment: r.evaluatorComment } : null,
    }));
  return {
    template: layout.template,
    lang: layout.lang,
    organization,
    assessmentDate,
    round: null,
    respondents: [{ name: "", role: "self" }],
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
  return { ...layout, assessment: assessmentOfLayout(layout) };
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
    review: null,
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
