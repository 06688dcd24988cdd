// The installed command: `bin/qualigrid.js` runs the compiled dist/, so build it first.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTIN_IDS, scoreJson, tempDir, writeText } from "./cli.helpers.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin", "qualigrid.js");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");

let build: SpawnSyncReturns<string>;

function qualigrid(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe("bin/qualigrid.js", () => {
  beforeAll(() => {
    // `npx tsc -p tsconfig.build.json`, without npx's start-up.
    build = spawnSync(process.execPath, [TSC, "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8", timeout: 240_000 });
  });

  it("builds with `tsc -p tsconfig.build.json` without errors", () => {
    expect(build.error).toBeUndefined();
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(fs.existsSync(path.join(ROOT, "dist", "addin", "cli", "main.js"))).toBe(true);
  });

  it("`qualigrid templates` exits 0 and lists the five built-in templates on stdout", () => {
    const r = qualigrid("templates");
    expect(r.status, r.stderr).toBe(0);
    for (const id of BUILTIN_IDS) expect(r.stdout).toContain(id);
    expect(r.stderr).toBe("");
  });

  it("`qualigrid --version` and `--help` exit 0", () => {
    expect(qualigrid("--version").status).toBe(0);
    const help = qualigrid("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("templates");
  });

  it("exits 2 on an unknown command and on a missing file, with the message on stderr", () => {
    expect(qualigrid("frobnicate").status).toBe(2);
    const dir = tempDir();
    const missing = path.join(dir, "absent.xlsx");
    const r = qualigrid("score", missing);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(missing);
  });

  it("runs new, fill and score --json end to end as separate processes", () => {
    const dir = tempDir();
    const xlsx = path.join(dir, "cap.xlsx");
    expect(qualigrid("new", "has-donner-le-cap", "-o", xlsx, "--lang", "en").status).toBe(0);
    // PRAT: P-01 … P-05, scale 1–4, all weight 1. P-01 and P-02 at 4 (s = 1), P-03 at 1 (s = 0), P-04 N/A, P-05 blank.
    const csv = writeText(dir, "answers.csv", "criterion,rating,comment\nP-01,4,\nP-02,in place and monitored,\nP-03,Non amorcé,\nP-04,n/a,\nP-05,,\n");
    const fill = qualigrid("fill", xlsx, "--answers", csv);
    expect(fill.status, fill.stderr).toBe(0);
    const score = qualigrid("score", xlsx, "--json");
    expect(score.status, score.stderr).toBe(0);
    const json = scoreJson(score.stdout);
    const prat = json.dimensions.find((d) => d.id === "PRAT");
    expect(prat).toMatchObject({ answered: 3, notApplicable: 1, total: 5 });
    expect(prat?.score).toBeCloseTo((100 * 2) / 3, 9);
    expect(prat?.completion).toBeCloseTo(4 / 5, 9);
    expect(json.overall.score).toBeCloseTo((100 * 2) / 3, 9);
  });
});
