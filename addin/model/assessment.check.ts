import type { AssessmentWorkbook, CellRef } from "./assessment.types.js";
import { splitCriterionIds } from "./criterion-ids.js";
import { describeScale, parseRatingCell } from "./scale.js";
import type { Lang } from "./template.types.js";

/** What kind of problem a finding is. */
export type FindingCode =
  | "ratingInvalid"
  | "evaluatorRatingInvalid"
  | "unanswered"
  | "criterionMissingFromGrid"
  | "criterionNotInTemplate"
  | "evidenceUnknownCriterion"
  | "evidenceNoCriterion"
  | "actionNoOwner"
  | "actionNoDueDate";

/** One thing `check` found, with where it is and what to do. */
export interface Finding {
  code: FindingCode;
  severity: "error" | "warning";
  where: CellRef;
  message: string;
}

type Params = Record<string, string>;
const MESSAGES: Record<FindingCode, Record<Lang, (p: Params) => string>> = {
  ratingInvalid: {
    fr: (p) => `cotation « ${p.value} » du critère ${p.id} invalide : choisissez ${p.scale} ou S. O.`,
    en: (p) => `rating "${p.value}" of criterion ${p.id} is not valid: choose ${p.scale} or N/A`,
  },
  evaluatorRatingInvalid: {
    fr: (p) => `cotation de l'évaluateur « ${p.value} » du critère ${p.id} invalide : choisissez ${p.scale} ou S. O.`,
    en: (p) => `evaluator rating "${p.value}" of criterion ${p.id} is not valid: choose ${p.scale} or N/A`,
  },
  unanswered: {
    fr: (p) => `le critère ${p.id} n'a pas de cotation`,
    en: (p) => `criterion ${p.id} has no rating`,
  },
  criterionMissingFromGrid: {
    fr: (p) => `le critère ${p.id} du modèle n'a pas de ligne dans la grille : recréez la grille ou remettez la ligne`,
    en: (p) => `criterion ${p.id} of the template has no row in the grid: regenerate the grid or restore the row`,
  },
  criterionNotInTemplate: {
    fr: (p) => `le code « ${p.id} » de la grille n'est pas un critère du modèle`,
    en: (p) => `code "${p.id}" in the grid is not a criterion of the template`,
  },
  evidenceUnknownCriterion: {
    fr: (p) => `la preuve ${p.evidence} renvoie au critère inconnu « ${p.id} » : corrigez le code`,
    en: (p) => `evidence ${p.evidence} names an unknown criterion "${p.id}": correct the code`,
  },
  evidenceNoCriterion: {
    fr: (p) => `la preuve ${p.evidence} ne renvoie à aucun critère : indiquez au moins un code de critère`,
    en: (p) => `evidence ${p.evidence} names no criterion: give at least one criterion code`,
  },
  actionNoOwner: {
    fr: (p) => `l'action ${p.action} n'a pas de pilote`,
    en: (p) => `action ${p.action} has no owner`,
  },
  actionNoDueDate: {
    fr: (p) => `l'action ${p.action} n'a pas d'échéance (une date)`,
    en: (p) => `action ${p.action} has no due date`,
  },
};

/**
 * Checks an assessment workbook: ratings outside the scale, unanswered criteria, grid rows that
 * do not match the template, evidence naming unknown criteria, actions without owner or due date.
 * Messages are in `lang`.
 */
export function checkAssessment(wb: AssessmentWorkbook, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const add = (code: FindingCode, severity: Finding["severity"], where: CellRef, p: Params): void =>
    void out.push({ code, severity, where, message: MESSAGES[code][lang](p) });
  const scale = describeScale(wb.template.scale, lang);
  const known = new Map<string, string>();
  for (const d of wb.template.dimensions) for (const c of d.criteria) known.set(c.id.toLowerCase(), c.id);
  const inGrid = new Set<string>();

  for (const row of wb.grid) {
    if (row.criterion === "") continue;
    inGrid.add(row.criterion.toLowerCase());
    if (!known.has(row.criterion.toLowerCase())) add("criterionNotInTemplate", "error", { sheet: wb.gridSheet, address: `A${row.row}` }, { id: row.criterion });
    const r = parseRatingCell(row.rating, wb.template.scale);
    if (r.kind === "invalid") add("ratingInvalid", "error", row.ratingCell, { id: row.criterion, value: r.raw, scale });
    else if (r.kind === "blank") add("unanswered", "warning", row.ratingCell, { id: row.criterion });
    const ev = parseRatingCell(row.evaluatorRating, wb.template.scale);
    if (ev.kind === "invalid") add("evaluatorRatingInvalid", "error", row.evaluatorRatingCell ?? row.ratingCell, { id: row.criterion, value: ev.raw, scale });
  }
  for (const [key, id] of known) {
    if (!inGrid.has(key)) add("criterionMissingFromGrid", "error", { sheet: wb.gridSheet, address: "A1" }, { id });
  }

  for (const e of wb.evidence ?? []) {
    const label = e.id || e.title || `#${e.row}`;
    const ids = splitCriterionIds(e.criteria);
    if (ids.length === 0) add("evidenceNoCriterion", "warning", e.criteriaCell, { evidence: label });
    for (const id of ids) {
      if (!known.has(id.toLowerCase())) add("evidenceUnknownCriterion", "error", e.criteriaCell, { evidence: label, id });
    }
  }
  for (const a of wb.actions ?? []) {
    const label = a.id || a.action || `#${a.row}`;
    if (a.owner === "") add("actionNoOwner", "warning", a.ownerCell ?? a.rowRef, { action: label });
    if (!(a.due instanceof Date) && typeof a.due !== "number") add("actionNoDueDate", "warning", a.dueCell ?? a.rowRef, { action: label });
  }
  return out;
}
