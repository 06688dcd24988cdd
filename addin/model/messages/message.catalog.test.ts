/**
 * The whole catalogue, walked: every section in this folder is imported (found on disk, so a new
 * section is walked without being listed here), and every code has a French and an English text
 * that are not empty, never print "undefined", and name the same parameters.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Lang } from "../template.types.js";
import { messageCodes, messageText } from "./message.catalog.js";

/** The areas of the sections in this folder: `messages.<area>.ts`. */
const SECTIONS = readdirSync(new URL(".", import.meta.url)).flatMap((f) => /^messages\.([\w-]+)\.ts$/.exec(f)?.[1] ?? []);
for (const area of SECTIONS) await import(`./messages.${area}.ts`);

/** Values a parameter takes in turn, so both branches of a plural or a condition are read. */
const PROBES: (string | number)[] = [0, 1, 2, 53.3, "x"];

/** The text of `code` in `lang` for each probe, and every parameter name the texts read. */
function probe(code: string, lang: Lang): { texts: string[]; keys: string[] } {
  const keys = new Set<string>();
  const texts = PROBES.map((value) => {
    const params = new Proxy({} as Record<string, string | number>, {
      get: (_t, key) => {
        if (typeof key === "string") keys.add(key);
        return value;
      },
      has: (_t, key) => {
        if (typeof key === "string") keys.add(key);
        return true;
      },
    });
    return messageText(code, params, lang) ?? "";
  });
  return { texts, keys: [...keys].sort() };
}

describe("the message catalogue", () => {
  it("has sections, each adding codes", () => {
    expect(SECTIONS.length).toBeGreaterThan(0);
    expect(messageCodes().length).toBeGreaterThan(SECTIONS.length);
  });

  it("has no code twice", () => {
    const codes = messageCodes();
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(messageCodes())("%s: French and English texts, not empty, with the same parameters", (code) => {
    const fr = probe(code, "fr");
    const en = probe(code, "en");
    for (const text of [...fr.texts, ...en.texts]) {
      expect(typeof text).toBe("string");
      expect(text.trim()).not.toBe("");
      expect(text).not.toMatch(/undefined|\[object |NaN/);
    }
    expect(fr.keys, "parameters read by the French text vs the English one").toEqual(en.keys);
  });
});
