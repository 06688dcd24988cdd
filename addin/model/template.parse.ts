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
import type { Criterion, Dimension, InputIssue, LocalizedText, MaturityBand, Result, Template } from "./template.types.js";
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
    if (e.schemaPath.startsWith(TEXT_DEF)) continue;
    const path = pointerToPath(e.instancePath);
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

/** Checks that JSON Schema cannot express: uniqueness, scale bounds, targets inside the scale. */
function meaningIssues(t: Record<string, unknown>): InputIssue[] {
  const out: InputIssue[] = [];
  const err = (path: string, code: string, params: MessageParams = {}): void => void out.push(issueOf(code, params, path));
  const levels = isRecord(t.scale) && Array.isArray(t.scale.levels) ? t.scale.levels : [];
  const values = levels.map((l) => (isRecord(l) && typeof l.value === "number" ? l.value : undefined));
  const numeric = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const seenValues = new Map<number, number>();
  const seenLabels = new Map<string, number>();
  levels.forEach((l, i) => {
    const v = values[i];
    if (v !== undefined) {
      const first = seenValues.get(v);
      if (first !== undefined) err(`scale.levels[${i}].value`, "template.levelValueTwice", { first, value: v });
      else seenValues.set(v, i);
    }
    if (isRecord(l)) {
      for (const label of textVariants(l.label as never)) {
        const key = label.trim().toLocaleLowerCase();
        const first = seenLabels.get(key);
        if (first !== undefined && first !== i) err(`scale.levels[${i}].label`, "template.levelLabelTwice", { label, first });
        else seenLabels.set(key, i);
        if (/^-?\d+([.,]\d+)?$/.test(label.trim())) err(`scale.levels[${i}].label`, "template.levelLabelNumber", { label });
        if (isNaToken(label)) err(`scale.levels[${i}].label`, "template.levelLabelNa", { label });
      }
    }
  });
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (a !== undefined && b !== undefined && b < a) {
      err(`scale.levels[${i}].value`, "template.levelsOrder");
    }
  }
  const range = numeric.length >= 2 ? scaleRange(numeric) : undefined;
  if (numeric.length >= 2 && range && range.min === range.max) {
    err("scale.levels", "template.scaleFlat", { min: range.min });
  }
  const inScale = (path: string, level: unknown): void => {
    if (typeof level !== "number" || !range || range.min === range.max) return;
    if (level < range.min || level > range.max) err(path, "template.levelOutsideScale", { min: range.min, max: range.max, level });
    else if (!numeric.includes(level)) err(path, "template.levelNotAValue", { values: numeric.join(", "), level });
  };
  inScale("targetLevel", t.targetLevel);

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

  const dims = Array.isArray(t.dimensions) ? t.dimensions : [];
  const dimIds = new Map<string, string>();
  const critIds = new Map<string, string>();
  dims.forEach((d, di) => {
    if (!isRecord(d)) return;
    const dPath = `dimensions[${di}]`;
    if (typeof d.id === "string") {
      const key = d.id.toLowerCase();
      const first = dimIds.get(key);
      if (first) err(`${dPath}.id`, "template.dimensionIdTwice", { id: d.id, first });
      else dimIds.set(key, `${dPath}.id`);
    }
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
      inScale(`${cPath}.targetLevel`, c.targetLevel);
    });
    if (crits.length > 0 && crits.every((c) => isRecord(c) && c.weight === 0)) {
      out.push(issueOf("template.weightsAllZero", {}, `${dPath}.criteria`, "warning"));
    }
  });
  return out;
}

function normalize(t: Template): Template {
  const dimensions: Dimension[] = t.dimensions.map((d) => ({
    ...pick(d, ["id", "title", "description", "target"]),
    weight: d.weight ?? 1,
    criteria: d.criteria.map(
      (c) => ({ ...pick(c, ["id", "text", "guidance", "targetLevel", "evidence"]), weight: c.weight ?? 1 }) as Criterion,
    ),
  })) as Dimension[];
  const out: Template = {
    ...(pick(t, ["id", "version", "title", "source", "description", "target", "targetLevel"]) as Template),
    ...(t.maturity ? { maturity: t.maturity.map((b) => pick(b, ["min", "label"]) as MaturityBand) } : {}),
    scale: {
      levels: t.scale.levels.map((l) => pick(l, ["value", "label", "description"])) as Template["scale"]["levels"],
      notApplicable: t.scale.notApplicable ?? true,
    },
    dimensions,
  };
  return out;
}

const TEXT_KEYS = new Set(["title", "source", "description", "label", "text", "guidance", "evidence"]);

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
