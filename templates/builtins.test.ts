/**
 * The built-in templates, version 2.0.0 (issue 15): each parses cleanly; upgrading from the
 * 1.0.0 file as shipped (tests/fixtures/builtins-1.0.0/) loses no criterion (every old id kept,
 * or taken over by exactly one new criterion, with a levelMap when the scale changes, or named
 * below as left for review); every text is in both languages; every French text follows Québec
 * typography (OQLF).
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../addin/model/template.parse.js";
import { BUILTIN_TEMPLATES } from "./builtin.js";

const BUILTIN_DIR = fileURLToPath(new URL("./", import.meta.url));
const SHIPPED_DIR = fileURLToPath(new URL("../tests/fixtures/builtins-1.0.0/", import.meta.url));
const NBSP = "\u00a0";

const FILES = readdirSync(BUILTIN_DIR)
  .filter((f) => f.endsWith(".json") && f !== "template.schema.json")
  .sort();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function read(path: string): Json {
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The shipped 1.0.0 file a built-in upgrades from: same id, else the id it replaces. */
function currentOf(next: Json): { file: string; json: Json } {
  const shipped = new Set(readdirSync(SHIPPED_DIR).filter((f) => f.endsWith(".json")));
  for (const id of [next.id, ...(next.replaces ?? [])]) {
    if (shipped.has(`${id}.json`)) return { file: `${id}.json`, json: read(SHIPPED_DIR + `${id}.json`) };
  }
  throw new Error(`no 1.0.0 template for ${next.id}`);
}

function criteria(t: Json): Json[] {
  return t.dimensions.flatMap((d: Json) => d.criteria);
}

function scaleOf(t: Json, c: Json): Json {
  return c.scale !== undefined ? t.scales[c.scale] : t.scale;
}

function values(scale: Json): number[] {
  return scale.levels.map((l: Json) => l.value);
}

/**
 * Criteria whose rating cannot follow them and is listed for review on upgrade (their comment is
 * kept): rated questions turned into free-text questions, which carry no scale and so no levelMap.
 */
const LEFT_FOR_REVIEW: Record<string, string[]> = {
  "donner-le-cap": ["Q-01", "Q-02", "Q-03", "Q-04", "Q-05", "Q-06", "Q-07", "Q-08"],
  "engagement-qualite": [],
  "partenariat-usagers": ["FAC-01", "FAC-02", "FAC-03", "FAC-04", "FAC-05", "FAC-06", "BPUP-01", "OBS-01", "OBS-02", "OBS-03", "OBS-04"],
  "rqiiac-conditions": [],
  "specifique-engagement": [],
};

/** Every text field of the model, wherever it is. */
const TEXT_KEYS = new Set(["title", "source", "description", "label", "text", "guidance", "evidence", "deliverable", "owner", "indicator", "indicatorTarget"]);

/** [JSON path, text] of every localized text of a template. */
function texts(node: Json, path = ""): [string, Json][] {
  if (Array.isArray(node)) return node.flatMap((x, i) => texts(x, `${path}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([k, v]) => {
    const p = path ? `${path}.${k}` : k;
    if (TEXT_KEYS.has(k) && (typeof v === "string" || (typeof v === "object" && !Array.isArray(v) && ("fr" in (v as object) || "en" in (v as object))))) {
      return [[p, v] as [string, Json]];
    }
    return texts(v, p);
  });
}

/** What is wrong with a French text under Québec typography (OQLF), empty when nothing. */
function typographyFaults(s: string): string[] {
  const faults: string[] = [];
  if (s.includes("·")) faults.push("median dot « · » (write full doublets or epicene words)");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "«" && s[i + 1] !== NBSP) faults.push(`no NBSP after « at ${i}`);
    if (ch === "»" && s[i - 1] !== NBSP) faults.push(`no NBSP before » at ${i}`);
    if (ch === ":" && s.slice(i, i + 3) !== "://" && s[i - 1] !== NBSP) faults.push(`no NBSP before : at ${i}`);
    if ((ch === ";" || ch === "!" || ch === "?") && i > 0 && /\s/.test(s[i - 1] ?? "")) faults.push(`space before ${ch} at ${i}`);
  }
  return faults;
}

describe("typography check itself", () => {
  it("accepts Québec typography and names each fault", () => {
    expect(typographyFaults(`Voir «${NBSP}Donner le CAP!${NBSP}»${NBSP}: oui; non? https://rqiiac.qc.ca`)).toEqual([]);
    expect(typographyFaults("« x »")).toHaveLength(2);
    expect(typographyFaults("a : b")).toHaveLength(1);
    expect(typographyFaults("a ; b ! c ?")).toHaveLength(3);
    expect(typographyFaults(`a${NBSP}?`)).toHaveLength(1);
    expect(typographyFaults("les intervenant·e·s")).toHaveLength(1);
  });
});

