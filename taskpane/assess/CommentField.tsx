import { Field, Textarea } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "../i18n/i18n.js";

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
  const [draft, setDraft] = useState(saved);
  const pending = useRef<{ id: string; text: string; save: typeof onSave } | null>(null);
  pending.current = draft !== saved ? { id: criterionId, text: draft, save: onSave } : null;
  useEffect(
    () => () => {
      const p = pending.current;
      if (p) p.save(p.id, p.text);
    },
    [],
  );
  const save = (): void => {
    if (draft !== saved) onSave(criterionId, draft);
  };
  return (
    <Field label={t("assess.comment")} hint={t("assess.comment.hint")}>
      <Textarea resize="vertical" value={draft} onChange={(_, d) => setDraft(d.value)} onBlur={save} />
    </Field>
  );
}
