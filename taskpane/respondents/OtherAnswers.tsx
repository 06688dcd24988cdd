import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Rating } from "../../addin/model/scale.js";
import type { OtherAnswer } from "../assess/assessment.state.js";
import { ratingKey } from "../assess/assessment.nav.js";
import type { RatingOption } from "../assess/RatingScale.js";
import { useI18n, type Translator } from "../i18n/i18n.js";

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/** How a respondent's rating reads in the pane: « 3 — Largement atteint », « s. o. — Sans objet », « sans réponse ». */
export function ratingText(rating: Rating, options: readonly RatingOption[], i18n: Translator, text = ""): string {
  if (rating.kind === "invalid") return rating.raw;
  if (rating.kind === "blank") return text !== "" ? text : i18n.t("respondent.noAnswer");
  const option = options.find((o) => o.key === ratingKey(rating));
  if (option) return `${option.value} — ${option.label}`;
  return rating.kind === "level" ? i18n.number(rating.value, 2) : i18n.t("assess.na.token");
}

/**
 * The other respondents' answers to the criterion on show, for a workbook whose setting lets
 * respondents see them (off by default: independent answers first).
 */
export function OtherAnswers({ others, options }: { others: readonly OtherAnswer[]; options: readonly RatingOption[] }) {
  const i18n = useI18n();
  const own = useStyles();
  const headingId = useId();
  return (
    <div>
      <h4 id={headingId} className={own.heading}>
        {i18n.t("respondent.others")}
      </h4>
      <ul className={own.list} aria-labelledby={headingId}>
        {others.map((o) => (
          <li key={o.name}>
            <Text>{i18n.t("respondent.otherLine", { name: o.name, rating: ratingText(o.rating, options, i18n, o.text) })}</Text>
            {o.comment !== "" && (
              <Text block size={200}>
                {o.comment}
              </Text>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
