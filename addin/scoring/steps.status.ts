import type { Assessment, StepItem } from "../model/assessment.types.js";
import { isStepDoneStatus } from "../model/step.status.js";
import type { LocalizedText, ProcessStep } from "../model/template.types.js";

const DAY_MS = 86_400_000;

/** One step of the process, as the workbook stands. */
export interface StepStanding {
  id: string;
  title: LocalizedText;
  deliverable: LocalizedText | null;
  /** The assessment date plus the step's offset (a UTC day); null while either is missing. */
  planned: Date | null;
  done: Date | null;
  responsible: string;
  status: string;
  note: string;
  /** Completed: its status is « Terminée » / "Completed", or it has a date done. */
  isDone: boolean;
  /** Planned before today and not completed. */
  overdue: boolean;
}

/** Where the organization stands in its process (design.md "Template model, second version", `steps`). */
export interface StepsStanding {
  /** Every step of the template, in its order. */
  steps: StepStanding[];
  /** The first step not completed, in order; null when all are. */
  next: StepStanding | null;
  /** The steps overdue, in order. */
  overdue: StepStanding[];
  done: number;
  total: number;
}

/**
 * Where the organization stands in the template's process: each step's planned date (the
 * assessment date plus its `dueOffsetDays`), what the workbook records of it (`QG_Steps`, by id,
 * case-insensitively), the next step and the overdue ones — the same as the table's « En retard »
 * column, which compares planned dates with today. `today` is taken as a calendar day (UTC).
 * Null when the template has no steps.
 */
export function stepsStanding(assessment: Assessment, today: Date): StepsStanding | null {
  const template: readonly ProcessStep[] = assessment.template.steps ?? [];
  if (template.length === 0) return null;
  const day = utcDay(today);
  const rows = new Map<string, StepItem>();
  for (const s of assessment.steps ?? []) if (!rows.has(s.id.toLowerCase())) rows.set(s.id.toLowerCase(), s);
  const start = assessment.assessmentDate ? utcDay(assessment.assessmentDate) : null;
  const steps = template.map((s): StepStanding => {
    const row = rows.get(s.id.toLowerCase());
    const planned = start !== null && s.dueOffsetDays !== undefined ? new Date(start.getTime() + s.dueOffsetDays * DAY_MS) : null;
    const done = row?.done ? utcDay(row.done) : null;
    const status = row?.status ?? "";
    const isDone = done !== null || isStepDoneStatus(status);
    return {
      id: s.id,
      title: s.title,
      deliverable: s.deliverable ?? null,
      planned,
      done,
      responsible: row?.responsible ?? "",
      status,
      note: row?.note ?? "",
      isDone,
      overdue: !isDone && planned !== null && planned.getTime() < day.getTime(),
    };
  });
  return {
    steps,
    next: steps.find((s) => !s.isDone) ?? null,
    overdue: steps.filter((s) => s.overdue),
    done: steps.filter((s) => s.isDone).length,
    total: steps.length,
  };
}

/** Today's local calendar day as a UTC day, as the workbook's `TODAY()` gives it. */
export function localToday(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
