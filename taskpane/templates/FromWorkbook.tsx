import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text } from "@fluentui/react-components";
import { useId } from "react";
import { textOf } from "../../addin/model/text.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { IssueList } from "../errors/IssueList.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { FromWorkbookState } from "./fromWorkbook.state.js";

/**
 * « Depuis ce classeur / From this workbook »: reads the template written in the open workbook's
 * sheets and chooses it. A hand-made grid is then generated here as usual; authoring tables, whose
 * names are the grid's own, make the grid in a new workbook instead.
 */
export function FromWorkbook({ state, onContinue }: { state: FromWorkbookState; onContinue: () => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const outcome = state.outcome;
  const busy = state.phase !== "idle";
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t("fromWorkbook.heading")}
      </Subtitle2>
      <Text block>{t("fromWorkbook.intro")}</Text>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void state.read()}>
          {t("fromWorkbook.read")}
        </Button>
        {state.phase === "reading" && <Spinner size="tiny" label={t("fromWorkbook.reading")} />}
      </div>
      {outcome?.kind === "failed" && <HostErrorBar error={outcome.error} />}
      {outcome?.kind === "rejected" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("fromWorkbook.failed")}</MessageBarTitle>
            <Text block>{t("fromWorkbook.fix")}</Text>
            <IssueList issues={outcome.issues} />
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome?.kind === "read" && (
        <>
          <MessageBar intent={outcome.warnings.length > 0 ? "warning" : "success"} layout="multiline" role="status">
            <MessageBarBody>
              <Text block>
                {t("fromWorkbook.ok", {
                  title: textOf(outcome.template.title, lang),
                  dimensions: outcome.template.dimensions.length,
                  criteria: outcome.template.dimensions.reduce((n, d) => n + d.criteria.length, 0),
                })}
              </Text>
              <Text block>{t(`fromWorkbook.origin.${outcome.origin}`)}</Text>
              {outcome.warnings.length > 0 && <IssueList issues={outcome.warnings} />}
            </MessageBarBody>
          </MessageBar>
          {outcome.origin === "authoring" ? (
            <>
              <Text block>{t("fromWorkbook.newWorkbook")}</Text>
              <div className={styles.row}>
                <Button appearance="primary" disabled={busy} onClick={() => void state.createInNewWorkbook()}>
                  {t("fromWorkbook.create")}
                </Button>
                {state.phase === "creating" && <Spinner size="tiny" label={t("app.loading")} />}
              </div>
            </>
          ) : (
            outcome.origin === "sheet" && (
              <div className={styles.row}>
                <Button appearance="primary" onClick={onContinue}>
                  {t("fromWorkbook.continue")}
                </Button>
              </div>
            )
          )}
          {state.createError && <HostErrorBar error={state.createError} />}
          {state.created && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{t(`fromWorkbook.created.${state.created.as}`, { name: state.created.name })}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}
