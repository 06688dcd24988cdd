import { Field, Textarea } from "@fluentui/react-components";
import { useI18n } from "../i18n/i18n.js";
import { useSavedDraft } from "./draft.save.js";

/** Props of `CommentField`. */
export interface CommentFieldProps {
  criterionId: string;
  saved: string;
  onSave: (criterionId: string, comment: string) => void;
}

/**
 * A criterion's comment, saved when the field loses focus, or when the criterion on show changes
 * while it is being typed (mount it with `key={criterionId}`).
 */
export function CommentField({ criterionId, saved, onSave }: CommentFieldProps) {
  const { t } = useI18n();
  const { draft, setDraft, save } = useSavedDraft(criterionId, saved, onSave);
  return (
    <Field label={t("assess.comment")} hint={t("assess.comment.hint")}>
      <Textarea resize="vertical" value={draft} onChange={(_, d) => setDraft(d.value)} onBlur={save} />
    </Field>
  );
}
