import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useId } from "react";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { ActionPlanState } from "./actionPlan.state.js";

/**
 * The Action plan screen: the criteria below their target that have no action yet, in priority
 * order, and one button that appends a row for each (existing rows are never changed).
 */
export function ActionPlanScreen({ state }: { state: ActionPlanState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const tableId = useId();
  const busy = state.phase === "loading" || state.phase === "adding";
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("actions.heading")}
      </Subtitle1>
      <Text block>{t("actions.intro")}</Text>
      <div className={styles.row}>
        <Button onClick={() => void state.refresh()} disabled={busy}>
          {t("app.refresh")}
        </Button>
        {busy && <Spinner size="tiny" label={t("app.loading")} />}
      </div>
      {state.error && <HostErrorBar error={state.error} />}
      {state.phase !== "failed" && !state.hasPlan && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t("actions.noPlan")}</MessageBarBody>
        </MessageBar>
      )}
      {state.phase !== "failed" && state.hasPlan && (
        <>
          {state.candidates.length > 0 && (
            <>
              <Text block id={tableId}>
                {i18n.plural("actions.candidates", state.candidates.length)}
              </Text>
              <Table size="small" aria-labelledby={tableId}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("actions.criterion")}</TableHeaderCell>
                    <TableHeaderCell>{t("actions.dimension")}</TableHeaderCell>
                    <TableHeaderCell>{t("actions.gap")}</TableHeaderCell>
                    <TableHeaderCell>{t("actions.priority")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {state.candidates.map((c) => (
                    <TableRow key={c.criterion}>
                      <TableCell>{c.criterion}</TableCell>
                      <TableCell>{c.dimension}</TableCell>
                      <TableCell>{i18n.number(c.gap, 2)}</TableCell>
                      <TableCell>{i18n.number(c.priority, 2)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void state.add()}>
              {t("actions.add")}
            </Button>
          </div>
          {state.added !== null && (
            <MessageBar intent={state.added > 0 ? "success" : "info"} role="status">
              <MessageBarBody>{state.added > 0 ? i18n.plural("actions.added", state.added) : t("actions.nothing")}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}
