import type { PlainValue } from "./table.plain.js";
import type { MessageParams } from "./messages/message.types.js";
import type { InputIssue, Result, Scale, Template } from "./template.types.js";
import type { PlainSheet } from "./template.workbook.js";
import { cellAddress } from "./cell.address.js";
import { criterionTargetLevel, isTextCriterion, scaleOfCriterion } from "./criterion.scale.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.template.js";
import { plainText } from "./table.plain.js";
import { parseTemplate } from "./template.parse.js";

/** How many rows from the top of a sheet are searched for a header row. */
export const HEADER_SEARCH_ROWS = 10;

/** Default scale of a hand-made grid: 4 levels, FR/EN, N/A allowed. */
export const DEFAULT_SCALE = {
  levels: [
    { value: 1, label: { fr: "Non atteint", en: "Not met" } },
    { value: 2, label: { fr: "Partiellement atteint", en: "Partially met" } },
    { value: 3, label: { fr: "Atteint", en: "Met" } },
    { value: 4, label: { fr: "Dépassé", en: "Exceeded" } },
  ],
  notApplicable: true,
};
/** Default criterion target level of a hand-made grid. */
export const DEFAULT_TARGET_LEVEL = 3;

/**
 * The dimension target a set of criteria reaches when each is rated at its target level: that
 * score, rounded down to a whole number so that such a dimension never shows a shortfall (a few
 * 1e-15 of floating point in another computation included). 100 stays 100: a criterion at the top
 * of its scale scores exactly 1 everywhere. Undefined when no criterion is scored.
 */
export function targetAtTargetLevels(template: Pick<Template, "scale" | "scales" | "targetLevel">, criteria: Template["dimensions"][number]["criteria"]): number | undefined {
  let weights = 0;
  let sum = 0;
  for (const c of criteria) {
    const level = criterionTargetLevel(template, c);
    if (level === null || isTextCriterion(c)) continue;
    const values = scaleOfCriterion(template, c).levels.map((l) => l.value);
    const min = Math.min(...values);
    const max = Math.max(...values);
    weights += c.weight;
    sum += c.weight * ((level - min) / (max - min));
  }
  if (weights <= 0) return undefined;
  const score = 100 * (sum / weights);
  if (score >= 100 - 1e-9) return 100;
  return Math.min(100, Math.max(0, Math.floor(score - 1e-9)));
}

/** Default dimension target of a hand-made grid: what every criterion at level 3 of 1–4 scores, rounded down (66). */
export const DEFAULT_TARGET = targetAtTargetLevels({ scale: DEFAULT_SCALE, targetLevel: DEFAULT_TARGET_LEVEL }, [{ id: "x", text: "x", weight: 1 }]) ?? 0;

/** The columns a hand-made grid may have. */
export type GridColumn = "dimension" | "text" | "code" | "weight" | "guidance" | "evidence" | "target" | "scale" | "type" | "required" | "theme" | "replaces" | "levelMap";

/**
 * Header texts recognized for each column, compared after `normalizeHeader` (lower case, no
 * accents, punctuation as spaces, a final `s` dropped: `sous-thème` → `sou theme`). A header matches when it equals a synonym
 * or, for the first version's columns, starts with one followed by a space (`Poids (1-3)`).
 */
const GRID_SYNONYMS: Record<GridColumn, readonly string[]> = {
  dimension: ["dimension", "thematique", "theme", "axe", "domaine", "section", "chapitre", "category", "categorie", "area", "domain", "topic"],
  text: ["critere", "enonce", "exigence", "question", "criterion", "criteria", "statement", "item", "requirement", "libelle"],
  code: ["code", "id", "identifiant", "n", "no", "num", "numero", "ref", "reference", "number"],
  weight: ["poid", "ponderation", "weight", "coefficient", "coef"],
  evidence: ["preuve", "preuve attendue", "element de preuve", "evidence", "expected evidence", "justificatif"],
  guidance: ["repere", "aide", "precision", "exemple", "guidance", "note", "commentaire explicatif", "help", "hint"],
  target: ["niveau cible", "cible", "target", "target level", "objectif"],
  scale: ["echelle", "echelle de cotation", "echelle de notation", "scale", "rating scale"],
  type: ["type", "type de reponse", "type de critere", "type de question", "answer type", "criterion type", "question type"],
  required: ["requi", "obligatoire", "imperatif", "critere imperatif", "required", "mandatory"],
  theme: ["sou theme", "sou thematique", "sub theme", "subtheme", "sub topic", "subtopic"],
  replaces: ["remplace", "replace", "ancien code", "ancien identifiant", "old id", "old code", "former id"],
  levelMap: ["correspondance des niveaux", "correspondance de niveaux", "correspondance", "level map", "level mapping"],
};

