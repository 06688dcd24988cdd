// Which language the command line speaks: --lang, else the workbook's, else the system locale's.
import { describe, expect, it } from "vitest";
import { Cli, cliLang, langInArgv, langOf, localeLang } from "../../addin/cli/cli.lang.js";

describe("localeLang: the system locale", () => {
  it.each([
    [{ LANG: "fr_CA.UTF-8" }, "fr"],
    [{ LANG: "fr_FR" }, "fr"],
    [{ LANG: "fr" }, "fr"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{ LANG: "C.UTF-8" }, "en"],
    [{ LANG: "de_DE.UTF-8" }, "en"],
    [{ LANG: "fy_NL.UTF-8" }, "en"],
    [{ LC_ALL: "fr_CA.UTF-8", LANG: "en_US.UTF-8" }, "fr"],
    [{ LC_ALL: "C", LC_MESSAGES: "fr_CA.UTF-8" }, "en"],
    [{ LC_MESSAGES: "fr_BE.UTF-8", LANG: "en_CA.UTF-8" }, "fr"],
    [{ LC_ALL: "", LC_MESSAGES: "", LANG: "fr_CA.UTF-8" }, "fr"],
  ])("%o → %s (LC_ALL, then LC_MESSAGES, then LANG)", (env, lang) => {
    expect(localeLang(env, "en-US")).toBe(lang);
    expect(localeLang(env, "fr-CA")).toBe(lang);
  });

  it("asks the runtime's locale when no variable is set (Windows sets none)", () => {
    expect(localeLang({}, "fr-CA")).toBe("fr");
    expect(localeLang({}, "en-CA")).toBe("en");
    expect(localeLang({ LANG: "" }, "fr-FR")).toBe("fr");
  });
});

describe("cliLang: --lang wins, then the workbook, then the locale", () => {
  it.each([
    [{ given: "en", workbook: "fr", env: { LANG: "fr_CA.UTF-8" } }, "en"],
    [{ given: "fr", env: { LANG: "en_US.UTF-8" } }, "fr"],
    [{ workbook: "fr", env: { LANG: "en_US.UTF-8" } }, "fr"],
    [{ workbook: "en", env: { LANG: "fr_CA.UTF-8" } }, "en"],
    [{ env: { LANG: "fr_CA.UTF-8" } }, "fr"],
    [{ env: { LANG: "C" } }, "en"],
  ] as const)("%o → %s", (o, lang) => {
    expect(cliLang(o)).toBe(lang);
  });
});

describe("langInArgv: --lang read before commander parses", () => {
  it.each([
    [["score", "f.xlsx", "--lang", "fr"], "fr"],
    [["--lang=en", "templates"], "en"],
    [["show", "x", "--lang", "fr", "--lang", "en"], "en"],
    [["show", "x", "--lang", "de"], undefined],
    [["show", "x", "--lang"], undefined],
    [["show", "--", "--lang", "fr"], undefined],
    [["templates"], undefined],
  ])("%o → %s", (argv, lang) => {
    expect(langInArgv(argv)).toBe(lang);
  });
});

describe("Cli: the language spoken as a command runs", () => {
  const io = { out: () => undefined, err: () => undefined };

  it("takes the workbook's language once one is opened, unless --lang was given", () => {
    const cli = new Cli(io, undefined, { LANG: "en_US.UTF-8" });
    expect(cli.lang).toBe("en");
    cli.workbookOpened("fr");
    expect(cli.lang).toBe("fr");
    const given = new Cli(io, "en", { LANG: "fr_CA.UTF-8" });
    given.workbookOpened("fr");
    expect(given.lang).toBe("en");
    expect(langOf(given)).toBe("en");
  });

  it("a plain io speaks English (logs and scripts)", () => {
    expect(langOf(io)).toBe("en");
  });
});
