/** Languages Qualigrid writes workbooks in. French first. */
export type Lang = "fr" | "en";

/** The languages, in the order they are preferred when a text is missing. */
export const LANGS: readonly Lang[] = ["fr", "en"];

/** A text given in one language (a plain string) or in several. */
export type LocalizedText = string | Partial<Record<Lang, string>>;

/** One level of a rating scale. */
export interface ScaleLevel {
  value: number;
  label: LocalizedText;
  /** What the level means, shown as help beside the scale. */
  description?: LocalizedText;
}

/** The rating scale of a template. */
export interface Scale {
  levels: ScaleLevel[];
  /** Whether a criterion may be rated « sans objet » / not applicable. */
  notApplicable: boolean;
}

/** A maturity band: scores from `min` (inclusive) up to the next band's `min` get `label`. */
export interface MaturityBand {
  min: number;
  label: LocalizedText;
}

/** One criterion of a dimension. `id` is unique in the template (case-insensitively). */
export interface Criterion {
  id: string;
  text: LocalizedText;
  guidance?: LocalizedText;
  weight: number;
  targetLevel?: number;
  /** The documentary evidence one would expect for this criterion. */
  evidence?: LocalizedText;
}

/** A dimension (« thématique ») groups criteria and gets a score. */
export interface Dimension {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  weight: number;
  target?: number;
  criteria: Criterion[];
}

/** A validated quality-framework template, with defaults filled in. */
export interface Template {
  id: string;
  version: string;
  title: LocalizedText;
  source: LocalizedText;
  description?: LocalizedText;
  scale: Scale;
  /** Default dimension target, 0–100. */
  target: number;
  /** Default criterion target level, a value inside the scale. */
  targetLevel: number;
  /** Maturity bands, ascending by `min`; a default set is used when absent. */
  maturity?: MaturityBand[];
  dimensions: Dimension[];
}

/** One problem found in an input, with where it is (a JSON path, a file line, a cell). */
export interface InputIssue {
  /** `dimensions[2].criteria[0].weight`, `answers.csv:14`, `Grille!H7`… */
  path: string;
  message: string;
  severity: "error" | "warning";
  /** A stable code, for a user interface that words the message in its own language (`message` is English). */
  code?: string;
  /** The values the message holds, for that wording. */
  params?: Record<string, string | number>;
}

/** The result of an operation whose expected failures are values, not exceptions. */
export type Result<T> =
  | { ok: true; value: T; warnings: InputIssue[] }
  | { ok: false; issues: InputIssue[] };
