import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_IDS, crit, demoTemplate, dim, parseJson, run, tempDir, templateJson, writeJson } from "./cli.helpers.js";

describe("qualigrid templates", () => {
  it("lists the five built-in templates, one per line, with their French titles", async () => {
    const r = await run("templates");
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n").filter((l) => l.trim() !== "");
    expect(lines).toHaveLength(5);
    BUILTIN_IDS.forEach((id) => expect(lines.some((l) => l.startsWith(id))).toBe(true));
    expect(r.out).toContain("Engagement Qualité");
  });

  it("prints JSON with the five ids, their version and their counts of dimensions and criteria", async () => {
    const r = await run("templates", "--json");
    expect(r.code).toBe(0);
    const list = parseJson<{ id: string; version: string; title: string; dimensions: number; criteria: number }[]>(r.out);
    expect(list.map((t) => t.id).sort()).toEqual([...BUILTIN_IDS].sort());
    for (const t of list) {
      expect(t.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(typeof t.title).toBe("string");
      expect(t.dimensions).toBeGreaterThan(0);
      expect(t.criteria).toBeGreaterThanOrEqual(t.dimensions);
    }
    // templates/README.md: engagement-qualite has 8 dimensions and 43 criteria.
    expect(list.find((t) => t.id === "engagement-qualite")).toMatchObject({ dimensions: 8, criteria: 43 });
  });

  it("lists Donner le CAP under its new id, not the one it replaces", async () => {
    const r = await run("templates");
    expect(r.out).toMatch(/^donner-le-cap\s+2\.0\.0/m);
    expect(r.out).not.toContain("has-donner-le-cap");
  });

  it("gives the titles in English with --lang en", async () => {
    const r = await run("templates", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("self-assessment grid");
    expect(r.out).not.toContain("grille d'autoévaluation");
  });
});

describe("qualigrid show", () => {
  it("outlines a built-in template: title, scale, dimensions and criterion ids", async () => {
    const r = await run("show", "specifique-engagement");
    expect(r.code).toBe(0);
    expect(r.out).toContain("specifique-engagement");
    expect(r.out).toContain("Échelle");
    for (const id of ["CAP", "MOT", "CTX", "INF", "PROC", "CAP-PRO", "PROC-08"]) expect(r.out).toContain(id);
  });

  it("prints a built-in template as JSON that has its id, scale and every dimension", async () => {
    const r = await run("show", "engagement-qualite", "--json");
    expect(r.code).toBe(0);
    const t = templateJson(r.out);
    expect(t.id).toBe("engagement-qualite");
    expect(t.scale.levels.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    expect(t.dimensions).toHaveLength(8);
  });

  it("shows a template .json file, with defaults filled in (weights default to 1)", async () => {
    const dir = tempDir();
    const file = writeJson(dir, "demo.json", demoTemplate());
    const text = await run("show", file, "--lang", "en");
    expect(text.code).toBe(0);
    expect(text.out).toContain("Demo grid");
    expect(text.out).toContain("C16");

    const r = await run("show", file, "--json");
    expect(r.code).toBe(0);
    const t = templateJson(r.out);
    expect(t.id).toBe("demo-cli");
    expect(t.version).toBe("1.2.0");
    expect(t.dimensions.map((d) => d.id)).toEqual(["D1", "D2", "D3", "D4"]);
    expect(dim(t, 1).weight).toBe(1);
    expect(crit(t, 2, 0).weight).toBe(1);
    expect(crit(t, 0, 1).weight).toBe(2);
  });

  it("shows the template carried by a workbook made by `new`", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "cap.xlsx");
    expect((await run("new", "donner-le-cap", "-o", xlsx)).code).toBe(0);
    const r = await run("show", xlsx);
    expect(r.code).toBe(0);
    expect(r.out).toContain("donner-le-cap");
    expect(r.out).toContain("PLAN-06");
  });

  it.each(BUILTIN_IDS)("round-trips %s: `show x.xlsx --json` equals `show <id> --json`", async (id) => {
    const dir = tempDir();
    const xlsx = path.join(dir, `${id}.xlsx`);
    expect((await run("new", id, "-o", xlsx, "--lang", id === "partenariat-usagers" ? "en" : "fr")).code).toBe(0);
    const fromId = await run("show", id, "--json");
    const fromXlsx = await run("show", xlsx, "--json");
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.err).toBe("");
    expect(parseJson(fromXlsx.out)).toEqual(parseJson(fromId.out));
  });

  it("round-trips a template .json through a workbook: `show x.xlsx --json` equals `show t.json --json`", async () => {
    const dir = tempDir();
    const json = writeJson(dir, "demo.json", demoTemplate());
    const xlsx = path.join(dir, "demo.xlsx");
    expect((await run("new", json, "-o", xlsx, "--lang", "en")).code).toBe(0);
    const a = await run("show", json, "--json");
    const b = await run("show", xlsx, "--json");
    expect(b.code).toBe(0);
    expect(parseJson(b.out)).toEqual(parseJson(a.out));
  });

  it("refuses an unknown template id with exit 2, naming it and listing the built-ins", async () => {
    const r = await run("show", "no-such-template");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("no-such-template");
    expect(r.err).toContain("engagement-qualite");
  });

  it("refuses a missing template file with exit 2, naming the file", async () => {
    const dir = tempDir();
    const file = path.join(dir, "absent.json");
    const r = await run("show", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(file);
    expect(fs.existsSync(file)).toBe(false);
  });
});
