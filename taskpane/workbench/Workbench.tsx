import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { App } from "../App.js";
import { issueText } from "../../addin/model/messages/message.catalog.js";
// The file reader's refusals (`file.*`), so the pane words them before the file host is loaded.
import "../../addin/model/messages/messages.file.js";
import type { InputIssue, Lang } from "../../addin/model/template.types.js";
import { fileBytes } from "../host/file.bytes.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { WorkbenchHost } from "../../addin/host/host.file.js";

const useStyles = makeStyles({
  bar: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  file: { overflowWrap: "anywhere" },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: tokens.colorBackgroundOverlay,
    pointerEvents: "none",
  },
  dropTarget: {
    padding: tokens.spacingHorizontalXXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** The browser workbench: the task pane on a workbench host, under a bar to open, start and download workbooks. */
export function Workbench({ host }: { host: WorkbenchHost }) {
  // Only a new workbook renders the pane again; the bar follows every change by itself.
  const generation = useSyncExternalStore(
    useCallback((notify: () => void) => host.subscribe(notify), [host]),
    () => host.current().generation,
  );
  return <App host={host} workbookKey={generation} header={<WorkbenchBar host={host} />} />;
}

/** A message under the bar: a file refused, a download that failed, or what just happened. */
type Notice = { kind: "error"; title: string; body: string } | { kind: "info"; text: string };

/**
 * The workbench's bar: the current file, « Ouvrir un classeur… » (a labelled file input behind a
 * button), « Nouveau », « Télécharger », and the whole page as a drop zone for an .xlsx file.
 */
export function WorkbenchBar({ host }: { host: WorkbenchHost }) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const screen = useScreenStyles();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const state = useSyncExternalStore(
    useCallback((notify: () => void) => host.subscribe(notify), [host]),
    () => host.current(),
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dragging, setDragging] = useState(false);

  const open = useCallback(
    async (files: readonly File[]) => {
      const file = files[0];
      if (!file) return;
      if (files.length > 1) {
        setNotice({ kind: "error", title: t("workbench.refused", { name: files.map((f) => f.name).join(", ") }), body: t("workbench.oneFile") });
        return;
      }
      if (!/\.xlsx$/i.test(file.name)) {
        setNotice({ kind: "error", title: t("workbench.refused", { name: file.name }), body: t("workbench.notXlsx", { name: file.name }) });
        return;
      }
      setBusy(true);
      setNotice({ kind: "info", text: t("workbench.opening", { name: file.name }) });
      try {
        const opened = await host.openFile(await fileBytes(file), file.name);
        setNotice(
          opened.ok
            ? { kind: "info", text: t("workbench.opened", { name: file.name }) }
            : { kind: "error", title: t("workbench.refused", { name: file.name }), body: refusalText(opened.issue, lang) },
        );
      } catch (e) {
        setNotice({ kind: "error", title: t("workbench.refused", { name: file.name }), body: e instanceof Error ? e.message : String(e) });
      } finally {
        setBusy(false);
      }
    },
    [host, t, lang],
  );

  const startNew = async (): Promise<void> => {
    await host.newWorkbook();
    setNotice({ kind: "info", text: t("workbench.newDone") });
  };

  const download = async (): Promise<void> => {
    try {
      const { bytes, fileName } = await host.download();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoked later: some browsers read the object URL after click() has returned.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setNotice({ kind: "error", title: t("workbench.downloadFailed"), body: e instanceof Error ? e.message : String(e) });
    }
  };

  // A workbook the pane made (an upgrade, a grid from this workbook's template) replaced the one
  // shown, and the screens start afresh on it: the bar says so, and that it is not saved yet.
  useEffect(() => {
    if (state.origin === "pane" && state.fileName) setNotice({ kind: "info", text: t("workbench.replaced", { name: state.fileName }) });
  }, [state.generation, state.origin, state.fileName, t]);

  // Leaving the page would lose changes not yet downloaded: the browser asks first.
  useEffect(() => {
    if (!state.modified) return;
    const warn = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.modified]);

  // The whole page is the drop zone; the overlay shows while files are dragged over it.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes("Files");
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the file itself, leaving the workbench.
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void open(Array.from(e.dataTransfer?.files ?? []));
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragover", over);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [open]);

  return (
    <section className={styles.bar} aria-labelledby={`${inputId}-title`} data-testid="workbench-bar">
      <Subtitle2 as="p" id={`${inputId}-title`} block>
        {t("workbench.title")}
      </Subtitle2>
      <Text block size={200}>
        {t("workbench.private")}
      </Text>
      <Text block className={styles.file} data-testid="workbench-file" aria-live="polite">
        {state.fileName ? t("workbench.file", { name: state.fileName }) : t("workbench.noFile")}
      </Text>
      <div role="group" aria-label={t("workbench.toolbar")} className={screen.row}>
        <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()} data-testid="workbench-open">
          {t("workbench.open")}
        </Button>
        <label htmlFor={inputId} className={screen.visuallyHidden}>
          {t("workbench.openInput")}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={screen.visuallyHidden}
          tabIndex={-1}
          data-testid="workbench-file-input"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            // Cleared so that choosing the same file again still fires a change.
            e.currentTarget.value = "";
            void open(files);
          }}
        />
        <Button disabled={busy} onClick={() => void startNew()} data-testid="workbench-new">
          {t("workbench.new")}
        </Button>
        <Button disabled={busy || !state.hasContent} onClick={() => void download()} data-testid="workbench-download">
          {t("workbench.download")}
        </Button>
      </div>
      {notice?.kind === "error" && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="workbench-error">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            <Text block>{notice.body}</Text>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label={t("app.dismiss")} icon={<span aria-hidden="true">✕</span>} onClick={() => setNotice(null)} />
            }
          />
        </MessageBar>
      )}
      <Text block size={200} role="status" data-testid="workbench-status">
        {notice?.kind === "info" ? notice.text : ""}
      </Text>
      {dragging && (
        <div className={styles.overlay} data-testid="workbench-drop-overlay">
          <Text size={500} weight="semibold" className={styles.dropTarget}>
            {t("workbench.drop")}
          </Text>
        </div>
      )}
    </section>
  );
}

/** Why a file was refused, naming it: in the pane's language from the catalogue, else the reader's own (English) message. */
export function refusalText(issue: InputIssue, lang: Lang): string {
  return `${issue.path} ${issueText(issue, lang)}`;
}
