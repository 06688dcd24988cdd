import iconv from "iconv-lite";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.answers.js";
import type { Result } from "./template.types.js";

/** The encodings a CSV may be read in. */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** How messages name each encoding. */
const SHOWN: Record<TextEncoding, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16 LE", "utf-16be": "UTF-16 BE", "windows-1252": "Windows-1252" };

/**
 * The names `--encoding` takes, without case, dashes or underscores. « latin1 » and « ISO-8859-1 »
 * mean Windows-1252, as in browsers (the WHATWG Encoding standard): that is what Windows writes.
 */
const NAMES: Record<string, TextEncoding> = {
  utf8: "utf-8",
  utf16le: "utf-16le",
  utf16be: "utf-16be",
  windows1252: "windows-1252",
  cp1252: "windows-1252",
  latin1: "windows-1252",
  iso88591: "windows-1252",
};

/** The encoding `--encoding NAME` means, or undefined for a name Qualigrid does not read. */
export function encodingNamed(name: string): TextEncoding | undefined {
  return NAMES[name.toLowerCase().replace(/[-_\s]/g, "")];
}

/** A file's text and how it was read. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the file began with a byte order mark (not part of `text`). */
  bom: boolean;
}

/** The encoding a byte order mark announces, or undefined when the file has none. */
export function bomOf(bytes: Uint8Array): TextEncoding | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  return undefined;
}

/**
 * Reads a text file's bytes in `given` encoding, or else in the one it shows: a byte order mark
 * (UTF-8, UTF-16 LE as Excel's « Texte Unicode » saves it, UTF-16 BE), else UTF-8 when every line is
 * valid UTF-8, else Windows-1252 (Excel's « CSV (séparateur : point-virgule) » on a French Windows).
 * Bytes that are not text in the encoding used are refused with the line of the first one, never
 * turned into `�`; so is a file that mixes UTF-8 lines with others, a workbook, and a NUL character.
 */
export function decodeTextFile(bytes: Uint8Array, file: string, given?: TextEncoding): Result<DecodedText> {
  const refuse = (code: string, line: number, params: Record<string, string | number> = {}): Result<DecodedText> => ({
    ok: false,
    issues: [issueOf(code, { file, line, ...params }, `${file}:${line}`)],
  });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, issues: [issueOf("answers.workbookNotCsv", { file }, file)] };
  }
  const bom = bomOf(bytes);
  if (given !== undefined && bom !== undefined && bom !== given) return refuse("answers.bomMismatch", 1, { bom: SHOWN[bom], encoding: given });

  let encoding = given ?? bom;
  // A file valid as UTF-8 as a whole is valid line by line: only the others are split into lines.
  const asUtf8 = encoding === undefined ? decodeStrict(bytes, "utf-8") : undefined;
  if (asUtf8 !== undefined) encoding = "utf-8";
  if (encoding === undefined) {
    const lines = byteLines(bytes, 1).map((l) => decodeStrict(l, "utf-8"));
    const bad = lines.findIndex((l) => l === undefined);
    if (bad < 0) encoding = "utf-8";
    else {
      // A file whose other lines are UTF-8 with accents is UTF-8 gone wrong: read as Windows-1252, they would turn into « Ã© ».
      const utf8 = lines.findIndex((l) => l !== undefined && /[^\p{ASCII}]/u.test(l));
      if (utf8 >= 0) return refuse("answers.mixedEncodings", bad + 1, { utf8Line: utf8 + 1 });
      encoding = "windows-1252";
    }
  }

  let text: string;
  if (encoding === "windows-1252") {
    // iconv-lite gives U+FFFD for the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    text = iconv.decode(Buffer.from(bytes), "windows-1252");
    const bad = text.indexOf("\uFFFD");
    if (bad >= 0) return refuse("answers.badBytes", lineAt(text, bad), { encoding: SHOWN[encoding] });
  } else {
    const le = encoding === "utf-16be" ? swapBytes(bytes) : bytes;
    const as = encoding === "utf-8" ? "utf-8" : "utf-16le";
    const whole = asUtf8 ?? decodeStrict(le, as);
    if (whole === undefined) {
      const bad = byteLines(le, as === "utf-8" ? 1 : 2).findIndex((l) => decodeStrict(l, as) === undefined);
      return refuse("answers.badBytes", Math.max(bad, 0) + 1, { encoding: SHOWN[encoding] });
    }
    text = whole;
  }
  text = text.replace(/^\uFEFF/, "");
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return refuse("answers.nulCharacter", lineAt(text, nul));
  return { ok: true, value: { text, encoding, bom: bom !== undefined }, warnings: [] };
}

/** The text of `bytes`, or undefined when they are not valid in `encoding` (a leading byte order mark is dropped). */
function decodeStrict(bytes: Uint8Array, encoding: "utf-8" | "utf-16le"): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The lines of a file's bytes, split at each line feed: the byte 0x0A (`unit` 1: UTF-8 and
 * Windows-1252, where it is never part of another character) or the code unit 0x000A (`unit` 2: UTF-16 LE).
 */
function byteLines(bytes: Uint8Array, unit: 1 | 2): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i + unit <= bytes.length; i += unit) {
    if (bytes[i] === 0x0a && (unit === 1 || bytes[i + 1] === 0x00)) {
      lines.push(bytes.subarray(start, i));
      start = i + unit;
    }
  }
  lines.push(bytes.subarray(start));
  return lines;
}

/** UTF-16 BE bytes as UTF-16 LE (a lone last byte stays, and fails to decode as it should). */
function swapBytes(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  for (let i = 0; i + 1 < out.length; i += 2) {
    out[i] = bytes[i + 1] as number;
    out[i + 1] = bytes[i] as number;
  }
  return out;
}

/** The 1-based line of position `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
