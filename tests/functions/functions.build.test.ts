/**
 * The custom functions as webpack builds them (the production configuration, without the task
 * pane): the bundle registers every function and pulls in nothing of the task pane's heavy
 * dependencies; the metadata files the build writes are the golden ones; and a French table with a
 * missing translation fails the build.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFunctionsBundle, type FunctionsBuild } from "../../functions/bundle.build.mjs";
import type { TranslationTable } from "../../functions/metadata.localize.mjs";
import { translationTable } from "./metadata.helpers.js";

const DEPLOY_URL = "https://qualigrid.example.org/addin/";
const IDS = ["SCORE", "DIMSCORE", "GAP", "LEVEL", "COMPLETION", "COVERAGE", "AGREEMENT", "SPREAD", "CONSENSUS"];
const golden = (lang: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`./functions.${lang}.golden.json`, import.meta.url)), "utf8"));

const dir = mkdtempSync(path.join(tmpdir(), "qg-functions-build-"));
let build: FunctionsBuild;

beforeAll(async () => {
  build = await buildFunctionsBundle({ outDir: path.join(dir, "ok"), deployUrl: DEPLOY_URL });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the functions build", () => {
  it("succeeds and writes the bundle and the metadata in both languages", () => {
    expect(build.errors).toEqual([]);
    expect(build.files).toEqual(["functions.fr.json", "functions.js", "functions.json"]);
  });

  it("registers every function with CustomFunctions.associate", () => {
    const code = readFileSync(path.join(dir, "ok", "functions.js"), "utf8");
    for (const id of IDS) expect(code, id).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("bundles the range functions and their messages, and no React, Fluent UI, exceljs or task pane code", () => {
    expect(build.modules).toContain("./addin/scoring/range.functions.ts");
    expect(build.modules).toContain("./addin/scoring/range.messages.ts");
    for (const m of build.modules) {
      expect(m).not.toMatch(/node_modules|react|fluent|exceljs|taskpane|addin\/(excel|xlsx|plan|host|cli)\//i);
    }
  });

  it("writes the golden metadata, with help URLs moved to the deployment URL", () => {
    for (const [file, lang] of [["functions.json", "en"], ["functions.fr.json", "fr"]] as const) {
      const text = readFileSync(path.join(dir, "ok", file), "utf8");
      expect(text).not.toContain("localhost");
      expect(JSON.parse(text.split(DEPLOY_URL).join("https://localhost:3000/"))).toEqual(golden(lang));
    }
  });

  it("fails, naming the gap, when the French table misses a parameter", async () => {
    const broken: TranslationTable = translationTable();
    delete broken.functions.AGREEMENT!.parameters!.tolerance;
    const table = path.join(dir, "broken.fr.json");
    writeFileSync(table, JSON.stringify(broken));
    const failed = await buildFunctionsBundle({ outDir: path.join(dir, "broken"), translations: table });
    expect(failed.errors.join("\n")).toContain('AGREEMENT: no French translation for parameter "tolerance"');
    // Production builds write nothing when there are errors (optimization.emitOnErrors is off).
    expect(failed.files).toEqual([]);
  }, 120_000);
});
