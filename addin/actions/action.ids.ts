/**
 * Ids for `count` new actions, continuing the `A-001` numbering of the ids already in the plan:
 * the next number after the highest `A-<n>`, three digits at least. Other ids are left alone.
 */
export function nextActionIds(existing: readonly string[], count: number): string[] {
  let max = 0;
  for (const id of existing) {
    const m = /^A-(\d+)$/i.exec(id.trim());
    if (m?.[1]) max = Math.max(max, Number(m[1]));
  }
  return Array.from({ length: count }, (_, i) => `A-${String(max + 1 + i).padStart(3, "0")}`);
}