describe("built-in templates 2.0.0", () => {
  it("holds the five built-ins, each loaded by builtin.ts, and the five 1.0.0 files as shipped", () => {
    expect(FILES).toEqual(["donner-le-cap.json", "engagement-qualite.json", "partenariat-usagers.json", "rqiiac-conditions.json", "specifique-engagement.json"]);
    expect(Object.keys(BUILTIN_TEMPLATES).map((id) => `${id}.json`).sort()).toEqual(FILES);
    expect(readdirSync(SHIPPED_DIR).sort()).toEqual(["engagement-qualite.json", "has-donner-le-cap.json", "partenariat-usagers.json", "rqiiac-conditions.json", "specifique-engagement.json"]);
  });

  it.each(FILES)("%s parses with no errors and no warnings, and is named after its id", (file) => {
    const json = read(BUILTIN_DIR + file);
    const r = parseTemplate(json);
    expect(r.ok ? r.warnings : r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(`${json.id}.json`).toBe(file);
  });

  it.each(FILES)("%s goes up to version 2.0.0 from its current 1.0.0", (file) => {
    const json = read(BUILTIN_DIR + file);
    expect(json.version).toBe("2.0.0");
    expect(currentOf(json).json.version).toBe("1.0.0");
  });

  it("Donner le CAP loses the « has- » prefix and replaces its old id", () => {
    const json = read(BUILTIN_DIR + "donner-le-cap.json");
    expect(json.id).toBe("donner-le-cap");
    expect(json.replaces).toEqual(["has-donner-le-cap"]);
    expect(currentOf(json).file).toBe("has-donner-le-cap.json");
  });

  it.each(FILES)("%s: every 1.0.0 criterion is kept or replaced exactly once", (file) => {
    const next = read(BUILTIN_DIR + file);
    const { json: old } = currentOf(next);
    const newIds = new Map(criteria(next).map((c: Json) => [c.id.toLowerCase(), c]));
    const takenBy = new Map<string, string[]>();
    for (const c of criteria(next)) for (const r of c.replaces ?? []) takenBy.set(r.toLowerCase(), [...(takenBy.get(r.toLowerCase()) ?? []), c.id]);
    const oldIds = new Set(criteria(old).map((c: Json) => c.id.toLowerCase()));
    const problems: string[] = [];
    for (const c of criteria(old)) {
      const key = c.id.toLowerCase();
      const kept = newIds.has(key);
      const by = takenBy.get(key) ?? [];
      if (kept && by.length > 0) problems.push(`${c.id} is kept and also replaced by ${by.join(", ")}`);
      if (!kept && by.length !== 1) problems.push(`${c.id} is ${by.length === 0 ? "lost" : `replaced ${by.length} times (${by.join(", ")})`}`);
    }
    for (const [id, by] of takenBy) if (!oldIds.has(id)) problems.push(`${by.join(", ")} replaces ${id}, which 1.0.0 does not have`);
    expect(problems).toEqual([]);
  });

  it.each(FILES)("%s: a criterion changing scale maps every old level, or is listed for review", (file) => {
    const next = read(BUILTIN_DIR + file);
    const { json: old } = currentOf(next);
    const oldValues = values(old.scale);
    const byOldId = new Map<string, Json>();
    for (const c of criteria(next)) {
      byOldId.set(c.id.toLowerCase(), c);
      for (const r of c.replaces ?? []) byOldId.set(r.toLowerCase(), c);
    }
    const review: string[] = [];
    const problems: string[] = [];
    for (const oc of criteria(old)) {
      const nc = byOldId.get(oc.id.toLowerCase());
      if (!nc) continue; // reported by the test above
      if (nc.type === "text") {
        review.push(oc.id);
        continue;
      }
      const scale = scaleOf(next, nc);
      const sameScale = nc.scale === undefined && JSON.stringify(values(scale)) === JSON.stringify(oldValues);
      if (sameScale) continue;
      const map = nc.levelMap ?? {};
      for (const v of oldValues) {
        const to = map[String(v)];
        if (to === undefined) problems.push(`${oc.id} → ${nc.id}: old level ${v} has no levelMap entry`);
        else if (!values(scale).includes(to)) problems.push(`${oc.id} → ${nc.id}: level ${v} maps to ${to}, not a level of its scale`);
      }
    }
    expect(problems).toEqual([]);
    expect(review).toEqual(LEFT_FOR_REVIEW[next.id]);
  });

  it.each(FILES)("%s: every text is given in French and English", (file) => {
    const missing = texts(read(BUILTIN_DIR + file))
      .filter(([, v]) => typeof v !== "object" || !v.fr?.trim() || !v.en?.trim())
      .map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it.each(FILES)("%s: every French text follows Québec typography", (file) => {
    const faults = texts(read(BUILTIN_DIR + file))
      .filter(([, v]) => typeof v === "object" && typeof v.fr === "string")
      .flatMap(([p, v]) => typographyFaults(v.fr).map((f) => `${p}: ${f} — ${v.fr.slice(0, 80)}`));
    expect(faults).toEqual([]);
  });
});

describe("templates/README.md", () => {
  /** Each row of the README's table: id → [dimensions, criteria, rated, text, steps, actions]. */
  const rows = new Map(
    [...readFileSync(BUILTIN_DIR + "README.md", "utf8").matchAll(/^\| `([a-z-]+)` \| (\d+) \| (\d+) \((\d+) \+ (\d+)\) \|.*\| (\d+|—) \| (\d+|—) \|$/gm)].map(
      (m) => [m[1], [m[2], m[3], m[4], m[5], m[6], m[7]].map((x) => (x === "—" ? 0 : Number(x)))] as const,
    ),
  );

  it.each(FILES)("counts %s's dimensions, criteria, steps and actions as the file has them", (file) => {
    const t = read(BUILTIN_DIR + file);
    const all = criteria(t);
    const text = all.filter((c: Json) => c.type === "text").length;
    expect(rows.get(t.id)).toEqual([t.dimensions.length, all.length, all.length - text, text, (t.steps ?? []).length, (t.actions ?? []).length]);
  });
});
