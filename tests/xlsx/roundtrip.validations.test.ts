import type { DataValidation } from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { cellAddress, parseRangeAddress } from "../../addin/model/cell.address.js";
import type { Lang, Template } from "../../addin/model/template.types.js";
import { TABLES } from "../../addin/plan/names.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { validationEntries } from "../../addin/xlsx/exceljs.validations.js";
import { appendActions } from "../../addin/xlsx/xlsx.actions.js";
import { loadWorkbook, saveWorkbook } from "../../addin/xlsx/xlsx.io.js";
import { renderPlanToBuffer } from "../../addin/xlsx/xlsx.render.js";
import { findTables } from "../../addin/xlsx/xlsx.tables.js";
import { answeredWorkbook, run, tempDir, writeText } from "../cli/cli.helpers.js";

/** Cell → rule (its attributes but `sqref`, and its formulas), per sheet name, read from the XML itself. */
type Validations = Map<string, Map<string, string>>;

/** Reads every sheet's `<dataValidation>` elements; fails the test if two of them cover one cell. */
function validationsOf(bytes: Uint8Array): Validations {
  const files = unzipSync(bytes);
  const text = (p: string): string => strFromU8(files[p] ?? new Uint8Array());
  const targets = new Map([...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out: Validations = new Map();
  for (const m of text("xl/workbook.xml").matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)) {
    const target = (targets.get(m[2]) ?? "").replace(/^\/?(xl\/)?/, "xl/");
    const cells = new Map<string, string>();
    for (const dv of text(target).matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)) {
      const attrs = dv[1] ?? "";
      const sqref = /sqref="([^"]*)"/.exec(attrs)?.[1] ?? "";
      const rule = `${attrs.replace(/\s*sqref="[^"]*"/, "").split(/\s+(?=\w+=)/).sort().join(" ")} ${dv[2]}`;
      for (const part of sqref.split(/\s+/)) {
        const r = parseRangeAddress(part);
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) {
            const cell = cellAddress(row, col);
            expect(cells.has(cell), `${m[1]}!${cell} is in two validations (${sqref})`).toBe(false);
            cells.set(cell, rule);
          }
        }
      }
    }
    out.set(unescapeXml(m[1] ?? ""), cells);
  }
  return out;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(apos|quot|lt|gt|amp);/g, (_, e: string) => ({ apos: "'", quot: '"', lt: "<", gt: ">", amp: "&" })[e] ?? "");

const plain = (v: Validations): Record<string, Record<string, string>> => Object.fromEntries([...v].map(([s, c]) => [s, Object.fromEntries(c)]));

async function roundTrip(bytes: Uint8Array): Promise<Uint8Array> {
  const wb = await loadWorkbook(bytes, "a.xlsx");
  if (!wb.ok) throw new Error(JSON.stringify(wb.issues));
  return saveWorkbook(wb.value);
}

const template = (id: string): Template => {
  const t = builtinTemplates().find((x) => x.id === id);
  if (!t) throw new Error(`no built-in template ${id}`);
  return t;
};

const generated = async (id: string, lang: Lang): Promise<Uint8Array> =>
  new Uint8Array(await renderPlanToBuffer(buildPlan(template(id), { lang, parts: { evidence: true, actions: true, dashboard: true } })));

