// What each command prints, word for word: in French for a French workbook (and under a French
// locale for the commands that open none), and in English for an English workbook. The temporary
// folder is shown as <dir>. A change of wording shows here first: read the diff, then update.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { answeredWorkbook, demoTemplate, newDemoWorkbook, run, runIn, tempDir, writeJson, writeText, type RunResult } from "./cli.helpers.js";

const EN_LOCALE = { LANG: "en_US.UTF-8" };

/**
 * The exit code, standard output then standard error: the temporary folder `dir` shown as <dir>,
 * a non-breaking space (French percentages: `80 %`) as <nbsp>.
 */
function shown(r: RunResult, dir?: string): string {
  const text = [r.out, r.err === "" ? "" : `--- stderr ---\n${r.err}`].filter((s) => s !== "").join("\n");
  return `exit ${r.code}\n${dir === undefined ? text : text.split(dir).join("<dir>")}`.split("\u00a0").join("<nbsp>");
}

/** The demo template's next version: C3 removed, C7 weighs 2, C17 added in D4. */
function nextVersion(): ReturnType<typeof demoTemplate> {
  const t = demoTemplate();
  t.version = "1.3.0";
  const [d1, , d3, d4] = t.dimensions;
  if (!d1 || !d3 || !d4) throw new Error("demo template changed");
  d1.criteria = d1.criteria.filter((c) => c.id !== "C3");
  const c7 = d3.criteria.find((c) => c.id === "C7");
  if (c7) c7.weight = 2;
  d4.criteria.push({ id: "C17", text: { fr: "Énoncé du critère C17", en: "Statement of criterion C17" } });
  return t;
}

