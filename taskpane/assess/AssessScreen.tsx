import {
  Badge,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle1,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId } from "react";
import { answerScale, isTextCriterion, themeOf } from "../../addin/model/criterion.scale.js";
import { isNaToken } from "../../addin/model/scale.js";
import { textOf } from "../../addin/model/text.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import { ratingKey } from "./assessment.nav.js";
import type { AssessmentNotice, AssessmentState, CurrentCriterion } from "./assessment.state.js";
import { AnswerText } from "./AnswerText.js";
import { CommentField } from "./CommentField.js";
import { LinkedEvidence } from "./LinkedEvidence.js";
import { ratingOptions, RatingScale, type RatingOption } from "./RatingScale.js";
import { OtherAnswers } from "../respondents/OtherAnswers.js";
import { RespondentPicker } from "../respondents/RespondentPicker.js";

const useStyles = makeStyles({
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  badges: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  nav: { display: "flex", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
});

/**
 * The Assess screen: one criterion at a time, grouped by dimension — its theme, text, guidance and
 * expected evidence, its own scale (no « sans objet » for a required criterion, marked « Requis »)
 * or, for a free-text question, a text box, a comment and the evidence that names it. Showing a criterion
 * selects it in the grid; selecting a grid row shows it here.
 */
export function AssessScreen({ state }: { state: AssessmentState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const { ensureLoaded } = state;
  useEffect(() => ensureLoaded(), [ensureLoaded]);
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("assess.heading")}
      </Subtitle1>
      {state.error && (
        <HostErrorBar
          error={state.error}
          onDismiss={state.phase === "failed" ? undefined : state.dismissError}
          actions={<Button onClick={() => void state.load()}>{t("assess.reload")}</Button>}
        />
      )}
      {(state.phase === "loading" || state.phase === "idle") && <Spinner size="small" label={t("app.loading")} />}
      {state.phase === "ready" && state.respondent === null && <RespondentPicker state={state} />}
      {state.phase === "ready" && state.respondent !== null && (
        <>
          {state.respondent !== "" && (
            <div className={styles.row}>
              <Text>{t("respondent.current", { name: state.respondent })}</Text>
              <Button size="small" onClick={state.changeRespondent}>
                {t("respondent.change")}
              </Button>
            </div>
          )}
          {!state.current && <Text block>{t("assess.empty")}</Text>}
          {state.current && <CriterionForm state={state} current={state.current} i18n={i18n} />}
        </>
      )}
    </section>
  );
}

function CriterionForm({ state, current, i18n }: { state: AssessmentState; current: CurrentCriterion; i18n: Translator }) {
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const ids = useId();
  const template = state.workbook?.template;
  if (!template) return null;
  const { criterion, dimension } = current;
  const scale = answerScale(template, criterion);
  const textQuestion = isTextCriterion(criterion);
  const options = ratingOptions(scale, i18n);
  const checkedKey = current.rating.kind === "level" || current.rating.kind === "na" ? ratingKey(current.rating) : null;
  const theme = themeOf(dimension, criterion);
  const required = criterion.required === true;
  const position = { index: current.index + 1, count: current.count };
  const guidance = textOf(criterion.guidance, lang);
  const evidence = textOf(criterion.evidence, lang);
  const notice = state.notice && state.notice.criterionId === criterion.id ? noticeText(state.notice, options, i18n) : "";
  return (
    <>
      <Field label={t("assess.dimension")}>
        <Select className={styles.fill} select={{ className: styles.fill }} value={dimension.id} onChange={(_, d) => state.showDimension(d.value)}>
          {template.dimensions.map((d) => (
            <option key={d.id} value={d.id}>
              {`${d.id} — ${textOf(d.title, lang)}`}
            </option>
          ))}
        </Select>
      </Field>
      {theme && (
        <Text block size={200} data-theme={theme.id}>
          {t("assess.theme", { theme: `${theme.id} — ${textOf(theme.title, lang)}` })}
        </Text>
      )}
      <Text block size={200}>
        {t("assess.position", position)}
      </Text>
      <div className={styles.visuallyHidden} aria-live="polite">
        {t("assess.announce", { id: criterion.id, ...position })}
      </div>
      <article className={styles.card} aria-labelledby={`${ids}-text`}>
        <Subtitle2 as="h3" id={`${ids}-text`} className={styles.heading}>
          {`${criterion.id} — ${textOf(criterion.text, lang)}`}
        </Subtitle2>
        {(required || textQuestion) && (
          <div className={own.badges}>
            {required && (
              <Badge appearance="tint" color="important">
                {t("assess.required")}
              </Badge>
            )}
            {textQuestion && (
              <Badge appearance="tint" color="informative">
                {t("assess.textQuestion")}
              </Badge>
            )}
          </div>
        )}
        {guidance && (
          <div>
            <h4 className={own.subheading}>{t("assess.guidance")}</h4>
            <Text block>{guidance}</Text>
          </div>
        )}
        {evidence && (
          <div>
            <h4 className={own.subheading}>{t("assess.expectedEvidence")}</h4>
            <Text block>{evidence}</Text>
          </div>
        )}
      </article>
      {textQuestion ? (
        <AnswerText
          key={`${criterion.id}:${current.rating.kind}`}
          criterionId={criterion.id}
          saved={current.text}
          rating={current.rating}
          notApplicable={scale.notApplicable}
          onSave={state.saveText}
          onRate={state.rate}
        />
      ) : (
        <>
          <Text id={`${ids}-rating`} weight="semibold">
            {t("assess.rating")}
          </Text>
          <RatingScale
            options={options}
            checkedKey={checkedKey}
            onChoose={(o) => state.rate(o.rating)}
            labelledBy={`${ids}-rating`}
            idPrefix={`${ids}-level`}
          />
        </>
      )}
      {required && !textQuestion && <Text size={200}>{t("assess.required.hint")}</Text>}
      {current.rating.kind === "blank" && (!textQuestion || current.text === "") && (
        <Text size={200}>{t(textQuestion ? "assess.notAnswered" : "assess.notRated")}</Text>
      )}
      {current.rating.kind === "invalid" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {required && isNaToken(current.rating.raw) ? t("assess.requiredNa", { raw: current.rating.raw }) : t("assess.invalidRating", { raw: current.rating.raw })}
          </MessageBarBody>
        </MessageBar>
      )}
      <CommentField key={`${criterion.id}:${state.respondent ?? ""}`} criterionId={criterion.id} saved={current.comment} onSave={state.saveComment} />
      {current.others.length > 0 && <OtherAnswers others={current.others} options={options} />}
      {state.commentRefused && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{t("assess.comment.needsRating")}</MessageBarBody>
        </MessageBar>
      )}
      <Text role="status" size={200}>
        {notice}
      </Text>
      <div className={own.nav}>
        <Button disabled={!state.hasPrevious} onClick={state.previous}>
          {t("assess.previous")}
        </Button>
        <Button appearance="primary" disabled={!state.hasNext} onClick={state.next}>
          {t("assess.next")}
        </Button>
      </div>
      <LinkedEvidence evidence={current.evidence} />
    </>
  );
}

function noticeText(notice: AssessmentNotice, options: RatingOption[], i18n: Translator): string {
  if (notice.kind === "comment") return i18n.t("assess.commentSaved");
  if (notice.kind === "text") return i18n.t("assess.answerSaved");
  const option = options.find((o) => o.key === ratingKey(notice.rating));
  return i18n.t("assess.saved", { rating: option ? `${option.value} — ${option.label}` : i18n.t("app.noValue") });
}
