import { useEffect, useRef, useState } from "react";

/** A text being typed for a criterion, and how to save it. */
export interface SavedDraft {
  draft: string;
  setDraft(text: string): void;
  /** Saves the draft when it differs from what is saved (on blur). */
  save(): void;
}

/**
 * A text field's draft for one criterion, saved on `save()` (when the field loses focus) or when
 * the field goes away while it is being typed (mount its field with `key={criterionId}`).
 */
export function useSavedDraft(criterionId: string, saved: string, onSave: (criterionId: string, text: string) => void): SavedDraft {
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
  return {
    draft,
    setDraft,
    save: () => {
      if (draft !== saved) onSave(criterionId, draft);
    },
  };
}
