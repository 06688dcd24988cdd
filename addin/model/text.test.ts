import { describe, expect, it } from "vitest";
import { textOf } from "./text.js";
import type { Lang, LocalizedText } from "./template.types.js";

describe("textOf", () => {
  it.each<[string, LocalizedText | undefined, Lang, string]>([
    ["a plain string in French", "Texte", "fr", "Texte"],
    ["a plain string in English", "Texte", "en", "Texte"],
    ["the French text in French", { fr: "Bonjour", en: "Hello" }, "fr", "Bonjour"],
    ["the English text in English", { fr: "Bonjour", en: "Hello" }, "en", "Hello"],
    ["French when English is missing", { fr: "Bonjour" }, "en", "Bonjour"],
    ["English when French is missing", { en: "Hello" }, "fr", "Hello"],
    ["French when English is empty", { fr: "Bonjour", en: "" }, "en", "Bonjour"],
    ["English when French is empty", { fr: "", en: "Hello" }, "fr", "Hello"],
    ["an empty text when both are missing", {}, "fr", ""],
    ["an empty text when both are empty", { fr: "", en: "" }, "en", ""],
    ["an empty text when the text is absent", undefined, "en", ""],
  ])("gives %s", (_, text, lang, expected) => {
    expect(textOf(text, lang)).toBe(expected);
  });
});
