import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useRef, type ChangeEvent, type FormEvent } from "react";
import type { SurveyQuestion, SurveyRecord } from "../../addin/model/survey.types.js";
import { IssueList } from "../errors/IssueList.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { ScreenHead } from "../ScreenHead.js";
import { useScreenStyles } from "../styles.js";
import type { SurveysState, SurveysView } from "./surveys.state.js";

const useStyles = makeStyles({
  /** A part of the screen, or a form: tighter than the screen itself. */
  part: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  picker: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, margin: 0, padding: tokens.spacingHorizontalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  // A long grid's criteria scroll inside the box instead of pushing the form down.
  choices: { maxHeight: "12rem", overflowY: "auto", display: "flex", flexDirection: "column" },
});

/** The survey exports the file input takes: Microsoft Forms' Excel export, or a CSV. */
const ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

/**
 * The « Sondages » screen (Engagement Qualité's first step): the surveys imported so far, and
 * « Importer un sondage »: the export, its name, whether free-text answers are kept, the criteria it
 * is evidence for and, when needed, the scale's order; then each question's figures.
 */
export function SurveysScreen({ state }: { state: SurveysState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const view = state.view;
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <ScreenHead headingId={headingId} title={t("surveys.heading")} state={state} />
      <Text block size={200}>
        {t("surveys.intro")}
      </Text>
      {view && state.phase !== "failed" && (
        <>
          <SurveyList surveys={view.surveys} i18n={i18n} />
          <ImportForm state={state} view={view} i18n={i18n} />
        </>
      )}
    </section>
  );
}

function favourableText(q: SurveyQuestion, i18n: Translator): string {
  return q.favourable === null ? i18n.t("surveys.notLikert") : i18n.t("surveys.favourable", { share: i18n.percent(q.favourable) });
}

/** Each question of a survey: its answers given and its favourable share (or that it is not an ordered scale). */
function QuestionList({ survey, i18n, size }: { survey: SurveyRecord; i18n: Translator; size?: 200 }) {
  const styles = useScreenStyles();
  return (
    <ul className={styles.list} aria-label={i18n.t("surveys.questionsList", { name: survey.name })}>
      {survey.questions.map((q, i) => (
        <li key={i} data-question={q.question} data-favourable={q.favourable ?? ""}>
          <Text size={size}>
            {i18n.t("surveys.question", { question: q.question, responses: i18n.plural("surveys.answers", q.responses), favourable: favourableText(q, i18n) })}
          </Text>
        </li>
      ))}
    </ul>
  );
}

