// The xform class is internal to exceljs, so it is reached through its file. A static import (not
// `createRequire`) so that the same code runs in Node and in the task pane's bundle: webpack aliases
// `exceljs` to its source entry (webpack.config.js), and both paths reach this very module instance.
import TableColumnXformClass from "exceljs/lib/xlsx/xform/table/table-column-xform.js";
import WorkbookXformClass from "exceljs/lib/xlsx/xform/book/workbook-xform.js";
import { quoteSheet } from "../model/cell.address.js";
import { patchValidationsWriter } from "./exceljs.validations.js";

/**
 * exceljs 4.4 neither writes nor reads a table column's `calculatedColumnFormula`, the element that
 * makes Excel fill a column's formula into every row a user adds to the table. Without it, an action
 * added below the generated rows would get no overdue flag. This patch teaches exceljs's
 * `tableColumn` reader and writer that one child element; everything else is left to exceljs.
 */
interface ColumnModel {
  name: string;
  id: number;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}
interface XmlStream {
  openNode(name: string, attributes?: Record<string, unknown>): void;
  leafNode(name: string, attributes?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}
interface TableColumnXform {
  model: ColumnModel;
  tag: string;
  inFormula?: boolean;
  formula?: string[];
}

let applied = false;

/** Applies the patches (this one, the print names, the validations writer) once; later calls do nothing. */
export function patchExcelJs(): void {
  if (applied) return;
  applied = true;
  patchPrintNames();
  patchValidationsWriter();
  const proto = (TableColumnXformClass as { prototype: Record<string, unknown> }).prototype;

  proto.render = function render(this: TableColumnXform, xml: XmlStream, model: ColumnModel): boolean {
    const attributes = {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    };
    if (model.calculatedColumnFormula) {
      xml.openNode("tableColumn", attributes);
      xml.leafNode("calculatedColumnFormula", undefined, model.calculatedColumnFormula);
      xml.closeNode();
    } else {
      xml.leafNode("tableColumn", attributes);
    }
    return true;
  };

  proto.parseOpen = function parseOpen(this: TableColumnXform, node: { name: string; attributes: Record<string, string> }): boolean {
    if (node.name === "tableColumn") {
      const a = node.attributes;
      this.model = { name: a.name ?? "", id: Number(a.id), totalsRowLabel: a.totalsRowLabel, totalsRowFunction: a.totalsRowFunction, dxfId: a.dxfId };
      return true;
    }
    if (node.name === "calculatedColumnFormula") {
      this.inFormula = true;
      this.formula = [];
      return true;
    }
    return false;
  };

  proto.parseText = function parseText(this: TableColumnXform, text: string): void {
    if (this.inFormula) this.formula?.push(text);
  };

  proto.parseClose = function parseClose(this: TableColumnXform, name: string): boolean {
    if (name === "calculatedColumnFormula") {
      this.inFormula = false;
      this.model.calculatedColumnFormula = (this.formula ?? []).join("");
      return true;
    }
    return false;
  };
}

interface BookModel {
  sheets?: ({ name: string } | undefined)[];
  definedNames?: { name: string; ranges: string[]; localSheetId?: number }[];
}

/**
 * exceljs 4.4 writes a sheet's print area and print titles as `'<name>'!$A1:$V47`: the sheet's
 * name quoted without doubling its `'` (`'Plan d'action'!$4:$4`, which Excel and LibreOffice
 * cannot read, so the action plan lost its repeated header) and the rows relative. And it reads a
 * whole-column area (`$A:$V`, as Excel saves one) as `ANaN:VNaN`, which it would write back as is.
 * This patch rewrites those two names after exceljs has prepared them: the name quoted as formulas
 * quote it, every reference absolute, whole columns kept whole.
 */
function patchPrintNames(): void {
  const proto = (WorkbookXformClass as { prototype: Record<string, unknown> }).prototype;
  const prepare = proto.prepare as (this: unknown, model: BookModel) => void;
  proto.prepare = function prepareWithPrintNames(this: unknown, model: BookModel): void {
    prepare.call(this, model);
    // exceljs counts localSheetId over the sheets present (its `sheets` array may have holes).
    const sheets = (model.sheets ?? []).filter((s): s is { name: string } => s !== undefined);
    for (const n of model.definedNames ?? []) {
      if (n.name !== "_xlnm.Print_Area" && n.name !== "_xlnm.Print_Titles") continue;
      const sheet = n.localSheetId === undefined ? undefined : sheets[n.localSheetId];
      if (!sheet) continue;
      const prefix = `'${sheet.name}'!`;
      n.ranges = n.ranges.map((r) => (r.startsWith(prefix) ? `${quoteSheet(sheet.name)}!${absoluteRef(r.slice(prefix.length))}` : r));
    }
  };
}

/** `$A1:$V47` → `$A$1:$V$47`; `$ANaN:$VNaN` → `$A:$V`; `$4:$4` and `$A:$V` unchanged. */
function absoluteRef(ref: string): string {
  return ref
    .split(":")
    .map((part) => {
      const m = /^\$?([A-Za-z]{1,3})?\$?(\d+|NaN)?$/.exec(part);
      if (!m) return part;
      const [, col, row] = m;
      return `${col ? `$${col.toUpperCase()}` : ""}${row && row !== "NaN" ? `$${row}` : ""}`;
    })
    .join(":");
}
