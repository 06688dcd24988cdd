/**
 * The dashboard's `QG_ScoresChart` through the command line: `new` writes it, `fill` (in place, and
 * with a respondent added, which re-renders the workbook), `upgrade` and `check --repair` keep
 * exactly one — never two, never none — each still drawing `QG_Scores`' rows.
 */
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHARTS } from "../../addin/plan/names.js";
import { newDemoWorkbook, run, tempDir, writeJson, writeText, demoTemplate } from "../cli/cli.helpers.js";

/** The charts of the dashboard's drawing, by anchor name, with the references of each one's chart part. */
function dashboardCharts(file: string): { name: string; refs: string[] }[] {
  const parts = unzipSync(fs.readFileSync(file));
  const text = (n: string): string => strFromU8(parts[n] ?? new Uint8Array());
  const rid = /<sheet [^>]*name="Tableau de bord"[^>]*r:id="([^"]+)"/.exec(text("xl/workbook.xml"))?.[1];
  const target = new RegExp(`Id="${rid ?? "-"}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid ?? "-"}"`).exec(text("xl/_rels/workbook.xml.rels"));
  const sheet = `xl/${(target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "")}`;
  const rels = (part: string): Map<string, string> => {
    const found = new Map<string, string>();
    const relsText = text(part.replace(/([^/]+)$/, "_rels/$1.rels"));
    for (const m of relsText.matchAll(/<Relationship [^>]*>/g)) {
      const id = /Id="([^"]+)"/.exec(m[0])?.[1];
      const to = /Target="([^"]+)"/.exec(m[0])?.[1];
      if (id && to) found.set(id, path.posix.normalize(path.posix.join(path.posix.dirname(part), to)));
    }
    return found;
  };
  const drawingId = /<drawing [^>]*r:id="([^"]+)"/.exec(text(sheet))?.[1] ?? /<drawing [^>]*:id="([^"]+)"/.exec(text(sheet))?.[1];
  const drawing = rels(sheet).get(drawingId ?? "");
  if (!drawing) return [];
  const drawingRels = rels(drawing);
  return [...text(drawing).matchAll(/<xdr:graphicFrame\b[\s\S]*?<\/xdr:graphicFrame>/g)].map((m) => {
    const chart = drawingRels.get(/<c:chart [^>]*r:id="([^"]+)"/.exec(m[0])?.[1] ?? "") ?? "";
    return { name: /<xdr:cNvPr [^>]*name="([^"]*)"/.exec(m[0])?.[1] ?? "", refs: [...text(chart).matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((f) => f[1] ?? "") };
  });
}

const scoresCharts = (file: string): { name: string; refs: string[] }[] => dashboardCharts(file).filter((c) => c.name === CHARTS.scores);
/** The demo template has 3 dimensions: QG_Scores' rows 16–18. */
const coversRows = (refs: string[], last: number): boolean => refs.filter((r) => r.includes(":")).every((r) => new RegExp(`\\$16:\\$[A-Z]+\\$${last}$`).test(r));

describe("QG_ScoresChart through the command line", () => {
  it("new writes one; fill, fill with a new respondent, check --repair and upgrade keep exactly one over QG_Scores", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const dimensions = demoTemplate().dimensions.length;
    expect(scoresCharts(xlsx)).toHaveLength(1);
    expect(coversRows(scoresCharts(xlsx)[0]?.refs ?? [], 15 + dimensions)).toBe(true);

    expect((await run("fill", xlsx, "--answers", writeText(dir, "a.csv", "criterion,rating,comment\nC1,2,Ok\n"))).code).toBe(0);
    expect(scoresCharts(xlsx)).toHaveLength(1);

    const named = path.join(dir, "named.xlsx");
    const r = await run("fill", xlsx, "--answers", writeText(dir, "b.csv", "criterion,rating,comment\nC2,3,Bien\n"), "--respondent", "Alice", "-o", named);
    expect(r.code, r.err).toBe(0);
    expect(scoresCharts(named)).toHaveLength(1);

    expect((await run("check", xlsx, "--repair")).code).toBeLessThanOrEqual(1);
    expect(scoresCharts(xlsx)).toHaveLength(1);

    const next = demoTemplate();
    next.version = "9.0.0";
    next.dimensions.push({ id: "D9", title: { fr: "Nouvelle", en: "New" }, criteria: [{ id: "C99", text: { fr: "Nouveau critère", en: "New criterion" } }] } as (typeof next.dimensions)[number]);
    const upgraded = path.join(dir, "up.xlsx");
    const u = await run("upgrade", xlsx, "--template", writeJson(dir, "next.json", next), "-o", upgraded);
    expect(u.code, u.err).toBe(0);
    const after = scoresCharts(upgraded);
    expect(after).toHaveLength(1);
    expect(coversRows(after[0]?.refs ?? [], 15 + dimensions + 1)).toBe(true);
  });
});
