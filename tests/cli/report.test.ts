// `qualigrid report`: what it refuses and says before LibreOffice runs, without LibreOffice, with a
// LibreOffice that fails; and, where LibreOffice is installed, the PDF it writes. The workbook it
// reads is never changed (byte for byte), and nothing is written but the PDF asked for.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { EXIT_MISSING_TOOL } from "../../addin/cli/commands/report.command.js";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { buildPlan } from "../../addin/plan/plan.build.js";
import { findSoffice } from "../support/libreoffice.js";
import { answeredWorkbook, run, tempDir, writeText } from "./cli.helpers.js";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A French workbook with answers (the « CAP » demo), and its bytes as they were before the command. */
async function workbook(dir: string, lang: "fr" | "en" = "fr"): Promise<{ file: string; before: Buffer }> {
  const file = await answeredWorkbook(dir, lang);
  return { file, before: fs.readFileSync(file) };
}

/** The names in a folder, sorted: what a command wrote there shows as the difference. */
const listing = (dir: string): string[] => fs.readdirSync(dir).sort();

/** A LibreOffice that is a script: it prints `stderr` and exits with `code`, writing nothing. */
function fakeSoffice(dir: string, code: number, stderr: string): string {
  const script = writeText(dir, "soffice", `#!/bin/sh\necho '${stderr}' >&2\nexit ${code}\n`);
  fs.chmodSync(script, 0o755);
  return script;
}

/** A folder for PATH that holds no LibreOffice (and neither does SOFFICE name one). */
function withoutLibreOffice(dir: string): void {
  const bin = path.join(dir, "bin");
  fs.mkdirSync(bin);
  vi.stubEnv("PATH", bin);
  vi.stubEnv("SOFFICE", path.join(dir, "no-such-soffice"));
}

describe("qualigrid report without LibreOffice", () => {
  it("says how to install LibreOffice, in French, and exits with the code of a missing tool", async () => {
    const dir = tempDir();
    const { file, before } = await workbook(dir);
    withoutLibreOffice(dir);
    const files = listing(dir);
    const r = await run("report", file, "-o", path.join(dir, "rapport.pdf"));
    expect(r.code).toBe(EXIT_MISSING_TOOL);
    expect(r.err).toContain("LibreOffice est nécessaire pour écrire le PDF\u00a0: apt-get install -y --no-install-recommends libreoffice-calc (Debian/Ubuntu)");
    expect(r.err).toContain("libreoffice.org");
    // The SOFFICE the user set is named: it is what to correct.
    expect(r.err).toContain(path.join(dir, "no-such-soffice"));
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(listing(dir)).toEqual(files);
  });

  it("says it in English with --lang en", async () => {
    const dir = tempDir();
    const { file } = await workbook(dir);
    withoutLibreOffice(dir);
    const r = await run("report", file, "-o", path.join(dir, "report.pdf"), "--lang", "en");
    expect(r.code).toBe(EXIT_MISSING_TOOL);
    expect(r.errLines).toEqual([
      `the SOFFICE environment variable names ${path.join(dir, "no-such-soffice")}, which is not an executable program: correct it or remove it`,
      expect.stringContaining("LibreOffice is needed to write the PDF: apt-get install -y --no-install-recommends libreoffice-calc (Debian/Ubuntu), or download it from libreoffice.org."),
    ]);
  });
});

