import type { Lang } from "../model/template.types.js";
import type { FigureStats } from "./network.stats.js";

/** A dimension's or the whole assessment's figures in one member's workbook (scores 0–100, shares 0–1). */
export interface MemberFigures {
  score: number | null;
  completion: number;
  coverage: number | null;
}

/** One criterion as a member's workbook rates it. */
export interface MemberCriterion {
  id: string;
  dimensionId: string;
  /** The consolidated rating when it is a number (not N/A, not unanswered). */
  rating: number | null;
  /** Its target level, when it has one. */
  targetLevel: number | null;
  /** The level values of its scale, to round a consolidated rating to. */
  levels: readonly number[];
}

/**
 * What the aggregate needs of one workbook, read and scored by the engine: small enough to pass
 * between threads. `organization` is used to code the member and never shown.
 */
export interface MemberScan {
  file: string;
  templateId: string;
  version: string;
  organization: string;
  /** The workbook's language: the network's outputs speak the members' language unless `--lang` says otherwise. */
  lang?: Lang;
  /** The assessment date (yyyy-mm-dd), or null when the workbook has none. */
  date: string | null;
  overall: MemberFigures;
  dimensions: ({ id: string } & MemberFigures)[];
  criteria: MemberCriterion[];
}

/** A workbook left out, with the reason (worded for the user, naming nothing of its contents). */
export interface SkippedInput {
  file: string;
  reason: string;
}

/** A member of the network: its latest workbook, named by its code. */
export interface NetworkMember {
  code: string;
  scan: MemberScan;
}

/** A figure's statistics, suppressed (every figure null) below the minimum group size. */
export type GroupStats = FigureStats & { suppressed: boolean };

/** A dimension's network figures. */
export interface DimensionAggregate extends GroupStats {
  id: string;
  completion: GroupStats;
  coverage: GroupStats;
}

/** A criterion's network figures: members answering, counts per level, share at or above target. */
export interface CriterionAggregate {
  id: string;
  dimensionId: string;
  n: number;
  /** Members per level (the consolidated rating rounded to the nearest level, halves up); null when suppressed. */
  levels: Record<string, number> | null;
  /** Share (0–1) of answering members at or above the target level; null when suppressed or without a target. */
  atOrAboveTarget: number | null;
  suppressed: boolean;
}

/** The network's figures: the `aggregate --json` contract of design.md "Network aggregate". */
export interface NetworkAggregate {
  template: { id: string; versions: string[] };
  members: { code: string; version: string; date: string | null }[];
  skipped: SkippedInput[];
  minGroup: number;
  overall: GroupStats & { completion: GroupStats; coverage: GroupStats };
  dimensions: DimensionAggregate[];
  criteria: CriterionAggregate[];
  /** Criteria most often below target across the network (highest share below first), among those not suppressed. */
  mostBelowTarget: { id: string; belowTarget: number; n: number }[];
}
