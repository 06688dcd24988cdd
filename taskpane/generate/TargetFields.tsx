import { Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Template } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import { useI18n } from "../i18n/i18n.js";
import type { GenerateState } from "./generate.state.js";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  input: { maxWidth: "8em" },
});

/** The default target and one target per dimension, each a 0–100 field with its problem under it. */
export function TargetFields({ template, state }: { template: Template; state: GenerateState }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const check = state.targets;
  const disabled = !state.parts.dashboard || state.running;
  const problem = (p: "required" | "invalid" | null | undefined): string | undefined =>
    p === "required" ? t("generate.target.required") : p === "invalid" ? t("generate.target.invalid") : undefined;
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t("generate.targets")}</legend>
      {!state.parts.dashboard && <Text block>{t("generate.targets.noDashboard")}</Text>}
      <Field
        label={t("generate.target.default")}
        validationState={check?.defaultProblem ? "error" : "none"}
        validationMessage={problem(check?.defaultProblem)}
      >
        <Input
          className={styles.input}
          inputMode="decimal"
          disabled={disabled}
          value={state.form.defaultTarget}
          onChange={(_, d) => state.setDefaultTarget(d.value)}
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t("generate.target.dimensions")}</legend>
        {template.dimensions.map((d) => (
          <Field
            key={d.id}
            label={`${d.id} — ${textOf(d.title, lang)}`}
            validationState={check?.dimensionProblems[d.id] ? "error" : "none"}
            validationMessage={problem(check?.dimensionProblems[d.id])}
          >
            <Input
              className={styles.input}
              inputMode="decimal"
              disabled={disabled}
              placeholder={state.form.defaultTarget}
              value={state.form.dimensions[d.id] ?? ""}
              onChange={(_, v) => state.setDimensionTarget(d.id, v.value)}
            />
          </Field>
        ))}
      </fieldset>
    </fieldset>
  );
}
