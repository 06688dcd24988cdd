import { Button, Field, Input } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { issueText } from "../../addin/model/messages/message.catalog.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";

/** Props of `AddRespondent`. */
export interface AddRespondentProps {
  /** Adds the respondent; resolves to the name's problems, none when added. */
  onAdd: (name: string, path: string) => Promise<InputIssue[]>;
}

/**
 * « Ajouter un répondant »: a name, checked (empty, too long, taken, characters a header cannot
 * hold) before anything is written; its problem is shown under the field.
 */
export function AddRespondent({ onAdd }: AddRespondentProps) {
  const { t, lang } = useI18n();
  const styles = useScreenStyles();
  const [name, setName] = useState("");
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const label = t("respondent.newName");
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const found = await onAdd(name, label);
    setBusy(false);
    setIssues(found);
    if (found.length === 0) setName("");
  };
  return (
    <form className={styles.row} onSubmit={(e) => void submit(e)}>
      <Field
        className={styles.fill}
        label={label}
        hint={t("respondent.newName.hint")}
        validationState={issues.length > 0 ? "error" : "none"}
        validationMessage={issues.length > 0 ? issues.map((i) => issueText(i, lang)).join(" ") : undefined}
      >
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Button type="submit" disabled={busy}>
        {t("respondent.add")}
      </Button>
    </form>
  );
}
