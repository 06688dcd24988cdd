import type { Lang } from "./template.types.js";

/**
 * The choices of a process step's status (`QG_Steps`, design.md "Template model, second version"),
 * in the order a step goes through them; `done` closes it (never overdue).
 */
export const STEP_STATUSES: readonly { key: "upcoming" | "inProgress" | "done"; text: Record<Lang, string> }[] = [
  { key: "upcoming", text: { fr: "À venir", en: "Upcoming" } },
  { key: "inProgress", text: { fr: "En cours", en: "In progress" } },
  { key: "done", text: { fr: "Terminée", en: "Completed" } },
];

/** Whether a status as written is « Terminée » / "Completed", in either language, ignoring case and spaces. */
export function isStepDoneStatus(status: string): boolean {
  const t = status.trim().toLocaleLowerCase();
  const done = STEP_STATUSES.find((s) => s.key === "done");
  return done !== undefined && t !== "" && (done.text.fr.toLocaleLowerCase() === t || done.text.en.toLocaleLowerCase() === t);
}
