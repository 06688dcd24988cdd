/** The scoring engine: pure functions over a template and its answers. */
export * from "./scoring.types.js";
export { scoreAssessment } from "./assessment.score.js";
export { criteriaByPriority } from "./priority.js";
export { splitCriterionIds, evidenceNames, isAcceptedStatus } from "./evidence.js";
export { maturityBands, maturityLabel, DEFAULT_MATURITY } from "./maturity.js";
export * from "./range.functions.js";
export { rangeMessageText, ARGUMENT_NAMES, type RangeMessage, type RangeMessageId } from "./range.messages.js";