/** Columns tried exactly first; only the first version's are also tried as a prefix (so `Type de preuve` stays unknown). */
const EXACT_ORDER: GridColumn[] = ["target", "evidence", "weight", "guidance", "dimension", "text", "code", "scale", "type", "required", "theme", "replaces", "levelMap"];
const PREFIX_ORDER: GridColumn[] = ["target", "evidence", "weight", "guidance", "dimension", "text", "code"];

/** The words a type cell may hold, normalized as headers are. */
export const TYPE_WORDS = {
  text: ["text", "texte", "libre", "reponse libre", "texte libre", "free text", "question ouverte", "open question", "open"],
  rating: ["rating", "cotation", "cote", "note", "echelle", "scale", "scored", "rated"],
} as const;

const YES = ["oui", "o", "yes", "y", "x", "vrai", "true", "1", "requi", "required", "obligatoire", "imperatif"];
const NO = ["non", "n", "no", "faux", "false", "0"];

/** A header text compared with the synonyms: `N° Référence ` → `n reference`, `Preuves attendues` → `preuve attendue`. */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => (w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w))
    .join(" ");
}

/** The grid column a header names, if any. */
export function classifyHeader(text: string): GridColumn | undefined {
  const h = normalizeHeader(text);
  if (h === "") return undefined;
  for (const key of EXACT_ORDER) if (GRID_SYNONYMS[key].includes(h)) return key;
  for (const key of PREFIX_ORDER) if (GRID_SYNONYMS[key].some((s) => h.startsWith(`${s} `))) return key;
  return undefined;
}

/**
 * A hand-made grid: the first sheet with a recognizable header row (in its first
 * `HEADER_SEARCH_ROWS` rows, at least a criterion-text column and one other known column).
 */
export function templateFromGridSheets(sheets: readonly PlainSheet[], file: string): Result<Template> {
  for (const sheet of sheets) {
    const header = findHeaderRow(sheet);
    if (header) return templateFromGridSheet(sheet, header.row, header.columns, file);
  }
  const names = sheets.map((s) => `« ${s.name} »`).join(", ");
  return { ok: false, issues: [issueOf("template.noHeaderRow", { sheets: names, rows: HEADER_SEARCH_ROWS }, file)] };
}

/**
 * The header row (0-based) of a sheet and the position of each recognized column. An English
 * `Theme` beside another dimension column (`Area`, `Domain`) is the sub-theme; alone, the dimension.
 */
function findHeaderRow(sheet: PlainSheet): { row: number; columns: Partial<Record<GridColumn, number>> } | undefined {
  let best: { row: number; columns: Partial<Record<GridColumn, number>>; count: number } | undefined;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    const columns: Partial<Record<GridColumn, number>> = {};
    let count = 0;
    let dimensionIsTheme = false;
    (sheet.rows[r] ?? []).forEach((v, c) => {
      if (typeof v !== "string") return;
      const key = classifyHeader(v);
      const isTheme = normalizeHeader(v) === "theme";
      if (key === "dimension" && columns.dimension !== undefined && columns.theme === undefined && (isTheme || dimensionIsTheme)) {
        if (isTheme) columns.theme = c;
        else {
          columns.theme = columns.dimension;
          columns.dimension = c;
          dimensionIsTheme = false;
        }
        count++;
        return;
      }
      if (key && columns[key] === undefined) {
        columns[key] = c;
        if (key === "dimension") dimensionIsTheme = isTheme;
        count++;
      }
    });
    if (columns.text !== undefined && count >= 2 && (!best || count > best.count)) best = { row: r, columns, count };
  }
  return best ? { row: best.row, columns: best.columns } : undefined;
}

