import { Button, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Finding } from "../../addin/workbook/workbook.check.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { IssueList } from "../errors/IssueList.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { CheckState } from "./check.state.js";

const useStyles = makeStyles({
  findings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  // A fingerprint is 64 characters without a break: it wraps anywhere at 350 px.
  wrap: { overflowWrap: "anywhere" },
});

/**
 * The Check screen (« Vérifier le classeur »): the findings of `qualigrid check` on the open
 * workbook, errors first, each with its sheet and cell and what to do; and the repair of the
 * formulas found altered or deleted, which touches nothing else.
 */
export function CheckScreen({ state }: { state: CheckState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const busy = state.phase === "checking" || state.phase === "repairing" || state.phase === "sealing";
  const seal = state.seal;
  const changedEntries = seal ? new Set(seal.changes.map((c) => `${c.kind}:${c.key}`)).size : 0;
  const findings = state.findings;
  const errors = findings?.filter((f) => f.severity === "error") ?? [];
  const warnings = findings?.filter((f) => f.severity === "warning") ?? [];
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("check.heading")}
      </Subtitle1>
      <Text block>{t("check.intro")}</Text>
      <Field label={t("check.domains")} hint={t("check.domains.hint")}>
        <Input className={styles.fill} value={state.domains} onChange={(_, d) => state.setDomains(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void state.run()}>
          {t("check.run")}
        </Button>
        {busy && <Spinner size="tiny" label={t(state.phase === "repairing" ? "check.repairing" : state.phase === "sealing" ? "check.seal.running" : "check.running")} />}
      </div>
      {state.error && <HostErrorBar error={state.error} />}
      {state.issues && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("check.unreadable")}</MessageBarTitle>
            <IssueList issues={state.issues} />
          </MessageBarBody>
        </MessageBar>
      )}
      {state.repaired !== null && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{i18n.plural("check.repaired", state.repaired)}</MessageBarBody>
        </MessageBar>
      )}
      {findings && !busy && findings.length === 0 && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{t("check.clean")}</MessageBarBody>
        </MessageBar>
      )}
      {seal && !busy && (
        <MessageBar intent={seal.intact ? "success" : "warning"} role="status">
          <MessageBarBody>
            {seal.intact
              ? t("check.seal.intact", { date: seal.record.date, reviewer: seal.record.reviewer })
              : i18n.plural("check.seal.changed", changedEntries, { date: seal.record.date, reviewer: seal.record.reviewer })}
          </MessageBarBody>
        </MessageBar>
      )}
      {findings && findings.length > 0 && (
        <div role="status">
          <Text block weight="semibold">
            {i18n.plural("check.summary", findings.length)}
          </Text>
        </div>
      )}
      {state.repairs.length > 0 && (
        <div className={styles.screen}>
          <Text block>{t("check.repair.hint")}</Text>
          <div className={styles.row}>
            <Button disabled={busy} onClick={() => void state.repair()}>
              {t("check.repair", { n: state.repairs.length })}
            </Button>
          </div>
        </div>
      )}
      {errors.length > 0 && <FindingList title={t("check.errors", { n: errors.length })} findings={errors} />}
      {warnings.length > 0 && <FindingList title={t("check.warnings", { n: warnings.length })} findings={warnings} />}
      <SealSection state={state} busy={busy} />
    </section>
  );
}

/** « Sceller la revue »: the reviewer's name, the button, and the receipt to download once sealed. */
function SealSection({ state, busy }: { state: CheckState; busy: boolean }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const own = useStyles();
  const id = useId();
  const sealed = state.sealed;
  return (
    <section aria-labelledby={id} className={styles.screen}>
      <Subtitle2 as="h3" id={id} block>
        {t("check.seal.heading")}
      </Subtitle2>
      <Text block>{t("check.seal.intro")}</Text>
      <Field label={t("check.seal.by")} required>
        <Input
          className={styles.fill}
          value={state.reviewer}
          onChange={(_, d) => state.setReviewer(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") void state.sealReview();
          }}
        />
      </Field>
      <div className={styles.row}>
        <Button disabled={busy || state.reviewer.trim() === ""} onClick={() => void state.sealReview()}>
          {t("check.seal.run")}
        </Button>
      </div>
      {sealed && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <Text block className={own.wrap}>{t("check.seal.done", { date: sealed.receipt.date, reviewer: sealed.receipt.reviewer, fingerprint: sealed.receipt.fingerprint })}</Text>
            <Link href={sealed.url} download={sealed.file}>
              {t("check.seal.receipt", { file: sealed.file })}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function FindingList({ title, findings }: { title: string; findings: readonly Finding[] }) {
  const own = useStyles();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} block>
        {title}
      </Subtitle2>
      <ul className={own.findings}>
        {findings.map((f, i) => (
          <li key={i}>
            <span className={own.where}>
              {f.where.sheet}!{f.where.address}
            </span>{" "}
            — {f.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
