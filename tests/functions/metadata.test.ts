/**
 * The metadata Excel reads (functions.json in English, functions.fr.json in French), generated here
 * as the build generates it and compared with the committed golden files next to this test; and the
 * rules the build enforces on the French table.
 *
 * After a deliberate change to a function's JSDoc or to functions/translations.fr.json:
 *   UPDATE_GOLDEN=1 npx vitest run tests/functions/metadata.test.ts
 * then review the diff of the golden files.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ARGUMENT_NAMES } from "../../addin/scoring/range.messages.js";
import { localizedMetadata, MetadataError, type TranslationTable } from "../../functions/metadata.localize.mjs";
import { DEV_URL, generatedMetadata, shippedMetadata, translationTable, type FunctionMetadata, type Metadata } from "./metadata.helpers.js";

const GOLDEN = {
  en: fileURLToPath(new URL("./functions.en.golden.json", import.meta.url)),
  fr: fileURLToPath(new URL("./functions.fr.golden.json", import.meta.url)),
};

/** [id, English name, French name, parameters as "en/fr" with "[…]" when optional and "[][]" for ranges, result shape]. */
const SIGNATURES: [string, string, string, string[], "scalar" | "matrix"][] = [
  ["SCORE", "SCORE", "SCORE", ["ratings/cotations[][]", "scale_min/echelle_min[][]", "scale_max/echelle_max[][]", "[weights/poids[][]]"], "scalar"],
  [
    "DIMSCORE",
    "DIMSCORE",
    "SCOREDIM",
    ["dimensions/dimensions[][]", "ratings/cotations[][]", "dimension/dimension", "scale_min/echelle_min[][]", "scale_max/echelle_max[][]", "[weights/poids[][]]"],
    "scalar",
  ],
  ["GAP", "GAP", "ECART", ["score/score[][]", "target/cible[][]"], "matrix"],
  ["LEVEL", "LEVEL", "NIVEAU", ["score/score[][]", "thresholds/seuils[][]", "labels/libelles[][]"], "matrix"],
  ["COMPLETION", "COMPLETION", "COMPLETUDE", ["ratings/cotations[][]"], "scalar"],
  [
    "COVERAGE",
    "COVERAGE",
    "COUVERTURE",
    [
      "criteria/criteres[][]",
      "evidence_criteria/criteres_preuves[][]",
      "[evidence_status/statut_preuves[][]]",
      "[accepted_status/statut_accepte]",
      "[evidence_expiry/expiration_preuves[][]]",
      "[reference_date/date_reference]",
    ],
    "scalar",
  ],
  [
    "AGREEMENT",
    "AGREEMENT",
    "ACCORD",
    [
      "ratings_a/cotations_a[][]",
      "ratings_b/cotations_b[][]",
      "[tolerance/tolerance]",
      "[scale_min/echelle_min[][]]",
      "[scale_max/echelle_max[][]]",
      "[default_min/echelle_defaut_min]",
      "[default_max/echelle_defaut_max]",
    ],
    "scalar",
  ],
  ["SPREAD", "SPREAD", "DISPERSION", ["ratings_matrix/matrice_cotations[][]", "[levels/niveaux[][]]"], "matrix"],
  [
    "CONSENSUS",
    "CONSENSUS",
    "CONSENSUS",
    ["ratings_matrix/matrice_cotations[][]", "[method/methode]", "[agreed/cotations_convenues[][]]", "[levels/niveaux[][]]"],
    "matrix",
  ],
];

function signatureOf(en: FunctionMetadata, fr: FunctionMetadata): string[] {
  return en.parameters.map((p, i) => {
    const text = `${p.name}/${fr.parameters[i]?.name}${p.dimensionality === "matrix" ? "[][]" : ""}`;
    return p.optional ? `[${text}]` : text;
  });
}

let en: Metadata;
let fr: Metadata;

beforeAll(async () => {
  ({ en, fr } = await shippedMetadata());
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(GOLDEN.en, `${JSON.stringify(en, null, 2)}\n`);
    writeFileSync(GOLDEN.fr, `${JSON.stringify(fr, null, 2)}\n`);
  }
});

