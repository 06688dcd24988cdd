// The installed command: `bin/qualigrid.js` runs the compiled dist/, so build it first.
import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { answeredWorkbook, BUILTIN_IDS, demoTemplate, editWorkbook, run, scoreJson, SHEETS, tempDir, writeJson, writeText } from "./cli.helpers.js";

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
    expect(qualigrid("new", "donner-le-cap", "-o", xlsx, "--lang", "en").status).toBe(0);
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

/**
 * `qualigrid … | head -1` and Ctrl-C, as a shell runs them: the real bin in a bash pipeline whose
 * reader stops after the first line (`head -n 1`) or reads nothing at all (`true`: every write
 * meets a closed pipe). No stack trace, no EPIPE, and the command's own exit code.
 */
describe("bin/qualigrid.js in a pipe, and Ctrl-C", () => {
  let dir: string;
  let grid: string;
  let answers: string;
  let v2: string;

  beforeAll(async () => {
    dir = tempDir();
    grid = await answeredWorkbook(dir, "fr");
    // C15 and C16 left unanswered: check finds something (exit 1) and prints several lines.
    answers = writeText(dir, "partial.csv", "criterion,rating,comment\nC15,,\nC16,,\n");
    expect((await run("fill", grid, "--answers", answers)).code).toBe(0);
    v2 = writeJson(dir, "v2.json", { ...demoTemplate(), version: "2.0.0" });
  });

  /** Runs the bin in bash, its standard output (and with `both`, its standard error) piped into `reader`. */
  function piped(reader: string, args: string[], both = false): SpawnSyncReturns<string> {
    const script = `"$0" "$1" "\${@:2}" ${both ? "2>&1 " : ""}| ${reader}; exit \${PIPESTATUS[0]}`;
    return spawnSync("bash", ["-c", script, process.execPath, BIN, ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  }

  let n = 0;
  const commands: [string, () => string[], number][] = [
    ["templates", () => ["templates"], 0],
    ["show", () => ["show", "engagement-qualite"], 0],
    ["show --json", () => ["show", "engagement-qualite", "--json"], 0],
    ["score", () => ["score", grid], 0],
    ["score --json", () => ["score", grid, "--json"], 0],
    ["check", () => ["check", grid], 1],
    ["check --json", () => ["check", grid, "--json"], 1],
    ["plan --dry-run", () => ["plan", grid, "--dry-run"], 0],
    ["upgrade --json", () => ["upgrade", grid, "--template", v2, "--json", "-o", path.join(dir, `up${++n}.xlsx`)], 0],
    ["new", () => ["new", "engagement-qualite", "-o", path.join(dir, `new${++n}.xlsx`)], 0],
    ["fill", () => ["fill", grid, "--answers", answers], 0],
    ["a missing file, stderr piped too", () => ["score", path.join(dir, "absent.xlsx")], 2],
  ];

  it.each(commands)("`qualigrid %s | head -n 1` and `| true`: a clean exit, no stack trace", (_name, args, code) => {
    for (const reader of ["head -n 1", "true"]) {
      const argv = args();
      const r = piped(reader, argv, code === 2);
      expect(r.error).toBeUndefined();
      expect(r.stderr, `${reader}: ${argv.join(" ")}`).not.toMatch(/EPIPE|Error|\n\s+at |unexpected|inattendue/);
      expect(r.status, `${reader}: ${argv.join(" ")}\n${r.stderr}`).toBe(code);
      if (reader === "head -n 1" && code !== 2) expect(r.stdout.split("\n").filter((l) => l !== "")).toHaveLength(1);
      // The command ran to its end: a file it writes is written.
      const output = argv.indexOf("-o");
      if (output >= 0) expect(fs.existsSync(argv[output + 1] as string)).toBe(true);
    }
  });

  it("Ctrl-C: ends by SIGINT (a shell reports 130), one line in the workbook's language, the workbook untouched and no temporary file left", async () => {
    const sub = tempDir();
    const xlsx = await answeredWorkbook(sub, "fr");
    // A renamed grid makes `fill` warn as soon as it has opened the workbook: then it is running.
    await editWorkbook(xlsx, (wb) => {
      const ws = wb.getWorksheet(SHEETS.fr.grid);
      (ws?.getTable("QG_Grid") as unknown as { name: string }).name = "MaGrille";
    });
    const before = fs.readFileSync(xlsx);
    // The answers come from a named pipe nobody writes to: fill waits there, one of Node's I/O
    // threads blocked in open(), until interrupted. (Not standard input: Node gives a child a socket
    // there, which /dev/stdin cannot open.)
    const fifo = path.join(sub, "waiting.csv");
    execFileSync("mkfifo", [fifo]);
    const child = spawn(process.execPath, [BIN, "fill", xlsx, "--answers", fifo], { cwd: ROOT, env: { ...process.env, LANG: "C.UTF-8" } });
    let stderr = "";
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        if (stderr.includes("MaGrille")) resolve();
      }),
    );
    child.kill("SIGINT");
    const { code, signal } = await exited;
    child.stdin.destroy();
    // Ended by SIGINT itself, as a shell expects of Ctrl-C (it reports 128 + 2 = 130), at once.
    expect(signal, stderr).toBe("SIGINT");
    expect(code, stderr).toBeNull();
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(2); // the warning, then the interruption
    expect(lines[1]).toBe("qualigrid : interrompu (Ctrl+C) ; un fichier en cours d'écriture reste tel qu'il était.");
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
    expect(fs.readdirSync(sub).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
