import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { EvidenceContext } from "../../addin/host/host.types.js";
import { dayOfCell } from "../../addin/model/date.serial.js";
import { REVIEW_STATUSES, reviewStatusOfCell, type ReviewStatus } from "../../addin/model/review.status.js";
import { parseRatingCell, type Rating } from "../../addin/model/scale.js";
import type { Scale } from "../../addin/model/template.types.js";
import { ratingKey } from "../assess/assessment.nav.js";
import type { RatingOption } from "../assess/RatingScale.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { EvaluatorState } from "./evaluator.state.js";

const useStyles = makeStyles({
  evidence: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  location: { overflowWrap: "anywhere" },
});

/** `yyyy-mm-dd` of a UTC day, as a date input holds it; "" for none. */
function isoDay(d: Date | null): string {
  return d ? d.toISOString().slice(0, 10) : "";
}

/** The UTC day of a date input's `yyyy-mm-dd`; null when blank or unreadable. */
function dayOfIso(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** Today as a UTC day, as the review date defaults to. */
function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/**
 * One evidence row: what the organization wrote (read only) and the evaluator's review (status,
 * note, date, reviewer), saved together.
 */
export function EvidenceReviewForm({ item, state }: { item: EvidenceContext; state: EvaluatorState }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const r = item.review;
  const [status, setStatus] = useState<ReviewStatus | "">(r ? (reviewStatusOfCell(r.status) ?? "") : "");
  const [note, setNote] = useState(r?.note ?? "");
  const [date, setDate] = useState(isoDay(r ? dayOfCell(r.date) : null));
  const [reviewer, setReviewer] = useState(r?.reviewer || state.reviewer);
  const [busy, setBusy] = useState(false);
  const label = item.id !== "" ? `${item.id} — ${item.title}` : item.title;
  const save = async (): Promise<void> => {
    setBusy(true);
    // A review given without a date is dated today, as `qualigrid review` dates it.
    const day = dayOfIso(date) ?? (status === "" ? null : today());
    await state.saveReview(item.id, { status: status === "" ? null : status, note, date: day, reviewer });
    setBusy(false);
  };
  return (
    <fieldset className={own.evidence}>
      <legend>
        <Text weight="semibold">{label}</Text>
      </legend>
      <Text size={200}>{t("evaluator.evidence.orgStatus", { status: item.status === "" ? t("app.noValue") : item.status })}</Text>
      {item.location !== "" && (
        <Text size={200} className={own.location}>
          {item.location}
        </Text>
      )}
      {r === null || item.id === "" ? (
        <Text size={200}>{t(r === null ? "evaluator.evidence.noReview" : "evaluator.evidence.noId")}</Text>
      ) : (
        <>
          <Field label={t("evaluator.review.status")}>
            <Select className={styles.fill} select={{ className: styles.fill }} value={status} data-field="review-status" onChange={(_, d) => setStatus(d.value as ReviewStatus | "")}>
              <option value="">{t("evaluator.review.notReviewed")}</option>
              {REVIEW_STATUSES.map((s) => (
                <option key={s.status} value={s.status}>
                  {s[lang]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("evaluator.review.note")}>
            <Textarea resize="vertical" value={note} data-field="review-note" onChange={(_, d) => setNote(d.value)} />
          </Field>
          <Field label={t("evaluator.review.date")}>
            <Input type="date" className={styles.fill} value={date} data-field="review-date" onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t("evaluator.review.reviewer")}>
            <Input className={styles.fill} value={reviewer} data-field="reviewer" onChange={(_, d) => setReviewer(d.value)} />
          </Field>
          <div>
            <Button disabled={busy} onClick={() => void save()}>
              {t("evaluator.review.save", { id: item.id })}
            </Button>
          </div>
        </>
      )}
    </fieldset>
  );
}

/** The evaluator's rating and comment of the criterion on show. */
export function EvaluatorRatingForm({ state, options, scale }: { state: EvaluatorState; options: RatingOption[]; scale: Scale }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const c = state.context;
  const held = parseRatingCell(c?.evaluator.rating ?? null, scale);
  const [choice, setChoice] = useState(held.kind === "invalid" ? "blank" : ratingKey(held));
  const [comment, setComment] = useState(c?.evaluator.comment ?? "");
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    const rating: Rating = options.find((o) => o.key === choice)?.rating ?? { kind: "blank" };
    setBusy(true);
    await state.saveRating(rating, comment);
    setBusy(false);
  };
  return (
    <>
      {held.kind === "invalid" && <Text size={200}>{t("evaluator.rating.unreadable", { value: held.raw })}</Text>}
      <Field label={t("evaluator.rating")}>
        <Select className={styles.fill} select={{ className: styles.fill }} value={choice} data-field="evaluator-rating" onChange={(_, d) => setChoice(d.value)}>
          <option value="blank">{t("evaluator.rating.none")}</option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {`${o.value} — ${o.label}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("evaluator.comment")}>
        <Textarea resize="vertical" value={comment} data-field="evaluator-comment" onChange={(_, d) => setComment(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {t("evaluator.rating.save")}
        </Button>
      </div>
    </>
  );
}

/** A recommendation for the criterion on show: an action-plan row « Évaluation externe ». */
export function RecommendationForm({ state }: { state: EvaluatorState }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const [text, setText] = useState("");
  const [due, setDue] = useState("");
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const add = async (): Promise<void> => {
    setBusy(true);
    if (await state.addRecommendation(text.trim(), dayOfIso(due))) {
      setText("");
      setDue("");
      // The button is disabled once the text is cleared: the focus goes back to write the next one.
      box.current?.focus();
    }
    setBusy(false);
  };
  return (
    <>
      <Field label={t("evaluator.recommendation")} hint={t("evaluator.recommendation.hint")}>
        <Textarea ref={box} resize="vertical" value={text} data-field="recommendation" onChange={(_, d) => setText(d.value)} />
      </Field>
      <Field label={t("evaluator.recommendation.due")}>
        <Input type="date" className={styles.fill} value={due} data-field="recommendation-due" onChange={(_, d) => setDue(d.value)} />
      </Field>
      <div>
        <Button disabled={busy || text.trim() === ""} onClick={() => void add()}>
          {t("evaluator.recommendation.add")}
        </Button>
      </div>
    </>
  );
}
