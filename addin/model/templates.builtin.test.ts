import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTemplateText } from "./template.parse.js";

const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));
const FILES = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith(".json") && f !== "template.schema.json")
  .sort();

/** The built-in templates design.md lists, one per seed document (`has-donner-le-cap` renamed `donner-le-cap` in 2.0.0). */
const DESIGN_IDS = ["engagement-qualite", "rqiiac-conditions", "specifique-engagement", "donner-le-cap", "partenariat-usagers"];

describe("built-in templates", () => {
  it("ships at least one template file", () => {
    expect(FILES.length).toBeGreaterThan(0);
  });

  it.each(FILES)("%s parses with no errors and no warnings", (file) => {
    const r = parseTemplateText(readFileSync(TEMPLATES_DIR + file, "utf8"), file);
    expect(r.ok ? r.warnings : r.issues).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(FILES)("%s is named after its template id", (file) => {
    const r = parseTemplateText(readFileSync(TEMPLATES_DIR + file, "utf8"), file);
    if (!r.ok) return; // reported by the test above
    expect(`${r.value.id}.json`).toBe(file);
  });

  it.each(DESIGN_IDS)("the template %s of design.md is shipped", (id) => {
    expect(FILES).toContain(`${id}.json`);
  });
});
