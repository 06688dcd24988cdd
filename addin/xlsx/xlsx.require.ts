import { SaxesParser } from "saxes";
import { strFromU8 } from "fflate";
import type { PlainTable } from "../model/table.plain.js";
import { issueOf } from "../model/messages/message.catalog.js";
import type { InputIssue } from "../model/template.types.js";
import { TABLES } from "../plan/names.js";
import { findRenamedTables, readAssessment } from "../workbook/workbook.read.js";
import { gridRange } from "./xlsx.budget.js";

// Whether a workbook holds the tables a caller needs, from the few small parts that say so
// (the workbook's sheet list, the relationships, the table parts), before a sheet is inflated.

/** The tables every reader of an assessment workbook needs (`readAssessment` refuses without them). */
export const ASSESSMENT_TABLES: readonly string[] = [TABLES.templateInfo, TABLES.templateItems, TABLES.grid];

/** The parts the check reads: nothing of a sheet but its relationships. */
export function isTableMapPart(part: string): boolean {
  return (
    part === "xl/workbook.xml" ||
    part === "xl/_rels/workbook.xml.rels" ||
    /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/.test(part) ||
    /^xl\/tables\/[^/]+\.xml$/.test(part)
  );
}

/**
 * The refusal of a workbook that lacks one of the `required` tables, or null when it has them all.
 * A table counts when it has the name, or when its header row (the table part's column names) is
 * the one the reader recognizes a renamed Qualigrid table by (`findRenamedTables`). The reader
 * recognizes a renamed `QG_TemplateInfo` by its rows, which are in a sheet: while some table could
 * be it (its first headers `key` and `value`), nothing is refused here and the reader decides. The
 * refusal is the reader's own (`workbook.notQualigrid`, `workbook.tablesMissing`, …), so a file is
 * answered the same, early or late.
 */
export function missingTables(parts: Record<string, Uint8Array>, file: string, required: readonly string[]): InputIssue | null {
  const tables = headerTables(parts);
  const found = findRenamedTables(tables).tables;
  const missing = required.filter((t) => !found.has(t.toLowerCase()));
  if (missing.length === 0) return null;
  const mayBeInfo = (t: PlainTable): boolean => (t.headers[0] ?? "").trim().toLowerCase() === "key" && (t.headers[1] ?? "").trim().toLowerCase() === "value";
  if (missing.includes(TABLES.templateInfo) && [...tables.values()].some(mayBeInfo)) return null;
  // With a core table missing the reader answers from the tables alone, before it reads a row.
  const read = readAssessment(found, new Map(), file);
  const first = read.ok ? undefined : read.issues[0];
  if (first?.code?.startsWith("workbook.")) return first;
  const qualigrid = [...tables.keys()].some((k) => Object.values(TABLES).some((t) => t.toLowerCase() === k));
  return issueOf(qualigrid ? "workbook.tablesMissing" : "workbook.notQualigrid", { tables: missing.join(", "), count: missing.length }, file);
}

/** The workbook's tables as exceljs would find them (in the sheets the workbook lists), headers only. */
function headerTables(parts: Record<string, Uint8Array>): Map<string, PlainTable> {
  const xml = (part: string): string | undefined => (parts[part] ? strFromU8(parts[part]) : undefined);
  const sheetIds = new Map<string, string>();
  for (const el of elements(xml("xl/workbook.xml"), "sheet")) {
    const id = Object.entries(el).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1];
    if (id !== undefined && el.name !== undefined) sheetIds.set(id, el.name);
  }
  const out = new Map<string, PlainTable>();
  for (const rel of elements(xml("xl/_rels/workbook.xml.rels"), "Relationship")) {
    const sheet = rel.Id === undefined ? undefined : sheetIds.get(rel.Id);
    if (sheet === undefined || rel.Target === undefined || !rel.Type?.endsWith("/worksheet")) continue;
    const sheetPart = partOf("xl", rel.Target);
    const slash = sheetPart.lastIndexOf("/");
    const rels = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
    for (const t of elements(xml(rels), "Relationship")) {
      if (t.Target === undefined || !t.Type?.endsWith("/table")) continue;
      const table = tableOf(xml(partOf(sheetPart.slice(0, slash), t.Target)), sheet);
      if (table) out.set(table.name.toLowerCase(), table);
    }
  }
  return out;
}

function tableOf(xml: string | undefined, sheet: string): PlainTable | null {
  const head = elements(xml, "table")[0];
  if (!head?.name) return null;
  const range = gridRange(head.ref ?? "");
  const headers = elements(xml, "tableColumn").map((c) => (c.name ?? "").trim());
  return { name: head.name, sheet, top: range?.top ?? 1, left: range?.left ?? 1, headers, rows: [] };
}

/** The attributes of every element named `name` (prefix ignored) in a small part; none when it is absent or not XML. */
function elements(xml: string | undefined, name: string): Record<string, string>[] {
  if (xml === undefined) return [];
  const out: Record<string, string>[] = [];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    if (tag.name === name || tag.name.endsWith(`:${name}`)) out.push(tag.attributes as Record<string, string>);
  });
  try {
    parser.write(xml).close();
  } catch {
    // A part that is not XML holds no table; exceljs names what is wrong with it later.
  }
  return out;
}

/** A relationship's target as a part name: relative to `base`, or absolute from the package root. */
function partOf(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/");
  for (const s of target.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "" && s !== ".") segments.push(s);
  }
  return segments.join("/");
}
