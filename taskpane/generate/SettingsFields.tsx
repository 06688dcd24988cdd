import { Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n.js";
import type { GenerateState } from "./generate.state.js";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  date: { maxWidth: "10em" },
});

/**
 * The organization assessed and the assessment date, written into the workbook's settings
 * (`QG_Settings`, editable there afterwards); the date is checked as it is typed.
 */
export function SettingsFields({ state }: { state: GenerateState }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset} disabled={state.running}>
      <legend className={styles.legend}>{t("generate.settings")}</legend>
      <Field label={t("generate.organization")}>
        <Input value={state.organization} onChange={(_, d) => state.setOrganization(d.value)} />
      </Field>
      <Field
        label={t("generate.assessmentDate")}
        hint={t("generate.assessmentDate.hint")}
        validationState={state.dateInvalid ? "error" : "none"}
        validationMessage={state.dateInvalid ? t("generate.assessmentDate.invalid") : undefined}
      >
        <Input className={styles.date} inputMode="numeric" value={state.assessmentDate} onChange={(_, d) => state.setAssessmentDate(d.value)} />
      </Field>
    </fieldset>
  );
}
