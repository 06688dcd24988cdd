import { Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { AssessmentState } from "../assess/assessment.state.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import { AddRespondent } from "./AddRespondent.js";

const useStyles = makeStyles({
  names: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

/**
 * « Qui répond? »: asked once per workbook on this computer, before any rating is written — one
 * button per respondent of the workbook, and « Ajouter un répondant » for someone not there yet.
 */
export function RespondentPicker({ state }: { state: AssessmentState }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const names = state.respondents.filter((n) => n !== "");
  return (
    <section aria-labelledby={headingId} className={styles.screen}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t("respondent.heading")}
      </Subtitle2>
      <Text block>{t("respondent.intro")}</Text>
      <ul className={own.names} aria-label={t("respondent.list")}>
        {names.map((name) => (
          <li key={name}>
            <Button className={styles.fill} onClick={() => state.chooseRespondent(name)}>
              {t("respondent.choose", { name })}
            </Button>
          </li>
        ))}
      </ul>
      <AddRespondent onAdd={state.addRespondent} />
    </section>
  );
}
