import { Badge, Button, Field, Select, Subtitle2, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { answerScale } from "../../addin/model/criterion.scale.js";
import type { Rating } from "../../addin/model/scale.js";
import type { Template } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import { ratingKey } from "../assess/assessment.nav.js";
import { ratingOptions, type RatingOption } from "../assess/RatingScale.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { ScreenHead } from "../ScreenHead.js";
import { useScreenStyles } from "../styles.js";
import type { DiscussItem, DiscussState } from "./discuss.state.js";
import { ratingText } from "./OtherAnswers.js";

const useStyles = makeStyles({
  items: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  answers: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/**
 * « À discuter »: the criteria where respondents disagree (spread at or above the workbook's
 * threshold, or N/A beside a level), each with every respondent's rating and comment, the spread and
 * the consolidated rating, and a place for the agreed rating and its reason (which then counts).
 * Criteria already settled stay listed, marked, so their agreed rating can be changed or cleared.
 */
export function DiscussScreen({ state }: { state: DiscussState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const f = state.figures;
  const count = f?.items.filter((i) => i.toDiscuss).length ?? 0;
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <ScreenHead headingId={headingId} title={t("discuss.heading")} state={state} />
      {f && f.respondents < 2 && <Text block>{t("discuss.oneRespondent")}</Text>}
      {f && f.respondents >= 2 && (
        <>
          <Text block size={200}>
            {t("discuss.intro", { threshold: i18n.number(f.spreadThreshold, 2), method: t(`discuss.method.${f.consolidation}`) })}
          </Text>
          <Text block weight="semibold" data-to-discuss={count}>
            {count === 0 ? t("discuss.none") : i18n.plural("discuss.count", count)}
          </Text>
          <Text role="status" size={200}>
            {state.saved ? t("discuss.saved", { id: state.saved }) : ""}
          </Text>
          {f.items.length > 0 && (
            <ul className={own.items}>
              {f.items.map((item) => (
                <li key={item.criterion.id} className={styles.card} data-criterion={item.criterion.id} data-to-discuss={item.toDiscuss}>
                  <Item item={item} template={f.template} state={state} i18n={i18n} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function Item({ item, template, state, i18n }: { item: DiscussItem; template: Template; state: DiscussState; i18n: Translator }) {
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const ids = useId();
  const options = ratingOptions(answerScale(template, item.criterion), i18n);
  const id = item.criterion.id;
  return (
    <>
      <Subtitle2 as="h3" id={`${ids}-title`} className={styles.heading}>
        {`${id} — ${textOf(item.criterion.text, lang)}`}
      </Subtitle2>
      {!item.toDiscuss && (
        <div>
          <Badge appearance="tint" color="success">
            {t("discuss.settledHeading")}
          </Badge>
        </div>
      )}
      <Text size={200}>{t("discuss.spread", { spread: item.spread === null ? t("app.noValue") : i18n.number(item.spread, 2) })}</Text>
      <Text size={200}>{t("discuss.consolidated", { rating: ratingText(item.consolidated, options, i18n) })}</Text>
      <ul className={own.answers} aria-label={t("discuss.answers", { id })}>
        {item.answers.map((a, i) => (
          <li key={i} data-respondent={a.name}>
            <Text>{t("respondent.otherLine", { name: a.name, rating: ratingText(a.rating, options, i18n, a.text) })}</Text>
            {a.comment !== "" && (
              <Text block size={200}>
                {a.comment}
              </Text>
            )}
          </li>
        ))}
      </ul>
      {/* Not keyed by the agreed rating: saving keeps the form, and the keyboard focus on its button. */}
      <AgreedForm item={item} options={options} state={state} i18n={i18n} />
    </>
  );
}

/** The agreed rating and its reason, saved together with one button. */
function AgreedForm({ item, options, state, i18n }: { item: DiscussItem; options: RatingOption[]; state: DiscussState; i18n: Translator }) {
  const { t } = i18n;
  const styles = useScreenStyles();
  const id = item.criterion.id;
  const [choice, setChoice] = useState(item.agreed ? ratingKey(item.agreed.rating) : "blank");
  const [reason, setReason] = useState(item.agreed?.reason ?? "");
  const [busy, setBusy] = useState(false);
  const save = async (): Promise<void> => {
    const rating: Rating = options.find((o) => o.key === choice)?.rating ?? { kind: "blank" };
    setBusy(true);
    await state.saveAgreed(id, rating, reason);
    setBusy(false);
  };
  return (
    <>
      <Field label={t("discuss.agreed")}>
        <Select className={styles.fill} select={{ className: styles.fill }} value={choice} onChange={(_, d) => setChoice(d.value)}>
          <option value="blank">{t("discuss.agreed.none")}</option>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {`${o.value} — ${o.label}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("discuss.reason")}>
        <Textarea resize="vertical" value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {t("discuss.save", { id })}
        </Button>
      </div>
    </>
  );
}
