import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ARGUMENT_NAMES } from "../../addin/scoring/range.messages.js";
import { FUNCTION_IDS, FUNCTIONS, functionName, functionSyntax } from "./functions.catalog.js";

/** The names of issue 4: English / French, arguments as English / French names (optional in brackets). */
const EXPECTED = [
  ["SCORE", "SCORE", "ratings/cotations, scale_min/echelle_min, scale_max/echelle_max, [weights/poids]"],
  ["DIMSCORE", "SCOREDIM", "dimensions/dimensions, ratings/cotations, dimension/dimension, scale_min/echelle_min, scale_max/echelle_max, [weights/poids]"],
  ["GAP", "ECART", "score/score, target/cible"],
  ["LEVEL", "NIVEAU", "score/score, thresholds/seuils, labels/libelles"],
  ["COMPLETION", "COMPLETUDE", "ratings/cotations"],
  [
    "COVERAGE",
    "COUVERTURE",
    "criteria/criteres, evidence_criteria/criteres_preuves, [evidence_status/statut_preuves], [accepted_status/statut_accepte], [evidence_expiry/expiration_preuves], [reference_date/date_reference]",
  ],
  [
    "AGREEMENT",
    "ACCORD",
    "ratings_a/cotations_a, ratings_b/cotations_b, [tolerance/tolerance], [scale_min/echelle_min], [scale_max/echelle_max], [default_min/echelle_defaut_min], [default_max/echelle_defaut_max]",
  ],
  ["SPREAD", "DISPERSION", "ratings_matrix/matrice_cotations, [levels/niveaux]"],
  ["CONSENSUS", "CONSENSUS", "ratings_matrix/matrice_cotations, [method/methode], [agreed/cotations_convenues], [levels/niveaux]"],
] as const;

describe("functions catalogue", () => {
  it("lists the nine QG functions in the page's order", () => {
    expect(FUNCTIONS.map((f) => f.id)).toEqual([...FUNCTION_IDS]);
    expect(FUNCTION_IDS).toHaveLength(9);
  });

  it.each(EXPECTED)("%s is %s in French, with its arguments in both languages", (en, fr, args) => {
    const entry = FUNCTIONS.find((f) => f.id === en);
    expect(entry?.name).toEqual({ en, fr });
    const written = entry?.arguments.map((a) => (a.optional ? `[${a.name.en}/${a.name.fr}]` : `${a.name.en}/${a.name.fr}`)).join(", ");
    expect(written).toBe(args);
  });

  it("has a description in both languages for every function and argument", () => {
    const texts = FUNCTIONS.flatMap((f) => [f.description, ...f.arguments.map((a) => a.description)]);
    expect(texts.filter((d) => d.fr.trim() === "" || d.en.trim() === "" || d.fr === d.en)).toEqual([]);
  });

  it("names arguments as the functions' error messages do", () => {
    const args = FUNCTIONS.flatMap((f) => f.arguments).filter((a) => a.key in ARGUMENT_NAMES);
    expect(args.length).toBeGreaterThan(10);
    for (const a of args) expect(a.name, a.key).toEqual(ARGUMENT_NAMES[a.key]);
  });

  it("gives the French names the functions' metadata gives Excel (functions/translations.fr.json)", () => {
    type Translations = { functions: Record<string, { name: string; parameters: Record<string, { name: string }> }> };
    const json = JSON.parse(readFileSync(new URL("../../functions/translations.fr.json", import.meta.url), "utf8")) as Translations;
    for (const f of FUNCTIONS) {
      const meta = json.functions[f.id];
      expect(meta?.name, f.id).toBe(f.name.fr);
      expect(Object.entries(meta?.parameters ?? {}).map(([key, p]) => [key, p.name]), f.id).toEqual(f.arguments.map((a) => [a.key, a.name.fr]));
    }
  });

  it("writes names and syntax as Excel shows them in each language", () => {
    expect(functionName("DIMSCORE", "fr")).toBe("QG.SCOREDIM");
    expect(functionName("DIMSCORE", "en")).toBe("QG.DIMSCORE");
    expect(functionSyntax("DIMSCORE", "fr")).toBe("QG.SCOREDIM(dimensions; cotations; dimension; echelle_min; echelle_max; [poids])");
    expect(functionSyntax("DIMSCORE", "en")).toBe("QG.DIMSCORE(dimensions, ratings, dimension, scale_min, scale_max, [weights])");
  });
});