describe("the command line in French", () => {
  it("templates: the built-ins with their French titles", async () => {
    const r = await run("templates");
    expect(shown(r)).toMatchInlineSnapshot(`
      "exit 0
      engagement-qualite     2.0.0    8 dim.  43 crit.  Engagement Qualité — grille d'autoévaluation des 8 dimensions
      rqiiac-conditions      2.0.0    5 dim.  35 crit.  Organisation communautaire en établissement — conditions de pratique (RQIIAC)
      specifique-engagement  2.0.0    7 dim.  24 crit.  SPECifique — soutien personnalisé à l'engagement clinique
      donner-le-cap          2.0.0    4 dim.  24 crit.  Donner le CAP! — qualité et sécurité des soins dans le projet de service
      partenariat-usagers    2.0.0   10 dim.  46 crit.  Partenariat avec l'usager et ses proches — plan de projet"
    `);
  });

  it("show: the outline of a template, decimal comma in weights", async () => {
    const dir = tempDir();
    const t = demoTemplate();
    const d2 = t.dimensions[1];
    if (d2) d2.weight = 1.5;
    const r = await run("show", writeJson(dir, "demo.json", t));
    expect(shown(r, dir)).toMatchInlineSnapshot(`
      "exit 0
      Grille de démonstration (demo-cli 1.2.0)
      Écrit pour les tests de la ligne de commande
      Échelle : 1 = Non atteint, 2 = Partiel, 3 = Atteint, 4 = Dépassé, S. O.
      Cible : 70 ; niveau cible : 3

      D1  Gouvernance  (poids 2, cible 80)
        C1           Énoncé du critère C1
        C2           Énoncé du critère C2
        C3           Énoncé du critère C3
        C4           Énoncé du critère C4

      D2  Offre de service  (poids 1,5)
        C5           Énoncé du critère C5
        C6           Énoncé du critère C6

      D3  Communication interne  (poids 1)
        C7           Énoncé du critère C7
        C8           Énoncé du critère C8
        C9           Énoncé du critère C9
        C10          Énoncé du critère C10

      D4  Partenaires  (poids 1)
        C11          Énoncé du critère C11
        C12          Énoncé du critère C12
        C13          Énoncé du critère C13
        C14          Énoncé du critère C14
        C15          Énoncé du critère C15
        C16          Énoncé du critère C16"
    `);
  });

  it("new and template-sheet: what they wrote", async () => {
    const dir = tempDir();
    const json = writeJson(dir, "demo.json", demoTemplate());
    expect(shown(await run("new", json, "-o", path.join(dir, "grille.xlsx")), dir)).toMatchInlineSnapshot(`
      "exit 0
      Classeur créé : <dir>/grille.xlsx — Grille de démonstration, 4 dimensions, 16 critères."
    `);
    expect(shown(await run("new", json, "-o", path.join(dir, "grille.xlsx")), dir)).toMatchInlineSnapshot(`
      "exit 2
      --- stderr ---
      erreur : <dir>/grille.xlsx: existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer"
    `);
    expect(shown(await run("template-sheet", json, "-o", path.join(dir, "modele.xlsx")), dir)).toMatchInlineSnapshot(`
      "exit 0
      Classeur de saisie créé : <dir>/modele.xlsx — demo-cli 1.2.0."
    `);
    expect(shown(await run("template-sheet", "--blank", "-o", path.join(dir, "vierge.xlsx")), dir)).toMatchInlineSnapshot(`
      "exit 0
      Classeur de saisie créé : <dir>/vierge.xlsx (vierge)."
    `);
  });

  it("fill: the count of criteria filled, and a criterion the grid lacks", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr", "grille.xlsx");
    const ok = writeText(dir, "reponses.csv", "criterion,rating,comment\nC1,4,\nC2,2,\nC3,SO,\n");
    expect(shown(await run("fill", xlsx, "--answers", ok), dir)).toMatchInlineSnapshot(`
      "exit 0
      3 critères remplis dans <dir>/grille.xlsx."
    `);
    const one = writeText(dir, "une.csv", "criterion,rating,comment\nC4,3,\n");
    expect(shown(await run("fill", xlsx, "--answers", one), dir)).toMatchInlineSnapshot(`
      "exit 0
      1 critère rempli dans <dir>/grille.xlsx."
    `);
    const unknown = writeText(dir, "inconnu.csv", "criterion,rating,comment\nC1,4,\nZZ-9,2,\n");
    expect(shown(await run("fill", xlsx, "--answers", unknown), dir)).toMatchInlineSnapshot(`
      "exit 2
      --- stderr ---
      erreur : <dir>/inconnu.csv:3: critère « ZZ-9 » inconnu (absent du modèle demo-cli)"
    `);
  });

  it("score: dimension ids and titles, decimal comma, percentages with a non-breaking space", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "fr");
    const r = await run("score", xlsx);
    expect(shown(r, dir)).toMatchInlineSnapshot(`
      "exit 0
      Grille de démonstration (demo-cli 1.2.0)
      Dimension  Titre                  Score  Cible  Écart  Complétude  Preuves
      D1         Gouvernance             46,7     80   33,3       100<nbsp>%      0<nbsp>%
      D2         Offre de service        25,0     70   45,0       100<nbsp>%      0<nbsp>%
      D3         Communication interne   50,0     70   20,0       100<nbsp>%      0<nbsp>%
      D4         Partenaires             53,3     70   16,7       100<nbsp>%      0<nbsp>%
      Global                             44,3     70   25,7       100<nbsp>%      0<nbsp>%
      15 critères évalués, 1 sans objet, sur 16."
    `);
    expect(r.out).toContain("\u00a0%");
    // No decimal point in the table (the version in the heading keeps its dots).
    expect(r.out.split("\n").slice(1).join("\n")).not.toMatch(/\d\.\d/);
  });

  it("plan: the actions to add, then added", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "fr");
    expect(shown(await run("plan", xlsx, "--dry-run"), dir)).toMatchInlineSnapshot(`
      "exit 0
      8 actions à ajouter au plan d'action (rien n'est écrit) :
        C6   D2  écart 1,0  priorité 3,0
        C1   D1  écart 2,0  priorité 2,0
        C2   D1  écart 1,0  priorité 2,0
        C5   D2  écart 2,0  priorité 2,0
        C9   D3  écart 2,0  priorité 2,0
        C13  D4  écart 2,0  priorité 2,0
        C10  D3  écart 1,0  priorité 1,0
        C14  D4  écart 1,0  priorité 1,0"
    `);
    expect(shown(await run("plan", xlsx), dir)).toMatchInlineSnapshot(`
      "exit 0
      8 actions ajoutées au plan d'action de <dir>/grid.xlsx :
        C6   D2  écart 1,0  priorité 3,0
        C1   D1  écart 2,0  priorité 2,0
        C2   D1  écart 1,0  priorité 2,0
        C5   D2  écart 2,0  priorité 2,0
        C9   D3  écart 2,0  priorité 2,0
        C13  D4  écart 2,0  priorité 2,0
        C10  D3  écart 1,0  priorité 1,0
        C14  D4  écart 1,0  priorité 1,0"
    `);
    expect(shown(await run("plan", xlsx), dir)).toMatchInlineSnapshot(`
      "exit 0
      Aucune action à ajouter : chaque critère sous sa cible a déjà une action."
    `);
  });

  it("check: findings and their count, then a clean workbook and a repair with nothing to restore", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "fr", "grille.xlsx");
    const some = writeText(dir, "reponses.csv", `criterion,rating,comment\n${Array.from({ length: 14 }, (_, i) => `C${i + 1},3,`).join("\n")}\n`);
    expect((await run("fill", xlsx, "--answers", some)).code).toBe(0);
    expect(shown(await run("check", xlsx), dir)).toMatchInlineSnapshot(`
      "exit 1
      avertissement : Grille!E19: le critère C15 n'a pas de cotation
      avertissement : Grille!E20: le critère C16 n'a pas de cotation
      2 constats, dont 0 erreur."
    `);
    const answered = await answeredWorkbook(tempDir(), "fr");
    expect(shown(await run("check", answered, "--repair"), path.dirname(answered))).toMatchInlineSnapshot(`
      "exit 0
      <dir>/grid.xlsx : aucune formule à rétablir.
      <dir>/grid.xlsx : rien à signaler."
    `);
  });

  it("upgrade: the summary, and each dimension's score before and after with why it moved", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "fr");
    const r = await run("upgrade", xlsx, "--template", writeJson(dir, "v2.json", nextVersion()), "-o", path.join(dir, "v2.xlsx"));
    expect(shown(r, dir)).toMatchInlineSnapshot(`
      "exit 0
      Mise à jour demo-cli 1.2.0 → demo-cli 1.3.0 : <dir>/v2.xlsx
        inchangés : 14 (C1, C2, C4, C5, C6, C8, C9, C10, C11, C12, C13, C14, C15, C16)
        modifiés : 1 (C7)
        archivés : 1 (C3) → feuille Archive
        ajoutés : 1 (C17)
        scores par dimension, avant → après :
          D1  46,7 → 41,7 (archivés : C3)
          D2  25,0 → 25,0
          D3  50,0 → 53,3 (modifiés : C7)
          D4  53,3 → 53,3 (ajoutés, sans cotation : C17)"
    `);
  });

  it("usage errors and a missing file, in French", async () => {
    const dir = tempDir();
    expect(shown(await run("score", path.join(dir, "absent.xlsx")), dir)).toMatchInlineSnapshot(`
      "exit 2
      --- stderr ---
      erreur : <dir>/absent.xlsx: fichier introuvable"
    `);
    const unknown = await run("score", "x.xlsx", "--jsno");
    expect(unknown.code).toBe(2);
    expect(unknown.errLines[0]).toBe("erreur : option inconnue « --jsno »");
    expect(unknown.err).toContain("(Vouliez-vous dire --json ?)");
    expect((await run("show")).errLines[0]).toBe("erreur : argument obligatoire manquant : « template »");
    expect((await run("templates", "--lang", "de")).errLines[0]).toBe(
      "erreur : la valeur « de » de l'option « --lang <lang> » n'est pas permise : choisissez parmi fr, en",
    );
  });
});

