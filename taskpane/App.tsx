import { FluentProvider, Spinner, Tab, TabList, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from "react";
import type { WorkbookHost } from "../addin/host/host.types.js";
import { useAssessment } from "./assess/assessment.state.js";
import { useGenerate } from "./generate/generate.state.js";
import { HostContext, useHost } from "./host/host.context.js";
import { useWorkbookStatus } from "./host/workbook.status.js";
import { I18nContext, translatorFor, useI18n } from "./i18n/i18n.js";
import { preloadScreensWhenIdle, ScreenBoundary, WithScreens } from "./screens.load.js";
import { TemplatesScreen } from "./templates/TemplatesScreen.js";
import { useFromWorkbook } from "./templates/fromWorkbook.state.js";
import { useTemplates } from "./templates/templates.state.js";

/** The task pane's screens, in tab order. */
export const SCREENS = ["templates", "generate", "assess", "dashboard", "discuss", "respondents", "evaluator", "actions", "surveys", "report", "rounds", "check", "upgrade", "functions"] as const;
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

  // The other screens' code, fetched once the first screen is up (screens.load.tsx).
  useEffect(() => preloadScreensWhenIdle(), []);

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
        {/* Templates is the first usable screen: it never waits for the secondary screens' chunk. */}
        {screen === "templates" ? (
          <TemplatesScreen state={templates} onContinue={() => go("generate")} fromWorkbook={fromWorkbook} />
        ) : (
          <ScreenBoundary key={screen}>
            <Suspense fallback={<Spinner size="small" label={t("app.loading")} />}>
              <WithScreens
                render={(s) => (
                  <>
                    {screen === "generate" && (
                      <s.GenerateScreen
                        template={templates.selected?.template ?? null}
                        state={generate}
                        workbook={workbook}
                        onChooseTemplate={() => go("templates")}
                        onAssess={() => go("assess")}
                      />
                    )}
                    {screen === "assess" && <s.AssessScreen state={assessment} />}
                    {screen === "dashboard" && <s.DashboardPanel />}
                    {screen === "discuss" && <s.DiscussPanel />}
                    {screen === "respondents" && <s.RespondentsPanel onChanged={() => void load()} />}
                    {screen === "evaluator" && <s.EvaluatorPanel />}
                    {screen === "actions" && <s.ActionPlanPanel />}
                    {screen === "surveys" && <s.SurveysPanel onReplaced={onGenerated} />}
                    {screen === "report" && <s.ReportPanel />}
                    {screen === "rounds" && <s.RoundsPanel onReplaced={onGenerated} />}
                    {screen === "check" && <s.CheckPanel />}
                    {screen === "upgrade" && (
                      <s.UpgradePanel
                        current={workbook.status?.hasGrid ? workbook.status.template : null}
                        entries={templates.entries}
                        onReplaced={onGenerated}
                      />
                    )}
                    {screen === "functions" && <s.FunctionsPanel fallback={templates.selected?.template ?? templates.entries[0]?.template ?? null} />}
                  </>
                )}
              />
            </Suspense>
          </ScreenBoundary>
        )}
      </div>
    </>
  );
}
