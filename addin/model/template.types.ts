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

/** A rating scale: the template's own (`Template.scale`) or one of its other scales (`Template.scales`). */
export interface Scale {
  levels: ScaleLevel[];
  /** Whether a criterion may be rated « sans objet » / not applicable. */
  notApplicable: boolean;
  /** The target level of the criteria rated on this scale that give none (other scales only). */
  targetLevel?: number;
}

/** A maturity band: scores from `min` (inclusive) up to the next band's `min` get `label`. */
export interface MaturityBand {
  min: number;
  label: LocalizedText;
}

/** How a criterion is answered: rated on a scale (the default), or in words (never scored). */
export type CriterionType = "rating" | "text";

/** One criterion of a dimension. `id` is unique in the template (case-insensitively). */
export interface Criterion {
  id: string;
  text: LocalizedText;
  guidance?: LocalizedText;
  weight: number;
  /** A level of the criterion's scale; see `criterionTargetLevel` for the default. */
  targetLevel?: number;
  /** The documentary evidence one would expect for this criterion. */
  evidence?: LocalizedText;
  /** The id of one of `Template.scales`; absent: the template's `scale`. */
  scale?: string;
  /** Absent for a rating criterion. */
  type?: "text";
  /** Must be met (HAS « impératif »): N/A is refused, and an unmet one is listed apart. */
  required?: boolean;
  /** The id of one of its dimension's `themes`. */
  theme?: string;
  /** The ids of criteria of an earlier version whose answers this one takes over on upgrade. */
  replaces?: string[];
  /** Old level value → level of this criterion's scale, for answers carried across a scale change. */
  levelMap?: Record<string, number>;
}

/** A sub-theme of a dimension, between the dimension and its criteria; it gets a score. */
export interface Theme {
  id: string;
  title: LocalizedText;
}

/** A dimension (« thématique ») groups criteria and gets a score. */
export interface Dimension {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  weight: number;
  target?: number;
  themes?: Theme[];
  criteria: Criterion[];
}

/** A step of the process a framework follows (« Démarche »), written into `QG_Steps`. */
export interface ProcessStep {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  deliverable?: LocalizedText;
  /** Days after the assessment date the step is planned for. */
  dueOffsetDays?: number;
}

/** An action the framework itself plans, written into `QG_Actions` marked « Modèle » when the workbook is made. */
export interface TemplateAction {
  id: string;
  text: LocalizedText;
  deliverable?: LocalizedText;
  /** Who leads it, as a role (« Direction », « Comité qualité »). */
  owner?: LocalizedText;
  startOffsetDays?: number;
  dueOffsetDays?: number;
  indicator?: LocalizedText;
  indicatorTarget?: LocalizedText;
  /** The id of the criterion it serves. */
  criterion?: string;
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
  /** Scales beside `scale`, by id, that criteria may name. */
  scales?: Record<string, Scale>;
  /** Ids of earlier templates this one takes the place of: their workbooks upgrade to it. */
  replaces?: string[];
  dimensions: Dimension[];
  steps?: ProcessStep[];
  actions?: TemplateAction[];
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
