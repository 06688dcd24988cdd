import type ExcelJS from "exceljs";
import type { UpgradeReviewItem } from "../host/host.outcomes.js";
import { upgradeText } from "../model/messages/messages.upgrade.js";
import type { Lang } from "../model/template.types.js";

/** How the review block starts, in both languages: a notes sheet an earlier upgrade began with it is recognised by it. */
export const REVIEW_LEAD: Record<Lang, string> = { fr: upgradeText("upgrade.review.lead", "fr"), en: upgradeText("upgrade.review.lead", "en") };

/**
 * Appends to the notes sheet the old answers an upgrade left for review (`UpgradeSummary.review`):
 * a title line, then one row each (new criterion, old criterion, column, value, label, reason),
 * two lines under what the sheet already holds.
 */
export function writeReviewBlock(ws: ExcelJS.Worksheet, review: readonly UpgradeReviewItem[], lang: Lang, about: { template: string; from: string; to: string }): void {
  const first = ws.actualRowCount === 0 ? 1 : ws.rowCount + 2;
  ws.getCell(first, 1).value = upgradeText("upgrade.review.title", lang, about);
  const head = (["upgrade.review.criterion", "upgrade.review.from", "upgrade.review.column", "upgrade.review.value", "upgrade.review.label", "upgrade.review.reason"] as const).map((c) => upgradeText(c, lang));
  head.forEach((h, j) => {
    const cell = ws.getCell(first + 2, j + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
  [16, 16, 18, 30, 20, 60].forEach((w, j) => {
    if (ws.getColumn(j + 1).width === undefined) ws.getColumn(j + 1).width = w;
  });
  review.forEach((item, i) => {
    const r = first + 3 + i;
    ws.getCell(r, 1).value = item.criterion;
    ws.getCell(r, 2).value = item.from;
    ws.getCell(r, 3).value = item.column;
    // A formula listed for review is written as text (`=…`), never computed.
    ws.getCell(r, 4).value = item.value;
    ws.getCell(r, 5).value = item.label;
    ws.getCell(r, 6).value = upgradeText(`upgrade.reason.${item.reason}`, lang);
  });
}
