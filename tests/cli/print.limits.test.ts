// What the command line prints cannot flood nor drive a terminal: repeated problems are capped with
// a count, control characters from inputs are written visibly, and a defect ends without a stack trace.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstIssues, PRINTED_ISSUES, printable } from "../../addin/cli/cli.print.js";
import { main } from "../../addin/cli/main.js";
import { demoTemplate, newDemoWorkbook, run, TEST_LOCALE, tempDir, writeJson, writeText } from "./cli.helpers.js";

/** A demo workbook and an answers CSV of `n` unknown criteria; the result of `fill` with them. */
async function fillUnknown(n: number, lang: "fr" | "en"): Promise<{ r: Awaited<ReturnType<typeof run>>; unchanged: boolean }> {
  const dir = tempDir();
  const { xlsx } = await newDemoWorkbook(dir, "fr");
  const before = fs.readFileSync(xlsx);
  const lines = Array.from({ length: n }, (_, i) => `NOPE-${i},2,`);
  const csv = writeText(dir, "answers.csv", `criterion,rating,comment\n${lines.join("\n")}\n`);
  const r = await run("fill", xlsx, "--answers", csv, "--lang", lang);
  return { r, unchanged: fs.readFileSync(xlsx).equals(before) };
}

describe("repeated problems are capped", () => {
  it("prints the first 50 and counts the rest, also those the reader stopped listing (English)", async () => {
    const { r, unchanged } = await fillUnknown(2000, "en");
    expect(r.code).toBe(2);
    expect(unchanged).toBe(true);
    const errors = r.errLines.filter((l) => l.startsWith("error: "));
    expect(errors).toHaveLength(PRINTED_ISSUES);
    expect(errors[0]).toContain("NOPE-0");
    expect(r.errLines.at(-1)).toBe("… and 1950 more problems");
    expect(r.errLines).toHaveLength(PRINTED_ISSUES + 1);
  });

  it("says the count in French", async () => {
    const { r } = await fillUnknown(60, "fr");
    expect(r.errLines.filter((l) => l.startsWith("erreur : "))).toHaveLength(PRINTED_ISSUES);
    expect(r.errLines.at(-1)).toBe("… et 10 autres problèmes");
  });

  it("prints 50 problems or fewer as they are, without a count", async () => {
    const { r } = await fillUnknown(PRINTED_ISSUES, "en");
    expect(r.errLines).toHaveLength(PRINTED_ISSUES);
    expect(r.err).not.toContain("more problem");
  });

  it("puts errors before warnings, each in its order", () => {
    const issue = (severity: "error" | "warning", n: number) => ({ severity, path: `p${n}`, message: "m" });
    const issues = [issue("warning", 0), ...Array.from({ length: 60 }, (_, i) => issue("error", i + 1))];
    const { shown, more } = firstIssues(issues);
    expect(shown.map((i) => i.path)).toEqual(Array.from({ length: PRINTED_ISSUES }, (_, i) => `p${i + 1}`));
    expect(more).toBe(11);
  });
});

describe("control characters from inputs are written visibly", () => {
  it("an unknown id holding an escape sequence and a bell, read from a CSV", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr");
    const csv = writeText(dir, "answers.csv", "criterion,rating,comment\n\u001b[31mEVIL\u0007\u009b2J\t,2,\n");
    const r = await run("fill", xlsx, "--answers", csv, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.errLines).toHaveLength(1);
    expect(r.err).toContain(String.raw`\x1b[31mEVIL\x07\x9b2J`);
    // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
  });

  it("tabs, line breaks and bidirectional overrides too", () => {
    expect(printable("a\tb\nc\u202ed")).toBe(String.raw`a\x09b\x0ac\u{202e}d`);
    expect(printable("Critère « C1 » à 53,3\u00a0%")).toBe("Critère « C1 » à 53,3\u00a0%");
  });
});

describe("an internal error", () => {
  /** Runs `templates` with an io whose standard output fails as no bad input can. */
  async function failing(env: Record<string, string>): Promise<{ code: number; err: string[] }> {
    const err: string[] = [];
    const io = {
      out: () => {
        throw new Error("disk on fire \u001b]0;pwned\u0007");
      },
      err: (t: string) => void err.push(t),
    };
    return { code: await main(["templates"], io, env), err };
  }

  it("says where to report it and exits 3, without a stack trace", async () => {
    const { code, err } = await failing({ LANG: "en_US.UTF-8" });
    expect(code).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("report it to the Qualigrid team with the command you ran");
    expect(err[0]).toContain(String.raw`disk on fire \x1b]0;pwned\x07`);
    expect(err.join("\n")).not.toMatch(/\n\s+at |\.ts:\d+|\.js:\d+/);
  });

  it("in French", async () => {
    const { code, err } = await failing(TEST_LOCALE);
    expect(code).toBe(3);
    expect(err[0]).toContain("signalez-le à l'équipe Qualigrid avec la commande lancée");
  });

  it("shows its stack trace only when QUALIGRID_DEBUG=1", async () => {
    const { code, err } = await failing({ LANG: "en_US.UTF-8", QUALIGRID_DEBUG: "1" });
    expect(code).toBe(3);
    expect(err.join("\n")).toMatch(/\n\s+at /);
    expect(err.join("\n")).not.toContain("\u001b");
  });
});

describe("template texts shown by show and score", () => {
  /** Whether a text holds a control character other than a line end. */
  const hasControl = (text: string): boolean => [...text].some((ch) => (ch.charCodeAt(0) < 0x20 && ch !== "\n") || ch.charCodeAt(0) === 0x7f);

  it("never send a template's control characters to the terminal", async () => {
    const dir = tempDir();
    const t = demoTemplate();
    t.title = { fr: "Grille \u001b[2J piégée\u0007", en: "Trapped \u001b[2J grid\u0007" };
    const json = writeJson(dir, "trap.json", t);
    const shown = await run("show", json, "--lang", "en");
    expect(shown.code).toBe(0);
    expect(shown.out).toContain("Trapped");
    expect(hasControl(shown.out)).toBe(false);
    const xlsx = path.join(dir, "trap.xlsx");
    expect((await run("new", json, "-o", xlsx, "--lang", "en")).code).toBe(0);
    const scored = await run("score", xlsx);
    expect(scored.out).toContain("Trapped");
    expect(hasControl(scored.out)).toBe(false);
  });
});
