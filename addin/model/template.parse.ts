import type { ErrorObject } from "ajv";
import { parse as parseJsonTolerant, printParseErrorCode, type ParseError } from "jsonc-parser";
import { childPath, lineColumnAt, pointerToPath } from "./json.path.js";
import { issueOf } from "./messages/message.catalog.js";
import "./messages/messages.limits.js";
import "./messages/messages.template.js";
import { EXCEL_LIMITS } from "./excel.limits.js";
import type { MessageParams } from "./messages/message.types.js";
import { isNaToken, scaleRange } from "./scale.js";
import { textVariants } from "./text.js";
import type { Criterion, Dimension, InputIssue, LocalizedText, MaturityBand, ProcessStep, Result, Scale, Template, TemplateAction, Theme } from "./template.types.js";
import { validate } from "./template.validate.generated.js";

// The schema's validator is compiled ahead of time (scripts/generate-validator.mjs): compiling it
// here would need `new Function`, which the task pane's Content Security Policy refuses.
const validateShape = validate as unknown as { (data: unknown): boolean; errors?: ErrorObject[] | null };

const TEXT_DEF = "#/definitions/text";

/** The message of each schema keyword that sets a bound (`limit`). */
const LIMIT_CODES: Readonly<Record<string, string>> = {
  minimum: "template.minimum",
  maximum: "template.maximum",
  minItems: "template.minItems",
  maxLength: "template.maxLength",
};

/**
 * Validates a template given as parsed JSON and returns it with defaults filled in.
 * Every problem is reported at once, each with its JSON path; unknown keys are warnings.
 */
export function parseTemplate(json: unknown): Result<Template> {
  const issues: InputIssue[] = [];
  if (validateShape(json) !== true) issues.push(...shapeIssues(validateShape.errors ?? [], json));
  if (isRecord(json)) issues.push(...meaningIssues(json));
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, value: normalize(json as unknown as Template), warnings: sortIssues(issues) };
}

/**
 * Parses template JSON text from `file`; a syntax error is reported with its line and column.
 * Issue paths are prefixed with the file name.
 */
export function parseTemplateText(text: string, file: string): Result<Template> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, issues: [jsonSyntaxIssue(text, file, e)] };
  }
  const parsed = parseTemplate(json);
  const prefix = (i: InputIssue): InputIssue => ({ ...i, path: `${file}: ${i.path}` });
  return parsed.ok
    ? { ...parsed, warnings: parsed.warnings.map(prefix) }
    : { ok: false, issues: parsed.issues.map(prefix) };
}

/**
 * Where and what a JSON syntax error is. Node's own message does not always give a position, so
 * the position comes from a second, error-tolerant parse.
 */
