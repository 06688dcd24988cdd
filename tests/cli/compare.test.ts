/**
 * `qualigrid compare` (design.md "Rounds, comparison and report"): two workbooks made and filled
 * independently — one from the template's first version —, compared with the figures `score --json`
 * prints for each and with criterion scores worked out here from the answers typed; the exact JSON
 * shape; the sign (b − a); ids matched case-insensitively, criteria added and removed; another
 * template refused; one workbook's rounds; and neither file ever written.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import shippedEq from "../fixtures/builtins-1.0.0/engagement-qualite.json" with { type: "json" };
import currentEq from "../../templates/engagement-qualite.json" with { type: "json" };
import { pick, seededRandom } from "../support/random.js";
import { demoTemplate, parseJson, run, runIn, scoreJson, tempDir, writeJson, writeText, type TemplateJson } from "./cli.helpers.js";

interface Row {
  id: string;
  a: number | null;
  b: number | null;
  change: number | null;
}
interface CompareJson {
  a: { template: { id: string; version: string }; round: string | null };
  b: { template: { id: string; version: string }; round: string | null };
  dimensions: Row[];
  criteria: Row[];
  added: string[];
  removed: string[];
}

/** Criterion ids of template JSON, in order. */
const idsOf = (t: { dimensions: { criteria: { id: string }[] }[] }): string[] => t.dimensions.flatMap((d) => d.criteria.map((c) => c.id));

/** Random answers (levels 1–4, N/A, blanks) for `ids`, from `seed`. */
function answers(ids: readonly string[], seed: number): Map<string, number | "N/A" | null> {
  const rand = seededRandom(seed);
  return new Map(ids.map((id) => [id, ((r) => (r < 0.75 ? pick(rand, [1, 2, 3, 4]) : r < 0.85 ? "N/A" : null))(rand())]));
}

/** A new workbook of `template` (a built-in id or a JSON file) filled with `given` through `fill`. */
async function filled(dir: string, name: string, template: string, given: Map<string, number | "N/A" | null>, lang = "fr"): Promise<string> {
  const file = path.join(dir, name);
  const made = await run("new", template, "-o", file, "--lang", lang);
  expect(made.code, made.err).toBe(0);
  const lines = [...given].filter(([, v]) => v !== null).map(([id, v]) => `${id},${v},`);
  const csv = writeText(dir, `${name}.csv`, ["criterion,rating,comment", ...lines, ""].join("\n"));
  const r = await run("fill", file, "--answers", csv);
  expect(r.code, r.err).toBe(0);
  return file;
}

/** The criterion score of design.md on a 1–4 scale, in points: 100 × (v − 1)/3; null unless a level. */
const points = (v: number | "N/A" | null | undefined): number | null => (typeof v === "number" ? (100 * (v - 1)) / 3 : null);