describe("the command line in English", () => {
  it("fill and score on an English workbook", async () => {
    const dir = tempDir();
    const { xlsx } = await newDemoWorkbook(dir, "en", "grid.xlsx");
    const lines = ["criterion,rating,comment", "C1,4,", "C2,Partial,", "C3,N/A,", "C5,3,", "C6,1,"];
    expect(shown(await run("fill", xlsx, "--answers", writeText(dir, "answers.csv", lines.join("\n"))), dir)).toMatchInlineSnapshot(`
      "exit 0
      5 criteria filled in <dir>/grid.xlsx."
    `);
    expect(shown(await run("score", xlsx), dir)).toMatchInlineSnapshot(`
      "exit 0
      Demo grid (demo-cli 1.2.0)
      Dimension              Title                   Score  Target   Gap  Completion  Evidence
      D1                     Governance               55.6      80  24.4         75%        0%
      D2                     Service offer            16.7      70  53.3        100%        0%
      D3                     Internal communication      —      70     —          0%        0%
      D4                     Partners                    —      70     —          0%        0%
      Overall (provisional)                           42.6      70  27.4         31%        0%
      4 criteria scored, 1 not applicable, out of 16.
      Provisional result: completion 31% is below the threshold of 80%; no maturity level."
    `);
  });

  it("--lang en wins over a French workbook", async () => {
    const dir = tempDir();
    const xlsx = await answeredWorkbook(dir, "fr");
    const r = await run("score", xlsx, "--lang", "en");
    expect(r.out).toContain("Overall");
    expect(r.out).toContain("15 criteria scored, 1 not applicable, out of 16.");
    // The titles stay in the workbook's language.
    expect(r.out).toMatch(/^D1 +Gouvernance +\d+\.\d /m);
  });

  it("an English locale: the commands that open no workbook speak English; new speaks its workbook's language", async () => {
    const dir = tempDir();
    expect(shown(await runIn(EN_LOCALE, "new", writeJson(dir, "demo.json", demoTemplate()), "-o", path.join(dir, "grid.xlsx"), "--lang", "en"), dir)).toMatchInlineSnapshot(`
      "exit 0
      Workbook written: <dir>/grid.xlsx — Demo grid, 4 dimensions, 16 criteria."
    `);
    // Without --lang, `new` writes a French workbook, and says so in French whatever the locale.
    expect((await runIn(EN_LOCALE, "new", writeJson(dir, "demo2.json", demoTemplate()), "-o", path.join(dir, "grille.xlsx"))).out).toContain("Classeur créé :");
    expect(shown(await runIn(EN_LOCALE, "check", path.join(dir, "absent.xlsx")), dir)).toMatchInlineSnapshot(`
      "exit 2
      --- stderr ---
      error: <dir>/absent.xlsx: no such file"
    `);
    // A French workbook still makes the commands that open it speak French.
    const fr = await answeredWorkbook(tempDir(), "fr");
    expect((await runIn(EN_LOCALE, "score", fr)).out).toContain("critères évalués");
  });
});

