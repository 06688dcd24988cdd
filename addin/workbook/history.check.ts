import { rowCheckOf, roundCanonicalText } from "../model/history.canonical.js";
import { historyText } from "../model/messages/messages.history.js";
import type { TextDigest } from "../model/seal.canonical.js";
import type { Lang } from "../model/template.types.js";
import { previousRoundAddress } from "../plan/dashboard.history.js";
import { roundsLabelColumn } from "../plan/dashboard.plan.js";
import { NAMES, TABLES } from "../plan/names.js";
import type { Finding } from "./workbook.check.js";
import type { CellRef, WorkbookLayout } from "./workbook.types.js";

/**
 * `check`'s findings on the closed rounds (design.md "Rounds, comparison and report": a closed round
 * is never edited by the product, and `check` reports a history cell changed by hand): each row
 * whose written check no longer matches its values (at that row, in `QG_History` or
 * `QG_HistoryItems`), a round whose fingerprint no longer matches its rows when no single row
 * explains it (a row added, removed or moved), a round without fingerprint, and a round numbered
 * otherwise than its place by date (the dashboard looks rounds up by number), and a last round (or
 * the whole history) deleted, which the dashboard's `QG_PreviousRound` still names. The same code for
 * every host: `digest` is node:crypto's or WebCrypto's SHA-256. An untouched history, or none, is clean.
 */
export async function historyFindings(wb: Pick<WorkbookLayout, "history" | "historyRows" | "previousRound"> & Partial<Pick<WorkbookLayout, "grid">>, lang: Lang, digest: TextDigest): Promise<Finding[]> {
  const history = wb.history ?? [];
  const places = wb.historyRows ?? [];
  const out: Finding[] = [];
  const add = (where: CellRef, message: string): void => void out.push({ code: "historyChanged", severity: "error", where, message });
  for (const [i, round] of history.entries()) {
    const place = places[i];
    const first = place?.figures[0];
    if (!place || !first) continue;
    const label = round.label;
    if (round.fingerprint === "") {
      add(first.cell, historyText("history.fingerprintMissing", { label, table: TABLES.history }, lang));
      continue;
    }
    const numbered = place.figures.find((f) => f.number !== i + 1);
    if (numbered) add(numbered.cell, historyText("history.roundNumber", { label, number: numbered.number ?? "", expected: i + 1, table: TABLES.history }, lang));
    let rowsChanged = 0;
    const rows = [...place.figures.map((r) => ({ ...r, table: TABLES.history })), ...place.items.map((r) => ({ ...r, table: TABLES.historyItems }))];
    for (const r of rows) {
      const actual = await rowCheckOf(r.text, digest);
      // A fingerprint written differently on one of the round's rows is a change of that row too.
      const fingerprint = "fingerprint" in r && r.fingerprint !== round.fingerprint;
      if (actual === r.check && !fingerprint) continue;
      rowsChanged++;
      add(r.cell, historyText("history.rowChanged", { label, table: r.table, recorded: r.check || "—", actual }, lang));
    }
    if (rowsChanged > 0) continue;
    const actual = await digest(roundCanonicalText(round));
    if (actual !== round.fingerprint) {
      add(first.cell, historyText("history.roundChanged", { label, recorded: round.fingerprint, actual, tables: `${TABLES.history}, ${TABLES.historyItems}` }, lang));
    }
  }
  const missing = lastRoundFinding(wb, lang);
  if (missing) out.push(missing);
  return out;
}

/**
 * The dashboard's `QG_PreviousRound` (a value written at each close) against the last round read:
 * a whole last round, or `QG_History` itself, deleted by hand leaves no row to check, but the
 * dashboard still names the round. Null when they agree (case set aside) or the workbook has no such name.
 */
function lastRoundFinding(wb: Pick<WorkbookLayout, "history" | "previousRound"> & Partial<Pick<WorkbookLayout, "grid">>, lang: Lang): Finding | null {
  const named = wb.previousRound;
  if (!named || named.label === "") return null;
  const last = wb.history?.at(-1)?.label ?? null;
  if (last !== null && last.toLocaleLowerCase() === named.label.toLocaleLowerCase()) return null;
  // The rounds block sits where the dashboard plan puts it: right of the evaluator's block when the grid has the review.
  const review = (wb.grid ?? []).some((r) => r.evaluatorRatingCell !== null);
  const where: CellRef = { sheet: named.sheet, address: previousRoundAddress(roundsLabelColumn(review)) };
  const params = { name: NAMES.previousRound, named: named.label, table: TABLES.history, ...(last === null ? {} : { last }) };
  return { code: "historyChanged", severity: "error", where, message: historyText(last === null ? "history.historyMissing" : "history.lastRoundMissing", params, lang) };
}
