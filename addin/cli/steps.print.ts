import type { Assessment } from "../model/assessment.types.js";
import { stepsText } from "../model/messages/messages.steps.js";
import { textOf } from "../model/text.js";
import type { Lang } from "../model/template.types.js";
import { localToday, stepsStanding } from "../scoring/steps.status.js";
import { printable } from "./cli.print.js";

/**
 * The lines `qualigrid score` prints about the template's process steps, in `lang`: steps
 * completed, the next one and its planned date, the overdue ones (as of today); none without steps.
 */
export function stepsLines(assessment: Assessment, lang: Lang, today: Date = localToday()): string[] {
  const s = stepsStanding(assessment, today);
  if (!s) return [];
  const day = (d: Date): string => d.toISOString().slice(0, 10);
  const lines: string[] = [];
  if (!s.next) lines.push(stepsText("steps.allDone", lang, { total: s.total }));
  else {
    const step = `${s.next.id} (${printable(textOf(s.next.title, assessment.lang))})`;
    lines.push(
      s.next.planned
        ? stepsText("steps.next", lang, { done: s.done, total: s.total, step, date: day(s.next.planned) })
        : stepsText("steps.nextUnplanned", lang, { done: s.done, total: s.total, step }),
    );
  }
  if (s.overdue.length > 0) lines.push(stepsText("steps.overdue", lang, { ids: s.overdue.map((x) => (x.planned ? `${x.id} (${day(x.planned)})` : x.id)).join(", ") }));
  return lines;
}
