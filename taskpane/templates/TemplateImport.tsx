import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { useRef, type ChangeEvent } from "react";
import { textOf } from "../../addin/model/text.js";
import { IssueList } from "../errors/IssueList.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { TemplatesState } from "./templates.state.js";

/**
 * Import of a template JSON file: a button opens the file picker (the input itself stays out of the
 * tab order); the result is a message listing every issue with its JSON path.
 */
export function TemplateImport({ state }: { state: TemplatesState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const input = useRef<HTMLInputElement>(null);
  const onChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    // Cleared so that choosing the same file again, once fixed, fires a change.
    e.target.value = "";
    if (file) void state.importFile(file);
  };
  const outcome = state.lastImport;
  const dismiss = (
    <Button appearance="transparent" aria-label={t("app.dismiss")} icon={<span aria-hidden="true">✕</span>} onClick={state.dismissImport} />
  );
  return (
    <div className={styles.screen}>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className={styles.visuallyHidden}
        tabIndex={-1}
        aria-label={t("templates.import.input")}
        onChange={onChange}
      />
      <div className={styles.row}>
        <Button onClick={() => input.current?.click()}>{t("templates.import.button")}</Button>
      </div>
      {outcome?.kind === "imported" && (
        <MessageBar intent={outcome.warnings.length > 0 ? "warning" : "success"} layout="multiline" role="status">
          <MessageBarBody>
            <Text block>{t("templates.import.ok", { title: textOf(outcome.title, i18n.lang) })}</Text>
            {outcome.warnings.length > 0 && (
              <>
                <Text block>{t("templates.import.warnings", { file: outcome.file })}</Text>
                <IssueList issues={outcome.warnings} />
              </>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss} />
        </MessageBar>
      )}
      {outcome?.kind === "rejected" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("templates.import.failed")}</MessageBarTitle>
            <Text block>{t("templates.import.fix", { file: outcome.file })}</Text>
            <IssueList issues={outcome.issues} />
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss} />
        </MessageBar>
      )}
      {outcome?.kind === "unreadable" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("templates.import.failed")}</MessageBarTitle>
            <Text block>{t("templates.import.unreadable", { file: outcome.file })}</Text>
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss} />
        </MessageBar>
      )}
    </div>
  );
}