describe("the generated metadata", () => {
  it("equals the golden files, in English and in French", () => {
    expect(en).toEqual(JSON.parse(readFileSync(GOLDEN.en, "utf8")));
    expect(fr).toEqual(JSON.parse(readFileSync(GOLDEN.fr, "utf8")));
  });

  it("declares the nine QG functions in the same order in both languages, with the same ids", () => {
    expect(en.functions.map((f) => f.id)).toEqual(SIGNATURES.map(([id]) => id));
    expect(fr.functions.map((f) => f.id)).toEqual(SIGNATURES.map(([id]) => id));
  });

  it.each(SIGNATURES)("%s: named %s / %s, parameters %j, result %s", (id, enName, frName, params, result) => {
    const e = en.functions.find((f) => f.id === id)!;
    const f = fr.functions.find((x) => x.id === id)!;
    expect([e.name, f.name]).toEqual([enName, frName]);
    expect(signatureOf(e, f)).toEqual(params);
    expect(e.result.dimensionality ?? "scalar").toBe(result);
    // Everything but names and help is the same in both files.
    const shape = (m: FunctionMetadata) => ({ ...m, name: "", description: "", parameters: m.parameters.map((p) => ({ ...p, name: "", description: "" })) });
    expect(shape(f)).toEqual(shape(e));
  });

  it("has ids and names of at least 3 characters, and English ids as English names", () => {
    for (const m of [...en.functions, ...fr.functions]) expect(Math.min(m.id.length, m.name.length), m.id).toBeGreaterThanOrEqual(3);
    for (const m of en.functions) expect(m.name).toBe(m.id);
  });

  it("types every parameter any, so Excel passes cells unconverted (blanks, N/A, errors) to the engine", () => {
    for (const m of en.functions) for (const p of m.parameters) expect(p.type, `${m.id}(${p.name})`).toBe("any");
  });

  it("lets inputs carry Excel errors (allowErrorForDataTypeAny), in both files", () => {
    expect(en.allowErrorForDataTypeAny).toBe(true);
    expect(fr.allowErrorForDataTypeAny).toBe(true);
  });

  it("describes every function and parameter, and translates every description", () => {
    for (const m of [...en.functions, ...fr.functions]) {
      expect(m.description?.length, m.id).toBeGreaterThan(20);
      for (const p of m.parameters) expect(p.description?.length, `${m.id}(${p.name})`).toBeGreaterThan(5);
    }
    en.functions.forEach((e, i) => {
      const f = fr.functions[i]!;
      expect(f.description, e.id).not.toBe(e.description);
      e.parameters.forEach((p, j) => expect(f.parameters[j]?.description, `${e.id}(${p.name})`).not.toBe(p.description));
    });
  });

  it("names parameters as the error messages name them (ARGUMENT_NAMES), in each language", () => {
    for (const [meta, lang] of [[en, "en"], [fr, "fr"]] as const) {
      for (const m of meta.functions) {
        en.functions
          .find((e) => e.id === m.id)!
          .parameters.forEach((p, i) => {
            const expected = ARGUMENT_NAMES[p.name]?.[lang];
            if (expected) expect(m.parameters[i]?.name, `${m.id}(${p.name}) in ${lang}`).toBe(expected);
          });
      }
    }
  });

  it("points every function's help at the add-in's help page", () => {
    for (const m of [...en.functions, ...fr.functions]) expect(m.helpUrl).toBe(`${DEV_URL}help.html`);
  });
});

describe("the French table, as the build checks it", () => {
  let generated: string;
  let table: TranslationTable;
  beforeAll(async () => {
    generated = await generatedMetadata();
    table = translationTable();
  });

  /** The problems localizedMetadata reports after `edit` changes a copy of the table. */
  function problemsAfter(edit: (t: TranslationTable) => void): string[] {
    const copy = structuredClone(table);
    edit(copy);
    try {
      localizedMetadata(generated, copy);
    } catch (e) {
      if (e instanceof MetadataError) return e.problems;
      throw e;
    }
    return [];
  }

  it("has no problem as committed", () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });

  it("fails on a function without a translation", () => {
    expect(problemsAfter((t) => delete t.functions.COVERAGE)).toEqual([expect.stringMatching(/^COVERAGE: no French translation/)]);
  });

  it("fails on a parameter without a translation", () => {
    expect(problemsAfter((t) => delete t.functions.DIMSCORE!.parameters!.weights)).toEqual(['DIMSCORE: no French translation for parameter "weights"']);
  });

  it("fails on a translation that matches no function or no parameter (a renamed one)", () => {
    expect(
      problemsAfter((t) => {
        t.functions.AVERAGE = { name: "MOYENNEQG", description: "Moyenne." };
        t.functions.GAP!.parameters!.goal = { name: "but", description: "Le but." };
      }),
    ).toEqual(['GAP: the French table translates a parameter "goal" the function does not have', "AVERAGE: the French table translates a function that does not exist"]);
  });

  it("fails on a name Excel would refuse, a name shorter than 3 characters, a duplicate name, a missing description", () => {
    const problems = problemsAfter((t) => {
      t.functions.GAP!.name = "ÉCART MOYEN";
      t.functions.LEVEL!.name = "NV";
      t.functions.SPREAD!.name = "ecart.type"; // fine alone
      t.functions.CONSENSUS!.name = "Score"; // SCORE's name, compared ignoring case
      t.functions.COMPLETION!.description = " ";
    });
    expect(problems).toEqual([
      'GAP: French name: "ÉCART MOYEN" is not a valid name (a letter, then letters, digits, "." or "_")',
      'LEVEL: French name "NV" needs at least 3 characters',
      "COMPLETION: French has no description",
      'CONSENSUS: French name "Score" is already the name of SCORE',
    ]);
  });

  it("moves help URLs to the deployment URL, as the manifest's", () => {
    const { en: e, fr: f } = localizedMetadata(generated, table, { devUrl: DEV_URL, deployUrl: "https://qualigrid.example.org/addin/" });
    for (const text of [e, f]) {
      expect(text).not.toContain("localhost");
      for (const m of (JSON.parse(text) as Metadata).functions) expect(m.helpUrl).toBe("https://qualigrid.example.org/addin/help.html");
    }
  });
});
