// exceljs ships no types for its internal files; the ones the patches (exceljs.patch.ts) reach.
declare module "exceljs/lib/xlsx/xform/table/table-column-xform.js" {
  const TableColumnXform: { prototype: Record<string, unknown> };
  export default TableColumnXform;
}
declare module "exceljs/lib/xlsx/xform/book/workbook-xform.js" {
  const WorkbookXform: { prototype: Record<string, unknown> };
  export default WorkbookXform;
}
declare module "exceljs/lib/xlsx/xform/sheet/data-validations-xform.js" {
  const DataValidationsXform: { prototype: Record<string, unknown> };
  export default DataValidationsXform;
}