function SurveyList({ surveys, i18n }: { surveys: SurveyRecord[]; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={own.part}>
      <Subtitle2 as="h3" id={headingId}>
        {t("surveys.list")}
      </Subtitle2>
      {surveys.length === 0 ? (
        <Text block>{t("surveys.none")}</Text>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {surveys.map((s) => (
            <li key={s.name} data-survey={s.name}>
              <Text block weight="semibold">
                {s.name}
              </Text>
              <Text block size={200}>
                {t("surveys.item", {
                  date: s.imported.toISOString().slice(0, 10),
                  responses: i18n.plural("surveys.responses", s.responses),
                  questions: i18n.plural("surveys.questions", s.questions.length),
                })}
              </Text>
              {s.criteria.length > 0 && (
                <Text block size={200}>
                  {t("surveys.itemCriteria", { list: s.criteria.join(", ") })}
                </Text>
              )}
              <QuestionList survey={s} i18n={i18n} size={200} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ImportForm({ state, view, i18n }: { state: SurveysState; view: SurveysView; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again fires a change.
    e.target.value = "";
    if (file) state.chooseFile(file);
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void state.run();
  };
  const has = (issue: SurveysState["formIssues"][number]): boolean => state.formIssues.includes(issue);
  const nameMessage = has("nameEmpty") ? t("surveys.nameEmpty") : has("nameTaken") ? t("surveys.nameTaken", { name: state.name.trim() }) : undefined;
  return (
    <section aria-labelledby={headingId} className={own.part}>
      <Subtitle2 as="h3" id={headingId}>
        {t("surveys.import.heading")}
      </Subtitle2>
      <form className={own.part} onSubmit={submit} aria-labelledby={headingId}>
        <input ref={input} type="file" accept={ACCEPT} className={styles.visuallyHidden} tabIndex={-1} aria-label={t("surveys.file.input")} onChange={onFile} />
        <div className={styles.row}>
          <Button onClick={() => input.current?.click()} disabled={state.busy} aria-describedby={fileId}>
            {t("surveys.file.button")}
          </Button>
          <Text id={fileId} data-survey-file={state.file?.name ?? ""}>
            {state.file ? t("surveys.file.chosen", { name: state.file.name }) : t("surveys.file.none")}
          </Text>
        </div>
        {has("noFile") && (
          <Text block role="alert" className={own.error}>
            {t("surveys.noFile")}
          </Text>
        )}
        <Field label={t("surveys.name")} validationState={nameMessage ? "error" : "none"} validationMessage={nameMessage}>
          <Input className={styles.fill} value={state.name} onChange={(_, d) => state.setName(d.value)} />
        </Field>
        <Checkbox checked={state.withComments} onChange={(_, d) => state.setWithComments(d.checked === true)} label={t("surveys.comments")} />
        <Text block size={200}>
          {t("surveys.anonymous")}
        </Text>
        <CriteriaPicker view={view} chosen={state.criteria} onChange={state.setCriteria} i18n={i18n} />
        <Field label={t("surveys.scale")} hint={t("surveys.scaleHint")}>
          <Input className={styles.fill} value={state.scale} onChange={(_, d) => state.setScale(d.value)} />
        </Field>
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={state.busy}>
            {t("surveys.run")}
          </Button>
          {state.busy && <Spinner size="tiny" label={t("surveys.running")} />}
        </div>
      </form>
      {state.issues && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("surveys.failed")}</MessageBarTitle>
            <IssueList issues={state.issues} />
          </MessageBarBody>
        </MessageBar>
      )}
      <div role="status">{state.done && <ImportDone done={state.done} i18n={i18n} />}</div>
    </section>
  );
}

function ImportDone({ done, i18n }: { done: NonNullable<SurveysState["done"]>; i18n: Translator }) {
  const { t } = i18n;
  const s = done.survey;
  return (
    <MessageBar intent={done.warnings.length > 0 ? "warning" : "success"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("surveys.done", { name: s.name, responses: i18n.plural("surveys.responses", s.responses) })}</MessageBarTitle>
        <Text block>{t(`surveys.where.${done.as}`, { name: done.name })}</Text>
        {done.evidenceRows > 0 && <Text block>{i18n.plural("surveys.evidence", done.evidenceRows, { list: s.criteria.join(", ") })}</Text>}
        {s.comments.length > 0 && <Text block>{i18n.plural("surveys.commentsKept", s.comments.length)}</Text>}
        <QuestionList survey={s} i18n={i18n} />
        {done.warnings.length > 0 && <IssueList issues={done.warnings} />}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The criteria a survey is evidence for: a check box per criterion of the grid, in template order
 * (the keyboard reaches each with Tab, Space checks it), in a box that scrolls for a long grid.
 */
function CriteriaPicker({ view, chosen, onChange, i18n }: { view: SurveysView; chosen: string[]; onChange: (ids: string[]) => void; i18n: Translator }) {
  const { t } = i18n;
  const own = useStyles();
  const hintId = useId();
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    // Kept in template order, whatever the order of the clicks.
    onChange(view.criteria.map((c) => c.id).filter((c) => next.has(c)));
  };
  return (
    <fieldset className={own.picker} aria-describedby={hintId}>
      <legend className={own.legend}>{t("surveys.criteria")}</legend>
      <Text block size={200} id={hintId}>
        {t("surveys.criteriaHint")}
      </Text>
      <div className={own.choices} data-criteria-picker="true">
        {view.criteria.map((c) => (
          <Checkbox key={c.id} checked={chosen.includes(c.id)} onChange={(_, d) => toggle(c.id, d.checked === true)} label={c.id} />
        ))}
      </div>
      <Text block size={200} aria-live="polite">
        {chosen.length === 0 ? t("surveys.criteriaNone") : t("surveys.criteriaChosen", { list: chosen.join(", ") })}
      </Text>
    </fieldset>
  );
}
