import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";

// The boundary of addin/network (eslint.config.js), proved on snippets linted as if they lived there.
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: "eslint.config.js" });

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result?.messages ?? [];
}

describe("addin/network's boundary (eslint.config.js)", () => {
  it.each([
    ["addin/network/violation.ts", `import ExcelJS from "exceljs";\nexport const w = new ExcelJS.Workbook();`, "addin/network is engine: it runs in plain Node and in the browser"],
    ["addin/network/violation.ts", `import { createHmac } from "node:crypto";\nexport const h = createHmac;`, "addin/network runs in the browser too"],
    ["addin/network/violation.ts", `import { scanAssessment } from "../xlsx/xlsx.scan.js";\nexport const s = scanAssessment;`, "addin/network is engine: it must not import a renderer"],
    ["addin/network/violation.ts", `import { main } from "../cli/main.js";\nexport const m = main;`, "addin/network is engine: it must not import a renderer"],
    ["addin/network/violation.ts", `import { HEADERS } from "../plan/labels.js";\nexport const h = HEADERS;`, "addin/network may import addin/model and addin/scoring only"],
    ["addin/scoring/violation.ts", `import { figureStats } from "../network/network.stats.js";\nexport const f = figureStats;`, "addin/scoring may not import addin/network"],
    ["addin/workbook/violation.ts", `export const load = () => import("../network/network.aggregate.js");`, "addin/workbook may not import addin/network"],
  ])("%s refuses: %s", async (filePath, code, message) => {
    const messages = await lint(filePath, code);
    expect(messages).toContainEqual(expect.objectContaining({ severity: 2, message: expect.stringContaining(message) as unknown }));
  });

  it.each([
    ["addin/network/allowed.ts", `import type { AssessmentResult } from "../scoring/scoring.types.js";\nimport { textOf } from "../model/text.js";\nexport type R = AssessmentResult;\nexport const t = textOf;`],
    ["addin/cli/allowed.ts", `import { aggregateNetwork } from "../network/network.aggregate.js";\nexport const a = aggregateNetwork;`],
    ["addin/xlsx/allowed.ts", `import type { NetworkAggregate } from "../network/network.types.js";\nexport type N = NetworkAggregate;`],
  ])("%s allows: %s", async (filePath, code) => {
    expect(await lint(filePath, code)).toEqual([]);
  });
});