function jsonSyntaxIssue(text: string, file: string, e: unknown): InputIssue {
  const errors: ParseError[] = [];
  parseJsonTolerant(text.replace(/^\uFEFF/, ""), errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  const reason = first ? printParseErrorCode(first.error) : e instanceof Error ? e.message : String(e);
  const where = first ? lineColumnAt(text.replace(/^\uFEFF/, ""), first.offset) : undefined;
  const loc = where ? `${file}:${where.line}:${where.column}` : file;
  return issueOf("template.jsonSyntax", { reason: reason.replace(/\s+/g, " ") }, loc);
}

function shapeIssues(errors: ErrorObject[], json: unknown): InputIssue[] {
  const out: InputIssue[] = [];
  // A text field that fails its `oneOf` yields one error per branch; report it once, in our words.
  const textFields = new Set(errors.filter((e) => e.schemaPath === `${TEXT_DEF}/oneOf`).map((e) => e.instancePath));
  for (const pointer of textFields) out.push(...textIssues(valueAt(json, pointer), pointerToPath(pointer)));
  for (const e of errors) {
    if (e.schemaPath.startsWith(TEXT_DEF) || e.keyword === "propertyNames") continue;
    // A key that breaks `propertyNames` (a scale id, a level map's old value) is named in the path.
    const key = (e as { propertyName?: string }).propertyName ?? (e.params as { propertyName?: string }).propertyName;
    const path = key === undefined ? pointerToPath(e.instancePath) : `${pointerToPath(e.instancePath)}["${key}"]`;
    if (key !== undefined && e.instancePath.endsWith("/levelMap")) {
      out.push(issueOf("template.levelMapKey", { key }, path));
      continue;
    }
    switch (e.keyword) {
      case "additionalProperties": {
        const key = String((e.params as { additionalProperty: string }).additionalProperty);
        out.push(issueOf("template.unknownKey", { key }, childPath(path, key), "warning"));
        break;
      }
      case "required": {
        const key = String((e.params as { missingProperty: string }).missingProperty);
        out.push(issueOf("template.required", { key }, childPath(path, key)));
        break;
      }
      case "pattern":
        out.push(issueOf(e.instancePath.endsWith("/version") ? "template.version" : "template.idPattern", {}, path));
        break;
      case "type":
        out.push(issueOf("template.type", { type: String((e.params as { type: unknown }).type) }, path));
        break;
      case "enum":
        out.push(issueOf("template.enum", { values: ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).join(", ") }, path));
        break;
      default: {
        // 1e309 parses to Infinity: say it is no number a spreadsheet can hold, not that it is over a bound.
        if ((e.keyword === "maximum" || e.keyword === "minimum") && !Number.isFinite(valueAt(json, e.instancePath))) {
          if (!out.some((i) => i.path === path && i.code === "limits.notFinite")) out.push(issueOf("limits.notFinite", {}, path));
          break;
        }
        const limit = LIMIT_CODES[e.keyword];
        if (limit) out.push(issueOf(limit, { limit: (e.params as { limit: number }).limit }, path));
        else out.push(issueOf("template.schema", { keyword: e.keyword, detail: e.message ?? e.keyword }, path));
      }
    }
  }
  return out;
}

function textIssues(value: unknown, path: string): InputIssue[] {
  if (typeof value === "string") {
    if (value.length > EXCEL_LIMITS.cellText) return [tooLong(value, path)];
    return value.trim() === "" ? [issueOf("template.textEmpty", {}, path)] : [];
  }
  if (!isRecord(value)) {
    return [issueOf("template.textShape", {}, path)];
  }
  const out: InputIssue[] = [];
  let languages = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k !== "fr" && k !== "en") {
      out.push(issueOf("template.textUnknownLanguage", { language: k }, childPath(path, k), "warning"));
    } else if (typeof v !== "string" || v.trim() === "") {
      out.push(issueOf("template.textNotText", {}, childPath(path, k)));
    } else if (v.length > EXCEL_LIMITS.cellText) {
      out.push(tooLong(v, childPath(path, k)));
    } else languages++;
  }
  if (languages === 0 && !out.some((i) => i.severity === "error")) {
    out.push(issueOf("template.textNoLanguage", {}, path));
  }
  return out;
}

/** A text longer than an Excel cell holds (the schema's `maxLength`), with its length. */
function tooLong(text: string, path: string): InputIssue {
  return issueOf("limits.textTooLong", { length: text.length, limit: EXCEL_LIMITS.cellText }, path);
}

