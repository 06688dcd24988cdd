import { FluentProvider, Tab, TabList, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { WorkbookHost } from "../addin/host/host.types.js";
import type { Template } from "../addin/model/template.types.js";
import { ActionPlanScreen } from "./actions/ActionPlanScreen.js";
import { useActionPlan } from "./actions/actionPlan.state.js";
import { AssessScreen } from "./assess/AssessScreen.js";
import { useCheck } from "./check/check.state.js";
import { CheckScreen } from "./check/CheckScreen.js";
import { useAssessment } from "./assess/assessment.state.js";
import { DashboardScreen } from "./dashboard/DashboardScreen.js";
import { useDashboard } from "./dashboard/dashboard.state.js";
import { FunctionsScreen } from "./functions/FunctionsScreen.js";
import { useFunctions } from "./functions/functions.state.js";
import { GenerateScreen } from "./generate/GenerateScreen.js";
import { useGenerate } from "./generate/generate.state.js";
import { HostContext, useHost } from "./host/host.context.js";
import { useWorkbookStatus } from "./host/workbook.status.js";
import { I18nContext, translatorFor, useI18n } from "./i18n/i18n.js";
import { TemplatesScreen } from "./templates/TemplatesScreen.js";
import { useFromWorkbook } from "./templates/fromWorkbook.state.js";
import { useTemplates, type TemplateEntry } from "./templates/templates.state.js";
import { UpgradeScreen } from "./upgrade/UpgradeScreen.js";
import { useUpgrade } from "./upgrade/upgrade.state.js";

/** The task pane's screens, in tab order. */
export const SCREENS = ["templates", "generate", "assess", "dashboard", "actions", "check", "upgrade", "functions"] as const;
/** One of the task pane's screens. */
export type Screen = (typeof SCREENS)[number];

const useStyles = makeStyles({
  provider: { minHeight: "100vh", boxSizing: "border-box", padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  title: { margin: 0, paddingBlock: tokens.spacingVerticalXS },
  tabs: { flexWrap: "wrap" },
});

/** Props of `App`. */
export interface AppProps {
  host: WorkbookHost;
  /** Shown above the screens, inside the pane's theme and language (the browser workbench's bar). */
  header?: ReactNode;
  /** Changing it starts the screens afresh (the workbench opened another workbook). */
  workbookKey?: string | number;
}

/**
 * The task pane: Fluent UI in the host's language and theme, with the workbook host provided to
 * every screen through a context.
 */
export function App({ host, header, workbookKey }: AppProps) {
  const lang = host.displayLanguage();
  const i18n = useMemo(() => translatorFor(lang), [lang]);
  const styles = useStyles();
  return (
    <FluentProvider theme={host.prefersDark() ? webDarkTheme : webLightTheme} lang={lang} className={styles.provider}>
      <I18nContext.Provider value={i18n}>
        <HostContext.Provider value={host}>
          {header}
          <Shell key={workbookKey} />
        </HostContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}

/**
 * The screens behind a tab list. Opening the pane on a workbook that already holds a grid shows
 * Assess, unless the user has picked a tab by then.
 */
function Shell() {
  const host = useHost();
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const ids = useId();
  const [screen, setScreen] = useState<Screen>("templates");
  const userPicked = useRef(false);
  const workbook = useWorkbookStatus(host);
  const templates = useTemplates();
  const assessment = useAssessment(host);
  const { check } = workbook;
  const { load } = assessment;
  const onGenerated = useCallback(() => {
    void check();
    void load();
  }, [check, load]);
  const generate = useGenerate(host, templates.selected?.template ?? null, workbook, onGenerated, i18n.lang);
  const fromWorkbook = useFromWorkbook(host, i18n.lang, t("check.thisWorkbook"), templates.adoptFromWorkbook, onGenerated);

  const firstStatus = useRef(true);
  useEffect(() => {
    if (!workbook.status || !firstStatus.current) return;
    firstStatus.current = false;
    if (workbook.status.hasGrid && !userPicked.current) setScreen("assess");
  }, [workbook.status]);

  const go = (s: Screen): void => {
    userPicked.current = true;
    setScreen(s);
  };
  return (
    <>
      <Title3 as="h1" className={styles.title}>
        {t("app.title")}
      </Title3>
      <TabList
        className={styles.tabs}
        size="small"
        aria-label={t("app.tabs")}
        selectedValue={screen}
        onTabSelect={(_, d) => go(d.value as Screen)}
      >
        {SCREENS.map((s) => (
          <Tab key={s} value={s} id={`${ids}-tab-${s}`} aria-controls={`${ids}-panel`}>
            {t(`tab.${s}`)}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`${ids}-panel`} aria-labelledby={`${ids}-tab-${screen}`}>
        {screen === "templates" && <TemplatesScreen state={templates} onContinue={() => go("generate")} fromWorkbook={fromWorkbook} />}
        {screen === "generate" && (
          <GenerateScreen
            template={templates.selected?.template ?? null}
            state={generate}
            workbook={workbook}
            onChooseTemplate={() => go("templates")}
            onAssess={() => go("assess")}
          />
        )}
        {screen === "assess" && <AssessScreen state={assessment} />}
        {screen === "dashboard" && <DashboardPanel />}
        {screen === "actions" && <ActionPlanPanel />}
        {screen === "check" && <CheckPanel />}
        {screen === "upgrade" && (
          <UpgradePanel current={workbook.status?.hasGrid ? workbook.status.template : null} entries={templates.entries} onReplaced={onGenerated} />
        )}
        {screen === "functions" && <FunctionsPanel fallback={templates.selected?.template ?? templates.entries[0]?.template ?? null} />}
      </div>
    </>
  );
}

function DashboardPanel() {
  return <DashboardScreen state={useDashboard(useHost())} />;
}

function CheckPanel() {
  const { lang, t } = useI18n();
  return <CheckScreen state={useCheck(useHost(), lang, t("check.thisWorkbook"))} />;
}

/** `onReplaced`: the workbench now works on the upgraded workbook; what the pane knows of it is read again. */
function UpgradePanel(props: { current: { id: string; version: string } | null; entries: readonly TemplateEntry[]; onReplaced: () => void }) {
  const { t } = useI18n();
  return <UpgradeScreen state={useUpgrade(useHost(), props.current, props.entries, t("check.thisWorkbook"), props.onReplaced)} />;
}

function ActionPlanPanel() {
  return <ActionPlanScreen state={useActionPlan(useHost())} />;
}

/** Without a grid, the examples are those of `fallback` (the chosen template, else the first one). */
function FunctionsPanel({ fallback }: { fallback: Template | null }) {
  return <FunctionsScreen state={useFunctions(useHost(), fallback, useI18n().lang)} />;
}
