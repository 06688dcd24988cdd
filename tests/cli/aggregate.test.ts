// `qualigrid aggregate`, run as installed (bin/qualigrid.js on the compiled dist/, worker threads
// included): build it first with `npx tsc -p tsconfig.build.json`. The network's figures are checked
// against an independent computation over each member's `score --json`.
import ExcelJS from "exceljs";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { parseJson, run, scoreJson, tempDir } from "./cli.helpers.js";
import { eqCriteria, randomRatings, seeded, writeMember, type MemberSpec } from "./aggregate.fixtures.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin", "qualigrid.js");

function qualigrid(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000, env: { ...process.env, LANG: "fr_CA.UTF-8" } });
}

interface Stats {
  n: number;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  suppressed: boolean;
}
interface AggregateJson {
  template: { id: string; versions: string[] };
  members: { code: string; version: string; date: string | null }[];
  skipped: { file: string; reason: string }[];
  overall: Stats & { completion: Stats; coverage: Stats };
  dimensions: (Stats & { id: string; completion: Stats; coverage: Stats })[];
  criteria: { id: string; n: number; levels: Record<string, number> | null; atOrAboveTarget: number | null; suppressed: boolean }[];
}

/** Excel's QUARTILE.INC, written out: linear interpolation at (n − 1)·p in the sorted values. */
function quartileInc(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const a = s[lo] as number;
  const b = s[Math.min(lo + 1, s.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

function expectedStats(values: (number | null)[]): Omit<Stats, "suppressed"> {
  const v = values.filter((x): x is number => x !== null);
  return {
    n: v.length,
    mean: v.reduce((a, b) => a + b, 0) / v.length,
    median: quartileInc(v, 0.5),
    q1: quartileInc(v, 0.25),
    q3: quartileInc(v, 0.75),
    min: Math.min(...v),
    max: Math.max(...v),
  };
}

function close(actual: Stats, expected: Omit<Stats, "suppressed">): void {
  expect(actual.n).toBe(expected.n);
  for (const k of ["mean", "median", "q1", "q3", "min", "max"] as const) expect(actual[k], k).toBeCloseTo(expected[k] as number, 9);
}

const NAMES = ["Maison Zéphyr", "Centre Aubépine", "Groupe Boréal", "Entraide Chinook", "Répit Dauphin", "Atelier Épinette", "Foyer Gaspésie"];
const SECRET = "COMMENTAIRE-CONFIDENTIEL-7731";
const RARE = "GOUV-01";

let dir: string;
let specs: MemberSpec[];

/** Every text inside an .xlsx (all its parts), to search for what must not be there. */
function xlsxText(file: string): string {
  return Object.values(unzipSync(fs.readFileSync(file)))
    .map((b) => strFromU8(b))
    .join("\n");
}

describe("qualigrid aggregate", () => {
  beforeAll(async () => {
    dir = tempDir();
    const rand = seeded(2026);
    specs = NAMES.map((organization, i) => {
      const ratings = randomRatings(rand);
      // One criterion answered by 3 members only: its figures are suppressed.
      if (i >= 3) delete ratings[RARE];
      else ratings[RARE] = 2 + i;
      const evidence = eqCriteria()
        .filter(() => rand() < 0.3)
        .map((c) => c.id)
        .slice(0, 8);
      return { file: `reseau/region-${i % 2}/m${i + 1}.xlsx`, organization, date: `2025-0${1 + i}-15`, ratings, evidence, comment: SECRET };
    });
    for (const s of specs) await writeMember(dir, s);
    // An older round of the first member: left out as such.
    await writeMember(dir, { ...specs[0]!, file: "reseau/archives/m1-2023.xlsx", date: "2023-03-01", ratings: {} });
    // Broken and foreign inputs of every kind.
    const bad = path.join(dir, "reseau", "bad");
    fs.mkdirSync(bad, { recursive: true });
    const whole = fs.readFileSync(path.join(dir, specs[1]!.file));
    fs.writeFileSync(path.join(bad, "tronque.xlsx"), whole.subarray(0, Math.floor(whole.length * 0.6)));
    fs.writeFileSync(path.join(bad, "texte.xlsx"), "pas un classeur");
    fs.writeFileSync(path.join(bad, "protege.xlsx"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(512).fill(0)]));
    fs.writeFileSync(path.join(bad, "archive.xlsx"), zipSync({ "lisez-moi.txt": new TextEncoder().encode("bonjour") }));
    fs.writeFileSync(path.join(bad, "~$m2.xlsx"), "verrou");
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Budget").getCell("A1").value = "Loyer";
    await foreign.xlsx.writeFile(path.join(bad, "budget.xlsx"));
    const big = Buffer.alloc(26 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    fs.writeFileSync(path.join(bad, "enorme.xlsx"), big);
    const other = await run("new", "rqiiac-conditions", "-o", path.join(bad, "autre-modele.xlsx"), "--org", "Autre réseau");
    expect(other.code, other.err).toBe(0);
  });

  it("happy path: the network's figures equal an independent computation over each member's score --json", async () => {
    const out = path.join(dir, "reseau.xlsx");
    const r = qualigrid("aggregate", path.join(dir, "reseau"), "-o", out, "--json", "--key", "k1");
    expect(r.status, r.stderr).toBe(0);
    const a = parseJson<AggregateJson>(r.stdout);
    expect(a.template).toEqual({ id: "engagement-qualite", versions: ["2.0.0"] });
    expect(a.members).toHaveLength(NAMES.length);
    const scores = await Promise.all(
      specs.map(async (s) => {
        const sr = await run("score", path.join(dir, s.file), "--json");
        expect(sr.code, sr.err).toBe(0);
        return scoreJson(sr.out);
      }),
    );
    close(a.overall, expectedStats(scores.map((s) => s.overall.score)));
    close(a.overall.completion, expectedStats(scores.map((s) => s.overall.completion)));
    for (const d of a.dimensions) {
      const dims = scores.map((s) => s.dimensions.find((x) => x.id === d.id));
      close(d, expectedStats(dims.map((x) => x?.score ?? null)));
      close(d.completion, expectedStats(dims.map((x) => x?.completion ?? null)));
      close(d.coverage, expectedStats(dims.map((x) => x?.evidenceCoverage ?? null)));
      expect(d.suppressed).toBe(false);
    }
    for (const c of a.criteria.filter((x) => x.id !== RARE)) {
      const given = specs.map((s) => s.ratings[c.id]).filter((v): v is number => typeof v === "number");
      expect(c.n).toBe(given.length);
      if (given.length < 5) {
        expect(c).toMatchObject({ levels: null, atOrAboveTarget: null, suppressed: true });
        continue;
      }
      expect(c.levels).toEqual(Object.fromEntries([1, 2, 3, 4].map((l) => [String(l), given.filter((g) => g === l).length])));
      expect(c.atOrAboveTarget).toBeCloseTo(given.filter((g) => g >= 3).length / given.length, 12);
    }
  });

  it("suppresses any figure over fewer members than --min-group, and shows it as such", () => {
    const out = path.join(dir, "petit.xlsx");
    const r = qualigrid("aggregate", path.join(dir, "reseau"), "-o", out, "--json", "--key", "k1");
    const a = parseJson<AggregateJson>(r.stdout);
    expect(a.criteria.find((c) => c.id === RARE)).toMatchObject({ n: 3, levels: null, atOrAboveTarget: null, suppressed: true });
    const strict = parseJson<AggregateJson>(qualigrid("aggregate", path.join(dir, "reseau"), "-o", out, "--json", "--key", "k1", "--min-group", "8").stdout);
    expect(strict.overall).toMatchObject({ n: 7, mean: null, median: null, q1: null, q3: null, min: null, max: null, suppressed: true });
    for (const d of strict.dimensions) expect(d).toMatchObject({ mean: null, suppressed: true });
  });

  it("lists every broken or foreign input with its reason and completes the run", () => {
    const r = qualigrid("aggregate", path.join(dir, "reseau"), path.join(dir, "absent"), "-o", path.join(dir, "r2.xlsx"), "--json", "--key", "k1");
    expect(r.status, r.stderr).toBe(0);
    const reasons = Object.fromEntries(parseJson<AggregateJson>(r.stdout).skipped.map((s) => [path.basename(s.file), s.reason]));
    expect(reasons["tronque.xlsx"]).toMatch(/en cours d'écriture/);
    expect(reasons["texte.xlsx"]).toMatch(/pas une archive zip/);
    expect(reasons["protege.xlsx"]).toMatch(/mot de passe/);
    expect(reasons["archive.xlsx"]).toMatch(/pas un classeur \.xlsx/);
    expect(reasons["budget.xlsx"]).toBeDefined();
    expect(reasons["enorme.xlsx"]).toMatch(/pèse/);
    expect(reasons["~$m2.xlsx"]).toMatch(/verrou/);
    expect(reasons["autre-modele.xlsx"]).toMatch(/autre modèle \(rqiiac-conditions\)/);
    expect(reasons["m1-2023.xlsx"]).toMatch(/ancienne ronde ou copie/);
    expect(reasons.absent).toBe("introuvable");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/7 membre\(s\)/);
  });

  it("codes members the same with the same key, differently with another, and keeps a key file when none is given", () => {
    const codes = (...extra: string[]): string[] => parseJson<AggregateJson>(qualigrid("aggregate", path.join(dir, "reseau"), "--json", ...extra).stdout).members.map((m) => m.code).sort();
    const k1 = codes("-o", path.join(dir, "c1.xlsx"), "--key", "k1");
    expect(k1.every((c) => /^[0-9a-f]{10}$/.test(c))).toBe(true);
    expect(codes("-o", path.join(dir, "c2.xlsx"), "--key", "k1")).toEqual(k1);
    expect(codes("-o", path.join(dir, "c3.xlsx"), "--key", "k2")).not.toEqual(k1);
    const keyed = path.join(dir, "cles", "reseau.xlsx");
    fs.mkdirSync(path.dirname(keyed));
    const first = codes("-o", keyed);
    expect(fs.existsSync(path.join(dir, "cles", "reseau.key"))).toBe(true);
    expect(codes("-o", keyed)).toEqual(first);
  });

  it("writes no member's name nor comment in the output or the JSON, unless --names", () => {
    const out = path.join(dir, "anonyme.xlsx");
    const r = qualigrid("aggregate", path.join(dir, "reseau"), "-o", out, "--json", "--key", "k1");
    const text = `${xlsxText(out)}\n${r.stdout}\n${r.stderr}`;
    for (const name of [...NAMES, SECRET]) expect(text).not.toContain(name);
    const named = qualigrid("aggregate", path.join(dir, "reseau"), "-o", path.join(dir, "noms.xlsx"), "--json", "--names");
    expect(parseJson<AggregateJson>(named.stdout).members.map((m) => m.code).sort()).toEqual([...NAMES].sort());
  });

  it("given a bad --min-group or nothing readable, exits 2 and writes nothing", () => {
    const out = path.join(dir, "rien.xlsx");
    expect(qualigrid("aggregate", path.join(dir, "reseau"), "-o", out, "--key", "k", "--min-group", "0").status).toBe(2);
    const r = qualigrid("aggregate", path.join(dir, "reseau", "bad", "texte.xlsx"), "-o", out, "--key", "k");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/aucun classeur Qualigrid lisible/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
