import { describe, expect, it, vi } from "vitest";
import { builtinTemplates } from "../model/builtin.js";
import { cellAddress, parseRangeAddress, rangeAddress } from "../model/cell.address.js";
import type { Template } from "../model/template.types.js";
import { splitRef } from "../plan/chart.plan.js";
import { CHARTS } from "../plan/names.js";
import { buildPlan } from "../plan/plan.build.js";
import type { ChartPlan, WorkbookPlan } from "../plan/plan.types.js";
import { headerFooterSections } from "./excel.page.js";
import { renderPlanToExcel } from "./excel.render.js";
import { ExcelFake } from "./fake/excel.fake.js";

const template = builtinTemplates().find((t) => t.dimensions.length >= 3) as Template;

async function render(plan: WorkbookPlan, fake = new ExcelFake()): Promise<{ fake: ExcelFake; syncs: number }> {
  const context = fake.excelContext();
  const sync = vi.spyOn(context, "sync");
  const out = await renderPlanToExcel(context, plan);
  if (!out.ok) throw new Error(out.detail);
  return { fake, syncs: sync.mock.calls.length };
}
const bare = (ref: string): string => {
  const b = parseRangeAddress(splitRef(ref).address.replace(/\$/g, ""));
  return rangeAddress(b.top, b.left, b.bottom, b.right);
};
const dashboardChart = (plan: WorkbookPlan): ChartPlan => plan.sheets.find((s) => s.key === "dashboard")?.charts?.[0] as ChartPlan;

describe("plan charts in the open workbook", () => {
  it("draws QG_ScoresChart as the plan says — type, series by range, colours, title, 0–100, position — inside the same three syncs", async () => {
    const plan = buildPlan(template, { lang: "fr" });
    const { fake, syncs } = await render(plan);
    expect(syncs).toBe(3);
    const planned = dashboardChart(plan);
    const sheet = fake.state.sheets.find((s) => s.name === "Tableau de bord");
    const charts = sheet?.charts.filter((c) => c.name === CHARTS.scores) ?? [];
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart?.type).toBe("RadarMarkers");
    expect(chart?.title).toBe(planned.title);
    expect(chart?.axis).toEqual({ minimum: 0, maximum: 100 });
    expect(chart?.legend).toBe("Bottom");
    expect(chart?.position).toEqual([cellAddress(planned.from.row, planned.from.col), cellAddress(planned.to.row, planned.to.col)]);
    // The first series is made from its header cell and its values (Excel names it from the header).
    const first = planned.series[0] as ChartPlan["series"][number];
    expect(chart?.source).toBe(`${bare(first.nameRef).split(":")[0]}:${bare(first.valuesRef).split(":").pop()}`);
    expect(chart?.series.map((s) => s.categories)).toEqual(planned.series.map(() => bare(planned.categoriesRef)));
    expect(chart?.series.slice(1).map((s) => s.values)).toEqual(planned.series.slice(1).map((s) => bare(s.valuesRef)));
    expect(chart?.series.map((s) => s.color)).toEqual(planned.series.map((s) => `#${s.color}`));
  });

  it("draws a column chart, a series named by a text, and a chart of another sheet's name that was taken (« (2) »)", async () => {
    const plan = buildPlan({ ...template, dimensions: template.dimensions.slice(0, 2) }, { lang: "en" });
    const planned = dashboardChart(plan);
    const extra = { ...(planned.series[0] as ChartPlan["series"][number]), nameRef: "", name: "Previous round", color: "A5A5A5" };
    const sheets = plan.sheets.map((s) => (s.key === "dashboard" ? { ...s, charts: [{ ...planned, series: [...planned.series, extra] }] } : s));
    const fake = new ExcelFake();
    fake.state.addSheet("Dashboard");
    const { syncs } = await render({ ...plan, sheets }, fake);
    expect(syncs).toBe(3);
    const sheet = fake.state.sheets.find((s) => s.name === "Dashboard (2)");
    const chart = sheet?.charts[0];
    expect(chart?.type).toBe("ColumnClustered");
    expect(chart?.series.map((s) => s.name)).toEqual(["(header)", ...planned.series.slice(1).map((s) => s.name), "Previous round"]);
    expect(fake.state.sheets.find((s) => s.name === "Dashboard")?.charts).toEqual([]);
  });
});

describe("print settings in the open workbook", () => {
  it("records page breaks, header and footer and a range print area in the print request, with no extra sync", async () => {
    const plan = buildPlan(template, { lang: "fr" });
    const sheets = plan.sheets.map((s) =>
      s.key === "dashboard" ? { ...s, print: { ...s.print, area: "A1:H40", breaks: [12, 20], header: "&LOrganisme&CRapport — &&co&R&D", footer: "Page &P / &N" } } : s,
    );
    const { fake, syncs } = await render({ ...plan, sheets });
    expect(syncs).toBe(3);
    const sheet = fake.state.sheets.find((s) => s.name === "Tableau de bord");
    expect(sheet?.rowBreaks).toEqual(["A13", "A21"]);
    expect(sheet?.pageLayout.printArea).toBe("A1:H40");
    expect(sheet?.pageLayout.headerFooter).toEqual({ leftHeader: "Organisme", centerHeader: "Rapport — &&co", rightHeader: "&D", centerFooter: "Page &P / &N" });
    // The breaks and header went with the print settings, the last request.
    const last = fake.requests.at(-1)?.ops.map((o) => o.name) ?? [];
    expect(last.filter((n) => n === "worksheets.add(Tableau de bord).horizontalPageBreaks.add")).toHaveLength(2);
    expect(last).toContain("worksheets.add(Tableau de bord).pageLayout.headersFooters.defaultForAllPages.leftHeader");
  });

  it("splits header codes into Office.js's sections, text before any section code being the centre's", () => {
    expect(headerFooterSections("Rapport &P", "Header")).toEqual({ centerHeader: "Rapport &P" });
    expect(headerFooterSections("&L&R&D", "Footer")).toEqual({ rightFooter: "&D" });
    expect(headerFooterSections(undefined, "Footer")).toEqual({});
  });
});