/** A scale written in a cell: `Non ; Oui` (levels 1, 2…) or `0 = Non ; 1 = Oui`; undefined when it gives fewer than two distinct levels. */
function scaleOfCell(text: string): { value: number; label: string }[] | undefined {
  let parts = text.split(/[;|\n]/).map((p) => p.trim()).filter((p) => p !== "");
  if (parts.length < 2) parts = text.split("/").map((p) => p.trim()).filter((p) => p !== "");
  const valued = parts.map((p) => /^(-?\d+(?:[.,]\d+)?)\s*[=:]\s*(.+)$/.exec(p));
  const levels = valued.every((m) => m !== null)
    ? valued.map((m) => ({ value: Number((m as RegExpExecArray)[1]?.replace(",", ".")), label: ((m as RegExpExecArray)[2] ?? "").trim() }))
    : parts.map((label, i) => ({ value: i + 1, label }));
  const distinct = (xs: readonly (string | number)[]): boolean => new Set(xs).size === xs.length;
  if (levels.length < 2 || !distinct(levels.map((l) => l.value)) || !distinct(levels.map((l) => normalizeHeader(l.label)))) return undefined;
  return [...levels].sort((a, b) => a.value - b.value);
}

/** Whether a cell's scale is the default one, written in French or English. */
function isDefaultScale(levels: readonly { value: number; label: string }[]): boolean {
  return (["fr", "en"] as const).some(
    (lang) => levels.length === DEFAULT_SCALE.levels.length && levels.every((l, i) => l.value === DEFAULT_SCALE.levels[i]?.value && normalizeHeader(l.label) === normalizeHeader(DEFAULT_SCALE.levels[i]?.label[lang] ?? "")),
  );
}

