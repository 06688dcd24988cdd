import ExcelJS from "exceljs";
const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile("/tmp/demo/demo.xlsx");
for (const ws of wb.worksheets) {
  const tables = (ws as any).tables;
  for (const [k, t] of Object.entries(tables ?? {})) { const m = (t as any).table ?? (t as any).model; console.log(ws.name, k, m.ref, m.tableRef, m.columns?.length, Object.keys(m)); }
}
console.log(wb.definedNames.model.slice(0,3));
const g = wb.getWorksheet("Grille")!; console.log(g.getCell("J5").value, g.getCell("I5").value, g.getCell("D5").value, g.getCell("D5").type);