/** Checks that JSON Schema cannot express: uniqueness, scale bounds, targets inside the scale, references. */
function meaningIssues(t: Record<string, unknown>): InputIssue[] {
  const out: InputIssue[] = [];
  const err = (path: string, code: string, params: MessageParams = {}): void => void out.push(issueOf(code, params, path));
  const scales = new Map<string, ScaleShape>();
  scales.set("", scaleIssues(t.scale, "scale", err));
  if (isRecord(t.scale) && t.scale.targetLevel !== undefined) err("scale.targetLevel", "template.defaultScaleTargetLevel");
  if (isRecord(t.scales)) {
    for (const [id, scale] of Object.entries(t.scales)) {
      const path = childPath("scales", id);
      const shape = scaleIssues(scale, path, err);
      scales.set(id, shape);
      if (isRecord(scale)) shape.inScale(childPath(path, "targetLevel"), scale.targetLevel);
    }
  }
  const defaultScale = scales.get("") as ScaleShape;
  defaultScale.inScale("targetLevel", t.targetLevel);
  const knownScales = [...scales.keys()].filter((k) => k !== "").join(", ") || "—";

  if (Array.isArray(t.maturity)) {
    t.maturity.forEach((band, i) => {
      const prev = t.maturity && i > 0 ? (t.maturity as unknown[])[i - 1] : undefined;
      if (isRecord(band) && isRecord(prev) && typeof band.min === "number" && typeof prev.min === "number" && band.min <= prev.min) {
        err(`maturity[${i}].min`, "template.maturityOrder");
      }
    });
    const first = t.maturity[0];
    if (isRecord(first) && typeof first.min === "number" && first.min > 0) {
      out.push(issueOf("template.maturityGap", { min: first.min }, "maturity[0].min", "warning"));
    }
  }
  if (Array.isArray(t.replaces) && typeof t.id === "string") {
    const own = t.id.toLowerCase();
    t.replaces.forEach((r, i) => {
      if (typeof r === "string" && r.toLowerCase() === own) err(`replaces[${i}]`, "template.replacesItself");
    });
  }

  const dims = Array.isArray(t.dimensions) ? t.dimensions : [];
  const dimIds = new Map<string, string>();
  const critIds = new Map<string, string>();
  const replaced: [id: string, path: string, by: string][] = [];
  dims.forEach((d, di) => {
    if (!isRecord(d)) return;
    const dPath = `dimensions[${di}]`;
    if (typeof d.id === "string") {
      const key = d.id.toLowerCase();
      const first = dimIds.get(key);
      if (first) err(`${dPath}.id`, "template.dimensionIdTwice", { id: d.id, first });
      else dimIds.set(key, `${dPath}.id`);
    }
    const themes = uniqueIds(d.themes, `${dPath}.themes`, err);
    const crits = Array.isArray(d.criteria) ? d.criteria : [];
    crits.forEach((c, ci) => {
      if (!isRecord(c)) return;
      const cPath = `${dPath}.criteria[${ci}]`;
      if (typeof c.id === "string") {
        const key = c.id.toLowerCase();
        const first = critIds.get(key);
        if (first) err(`${cPath}.id`, "template.criterionIdTwice", { id: c.id, first });
        else critIds.set(key, `${cPath}.id`);
      }
      if (c.type === "text") {
        for (const key of ["scale", "targetLevel", "levelMap"]) if (c[key] !== undefined) err(childPath(cPath, key), "template.textCriterionHas", { key });
      }
      let scale = defaultScale;
      if (typeof c.scale === "string") {
        const named = scales.get(c.scale);
        if (named && c.scale !== "") scale = named;
        else err(`${cPath}.scale`, "template.unknownScale", { scale: c.scale, known: knownScales });
      }
      if (c.type !== "text") scale.inScale(`${cPath}.targetLevel`, c.targetLevel);
      if (isRecord(c.levelMap)) {
        for (const [key, value] of Object.entries(c.levelMap)) {
          if (!/^-?\d+(\.\d+)?$/.test(key)) continue; // the schema's propertyNames already says so
          scale.inScale(`${cPath}.levelMap["${key}"]`, value);
        }
      }
      if (typeof c.theme === "string" && !themes.has(c.theme.toLowerCase())) {
        err(`${cPath}.theme`, "template.unknownTheme", { theme: c.theme, known: [...themes.values()].join(", ") || "—" });
      }
      if (Array.isArray(c.replaces)) {
        c.replaces.forEach((r, ri) => {
          if (typeof r === "string") replaced.push([r, `${cPath}.replaces[${ri}]`, typeof c.id === "string" ? c.id : cPath]);
        });
      }
    });
    if (crits.length > 0 && crits.every((c) => isRecord(c) && c.weight === 0)) {
      out.push(issueOf("template.weightsAllZero", {}, `${dPath}.criteria`, "warning"));
    }
  });
  // Checked once every criterion is known: a criterion may replace an id listed after it.
  const replacedBy = new Map<string, string>();
  for (const [id, path, by] of replaced) {
    const key = id.toLowerCase();
    const still = critIds.get(key);
    const first = replacedBy.get(key);
    if (still) err(path, "template.replacesExisting", { id, at: still });
    else if (first !== undefined) err(path, "template.replacedTwice", { id, first });
    else replacedBy.set(key, by);
  }
  uniqueIds(t.steps, "steps", err);
  uniqueIds(t.actions, "actions", err);
  if (Array.isArray(t.actions)) {
    t.actions.forEach((a, i) => {
      if (isRecord(a) && typeof a.criterion === "string" && !critIds.has(a.criterion.toLowerCase())) {
        err(`actions[${i}].criterion`, "template.unknownCriterion", { id: a.criterion });
      }
    });
  }
  return out;
}