describe("data validations through a round trip", () => {
  for (const id of ["engagement-qualite", "donner-le-cap"]) {
    for (const lang of ["fr", "en"] as const) {
      it(`keeps every cell's rule, without overlaps, for ${id} (${lang})`, async () => {
        const before = await generated(id, lang);
        const once = await roundTrip(before);
        const twice = await roundTrip(once);
        const expected = plain(validationsOf(before));
        expect(Object.values(expected).some((s) => Object.keys(s).length > 0)).toBe(true);
        expect(plain(validationsOf(once))).toEqual(expected);
        expect(plain(validationsOf(twice))).toEqual(expected);
      });
    }
  }

  it("keeps them through `fill` on the command line", async () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "a.xlsx");
    expect((await run("new", "engagement-qualite", "-o", xlsx)).code).toBe(0);
    const before = validationsOf(fs.readFileSync(xlsx));
    const first = template("engagement-qualite").dimensions[0]?.criteria[0]?.id ?? "";
    const csv = writeText(dir, "answers.csv", `criterion,rating,comment\n${first},1,ok\n`);
    const r = await run("fill", xlsx, "--answers", csv);
    expect(r.code, r.err).toBe(0);
    expect(plain(validationsOf(fs.readFileSync(xlsx)))).toEqual(plain(before));
  });

  it("keeps them through `plan` on the command line", async () => {
    const xlsx = await answeredWorkbook(tempDir());
    const before = validationsOf(fs.readFileSync(xlsx));
    const r = await run("plan", xlsx);
    expect(r.code, r.err).toBe(0);
    expect(plain(validationsOf(fs.readFileSync(xlsx)))).toEqual(plain(before));
  });

  it("gives the action rows added below the plan the rule of the row above, and changes no other cell", async () => {
    const bytes = await generated("engagement-qualite", "fr");
    const before = validationsOf(bytes);
    const loaded = await loadWorkbook(bytes, "a.xlsx");
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const table = findTables(loaded.value).get(TABLES.actions.toLowerCase());
    if (!table) throw new Error("no action plan");
    // Rows still free (Engagement Qualité 2.0.0 pre-fills one action, which appendActions leaves alone).
    let empty = 0;
    for (let r = table.top + 1; r <= table.bottom; r++) if ((table.sheet.getCell(r, table.left).value ?? "") === "") empty++;
    expect(empty).toBe(table.bottom - table.top - 1);
    const actions = Array.from({ length: empty + 5 }, (_, i) => ({ criterion: `X${i}`, dimension: "X", gap: 1 }));
    expect(appendActions(loaded.value, actions)).toEqual({ ok: true, added: actions.length });
    const after = validationsOf(await saveWorkbook(loaded.value));
    const sheet = table.sheet.name;
    const expected = new Map(before.get(sheet));
    for (let row = table.bottom + 1; row <= table.bottom + 5; row++) {
      for (let col = table.left; col <= table.right; col++) {
        const above = expected.get(cellAddress(table.bottom, col));
        if (above) expected.set(cellAddress(row, col), above);
      }
    }
    expect([...expected.keys()].length).toBeGreaterThan([...(before.get(sheet) ?? new Map<string, string>()).keys()].length);
    expect(Object.fromEntries(after.get(sheet) ?? [])).toEqual(Object.fromEntries(expected));
    for (const [name, cells] of before) if (name !== sheet) expect(Object.fromEntries(after.get(name) ?? [])).toEqual(Object.fromEntries(cells));
  });
});

describe("validationEntries", () => {
  const list: DataValidation = { type: "list", formulae: ["QG_A"] };
  const other: DataValidation = { type: "list", formulae: ["QG_B"] };
  it("merges equal rules given cell by cell into non-overlapping ranges, in numeric row order", () => {
    const model = Object.fromEntries(Array.from({ length: 43 }, (_, i) => [`E${i + 5}`, { ...list, formulae: [...list.formulae] }]));
    expect(validationEntries(model).map((e) => e.sqref)).toEqual(["E5:E47"]);
  });
  it("keeps the rule given last for a cell, mixes ranges and cells, and leaves removed cells out", () => {
    const entries = validationEntries({ "B2:B5": list, B3: other, $C$2: list, D9: undefined });
    expect(entries.map((e) => e.rule.formulae)).toEqual([["QG_A"], ["QG_B"]]);
    expect(entries[1]?.sqref).toBe("B3");
    const cells = (entries[0]?.sqref ?? "").split(" ").flatMap((p) => {
      const r = parseRangeAddress(p);
      const out: string[] = [];
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(cellAddress(row, col));
      return out;
    });
    expect(cells.sort()).toEqual(["B2", "B4", "B5", "C2"]);
  });
});
