import { useCallback, useMemo, useState } from "react";
import { builtinTemplates } from "../../addin/model/builtin.js";
import { parseTemplateText } from "../../addin/model/template.parse.js";
import type { InputIssue, Template } from "../../addin/model/template.types.js";

/** A template the user can choose: a built-in one or one imported from a file. */
export interface TemplateEntry {
  /** Unique among the entries (an imported template may share a built-in's id). */
  key: string;
  template: Template;
  imported: boolean;
  /** Read from the open workbook's sheets (« Depuis ce classeur »). */
  fromWorkbook?: boolean;
}

/** The outcome of the last import, for its message. */
export type ImportOutcome =
  | { kind: "imported"; file: string; title: Template["title"]; warnings: InputIssue[] }
  | { kind: "rejected"; file: string; issues: InputIssue[] }
  | { kind: "unreadable"; file: string };

/** State of the Templates screen, shared with Generate (which generates the chosen template). */
export interface TemplatesState {
  entries: TemplateEntry[];
  selected: TemplateEntry | null;
  select(key: string): void;
  lastImport: ImportOutcome | null;
  importFile(file: File): Promise<void>;
  dismissImport(): void;
  /** Adds a template read from the open workbook and chooses it. */
  adoptFromWorkbook(template: Template): void;
}

/** The built-in templates, imported ones, the chosen one, and the import of a template JSON file. */
export function useTemplates(): TemplatesState {
  const builtins = useMemo(() => builtinTemplates().map((template): TemplateEntry => ({ key: `builtin:${template.id}`, template, imported: false })), []);
  const [imported, setImported] = useState<TemplateEntry[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [lastImport, setLastImport] = useState<ImportOutcome | null>(null);
  const entries = useMemo(() => [...builtins, ...imported], [builtins, imported]);

  const importFile = useCallback(async (file: File) => {
    let text: string;
    try {
      text = await fileText(file);
    } catch {
      setLastImport({ kind: "unreadable", file: file.name });
      return;
    }
    const parsed = parseTemplateText(text, file.name);
    if (!parsed.ok) {
      setLastImport({ kind: "rejected", file: file.name, issues: parsed.issues });
      return;
    }
    const template = parsed.value;
    const key = `imported:${template.id}@${template.version}`;
    // Importing the same id and version again replaces the earlier import.
    setImported((list) => [...list.filter((e) => e.key !== key), { key, template, imported: true }]);
    setSelectedKey(key);
    setLastImport({ kind: "imported", file: file.name, title: template.title, warnings: parsed.warnings });
  }, []);

  const adoptFromWorkbook = useCallback((template: Template) => {
    const key = `workbook:${template.id}@${template.version}`;
    setImported((list) => [...list.filter((e) => e.key !== key), { key, template, imported: true, fromWorkbook: true }]);
    setSelectedKey(key);
  }, []);

  return {
    entries,
    selected: entries.find((e) => e.key === selectedKey) ?? null,
    select: setSelectedKey,
    lastImport,
    importFile,
    dismissImport: () => setLastImport(null),
    adoptFromWorkbook,
  };
}

/** A file's text, read with FileReader (available everywhere, `Blob.text()` is not). */
function fileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsText(file, "utf-8");
  });
}
