import { Checkbox, Field, Textarea } from "@fluentui/react-components";
import type { Rating } from "../../addin/model/scale.js";
import { useI18n } from "../i18n/i18n.js";
import { useSavedDraft } from "./draft.save.js";

/** Props of `AnswerText`. */
export interface AnswerTextProps {
  criterionId: string;
  /** The words the grid holds. */
  saved: string;
  /** N/A or blank: a text question has no level. */
  rating: Rating;
  /** Whether « sans objet » may be said (not for a required question). */
  notApplicable: boolean;
  onSave: (criterionId: string, text: string) => void;
  onRate: (rating: Rating) => void;
}

/**
 * A free-text question's answer: a text box saved when it loses focus (mount it with a key that
 * changes with the criterion and with N/A), and « Sans objet » as a check box where it may be said.
 */
export function AnswerText({ criterionId, saved, rating, notApplicable, onSave, onRate }: AnswerTextProps) {
  const { t } = useI18n();
  const { draft, setDraft, save } = useSavedDraft(criterionId, saved, onSave);
  const na = rating.kind === "na";
  return (
    <>
      <Field label={t("assess.answer")} hint={t("assess.answer.hint")}>
        <Textarea resize="vertical" value={na ? "" : draft} disabled={na} onChange={(_, d) => setDraft(d.value)} onBlur={save} />
      </Field>
      {notApplicable && (
        <Checkbox label={t("assess.na.label")} checked={na} onChange={(_, d) => onRate(d.checked === true ? { kind: "na" } : { kind: "blank" })} />
      )}
    </>
  );
}