describe("--help", () => {
  it("is in French under a French locale: the program, its commands and commander's own words", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    for (const words of ["Utilisation :", "Options :", "Commandes :", "afficher l'aide de la commande", "afficher le numéro de version", "lister les modèles intégrés", "calculer les scores d'un classeur"]) {
      expect(r.out).toContain(words);
    }
    expect(r.out).not.toMatch(/Usage:|Commands:|display help/);
    const score = await run("score", "--help");
    for (const words of ["Utilisation :", "Arguments :", "le classeur d'autoévaluation", "écrire du JSON", "langue des messages", "choix : fr, en"]) {
      expect(score.out).toContain(words);
    }
  });

  it("is in English with --lang en, and under an English locale", async () => {
    for (const r of [await run("--help", "--lang", "en"), await runIn(EN_LOCALE, "--help")]) {
      for (const words of ["Usage:", "Options:", "Commands:", "display help for command", "list the built-in templates"]) expect(r.out).toContain(words);
    }
    const check = await runIn(EN_LOCALE, "check", "--help");
    for (const words of ["Arguments:", "the assessment workbook", "with --repair: write the repaired workbook", "choices: fr, en"]) {
      expect(check.out).toContain(words);
    }
  });

  it("words `qualigrid help <command>` in the language too", async () => {
    expect((await run("help", "fill")).out).toContain("remplir les cotations et commentaires");
    expect((await runIn(EN_LOCALE, "help", "fill")).out).toContain("fill ratings and comments");
  });
});
