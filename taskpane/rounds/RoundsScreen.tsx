import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, type FormEvent } from "react";
import { IssueList } from "../errors/IssueList.js";
import { useHost } from "../host/host.context.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { ScreenHead } from "../ScreenHead.js";
import { useScreenStyles } from "../styles.js";
import { dayText, overallOf, signed, type RoundLine } from "./rounds.lines.js";
import type { RoundsState } from "./rounds.state.js";

const useStyles = makeStyles({
  /** A part of the screen, or a form: tighter than the screen itself. */
  part: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/**
 * The « Cycles » screen: the rounds closed so far (label, date, template version, overall score
 * and its change), the current round's score, and « Clôturer le cycle »: a label, a date, whether
 * respondents start from their previous ratings, then a confirmation that says what happens.
 */
export function RoundsScreen({ state }: { state: RoundsState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const view = state.view;
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <ScreenHead headingId={headingId} title={t("rounds.heading")} state={state} />
      <Text block size={200}>
        {t("rounds.intro")}
      </Text>
      {view && state.phase !== "failed" && (
        <>
          <RoundList rounds={view.rounds} current={view.current} i18n={i18n} />
          <CloseForm state={state} i18n={i18n} />
        </>
      )}
    </section>
  );
}

function points(change: number, i18n: Translator): string {
  return i18n.plural("rounds.points", Math.abs(change), { n: signed(change, (n) => i18n.number(n)) });
}

function scoreText(score: number | null, i18n: Translator): string {
  return score === null ? i18n.t("dashboard.notScored") : i18n.number(score);
}

function RoundList({ rounds, current, i18n }: { rounds: RoundLine[]; current: number | null; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const last = rounds.at(-1);
  const change = last && last.score !== null && current !== null ? current - last.score : null;
  return (
    <section aria-labelledby={headingId} className={own.part}>
      <Subtitle2 as="h3" id={headingId}>
        {t("rounds.history")}
      </Subtitle2>
      {rounds.length === 0 ? (
        <Text block>{t("rounds.none")}</Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {rounds.map((r) => (
            <li key={r.label} data-round={r.label}>
              <Text>
                {t("rounds.line", {
                  label: r.label,
                  date: dayText(r.date),
                  version: r.version,
                  score: scoreText(r.score, i18n),
                  change: r.change === null ? "" : t("rounds.lineChange", { change: points(r.change, i18n) }),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <Text block weight="semibold" data-current-score={current ?? ""}>
        {t("rounds.current", {
          score: scoreText(current, i18n),
          change: last && change !== null ? t("rounds.currentChange", { change: points(change, i18n), label: last.label }) : "",
        })}
      </Text>
    </section>
  );
}

function CloseForm({ state, i18n }: { state: RoundsState; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const host = useHost();
  const headingId = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    state.ask();
  };
  const labelMessage =
    state.labelIssue === "empty" ? t("rounds.close.labelEmpty") : state.labelIssue === "taken" ? t("rounds.close.labelTaken", { label: state.label.trim() }) : undefined;
  return (
    <section aria-labelledby={headingId} className={own.part}>
      <Subtitle2 as="h3" id={headingId}>
        {t("rounds.close.heading")}
      </Subtitle2>
      <form className={own.part} onSubmit={submit} aria-labelledby={headingId}>
        <Field label={t("rounds.close.label")} hint={t("rounds.close.labelHint")} validationState={labelMessage ? "error" : "none"} validationMessage={labelMessage}>
          <Input className={styles.fill} value={state.label} onChange={(_, d) => state.setLabel(d.value)} />
        </Field>
        <Field
          label={t("rounds.close.date")}
          validationState={state.dateValid ? "none" : "error"}
          validationMessage={state.dateValid ? undefined : t("rounds.close.dateInvalid")}
        >
          <Input className={styles.fill} type="date" value={state.date} onChange={(_, d) => state.setDate(d.value)} />
        </Field>
        <Checkbox checked={state.keepRatings} onChange={(_, d) => state.setKeepRatings(d.checked === true)} label={t("rounds.close.keep")} />
        <Text block size={200}>
          {t("rounds.close.keepHint")}
        </Text>
        <div className={styles.row}>
          <Button type="submit" disabled={state.closing}>
            {t("rounds.close.button")}
          </Button>
          {state.closing && <Spinner size="tiny" label={t("rounds.running")} />}
        </div>
      </form>
      {state.confirming && (
        <MessageBar intent="warning" layout="multiline" role="alert" data-confirm-close="true">
          <MessageBarBody>
            <MessageBarTitle>{t("rounds.confirm.title", { label: state.label.trim() })}</MessageBarTitle>
            <ul className={styles.list}>
              <li>{t("rounds.confirm.kept")}</li>
              <li>{t(state.keepRatings ? "rounds.confirm.keep" : "rounds.confirm.blank")}</li>
              <li>{t(host.kind === "excel" ? "rounds.confirm.newWindow" : "rounds.confirm.replaced")}</li>
            </ul>
            <div className={styles.row}>
              <Button appearance="primary" onClick={() => void state.run()}>
                {t("rounds.confirm.run")}
              </Button>
              <Button onClick={state.cancel}>{t("rounds.confirm.cancel")}</Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
      {state.issues && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("rounds.failed")}</MessageBarTitle>
            <IssueList issues={state.issues} />
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status">
        {state.done && (
          <MessageBar intent={state.done.warnings.length > 0 ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("rounds.done", { label: state.done.round.label })}</MessageBarTitle>
              <Text block>{t("rounds.doneScore", { score: scoreText(overallOf(state.done.round), i18n) })}</Text>
              <Text block>{t(`rounds.where.${state.done.as}`, { name: state.done.name })}</Text>
              {state.done.warnings.length > 0 && <IssueList issues={state.done.warnings} />}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
