import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { writeSeam } from "../../addin/cli/cli.io.js";
import { gridCell, loadXlsx, newDemoWorkbook, run, tempDir, writeText } from "./cli.helpers.js";

// In-place writes keep the file what it was (mode, symlink, hard links named), are never torn
// (a full disk half-way, a concurrent writer), `-o` overwrites nothing by surprise, and a no-op
// writes nothing. Faults are injected through `writeSeam`, restored after each test.
const realWrite = writeSeam.writeSync;
afterEach(() => {
  writeSeam.writeSync = realWrite;
  delete writeSeam.beforeRename;
});

const ANSWERS = "criterion,rating\nC1,2\nC2,3\n";

/** The installed command, running the compiled dist/ (build it first). */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/qualigrid.js");

/** The names in `dir` that look like writeFileAtomic's temporary files. */
function temps(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => /^\..*\.[0-9a-f]{12}\.tmp$/.test(n));
}

describe("in-place writes", () => {
  it("keeps a 0600 workbook 0600 after fill", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    fs.chmodSync(xlsx, 0o600);
    const r = await run("fill", xlsx, "--answers", writeText(dir, "a.csv", ANSWERS));
    expect(r.code, r.err).toBe(0);
    expect(fs.statSync(xlsx).mode & 0o777).toBe(0o600);
    expect(gridCell(await loadXlsx(xlsx), "fr", "C1", "Cotation").value).toBe(2);
  });

  it("fills a workbook through a symlink: the target is written, the link stays a link", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const link = path.join(dir, "lien.xlsx");
    fs.symlinkSync(xlsx, link);
    const r = await run("fill", link, "--answers", writeText(dir, "a.csv", ANSWERS));
    expect(r.code, r.err).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(gridCell(await loadXlsx(xlsx), "fr", "C2", "Cotation").value).toBe(3);
    expect(temps(dir)).toEqual([]);
  });

  it("names a workbook with other hard links before breaking them", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    fs.linkSync(xlsx, path.join(dir, "copie.xlsx"));
    const r = await run("fill", xlsx, "--answers", writeText(dir, "a.csv", ANSWERS));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(xlsx);
    expect(r.err).toMatch(/lien physique/);
  });

  it("refuses when someone else changed the file while the command worked (nothing written)", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const answers = writeText(dir, "a.csv", ANSWERS);
    let theirs: Buffer | null = null;
    writeSeam.beforeRename = (file) => {
      fs.appendFileSync(file, "x");
      theirs = fs.readFileSync(file);
    };
    const r = await run("fill", xlsx, "--answers", answers);
    expect(r.code).toBe(2);
    expect(r.err).toContain(xlsx);
    expect(r.err).toMatch(/modifié par un autre programme/);
    expect(fs.readFileSync(xlsx).equals(theirs ?? Buffer.alloc(0))).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it("a full disk half-way leaves the original intact and no temporary file", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const before = fs.readFileSync(xlsx);
    writeSeam.writeSync = ((fd: number, bytes: Uint8Array, offset: number, length: number) => {
      if (offset > 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
      return realWrite(fd, bytes, offset, Math.ceil(length / 2));
    }) as typeof writeSeam.writeSync;
    const r = await run("fill", xlsx, "--answers", writeText(dir, "a.csv", ANSWERS));
    expect(r.code).toBe(2);
    expect(r.err).toContain(xlsx);
    expect(r.err).toMatch(/ENOSPC/);
    expect(fs.readFileSync(xlsx).equals(before)).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it("SIGKILL at any moment of a fill leaves the old workbook or the new one, never a torn one", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const answers = writeText(dir, "a.csv", ANSWERS);
    const old = fs.readFileSync(xlsx);
    for (const delay of [150, 400, 650, 900, 1200]) {
      const child = spawn(process.execPath, [BIN, "fill", xlsx, "--answers", answers], { stdio: "ignore" });
      // Listened to from the start: a fill quicker than the delay has already ended.
      const ended = new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await ended;
      const now = fs.readFileSync(xlsx);
      if (!now.equals(old)) expect((await run("score", xlsx, "--json")).code).toBe(0);
      fs.writeFileSync(xlsx, old);
      for (const t of temps(dir)) fs.rmSync(path.join(dir, t));
    }
  }, 30_000);

  it("names a stale temporary file of an earlier killed run", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const stale = path.join(dir, ".grid.xlsx.0123456789ab.tmp");
    fs.writeFileSync(stale, "half");
    const r = await run("fill", xlsx, "--answers", writeText(dir, "a.csv", ANSWERS));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(stale);
  });
});

describe("-o", () => {
  it("refuses an existing file without --overwrite, and replaces it with", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const precious = path.join(dir, "precieux.xlsx");
    fs.writeFileSync(precious, "précieux");
    const answers = writeText(dir, "a.csv", ANSWERS);
    const refused = await run("fill", xlsx, "--answers", answers, "-o", precious);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(precious);
    expect(refused.err).toMatch(/--overwrite/);
    expect(fs.readFileSync(precious, "utf8")).toBe("précieux");
    const done = await run("fill", xlsx, "--answers", answers, "-o", precious, "--overwrite");
    expect(done.code, done.err).toBe(0);
    expect(gridCell(await loadXlsx(precious), "fr", "C1", "Cotation").value).toBe(2);
  });

  it("refuses a non-.xlsx output, naming it, for every writing command", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const csv = writeText(dir, "a.csv", ANSWERS);
    const before = fs.readFileSync(csv);
    for (const argv of [
      ["fill", xlsx, "--answers", csv, "-o", csv],
      ["check", xlsx, "--repair", "-o", csv],
      ["plan", xlsx, "-o", csv],
      ["set", xlsx, "organisation", "X", "-o", csv],
    ]) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toContain(csv);
    }
    expect(fs.readFileSync(csv).equals(before)).toBe(true);
  });

  it("accepts -o naming the input itself (an in-place write)", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const r = await run("set", xlsx, "organisation", "CISSS", "-o", xlsx);
    expect(r.code, r.err).toBe(0);
  });
});

describe("a no-op writes nothing", () => {
  it("a fill whose answers change no cell leaves bytes and mtime", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    const answers = writeText(dir, "a.csv", ANSWERS);
    expect((await run("fill", xlsx, "--answers", answers)).code).toBe(0);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(xlsx, old, old);
    const before = { bytes: fs.readFileSync(xlsx), mtime: fs.statSync(xlsx).mtimeMs };
    const r = await run("fill", xlsx, "--answers", answers);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/rien à changer/);
    expect(fs.readFileSync(xlsx).equals(before.bytes)).toBe(true);
    expect(fs.statSync(xlsx).mtimeMs).toBe(before.mtime);
  });

  it("set to the value it already has, and plan or check --repair with nothing to do, leave the file", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir);
    expect((await run("set", xlsx, "organisation", "CISSS")).code).toBe(0);
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(xlsx, old, old);
    const before = { bytes: fs.readFileSync(xlsx), mtime: fs.statSync(xlsx).mtimeMs };
    const set = await run("set", xlsx, "organisation", "CISSS");
    expect(set.code, set.err).toBe(0);
    expect(set.out).toMatch(/rien à changer/);
    expect((await run("plan", xlsx)).code).toBe(0);
    expect((await run("check", xlsx, "--repair")).code).toBeLessThan(2);
    expect(fs.readFileSync(xlsx).equals(before.bytes)).toBe(true);
    expect(fs.statSync(xlsx).mtimeMs).toBe(before.mtime);
  });
});
