import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the ahead-of-time template validator", () => {
  it("is up to date with templates/template.schema.json (run `node scripts/generate-validator.mjs`)", async () => {
    // @ts-expect-error: a plain .mjs script without types
    const { generateValidator, OUTPUT } = (await import("../../scripts/generate-validator.mjs")) as { generateValidator(): string; OUTPUT: string };
    expect(readFileSync(OUTPUT, "utf8")).toBe(generateValidator());
  });

  it("compiles no code at run time", () => {
    const text = readFileSync(new URL("./template.validate.generated.ts", import.meta.url), "utf8");
    expect(text).not.toMatch(/new Function|eval\(|require\(/);
  });
});
