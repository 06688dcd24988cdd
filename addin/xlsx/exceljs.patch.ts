// The xform class is internal to exceljs, so it is reached through its file. A static import (not
// `createRequire`) so that the same code runs in Node and in the task pane's bundle: webpack aliases
// `exceljs` to its source entry (webpack.config.js), and both paths reach this very module instance.
import TableColumnXformClass from "exceljs/lib/xlsx/xform/table/table-column-xform.js";

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

/** Applies the patch once; later calls do nothing. */
export function patchExcelJs(): void {
  if (applied) return;
  applied = true;
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