describe("qualigrid compare", () => {
  it("compares two workbooks filled independently, one of the template's first version: b − a per dimension and criterion", async () => {
    const dir = tempDir();
    const old = writeJson(dir, "eq-1.0.0.json", shippedEq);
    const ids = idsOf(currentEq);
    const givenA = answers(idsOf(shippedEq), 181);
    const givenB = answers(ids, 182);
    const a = await filled(dir, "a.xlsx", old, givenA);
    const b = await filled(dir, "b.xlsx", "engagement-qualite", givenB);
    const before = [fs.readFileSync(a), fs.readFileSync(b)];

    const r = await run("compare", a, b, "--json");
    expect(r.code, r.err).toBe(0);
    const json = parseJson<CompareJson>(r.out);
    expect(Object.keys(json)).toEqual(["a", "b", "dimensions", "criteria", "added", "removed"]);
    expect(json.a).toEqual({ template: { id: "engagement-qualite", version: shippedEq.version }, round: null });
    expect(json.b).toEqual({ template: { id: "engagement-qualite", version: currentEq.version }, round: null });
    // The version difference is said, not fatal: a warning on the error stream.
    expect(r.err).toContain(`${shippedEq.version} dans ${a}`);
    expect(r.err).toContain(`${currentEq.version} dans ${b}`);

    // Per dimension: the scores `score --json` prints for each, and their difference.
    const sa = scoreJson((await run("score", a, "--json")).out);
    const sb = scoreJson((await run("score", b, "--json")).out);
    expect(json.dimensions.map((d) => d.id)).toEqual(sb.dimensions.map((d) => d.id));
    for (const d of json.dimensions) {
      const x = sa.dimensions.find((y) => y.id === d.id)?.score ?? null;
      const y = sb.dimensions.find((z) => z.id === d.id)?.score ?? null;
      expect([d.a, d.b]).toEqual([x, y]);
      if (x === null || y === null) expect(d.change).toBeNull();
      else expect(d.change).toBeCloseTo(y - x, 9);
    }
    // Per criterion: worked out from the answers typed.
    expect(json.criteria.map((c) => c.id)).toEqual(ids);
    for (const c of json.criteria) {
      const x = points(givenA.get(c.id));
      const y = points(givenB.get(c.id));
      if (x === null) expect(c.a).toBeNull();
      else expect(c.a).toBeCloseTo(x, 9);
      if (y === null) expect(c.b).toBeNull();
      else expect(c.b).toBeCloseTo(y, 9);
      if (x === null || y === null) expect(c.change).toBeNull();
      else expect(c.change).toBeCloseTo(y - x, 9);
    }
    // Not vacuous: some criteria went up, some down.
    expect(json.criteria.some((c) => (c.change ?? 0) > 0) && json.criteria.some((c) => (c.change ?? 0) < 0)).toBe(true);
    expect([json.added, json.removed]).toEqual([[], []]);
    expect([fs.readFileSync(a), fs.readFileSync(b)]).toEqual(before);
  });

  it("prints a table with signed changes in the workbook's language, the version note, and the criteria that changed", async () => {
    const dir = tempDir();
    const t1 = demoTemplate();
    const a = await filled(dir, "a.xlsx", writeJson(dir, "t1.json", t1), new Map([["C1", 1], ["C2", 2], ["C5", 4], ["C6", 4]]));
    const t2: TemplateJson = { ...demoTemplate(), version: "1.3.0" };
    const b = await filled(dir, "b.xlsx", writeJson(dir, "t2.json", t2), new Map([["C1", 2], ["C2", 2], ["C5", 1], ["C6", 4]]));
    const r = await run("compare", a, b);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split("\n");
    // D1: C1 (w 1) 0 → 33.3, C2 (w 2) 33.3: 22.2 → 33.3 (+11.1); D2: C5 (w 1) 100 → 0, C6 (w 3) 100: 100 → 75 (−25).
    expect(lines.find((l) => l.startsWith("D1 "))?.split(/\s+/)).toEqual(["D1", "22,2", "33,3", "+11,1"]);
    expect(lines.find((l) => l.startsWith("D2 "))?.split(/\s+/)).toEqual(["D2", "100,0", "75,0", "-25,0"]);
    expect(lines.find((l) => l.startsWith("D3 "))?.split(/\s+/)).toEqual(["D3", "—", "—", "—"]);
    expect(lines.find((l) => l.startsWith("C1 "))?.split(/\s+/)).toEqual(["C1", "0,0", "33,3", "+33,3"]);
    expect(lines.find((l) => l.startsWith("C5 "))?.split(/\s+/)).toEqual(["C5", "100,0", "0,0", "-100,0"]);
    // C2 and C6 did not change: not listed.
    expect(lines.some((l) => l.startsWith("C2 ") || l.startsWith("C6 "))).toBe(false);
    expect(r.out).toContain("2 critères ont changé\u00a0:");
    expect(r.out).toContain("versions différentes du modèle «\u00a0demo-cli\u00a0»\u00a0: 1.2.0 dans");
    expect(r.err).toContain("avertissement");

    const en = await runIn({ LANG: "en_US.UTF-8" }, "compare", a, b, "--lang", "en");
    expect(en.out.split("\n").find((l) => l.startsWith("D1 "))?.split(/\s+/)).toEqual(["D1", "22.2", "33.3", "+11.1"]);
    expect(en.out).toContain("2 criteria changed:");
  });

  it("matches criteria by id whatever their case, and lists those added and removed", async () => {
    const dir = tempDir();
    const t1 = demoTemplate();
    const t2 = demoTemplate();
    t2.version = "2.0.0";
    const d4 = t2.dimensions[3];
    if (!d4) throw new Error("no D4");
    // C16 removed, C17 added, C15 written in lower case.
    d4.criteria = [...d4.criteria.filter((c) => c.id !== "C16" && c.id !== "C15"), { id: "c15", text: "c15" }, { id: "C17", text: "C17" }];
    const a = await filled(dir, "a.xlsx", writeJson(dir, "t1.json", t1), new Map([["C15", 2], ["C16", 3]]));
    const b = await filled(dir, "b.xlsx", writeJson(dir, "t2.json", t2), new Map([["c15", 4], ["C17", 1]]));
    const json = parseJson<CompareJson>((await run("compare", a, b, "--json")).out);
    expect(json.added).toEqual(["C17"]);
    expect(json.removed).toEqual(["C16"]);
    expect(json.criteria.find((c) => c.id.toLowerCase() === "c15")).toEqual({ id: "c15", a: expect.closeTo(100 / 3, 9), b: 100, change: expect.closeTo(200 / 3, 9) });
    const text = (await run("compare", a, b)).out;
    expect(text).toContain("Critère ajouté dans B (1)\u00a0: C17");
    expect(text).toContain("Critère retiré dans B (1)\u00a0: C16");
  });

  it("refuses two workbooks of different templates, naming both files and ids", async () => {
    const dir = tempDir();
    const a = await filled(dir, "a.xlsx", "engagement-qualite", new Map());
    const b = await filled(dir, "b.xlsx", "specifique-engagement", new Map());
    const r = await run("compare", a, b, "--json");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`${a} (modèle «\u00a0engagement-qualite\u00a0») et ${b} (modèle «\u00a0specifique-engagement\u00a0»)`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("with one workbook: says so when it has no closed round", async () => {
    const dir = tempDir();
    const a = await filled(dir, "a.xlsx", "engagement-qualite", new Map([["GOUV-01", 2]]));
    const r = await run("compare", a);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${a} n'a aucun cycle clôturé`);
  });

  it("with one workbook: its last round against the current state, then its last two rounds once a new round has begun", async () => {
    const dir = tempDir();
    const file = await filled(dir, "f.xlsx", writeJson(dir, "t.json", demoTemplate()), new Map([["C1", 1], ["C5", 2], ["C7", 4]]));
    const closed = await run("round", "close", file, "--label", "2025", "--date", "2025-11-30");
    expect(closed.code, closed.err).toBe(0);
    // Just closed: nothing rated since, one round only.
    const early = await run("compare", file);
    expect(early.code).toBe(2);
    expect(early.err).toContain("«\u00a02025\u00a0»");
    const csv = writeText(dir, "again.csv", "criterion,rating,comment\nC1,4,\nC5,2,\nC7,1,\n");
    expect((await run("fill", file, "--answers", csv)).code).toBe(0);
    const now = parseJson<CompareJson>((await run("compare", file, "--json")).out);
    expect([now.a.round, now.b.round]).toEqual(["2025", null]);
    expect(now.criteria.find((c) => c.id === "C1")).toEqual({ id: "C1", a: 0, b: 100, change: 100 });
    expect(now.criteria.find((c) => c.id === "C7")).toEqual({ id: "C7", a: 100, b: 0, change: -100 });
    expect(now.criteria.find((c) => c.id === "C5")?.change).toBe(0);
    const d3 = now.dimensions.find((d) => d.id === "D3");
    expect(d3).toEqual({ id: "D3", a: 100, b: 0, change: -100 });

    const again = await run("round", "close", file, "--label", "2026", "--date", "2026-11-30");
    expect(again.code, again.err).toBe(0);
    const rounds = parseJson<CompareJson>((await run("compare", file, "--json")).out);
    expect([rounds.a.round, rounds.b.round]).toEqual(["2025", "2026"]);
    expect(rounds.criteria.find((c) => c.id === "C1")).toEqual({ id: "C1", a: 0, b: 100, change: 100 });
  });
});
