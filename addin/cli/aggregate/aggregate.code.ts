import { createHmac, randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A member's anonymous code (design.md "Network aggregate"): HMAC-SHA256 with `key` of the
 * organization's name, trimmed and lower-cased, joined to the template id by `|`, cut to 10 hex
 * characters. The same name and key give the same code at every run; without the key it cannot be
 * traced back to the name.
 */
export function memberCode(key: string, organization: string, templateId: string): string {
  return createHmac("sha256", key).update(`${organization.trim().toLowerCase()}|${templateId}`).digest("hex").slice(0, 10);
}

/** The key file kept beside an output workbook: `reseau.xlsx` → `reseau.key`. */
export function keyFileOf(output: string): string {
  const ext = path.extname(output);
  return path.join(path.dirname(output), `${path.basename(output, ext)}.key`);
}

/**
 * The key of the codes: the one given, else the one in the key file, else a new random one written
 * to the key file (readable by its owner only). `created` says when the file was made; `empty` when
 * the file is there but holds no key.
 */
export async function codeKey(given: string | undefined, keyFile: string): Promise<{ ok: true; key: string; created: boolean } | { ok: false }> {
  if (given !== undefined && given !== "") return { ok: true, key: given, created: false };
  const existing = await readFile(keyFile, "utf8").then(
    (t) => t.trim(),
    (e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? null : ""),
  );
  if (existing === "") return { ok: false };
  if (existing !== null) return { ok: true, key: existing, created: false };
  const key = randomBytes(32).toString("hex");
  await writeFile(keyFile, `${key}\n`, { mode: 0o600, flag: "wx" });
  return { ok: true, key, created: true };
}