/** What the checks of the criteria need to know of a scale once it is checked itself. */
interface ScaleShape {
  /** Reports a level given at `path` that is not one of the scale's values. */
  inScale: (path: string, level: unknown) => void;
}

/** The checks of one scale's levels (values unique and ascending, labels unique and unmistakable, not flat). */
function scaleIssues(scale: unknown, path: string, err: (path: string, code: string, params?: MessageParams) => void): ScaleShape {
  const levels = isRecord(scale) && Array.isArray(scale.levels) ? scale.levels : [];
  const values = levels.map((l) => (isRecord(l) && typeof l.value === "number" ? l.value : undefined));
  const numeric = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const seenValues = new Map<number, number>();
  const seenLabels = new Map<string, number>();
  levels.forEach((l, i) => {
    const v = values[i];
    const at = `${path}.levels[${i}]`;
    if (v !== undefined) {
      const first = seenValues.get(v);
      if (first !== undefined) err(`${at}.value`, "template.levelValueTwice", { first, value: v, scale: path });
      else seenValues.set(v, i);
    }
    if (isRecord(l)) {
      for (const label of textVariants(l.label as never)) {
        const key = label.trim().toLocaleLowerCase();
        const first = seenLabels.get(key);
        if (first !== undefined && first !== i) err(`${at}.label`, "template.levelLabelTwice", { label, first, scale: path });
        else seenLabels.set(key, i);
        if (/^-?\d+([.,]\d+)?$/.test(label.trim())) err(`${at}.label`, "template.levelLabelNumber", { label });
        if (isNaToken(label)) err(`${at}.label`, "template.levelLabelNa", { label });
      }
    }
  });
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a !== undefined && b !== undefined && b < a) err(`${path}.levels[${i}].value`, "template.levelsOrder");
  }
  const range = numeric.length >= 2 ? scaleRange(numeric) : undefined;
  if (range && range.min === range.max) err(`${path}.levels`, "template.scaleFlat", { min: range.min });
  return {
    inScale: (at, level) => {
      if (typeof level !== "number" || !range || range.min === range.max) return;
      if (level < range.min || level > range.max) err(at, "template.levelOutsideScale", { min: range.min, max: range.max, level });
      else if (!numeric.includes(level)) err(at, "template.levelNotAValue", { values: numeric.join(", "), level });
    },
  };
}

/** Reports ids given twice (case-insensitively) in a list of `{ id }`; returns the ids by lower case. */
function uniqueIds(list: unknown, path: string, err: (path: string, code: string, params?: MessageParams) => void): Map<string, string> {
  const seen = new Map<string, string>();
  const paths = new Map<string, string>();
  if (!Array.isArray(list)) return seen;
  list.forEach((item, i) => {
    if (!isRecord(item) || typeof item.id !== "string") return;
    const key = item.id.toLowerCase();
    const first = paths.get(key);
    if (first) err(`${path}[${i}].id`, "template.idTwice", { id: item.id, first });
    else {
      paths.set(key, `${path}[${i}].id`);
      seen.set(key, item.id);
    }
  });
  return seen;
}

