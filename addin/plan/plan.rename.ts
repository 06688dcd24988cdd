import type { WorkbookPlan } from "./plan.types.js";

/**
 * The plan with its sheets renamed where a name is already `taken` in the workbook (compared
 * case-insensitively, as Excel does): « Tableau de bord » becomes « Tableau de bord (2) ». Tables
 * and formulas do not name sheets, so only the sheets and the names' references change.
 */
export function withFreeSheetNames(plan: WorkbookPlan, taken: Iterable<string>): WorkbookPlan {
  const used = new Set([...taken].map((n) => n.toLocaleLowerCase()));
  const renamed = new Map<string, string>();
  for (const s of plan.sheets) {
    let name = s.name;
    for (let i = 2; used.has(name.toLocaleLowerCase()); i++) name = `${s.name.slice(0, 25)} (${i})`;
    used.add(name.toLocaleLowerCase());
    if (name !== s.name) renamed.set(s.name, name);
  }
  if (renamed.size === 0) return plan;
  const to = (n: string): string => renamed.get(n) ?? n;
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({ ...s, name: to(s.name) })),
    names: plan.names.map((n) => ({ ...n, sheet: to(n.sheet) })),
  };
}
