// `qualigrid aggregate --member-reports DIR`, run as installed (bin/qualigrid.js on the compiled
// dist/: `npx tsc -p tsconfig.build.json` first): one report per member, named by its code, and
// neither the network workbook nor any report nor the console holds a member's name or comment
// (not even when its file is named after it), nor a report another member's code. The network
// workbook carries its chart and lists every input, by its code or its position.
import ExcelJS from "exceljs";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./cli.helpers.js";
import { randomRatings, seeded, writeMember } from "./aggregate.fixtures.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin", "qualigrid.js");

function qualigrid(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, LANG: "fr_CA.UTF-8" } });
}

const NAMES = ["Maison Aurore", "Centre Bellechasse", "Fondation Cormoran", "Regroupement Dunes", "Clinique Érable", "Entraide Fjord", "Soutien Goéland"];
const COMMENT = "note confidentielle du membre";

/** Every part of an .xlsx, inflated, as one text. */
const partsText = (file: string): string =>
  Object.values(unzipSync(fs.readFileSync(file)))
    .map((b) => strFromU8(b))
    .join("\n");

describe("aggregate --member-reports", () => {
  const dir = tempDir();
  const net = path.join(dir, "reseau");
  const out = path.join(dir, "out");
  let codes: string[] = [];
  let reports: string[] = [];
  let stderr = "";

  beforeAll(async () => {
    const rand = seeded(1919);
    for (const [i, organization] of NAMES.entries()) {
      // One file named after its organization, as coordinators often receive them.
      await writeMember(net, { file: i === 2 ? `${organization}.xlsx` : `membre-${i}.xlsx`, organization, date: "2025-06-0" + (1 + i), ratings: randomRatings(rand), evidence: ["1.1"], comment: COMMENT });
    }
    // An older round of the first organization (its file named after it), and a file cut short.
    await writeMember(net, { file: `${NAMES[0] ?? ""} 2024.xlsx`, organization: NAMES[0] ?? "", date: "2024-01-01", ratings: randomRatings(rand), comment: COMMENT });
    const whole = fs.readFileSync(path.join(net, "membre-1.xlsx"));
    fs.writeFileSync(path.join(net, "coupe.xlsx"), whole.subarray(0, Math.floor(whole.length / 2)));
    fs.mkdirSync(out);
    const r = qualigrid("aggregate", net, "-o", path.join(out, "reseau.xlsx"), "--key", "cle-de-test", "--member-reports", path.join(out, "membres"), "--json");
    expect(r.status, r.stderr).toBe(0);
    stderr = r.stderr;
    codes = (JSON.parse(r.stdout) as { members: { code: string }[] }).members.map((m) => m.code);
    reports = fs.readdirSync(path.join(out, "membres")).sort();
    expect(r.stderr).toContain(`${codes.length} rapport(s) de membre écrit(s)`);
  });

  it("writes one report per member, named by its code", () => {
    expect(codes).toHaveLength(NAMES.length);
    expect(reports).toEqual(codes.map((c) => `${c}.xlsx`).sort());
  });

  it("no member's name or comment in the network workbook or any report; no other member's code in a report", () => {
    const files = [path.join(out, "reseau.xlsx"), ...reports.map((f) => path.join(out, "membres", f))];
    for (const file of files) {
      const text = partsText(file);
      for (const name of NAMES) expect(text, `${file} names ${name}`).not.toContain(name);
      expect(text).not.toContain(COMMENT);
    }
    for (const code of codes) {
      const text = partsText(path.join(out, "membres", `${code}.xlsx`));
      expect(text).toContain(code);
      for (const other of codes.filter((c) => c !== code)) expect(text, `${code}'s report shows ${other}`).not.toContain(other);
    }
  });

  it("names no input by its file, in the workbook or on the console: members by code, others by position", async () => {
    for (const name of NAMES) expect(stderr, `the console names ${name}`).not.toContain(name);
    expect(stderr).toMatch(/ignoré\u00a0: Entrée \d+\u00a0: ancienne ronde/);
    expect(stderr).toMatch(/ignoré\u00a0: Entrée \d+\u00a0: fichier incomplet/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "reseau.xlsx"));
    const sheet = wb.getWorksheet("Entrées");
    const labels = (sheet?.getColumn(1).values ?? []).slice(2).map(String);
    expect(labels).toHaveLength(NAMES.length + 2);
    expect(labels.filter((l) => /^Entrée \d+$/.test(l))).toHaveLength(2);
    expect(labels.filter((l) => codes.includes(l)).sort()).toEqual([...codes].sort());
    // With --names the coordinator sees the files.
    const named = qualigrid("aggregate", net, "-o", path.join(dir, "noms.xlsx"), "--names");
    expect(named.status, named.stderr).toBe(0);
    expect(named.stderr).toContain(`${NAMES[0] ?? ""} 2024.xlsx`);
  });

  it("the same key gives the same report names on another run", () => {
    const again = path.join(dir, "again");
    fs.mkdirSync(again);
    const r = qualigrid("aggregate", net, "-o", path.join(again, "reseau.xlsx"), "--key", "cle-de-test", "--member-reports", path.join(again, "membres"));
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readdirSync(path.join(again, "membres")).sort()).toEqual(reports);
  });

  it("the network workbook has its chart, its tables, and every input with its status", async () => {
    const parts = unzipSync(fs.readFileSync(path.join(out, "reseau.xlsx")));
    expect(Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "reseau.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Réseau", "Critères", "Sous la cible", "Entrées"]);
    const inputs = wb.getWorksheet("Entrées") as ExcelJS.Worksheet;
    const rows: string[][] = [];
    inputs.eachRow((row, i) => {
      if (i > 1) rows.push([String(row.getCell(1).value), String(row.getCell(2).value)]);
    });
    expect(rows).toHaveLength(NAMES.length + 2);
    // Members by their code, the older round and the file cut short by their position.
    for (const [label, status] of rows) expect(status).toBe(codes.includes(label ?? "") ? "Retenu" : "Ignoré");
    expect(rows.filter(([, status]) => status === "Ignoré").map(([label]) => label)).toEqual(expect.arrayContaining([expect.stringMatching(/^Entrée \d+$/)]));
    expect(rows.filter(([, status]) => status === "Retenu")).toHaveLength(NAMES.length);
  });
});