function normalize(t: Template): Template {
  const dimensions: Dimension[] = t.dimensions.map((d) => ({
    ...pick(d, ["id", "title", "description", "target"]),
    weight: d.weight ?? 1,
    ...(d.themes && d.themes.length > 0 ? { themes: d.themes.map((th) => pick(th, ["id", "title"]) as Theme) } : {}),
    criteria: d.criteria.map((c) => criterionOf(c)),
  })) as Dimension[];
  const out: Template = {
    ...(pick(t, ["id", "version", "title", "source", "description", "target", "targetLevel"]) as Template),
    ...(t.maturity ? { maturity: t.maturity.map((b) => pick(b, ["min", "label"]) as MaturityBand) } : {}),
    scale: scaleOf(t.scale, false),
    ...(t.scales && Object.keys(t.scales).length > 0
      ? { scales: Object.fromEntries(Object.entries(t.scales).map(([id, sc]) => [id, scaleOf(sc, true)])) }
      : {}),
    ...(t.replaces && t.replaces.length > 0 ? { replaces: [...t.replaces] } : {}),
    dimensions,
    ...(t.steps && t.steps.length > 0
      ? { steps: t.steps.map((st) => pick(st, ["id", "title", "description", "deliverable", "dueOffsetDays"]) as ProcessStep) }
      : {}),
    ...(t.actions && t.actions.length > 0
      ? {
          actions: t.actions.map(
            (a) =>
              pick(a, ["id", "text", "deliverable", "owner", "startOffsetDays", "dueOffsetDays", "indicator", "indicatorTarget", "criterion"]) as TemplateAction,
          ),
        }
      : {}),
  };
  return out;
}

/** A scale with its defaults; `targetLevel` is kept for the other scales only. */
function scaleOf(scale: Scale, other: boolean): Scale {
  return {
    levels: scale.levels.map((l) => pick(l, ["value", "label", "description"])) as Scale["levels"],
    notApplicable: scale.notApplicable ?? true,
    ...(other && scale.targetLevel !== undefined ? { targetLevel: scale.targetLevel } : {}),
  };
}

/** A criterion with its defaults; the second version's fields only when they say something. */
function criterionOf(c: Criterion): Criterion {
  return {
    ...pick(c, ["id", "text", "guidance", "targetLevel", "evidence", "scale", "theme"]),
    weight: c.weight ?? 1,
    ...(c.type === "text" ? { type: "text" as const } : {}),
    ...(c.required === true ? { required: true } : {}),
    ...(c.replaces && c.replaces.length > 0 ? { replaces: [...c.replaces] } : {}),
    ...(c.levelMap && Object.keys(c.levelMap).length > 0 ? { levelMap: { ...c.levelMap } } : {}),
  } as Criterion;
}

const TEXT_KEYS = new Set(["title", "source", "description", "label", "text", "guidance", "evidence", "deliverable", "owner", "indicator", "indicatorTarget"]);

/**
 * Copies the known keys that are present, so unknown keys (already warned about) are dropped;
 * texts are put in their canonical form.
 */
function pick<T extends object>(o: T, keys: string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = TEXT_KEYS.has(k) ? canonicalText(v as LocalizedText) : v;
  }
  return out as Partial<T>;
}

/**
 * A text in one canonical form, so a template read back from a workbook equals the one written:
 * the same wording in both languages is a plain string; unknown languages are dropped.
 */
function canonicalText(t: LocalizedText): LocalizedText {
  if (typeof t === "string") return t;
  const { fr, en } = t;
  if (fr !== undefined && fr === en) return fr;
  return { ...(fr !== undefined ? { fr } : {}), ...(en !== undefined ? { en } : {}) };
}

function valueAt(json: unknown, pointer: string): unknown {
  let cur = json;
  for (const part of pointer.split("/").slice(1)) {
    if (!isRecord(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return cur;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function sortIssues(issues: InputIssue[]): InputIssue[] {
  // Errors first, then in document order of their paths as found.
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
}