/** `1=0; 2=5` as a level map; undefined when a part is not `number = number`. */
function levelMapOfCell(text: string): Record<string, number> | undefined {
  const out: Record<string, number> = {};
  for (const part of text.split(/[;\n]/)) {
    if (part.trim() === "") continue;
    const m = /^\s*(-?\d+(?:[.,]\d+)?)\s*(?:=|→|->)\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(part);
    if (!m) return undefined;
    out[String(Number(m[1]?.replace(",", ".")))] = Number(m[2]?.replace(",", "."));
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The grid column a criterion's JSON field comes from. */
const FIELD_COLUMNS: Record<string, GridColumn> = {
  id: "code",
  text: "text",
  guidance: "guidance",
  evidence: "evidence",
  weight: "weight",
  targetLevel: "target",
  scale: "scale",
  type: "type",
  required: "required",
  theme: "theme",
  replaces: "replaces",
  levelMap: "levelMap",
};

/**
 * Reads a hand-made grid below its header row. Rules (documented in design.md):
 * - a row with a criterion text is a criterion; its dimension is the dimension column's value,
 *   or the last one above (filled down, merged cells);
 * - a row whose only non-blank cell is outside the criterion column (or in the dimension column)
 *   starts a dimension with that title; blank rows are skipped;
 * - dimension ids are `D1`, `D2`… in order of first appearance; a criterion without a code gets
 *   `<dimension id>-<running number in the dimension, 2 digits>` (`D1-01`), with a letter suffix
 *   if that collides with a code in the sheet — so the same sheet always gives the same ids;
 * - the default 4-level scale (N/A allowed) and target level 3, unless a « Échelle » / `Scale`
 *   cell lists a criterion's own levels (`Non ; Oui`, `0 = Jamais ; 10 = Toujours`: scales `E1`,
 *   `E2`… by first appearance); « Type » (cotation | texte), « Requis » (Oui/Non/x),
 *   « Sous-thème » (themes `T1`, `T2`… per dimension), « Remplace » and « Correspondance des
 *   niveaux » (`1=0; 2=5`) give the second version's fields;
 * - each dimension's target is the score it has when every criterion is at its target level,
 *   rounded down, stated in the template's `source`.
 * Every problem is reported, with `sheet!cell`.
 */
function templateFromGridSheet(sheet: PlainSheet, headerRow: number, columns: Partial<Record<GridColumn, number>>, file: string): Result<Template> {
  const issues: InputIssue[] = [];
  // A « Type » column none of whose cells is a type word says something else (HAS: structure, processus, résultat).
  const typeCol = columns.type;
  const isTypeWord = (v: PlainValue | undefined): boolean => [...TYPE_WORDS.text, ...TYPE_WORDS.rating].some((w) => w === normalizeHeader(plainText(v ?? null)));
  if (typeCol !== undefined && !sheet.rows.slice(headerRow + 1).some((row) => isTypeWord(row[typeCol]))) columns = { ...columns, type: undefined };
  const at = (r: number, c: number): string => `${file}: ${sheet.name}!${cellAddress(r + 1, c + 1)}`;
  const err = (r: number, c: number, code: string, params: MessageParams = {}): void => void issues.push(issueOf(code, params, at(r, c)));
  const textCol = columns.text as number;
  const get = (r: number, key: GridColumn): PlainValue => {
    const c = columns[key];
    return c === undefined ? null : (sheet.rows[r]?.[c] ?? null);
  };
  const str = (v: PlainValue): string | undefined => {
    const s = plainText(v).trim();
    return s === "" ? undefined : s;
  };

  interface DimDraft {
    id: string;
    title: string;
    themes: { id: string; title: string; row: number }[];
    criteria: { code: string | undefined; row: number; json: Record<string, unknown> }[];
  }
  const dims: DimDraft[] = [];
  let current: DimDraft | undefined;
  const dimFor = (title: string): DimDraft => {
    let d = dims.find((x) => x.title === title);
    if (!d) {
      d = { id: `D${dims.length + 1}`, title, themes: [], criteria: [] };
      dims.push(d);
    }
    return d;
  };
  const known = new Set(Object.values(columns));
  const codes = new Map<string, string>();
  const scales: { id: string; key: string; row: number; scale: Scale }[] = [];

  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const filled = row.map((v, c) => ({ v: str(v ?? null), c })).filter((x) => x.v !== undefined);
    if (filled.length === 0) continue;
    const text = str(get(r, "text"));
    const dimTitle = str(get(r, "dimension"));
    if (text === undefined) {
      const only = filled.length === 1 ? filled[0] : undefined;
      const detail = [columns.weight, columns.target, columns.guidance, columns.evidence, columns.scale, columns.type, columns.required, columns.theme, columns.replaces, columns.levelMap];
      const looksLikeCode = only !== undefined && only.c === columns.code && /^\S{1,12}$/.test(only.v ?? "");
      const heading = only && !detail.includes(only.c) && !looksLikeCode ? only.v : undefined;
      if (heading !== undefined) {
        current = dimFor(heading);
        continue;
      }
      if (dimTitle !== undefined && filled.every((x) => x.c === columns.dimension || !known.has(x.c))) {
        current = dimFor(dimTitle);
        continue;
      }
      err(r, textCol, "template.grid.textEmpty");
      continue;
    }
    if (dimTitle !== undefined) current = dimFor(dimTitle);
    if (!current) current = dimFor(sheet.name);
    const json: Record<string, unknown> = { text };
    const code = str(get(r, "code"));
    if (code !== undefined) {
      const c = columns.code as number;
      if (!/^[A-Za-z0-9][A-Za-z0-9._ -]*$/.test(code)) err(r, c, "template.grid.codeInvalid", { code });
      const key = code.toLowerCase();
      const first = codes.get(key);
      if (first !== undefined) err(r, c, "template.grid.codeTwice", { code, first });
      else codes.set(key, `${sheet.name}!${cellAddress(r + 1, c + 1)}`);
    }
    const guidance = str(get(r, "guidance"));
    if (guidance !== undefined) json.guidance = guidance;
    const evidence = str(get(r, "evidence"));
    if (evidence !== undefined) json.evidence = evidence;
    const weight = number(get(r, "weight"));
    if (weight === "invalid" || (typeof weight === "number" && weight < 0)) err(r, columns.weight as number, "template.grid.weightInvalid", { value: cellValue(get(r, "weight")) });
    else if (weight !== undefined) json.weight = weight;

    const typeText = str(get(r, "type"));
    const typeKey = typeText === undefined ? undefined : normalizeHeader(typeText);
    const isText = typeKey !== undefined && (TYPE_WORDS.text as readonly string[]).includes(typeKey);
    if (typeText !== undefined && !isText && !(TYPE_WORDS.rating as readonly string[]).includes(typeKey ?? "")) err(r, columns.type as number, "template.grid.typeInvalid", { value: typeText });
    if (isText) json.type = "text";

    let levels = DEFAULT_SCALE.levels.map((l) => l.value);
    const scaleText = str(get(r, "scale"));
    if (scaleText !== undefined) {
      const own = scaleOfCell(scaleText);
      if (own === undefined) err(r, columns.scale as number, "template.grid.scaleInvalid", { value: scaleText });
      else if (!isDefaultScale(own)) {
        const key = own.map((l) => `${l.value}=${normalizeHeader(l.label)}`).join(";");
        let entry = scales.find((s) => s.key === key);
        if (!entry) scales.push((entry = { id: `E${scales.length + 1}`, key, row: r, scale: { levels: own, notApplicable: true } }));
        json.scale = entry.id;
        levels = own.map((l) => l.value);
      }
    }

    const target = number(get(r, "target"));
    if (!isText && (target === "invalid" || (typeof target === "number" && !levels.includes(target)))) {
      err(r, columns.target as number, "template.grid.targetInvalid", { value: cellValue(get(r, "target")), values: levels.join(", ") });
    } else if (target !== undefined) json.targetLevel = target;

    const requiredText = str(get(r, "required"));
    if (requiredText !== undefined) {
      const key = normalizeHeader(requiredText);
      if (YES.includes(key)) json.required = true;
      else if (!NO.includes(key)) err(r, columns.required as number, "template.grid.requiredInvalid", { value: requiredText });
    }
    const themeTitle = str(get(r, "theme"));
    if (themeTitle !== undefined) {
      let theme = current.themes.find((t) => t.title.toLowerCase() === themeTitle.toLowerCase());
      if (!theme) current.themes.push((theme = { id: `T${current.themes.length + 1}`, title: themeTitle, row: r }));
      json.theme = theme.id;
    }
    const replaces = str(get(r, "replaces"));
    if (replaces !== undefined) json.replaces = replaces.split(/[,;\n]/).map((x) => x.trim()).filter((x) => x !== "");
    const levelMapText = str(get(r, "levelMap"));
    if (levelMapText !== undefined) {
      const map = levelMapOfCell(levelMapText);
      if (map === undefined) err(r, columns.levelMap as number, "template.grid.levelMapInvalid", { value: levelMapText });
      else json.levelMap = map;
    }
    current.criteria.push({ code, row: r, json });
  }
  if (dims.length === 0 && issues.length === 0) err(headerRow + 1, textCol, "template.grid.noCriterion");
  if (issues.length > 0) return { ok: false, issues };

  const used = new Set([...codes.keys()]);
  const kept = dims.filter((d) => d.criteria.length > 0);
  const dimensions = kept.map((d) => ({
    id: d.id,
    title: d.title,
    ...(d.themes.length > 0 ? { themes: d.themes.map((t) => ({ id: t.id, title: t.title })) } : {}),
    criteria: d.criteria.map((c, i) => {
      let id = c.code === undefined ? `${d.id}-${String(i + 1).padStart(2, "0")}` : toId(c.code);
      if (c.code === undefined) {
        const base = id;
        for (let n = 0; used.has(id.toLowerCase()); n++) id = `${base}${String.fromCharCode(97 + (n % 26))}${n >= 26 ? Math.floor(n / 26) : ""}`;
        used.add(id.toLowerCase());
      }
      return { id, ...c.json };
    }),
  }));
  const title = titleAbove(sheet, headerRow) ?? sheet.name;
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const own = scales.length > 0 ? `, ${scales.length} échelle${scales.length > 1 ? "s" : ""} propre${scales.length > 1 ? "s" : ""} (${scales.map((s) => s.id).join(", ")})` : "";
  const ownEn = scales.length > 0 ? `, ${scales.length} own scale${scales.length > 1 ? "s" : ""} (${scales.map((s) => s.id).join(", ")})` : "";
  const json: Record<string, unknown> = {
    id: toId(base) || "grille",
    version: "1.0.0",
    title,
    source: {
      fr:
        `Grille faite à la main, importée de «\u00a0${base}\u00a0», feuille «\u00a0${sheet.name}\u00a0»\u00a0; échelle par défaut à 4\u00a0niveaux (sans objet permis)${own}, niveau cible ${DEFAULT_TARGET_LEVEL}\u00a0; ` +
        `cible de chaque dimension\u00a0: son score quand chaque critère est à son niveau cible, arrondi à l'entier inférieur (${DEFAULT_TARGET} pour le niveau ${DEFAULT_TARGET_LEVEL} de 1 à 4), pour qu'une grille cotée partout au niveau cible ne montre aucun écart.`,
      en:
        `Hand-made grid imported from "${base}", sheet "${sheet.name}"; default 4-level scale (N/A allowed)${ownEn}, target level ${DEFAULT_TARGET_LEVEL}; ` +
        `each dimension's target: its score when every criterion is at its target level, rounded down (${DEFAULT_TARGET} for level ${DEFAULT_TARGET_LEVEL} of 1 to 4), so that a grid rated at the target level everywhere shows no shortfall.`,
    },
    scale: DEFAULT_SCALE,
    ...(scales.length > 0 ? { scales: Object.fromEntries(scales.map((s) => [s.id, s.scale])) } : {}),
    target: DEFAULT_TARGET,
    targetLevel: DEFAULT_TARGET_LEVEL,
    dimensions,
  };
  // Where a JSON path of this template comes from in the sheet, so that the check names the cell.
  const cellOf = (path: string): string | undefined => {
    const crit = /^dimensions\[(\d+)\]\.criteria\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
    if (crit) {
      const c = kept[Number(crit[1])]?.criteria[Number(crit[2])];
      const col = columns[FIELD_COLUMNS[crit[3] ?? "text"] ?? "text"] ?? textCol;
      return c === undefined ? undefined : at(c.row, col);
    }
    const theme = /^dimensions\[(\d+)\]\.themes\[(\d+)\]/.exec(path);
    const t = theme ? kept[Number(theme[1])]?.themes[Number(theme[2])] : undefined;
    if (t) return at(t.row, columns.theme ?? textCol);
    const scale = /^scales\.([^.[]+)/.exec(path);
    const s = scale ? scales.find((x) => x.id === scale[1]) : undefined;
    return s ? at(s.row, columns.scale ?? textCol) : undefined;
  };
  const parsed = parseTemplate(json);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ ...i, path: cellOf(i.path) ?? `${file}: ${sheet.name}: ${i.path}` })) };
  // Each dimension's target follows from its criteria's target levels (issue 15, item 9).
  let changed = false;
  dimensions.forEach((d, i) => {
    const target = targetAtTargetLevels(parsed.value, parsed.value.dimensions[i]?.criteria ?? []);
    if (target !== undefined && target !== DEFAULT_TARGET) {
      (d as Record<string, unknown>).target = target;
      changed = true;
    }
  });
  return changed ? parseTemplate(json) : parsed;
}

/** The first text above the header row (a merged title), if any. */
function titleAbove(sheet: PlainSheet, headerRow: number): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    for (const v of sheet.rows[r] ?? []) {
      const s = plainText(v).trim();
      if (s !== "") return s;
    }
  }
  return undefined;
}

/** A code as a template id: accents dropped, other characters as `-`, starting with a letter, at most 40. */
export function toId(text: string): string {
  let s = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s !== "" && !/^[A-Za-z]/.test(s)) s = `C${s}`;
  return s.slice(0, 40);
}

function number(v: PlainValue): number | "invalid" | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : "invalid";
  const s = plainText(v).trim();
  if (s === "") return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : "invalid";
}

/** A cell's value for a message: a number stays one, so that French writes it with a decimal comma. */
function cellValue(v: PlainValue): string | number {
  return typeof v === "number" ? v : plainText(v);
}
