/**
 * Splits an evidence item's criterion cell into ids, as the grid's formula reads it: spaces are
 * removed, `;` counts as `,`, empty parts are dropped.
 */
export function splitCriterionIds(cell: string): string[] {
  return cell
    .replace(/ /g, "")
    .split(/[,;]/)
    .filter((p) => p !== "");
}
