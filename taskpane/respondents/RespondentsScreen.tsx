import { Button, Field, Input, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { IssueList } from "../errors/IssueList.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import { AddRespondent } from "./AddRespondent.js";
import { firstRespondentName } from "../../addin/model/messages/messages.cli.respondents.js";
import type { ImportOutcome, RespondentsState } from "./respondents.state.js";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  part: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/**
 * The Respondents screen: who answers the grid (and what came back from their copies),
 * « Ajouter un répondant », « Importer les réponses d'un classeur » (with « Importer sous le nom… »
 * for a copy that names no one) and « Copies par répondant » as download links.
 */
export function RespondentsScreen({ state }: { state: RespondentsState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const named = state.respondents.filter((r) => r.name !== "");
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("respondents.heading")}
      </Subtitle1>
      {state.error && <HostErrorBar error={state.error} />}
      {state.phase === "loading" && <Spinner size="tiny" label={t("app.loading")} />}
      {/* Kept while the workbook is read again after a change, so the keyboard focus stays where it was. */}
      {state.loaded && state.phase !== "failed" && (
        <>
          <Text block size={200}>
            {t("respondents.intro", { method: t(`discuss.method.${state.consolidation}`) })}
          </Text>
          {named.length === 0 ? (
            <Text block>{t("respondents.unnamed", { first: firstRespondentName(state.lang) })}</Text>
          ) : (
            <ul className={own.list} aria-label={t("respondent.list")}>
              {named.map((r) => (
                <li key={r.name} data-respondent={r.name}>
                  <Text weight="semibold">{r.name}</Text>
                  {r.mergedOn ? (
                    <Text block size={200}>
                      {t("respondents.merged", { date: r.mergedOn.toISOString().slice(0, 10), file: r.mergedFrom })}
                    </Text>
                  ) : (
                    r.copyId !== "" && (
                      <Text block size={200}>
                        {t("respondents.copied")}
                      </Text>
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
          <AddRespondent onAdd={state.add} />
          <Text role="status" size={200}>
            {state.added ? t("respondent.added", { name: state.added }) : ""}
          </Text>
          <ImportPart state={state} i18n={i18n} />
          <CopiesPart state={state} i18n={i18n} disabled={named.length === 0} />
        </>
      )}
    </section>
  );
}

function ImportPart({ state, i18n }: { state: RespondentsState; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again fires a change.
    e.target.value = "";
    if (file) void state.importFile(file);
  };
  return (
    <section aria-labelledby={headingId} className={own.part}>
      <Subtitle2 as="h3" id={headingId}>
        {t("import.heading")}
      </Subtitle2>
      <Text block size={200}>
        {t("import.intro")}
      </Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.visuallyHidden}
        tabIndex={-1}
        aria-label={t("import.input")}
        onChange={onChange}
      />
      <div className={styles.row}>
        <Button disabled={state.busy !== null} onClick={() => input.current?.click()}>
          {t("import.button")}
        </Button>
        {state.busy === "import" && <Spinner size="tiny" label={t("app.loading")} />}
      </div>
      {state.imported && <ImportResult outcome={state.imported} state={state} i18n={i18n} />}
    </section>
  );
}

function ImportResult({ outcome, state, i18n }: { outcome: ImportOutcome; state: RespondentsState; i18n: Translator }) {
  const { t } = i18n;
  if (outcome.kind === "needsAs") return <ImportAs key={outcome.file} file={outcome.file} state={state} i18n={i18n} />;
  if (outcome.kind === "refused") {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t("import.refused")}</MessageBarTitle>
          <IssueList issues={outcome.issues} />
        </MessageBarBody>
      </MessageBar>
    );
  }
  const o = outcome.outcome;
  const notes = [
    ...(o.otherVersion ? [t("import.otherVersion", o.otherVersion)] : []),
    ...(o.missing.length > 0 ? [t("import.missing", { ids: o.missing.join(", ") })] : []),
    ...(o.unknown.length > 0 ? [t("import.unknown", { ids: o.unknown.join(", ") })] : []),
  ];
  return (
    <MessageBar intent={notes.length > 0 || o.warnings.length > 0 ? "warning" : "success"} layout="multiline" role="status">
      <MessageBarBody>
        {o.added && <Text block>{t("import.added", { name: o.respondent })}</Text>}
        <Text block>{t("import.done", { file: outcome.file, name: o.respondent, filled: o.filled })}</Text>
        {notes.map((n) => (
          <Text block key={n} size={200}>
            {n}
          </Text>
        ))}
        {o.warnings.length > 0 && <IssueList issues={o.warnings} />}
      </MessageBarBody>
    </MessageBar>
  );
}

/** « Importer sous le nom… »: a copy that names no respondent goes to the one named here. */
function ImportAs({ file, state, i18n }: { file: string; state: RespondentsState; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const [name, setName] = useState("");
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (name.trim() !== "") void state.importAs(name);
  };
  return (
    <form className={styles.row} onSubmit={submit}>
      <Field className={styles.fill} label={t("import.as")} hint={t("import.as.hint", { file })}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={state.busy !== null || name.trim() === ""}>
        {t("import.as.button")}
      </Button>
    </form>
  );
}

function CopiesPart({ state, i18n, disabled }: { state: RespondentsState; i18n: Translator; disabled: boolean }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={own.part}>
      <Subtitle2 as="h3" id={headingId}>
        {t("copies.heading")}
      </Subtitle2>
      <Text block size={200}>
        {t("copies.intro")}
      </Text>
      <div className={styles.row}>
        <Button disabled={disabled || state.busy !== null} onClick={() => void state.makeCopies()}>
          {t("copies.make")}
        </Button>
        {state.busy === "copies" && <Spinner size="tiny" label={t("copies.making")} />}
      </div>
      {state.copiesRefused && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("copies.refused")}</MessageBarTitle>
            <IssueList issues={state.copiesRefused} />
          </MessageBarBody>
        </MessageBar>
      )}
      {state.copies && (
        <>
          <Text block role="status">
            {t("copies.ready")}
          </Text>
          <ul className={own.list}>
            {state.copies.map((c) => (
              <li key={c.file} data-respondent={c.respondent}>
                <Link href={c.url} download={c.file}>
                  {t("copies.download", { file: c.file })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
