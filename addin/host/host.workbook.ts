import type { PlainValue } from "../model/table.plain.js";
import { TABLES } from "../plan/names.js";
import { plainText } from "../model/table.plain.js";
import { planClashes, type WorkbookNames } from "../plan/plan.clashes.js";
import type { HostError, WorkbookStatus } from "./host.types.js";

/** The template a `QG_TemplateInfo` table's key/value rows (no header row) name; null without an id. */
export function templateOfInfoRows(rows: readonly (readonly unknown[])[]): WorkbookStatus["template"] {
  const value = (key: string): string => plainText((rows.find((r) => r[0] === key)?.[1] as PlainValue | undefined) ?? null);
  const id = value("id");
  return id ? { id, version: value("version") } : null;
}

/**
 * Why a workbook cannot be read as an assessment, from which Qualigrid tables it has: no grid
 * (`noGrid`: generate one), or a grid without its template tables (`tableMissing`); null when
 * they are all there. The same answer from every host.
 */
export function missingCoreTable(has: (table: string) => boolean): HostError | null {
  if (!has(TABLES.grid)) return { code: "noGrid", detail: TABLES.grid };
  const missing = [TABLES.templateInfo, TABLES.templateItems].filter((n) => !has(n));
  return missing.length > 0 ? { code: "tableMissing", detail: missing.join(", ") } : null;
}

/**
 * Whether a workbook holding these tables and defined names has a grid (a `QG_Grid` table), and what
 * would stop a generation in it (`planClashes`): the same answer from every host, and the one the
 * renderers refuse with.
 */
export function gridStatusOf(existing: Pick<WorkbookNames, "tables" | "definedNames">): Pick<WorkbookStatus, "hasGrid" | "clashes"> {
  const clashes = planClashes(null, existing);
  return { hasGrid: clashes.some((c) => c.kind === "grid"), clashes };
}
