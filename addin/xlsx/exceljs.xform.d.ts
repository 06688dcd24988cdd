// exceljs ships no types for its internal files; the one the patch (exceljs.patch.ts) reaches.
declare module "exceljs/lib/xlsx/xform/table/table-column-xform.js" {
  const TableColumnXform: { prototype: Record<string, unknown> };
  export default TableColumnXform;
}
