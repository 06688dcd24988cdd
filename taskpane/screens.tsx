/**
 * The secondary screens: everything but Templates, with the state hooks only they use. Webpack
 * puts this module in the `screens` chunk (`screens.load.tsx` imports it on demand), so the first
 * usable screen — Templates, and the workbench's bar — never waits for their code, nor for the
 * Fluent components and engine parts only they need (the plan builder among them). Their state that must outlive a tab switch
 * (generate, assess) stays in `App`'s Shell.
 */
import { useCallback } from "react";
import type { Template } from "../addin/model/template.types.js";
import { ActionPlanScreen } from "./actions/ActionPlanScreen.js";
import { useActionPlan } from "./actions/actionPlan.state.js";
import { useCheck } from "./check/check.state.js";
import { CheckScreen } from "./check/CheckScreen.js";
import { DashboardScreen } from "./dashboard/DashboardScreen.js";
import { useDashboard } from "./dashboard/dashboard.state.js";
import { FunctionsScreen } from "./functions/FunctionsScreen.js";
import { useFunctions } from "./functions/functions.state.js";
import { useHost } from "./host/host.context.js";
import { useI18n } from "./i18n/i18n.js";
import type { TemplateEntry } from "./templates/templates.state.js";
import { UpgradeScreen } from "./upgrade/UpgradeScreen.js";
import { DiscussScreen } from "./respondents/DiscussScreen.js";
import { useDiscuss } from "./respondents/discuss.state.js";
import { RespondentsScreen } from "./respondents/RespondentsScreen.js";
import { useRespondents } from "./respondents/respondents.state.js";
import { useUpgrade } from "./upgrade/upgrade.state.js";
import { EvaluatorScreen } from "./evaluator/EvaluatorScreen.js";
import { useEvaluator } from "./evaluator/evaluator.state.js";
import { ReportScreen } from "./report/ReportScreen.js";
import { RoundsScreen } from "./rounds/RoundsScreen.js";
import { useRounds } from "./rounds/rounds.state.js";
import { SurveysScreen } from "./surveys/SurveysScreen.js";
import { useSurveys } from "./surveys/surveys.state.js";

// The plan builder, for `useGenerate` (which lives in the Shell but runs from the Generate screen only).
export { buildPlan } from "../addin/plan/plan.build.js";
export { AssessScreen } from "./assess/AssessScreen.js";
export { GenerateScreen } from "./generate/GenerateScreen.js";

/** The dashboard, read from the workbook each time the tab opens. */
export function DashboardPanel() {
  return <DashboardScreen state={useDashboard(useHost())} />;
}

/** The criteria « à discuter » and their agreed ratings, read from the workbook each time the tab opens. */
export function DiscussPanel() {
  return <DiscussScreen state={useDiscuss(useHost())} />;
}

/** The respondents: add one, import a copy's answers, make the copies. `onChanged`: Assess reads the workbook again. */
export function RespondentsPanel({ onChanged }: { onChanged: () => void }) {
  return <RespondentsScreen state={useRespondents(useHost(), onChanged)} />;
}

/** The evaluator mode, read from the workbook each time the tab opens. */
export function EvaluatorPanel() {
  return <EvaluatorScreen state={useEvaluator(useHost())} />;
}

/** The workbook check. */
export function CheckPanel() {
  const { lang, t } = useI18n();
  return <CheckScreen state={useCheck(useHost(), lang, t("check.thisWorkbook"))} />;
}

/** `onReplaced`: the workbench now works on the upgraded workbook; what the pane knows of it is read again. */
export function UpgradePanel(props: { current: { id: string; version: string } | null; entries: readonly TemplateEntry[]; onReplaced: () => void }) {
  const { t } = useI18n();
  return <UpgradeScreen state={useUpgrade(useHost(), props.current, props.entries, t("check.thisWorkbook"), props.onReplaced)} />;
}

/** The action plan from gaps. */
export function ActionPlanPanel() {
  return <ActionPlanScreen state={useActionPlan(useHost())} />;
}

/** Without a grid, the examples are those of `fallback` (the chosen template, else the first one). */
export function FunctionsPanel({ fallback }: { fallback: Template | null }) {
  return <FunctionsScreen state={useFunctions(useHost(), fallback, useI18n().lang)} />;
}

/** The rounds: the history, and « Clôturer le cycle ». `onReplaced`: the workbench now works on the next round's workbook. */
export function RoundsPanel({ onReplaced }: { onReplaced: () => void }) {
  const { t } = useI18n();
  const fileBase = useCallback((id: string, label: string) => t("rounds.fileName", { id, label }), [t]);
  return <RoundsScreen state={useRounds(useHost(), t("check.thisWorkbook"), fileBase, onReplaced)} />;
}

/** The surveys: those imported, and « Importer un sondage ». `onReplaced`: the workbench now works on the workbook with the survey. */
export function SurveysPanel({ onReplaced }: { onReplaced: () => void }) {
  const { t } = useI18n();
  return <SurveysScreen state={useSurveys(useHost(), t("check.thisWorkbook"), onReplaced)} />;
}

/** The « Rapport » card: what the report holds and how to make its PDF where the pane runs. */
export function ReportPanel() {
  return <ReportScreen kind={useHost().kind} />;
}
