import { dayOfCell, serialOfDay } from "../model/date.serial.js";
import { locateColumns, plainText, type PlainValue } from "../model/table.plain.js";
import type { Template } from "../model/template.types.js";
import { ACTION_SOURCES, HEADERS } from "../plan/labels.js";

/** A date cell of the action plan to set: its data row (0-based), its column (0-based) and the day number. */
export interface ActionDateWrite {
  row: number;
  col: number;
  serial: number;
}

/**
 * The start and due dates of the template's own actions (rows marked « Modèle » / "Template", by
 * id) when the assessment date moves from `from` to `to`: a date still blank, or still the old
 * assessment date plus its offset (untouched by anyone), becomes the new one plus its offset; a
 * date someone changed is left alone. `headers` and `rows` are the action plan's (`QG_Actions`).
 */
export function templateActionDates(template: Pick<Template, "actions">, headers: readonly string[], rows: readonly (readonly PlainValue[])[], from: Date | null, to: Date | null): ActionDateWrite[] {
  const actions = new Map((template.actions ?? []).map((a) => [a.id.toLowerCase(), a]));
  if (actions.size === 0 || to === null) return [];
  const at = locateColumns({ headers: [...headers] }, HEADERS.actions);
  const sources = new Set(ACTION_SOURCES.filter((s) => s.key === "template").flatMap((s) => [s.text.fr, s.text.en].map((t) => t.toLowerCase())));
  const out: ActionDateWrite[] = [];
  rows.forEach((r, i) => {
    const text = (c: number | undefined): string => (c === undefined ? "" : plainText(r[c] ?? null).trim());
    const action = actions.get(text(at.id).toLowerCase());
    // Without a Source column (a plan made before it), a row is the template's when its id is.
    if (!action || (at.source !== undefined && !sources.has(text(at.source).toLowerCase()))) return;
    for (const [col, offset] of [
      [at.start, action.startOffsetDays],
      [at.due, action.dueOffsetDays],
    ] as const) {
      if (col === undefined || offset === undefined) continue;
      const held = r[col] ?? null;
      const day = dayOfCell(held);
      const untouched = held === null || held === "" || (from !== null && day !== null && serialOfDay(day) === serialOfDay(from) + offset);
      if (untouched) out.push({ row: i, col, serial: serialOfDay(to) + offset });
    }
  });
  return out;
}
