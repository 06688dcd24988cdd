import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import type { GenerateProgress } from "../../addin/host/host.types.js";
import type { Template } from "../../addin/model/template.types.js";
import { isLang, textOf } from "../../addin/model/text.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import type { WorkbookStatusState } from "../host/workbook.status.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { GenerateState } from "./generate.state.js";
import { GridExistsBar } from "./GridExistsBar.js";
import { SettingsFields } from "./SettingsFields.js";
import { TargetFields } from "./TargetFields.js";

const useStyles = makeStyles({
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

/** Props of `GenerateScreen`. */
export interface GenerateScreenProps {
  template: Template | null;
  state: GenerateState;
  workbook: WorkbookStatusState;
  onChooseTemplate: () => void;
  onAssess: () => void;
}

/**
 * The Generate screen: language, parts, the organization and assessment date, and targets, then
 * the generation with its progress. A
 * workbook that already holds a grid is named and the button is disabled (never overwritten).
 */
export function GenerateScreen({ template, state, workbook, onChooseTemplate, onAssess }: GenerateScreenProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  // The same answer the renderers refuse with (planClashes): a grid, a Qualigrid table or name already there.
  const blocked = (workbook.status?.clashes.length ?? 0) > 0;
  const targetsRefused = state.refusedForTargets && state.targets?.ok === false;
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("generate.heading")}
      </Subtitle1>
      {workbook.status && blocked && !state.done && <GridExistsBar status={workbook.status} />}
      {workbook.error && <HostErrorBar error={workbook.error} actions={<Button onClick={() => void workbook.check()}>{t("app.refresh")}</Button>} />}
      {!template ? (
        <>
          <Text block>{t("generate.noTemplate")}</Text>
          <div className={styles.row}>
            <Button appearance="primary" onClick={onChooseTemplate}>
              {t("generate.toTemplates")}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text block weight="semibold">
            {t("generate.template", { title: textOf(template.title, lang) })}
          </Text>
          <Field label={t("generate.language")}>
            <RadioGroup layout="horizontal" value={state.lang} disabled={state.running} onChange={(_, d) => isLang(d.value) && state.setLang(d.value)}>
              <Radio value="fr" label={t("generate.lang.fr")} />
              <Radio value="en" label={t("generate.lang.en")} />
            </RadioGroup>
          </Field>
          <fieldset className={own.fieldset} disabled={state.running}>
            <legend className={own.legend}>{t("generate.parts")}</legend>
            <Checkbox checked disabled label={t("generate.part.grid")} />
            {(["evidence", "actions", "dashboard"] as const).map((part) => (
              <Checkbox
                key={part}
                checked={state.parts[part]}
                label={t(`generate.part.${part}`)}
                onChange={(_, d) => state.setPart(part, d.checked === true)}
              />
            ))}
          </fieldset>
          <SettingsFields state={state} />
          <TargetFields template={template} state={state} />
          {targetsRefused && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t("generate.fixTargets")}</MessageBarBody>
            </MessageBar>
          )}
          {state.refusedForSettings && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{t("generate.fixSettings")}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={blocked || state.running} onClick={() => void state.generate()}>
              {t("generate.button")}
            </Button>
            {state.running && !state.progress && <Spinner size="tiny" label={t("generate.checking")} />}
          </div>
          {state.running && state.progress && <GenerateProgressField progress={state.progress} i18n={i18n} />}
          {state.error && <HostErrorBar error={state.error} onDismiss={state.dismissError} />}
          {state.done && (
            <MessageBar intent="success" layout="multiline" role="status">
              <MessageBarBody>
                <MessageBarTitle>{t("generate.done")}</MessageBarTitle>
                <Text block>{t("generate.done.next")}</Text>
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={onAssess}>{t("generate.toAssess")}</Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </>
      )}
    </section>
  );
}

function GenerateProgressField({ progress, i18n }: { progress: GenerateProgress; i18n: Translator }) {
  const text = i18n.t(`generate.stage.${progress.stage}`, { percent: i18n.percent(progress.fraction) });
  return (
    <Field label={i18n.t("generate.progress")} hint={<span aria-live="polite">{text}</span>}>
      <ProgressBar value={progress.fraction} max={1} thickness="large" />
    </Field>
  );
}
