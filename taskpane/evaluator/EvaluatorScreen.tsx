import { Button, Field, Select, Spinner, Subtitle1, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import type { ProtectionMode } from "../../addin/host/host.types.js";
import { answerScale } from "../../addin/model/criterion.scale.js";
import { parseRatingCell } from "../../addin/model/scale.js";
import type { Criterion, Template } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import { ratingOptions, type RatingOption } from "../assess/RatingScale.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { useI18n } from "../i18n/i18n.js";
import { ratingText } from "../respondents/OtherAnswers.js";
import { useScreenStyles } from "../styles.js";
import { EvaluatorRatingForm, EvidenceReviewForm, RecommendationForm } from "./EvaluatorForms.js";
import type { EvaluatorState } from "./evaluator.state.js";

const useStyles = makeStyles({
  block: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  items: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

const MODES: readonly ProtectionMode[] = ["organization", "evaluator", "none"];

/**
 * The evaluator mode: criterion by criterion, what the organization said (consolidated rating,
 * each respondent's rating and comment whatever the workbook's showOthers setting, the agreed
 * rating) and its evidence with the review fields, then the evaluator's own rating, comment and
 * recommendations. Alt+← / Alt+→ (or the buttons) move between criteria; nothing here edits the
 * organization's entries.
 */
export function EvaluatorScreen({ state }: { state: EvaluatorState }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const criterion = state.criteria[state.index] ?? null;
  const move = useRef<(delta: number) => void>(() => undefined);
  move.current = (delta: number) => void state.show(state.index + delta);
  // On the document: a button disabled while saving drops the focus to the page, and the keys must still work.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
      // Alt+← is also the browser's Back: the pane keeps the keys for itself.
      e.preventDefault();
      move.current(e.key === "ArrowRight" ? 1 : -1);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("evaluator.heading")}
      </Subtitle1>
      <Text block size={200}>
        {t("evaluator.intro")}
      </Text>
      <div className={styles.row}>
        <Button onClick={() => void state.refresh()} disabled={state.phase === "loading"}>
          {t("app.refresh")}
        </Button>
        {state.phase === "loading" && <Spinner size="tiny" label={t("app.loading")} />}
      </div>
      {state.error && <HostErrorBar error={state.error} />}
      <Text role="status" size={200}>
        {savedText(state, t)}
      </Text>
      <Protection state={state} />
      {criterion && state.template && (
        <>
          <nav className={styles.row} aria-label={t("evaluator.nav")}>
            <Button onClick={() => void state.show(state.index - 1)} disabled={state.index === 0}>
              {t("evaluator.previous")}
            </Button>
            <Text>{t("evaluator.position", { n: state.index + 1, total: state.criteria.length })}</Text>
            <Button onClick={() => void state.show(state.index + 1)} disabled={state.index >= state.criteria.length - 1}>
              {t("evaluator.next")}
            </Button>
          </nav>
          <Subtitle2 as="h3" className={styles.heading} data-criterion={criterion.id}>
            {`${criterion.id} — ${textOf(criterion.text, lang)}`}
          </Subtitle2>
          {state.context && state.context.criterion.toLowerCase() === criterion.id.toLowerCase() && (
            <CriterionBody key={criterion.id} state={state} criterion={criterion} template={state.template} />
          )}
        </>
      )}
    </section>
  );
}

/** The status line after a save. */
function savedText(state: EvaluatorState, t: ReturnType<typeof useI18n>["t"]): string {
  const s = state.saved;
  if (!s) return "";
  if (s.kind === "protection") return t(`evaluator.protection.saved.${s.mode}`);
  return t(`evaluator.saved.${s.kind}`, { id: s.id });
}

/** The protection mode: whose cells are editable on the grid and the register. */
function Protection({ state }: { state: EvaluatorState }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const [mode, setMode] = useState<ProtectionMode>("evaluator");
  return (
    <div className={styles.row}>
      <Field label={t("evaluator.protection")} hint={t(`evaluator.protection.hint.${mode}`)} className={styles.fill}>
        <Select className={styles.fill} select={{ className: styles.fill }} value={mode} data-field="protection" onChange={(_, d) => setMode(d.value as ProtectionMode)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(`evaluator.protection.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => void state.setProtection(mode)}>{t("evaluator.protection.apply")}</Button>
    </div>
  );
}

/** The criterion's context and the evaluator's forms; remounted for each criterion. */
function CriterionBody({ state, criterion, template }: { state: EvaluatorState; criterion: Criterion; template: Template }) {
  const i18n = useI18n();
  const { t } = i18n;
  const own = useStyles();
  const styles = useScreenStyles();
  const ids = useId();
  const scale = answerScale(template, criterion);
  const options: RatingOption[] = ratingOptions(scale, i18n);
  const c = state.context;
  if (!c) return null;
  const consolidated = typeof c.consolidated === "number" ? i18n.number(c.consolidated, 2) : ratingText(parseRatingCell(c.consolidated, scale), options, i18n);
  const named = c.respondents.length > 1 || (c.respondents[0]?.name ?? "") !== "";
  return (
    <>
      <div className={own.block} role="group" aria-labelledby={`${ids}-org`}>
        <Subtitle2 as="h4" id={`${ids}-org`} className={styles.heading}>
          {t("evaluator.organization")}
        </Subtitle2>
        <Text data-consolidated>{t("evaluator.consolidated", { rating: consolidated })}</Text>
        {named && (
          <ul className={styles.list} aria-label={t("evaluator.respondents")}>
            {c.respondents.map((r, i) => (
              <li key={i} data-respondent={r.name}>
                <Text>{t("respondent.otherLine", { name: r.name, rating: ratingText(parseRatingCell(r.rating, scale), options, i18n) })}</Text>
                {r.comment !== "" && (
                  <Text block size={200}>
                    {r.comment}
                  </Text>
                )}
              </li>
            ))}
          </ul>
        )}
        {!named && c.respondents[0] && c.respondents[0].comment !== "" && (
          <Text block size={200}>
            {c.respondents[0].comment}
          </Text>
        )}
        {c.agreed && c.agreed.rating !== null && (
          <Text size={200}>{t("evaluator.agreed", { rating: ratingText(parseRatingCell(c.agreed.rating, scale), options, i18n), reason: c.agreed.reason })}</Text>
        )}
      </div>
      <div className={own.block} role="group" aria-labelledby={`${ids}-evidence`}>
        <Subtitle2 as="h4" id={`${ids}-evidence`} className={styles.heading}>
          {t("evaluator.evidence")}
        </Subtitle2>
        {c.evidence.length === 0 ? (
          <Text size={200}>{t("evaluator.evidence.none")}</Text>
        ) : (
          <ul className={own.items}>
            {c.evidence.map((e) => (
              <li key={e.id || e.title} data-evidence={e.id}>
                <EvidenceReviewForm item={e} state={state} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={own.block} role="group" aria-labelledby={`${ids}-own`}>
        <Subtitle2 as="h4" id={`${ids}-own`} className={styles.heading}>
          {t("evaluator.own")}
        </Subtitle2>
        <EvaluatorRatingForm state={state} options={options} scale={scale} />
        <RecommendationForm state={state} />
      </div>
    </>
  );
}