describe("qualigrid report refuses, before LibreOffice runs", () => {
  it("a file that is not a workbook, naming it", async () => {
    const dir = tempDir();
    const bad = writeText(dir, "notes.xlsx", "ceci n'est pas un classeur");
    const r = await run("report", bad, "-o", path.join(dir, "rapport.pdf"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(bad);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(listing(dir)).toEqual(["notes.xlsx"]);
  });

  it("a workbook that does not exist, naming it", async () => {
    const dir = tempDir();
    const missing = path.join(dir, "absent.xlsx");
    const r = await run("report", missing, "-o", path.join(dir, "rapport.pdf"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${missing}: fichier introuvable`);
  });

  it("an output in a folder that does not exist, naming it", async () => {
    const dir = tempDir();
    const { file, before } = await workbook(dir);
    const out = path.join(dir, "absent", "rapport.pdf");
    const r = await run("report", file, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${out}: ne peut pas être écrit`);
    expect(r.err).toContain("son dossier n'existe pas");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("an output that is not a .pdf (the workbook itself included)", async () => {
    const dir = tempDir();
    const { file, before } = await workbook(dir);
    const r = await run("report", file, "-o", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("le fichier à écrire doit être un .pdf");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("an existing PDF without --overwrite, left as it was", async () => {
    const dir = tempDir();
    const { file } = await workbook(dir);
    const out = writeText(dir, "rapport.pdf", "%PDF-1.4 previous\n");
    const r = await run("report", file, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--overwrite");
    expect(fs.readFileSync(out, "utf8")).toBe("%PDF-1.4 previous\n");
  });

  it("a visit report of a workbook the evaluator has not reviewed, saying how to record the review", async () => {
    const dir = tempDir();
    const { file, before } = await workbook(dir, "en");
    const r = await run("report", file, "-o", path.join(dir, "visit.pdf"), "--visit");
    expect(r.code).toBe(2);
    expect(r.err).toContain("no review by the external evaluator");
    expect(r.err).toContain(`qualigrid review ${file}`);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("a paper it does not know, listing the papers", async () => {
    const dir = tempDir();
    const { file } = await workbook(dir);
    const r = await run("report", file, "-o", path.join(dir, "rapport.pdf"), "--paper", "a3");
    expect(r.code).toBe(2);
    expect(r.err).toContain("a4, letter");
  });
});

// The report sheets come with the plan: until a built-in's plan has them, nothing can be printed.
const hasReport = builtinTemplates().every((t) => buildPlan(t, { lang: "fr" }).sheets.some((s) => s.key === "report"));

describe.skipIf(!hasReport)("qualigrid report with a LibreOffice that fails", () => {
  it("says what LibreOffice said, writes nothing, leaves no copy of the workbook behind", async () => {
    const dir = tempDir();
    const { file, before } = await workbook(dir);
    vi.stubEnv("SOFFICE", fakeSoffice(dir, 81, "Application Error"));
    const scratchBefore = fs.readdirSync(process.env.TMPDIR ?? "/tmp").filter((n) => n.startsWith("qualigrid-report-"));
    const r = await run("report", file, "-o", path.join(dir, "rapport.pdf"));
    expect(r.code).toBe(EXIT_MISSING_TOOL);
    expect(r.err).toContain("LibreOffice n'a pas pu écrire le PDF (code de sortie 81)\u00a0: Application Error");
    expect(fs.existsSync(path.join(dir, "rapport.pdf"))).toBe(false);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const scratchAfter = fs.readdirSync(process.env.TMPDIR ?? "/tmp").filter((n) => n.startsWith("qualigrid-report-"));
    expect(scratchAfter.filter((n) => !scratchBefore.includes(n))).toEqual([]);
  });
});

describe.skipIf(!hasReport || findSoffice() === null)("qualigrid report with LibreOffice", () => {
  it("writes the report as a PDF, says how many pages on which paper, and leaves the workbook byte for byte", async () => {
    const dir = tempDir();
    const { file, before } = await workbook(dir, "en");
    const out = path.join(dir, "report.pdf");
    const files = listing(dir);
    const r = await run("report", file, "-o", out);
    expect(r.code, r.err).toBe(0);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(listing(dir)).toEqual([...files, "report.pdf"].sort());
    const info = spawnSync("pdfinfo", [out], { encoding: "utf8" });
    if (info.status === 0) {
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
      // Letter is the default paper (Québec's and North America's).
      expect(r.out).toBe(`The report is written to ${out} (${pages} ${pages === 1 ? "page" : "pages"}, Letter).`);
      expect(info.stdout).toMatch(/Page size:\s+612 x 792 pts/);
    }
  }, 120_000);
});
