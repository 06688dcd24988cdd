import { Subtitle1, Subtitle2, Text } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import type { StringKey } from "../i18n/i18n.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";

/** What the « Rapport » sheet holds, in the order it prints. */
const HOLDS: StringKey[] = ["report.item.scores", "report.item.evaluator", "report.item.required", "report.item.evidence", "report.item.surveys", "report.item.change"];

/**
 * The « Rapport » card: what the report and the visit report sheets hold, and how to make their PDF.
 * Excel gives add-ins no PDF (`getFileAsync` makes none for a workbook), so in Excel it gives the
 * steps of File › Export; outside Excel (the workbench), the command line writes the PDF through
 * LibreOffice. The host cannot select a sheet, so the steps name the sheet to select.
 */
export function ReportScreen({ kind }: { kind: "excel" | "file" }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const headingId = useId();
  const excel = <ExcelSteps key="excel" />;
  const cli = <CommandLine key="cli" />;
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("report.heading")}
      </Subtitle1>
      <Part title={t("report.holds")}>
        <ul className={styles.list} aria-label={t("report.holds")}>
          {HOLDS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <Text block size={200}>
          {t("report.live")}
        </Text>
        <Text block size={200}>
          {t("report.visit")}
        </Text>
      </Part>
      {/* Excel first in Excel; the command line first in the workbench, where Excel may not be at hand. */}
      {kind === "excel" ? [excel, cli] : [cli, excel]}
    </section>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  const styles = useScreenStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <Subtitle2 as="h3" id={headingId}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

function ExcelSteps() {
  const { t } = useI18n();
  const styles = useScreenStyles();
  return (
    <Part title={t("report.excel.heading")}>
      <ol className={styles.list} data-report-steps="excel">
        <li>{t("report.excel.step1")}</li>
        <li>{t("report.excel.step2")}</li>
        <li>{t("report.excel.step3")}</li>
      </ol>
      <Text block size={200}>
        {t("report.excel.why")}
      </Text>
    </Part>
  );
}

function CommandLine() {
  const { t } = useI18n();
  return (
    <Part title={t("report.cli.heading")}>
      <Text block>{t("report.cli.intro")}</Text>
      <Text block font="monospace" data-report-command="true">
        <code>{t("report.cli.command")}</code>
      </Text>
      <Text block size={200}>
        {t("report.cli.options")}
      </Text>
      <Text block size={200}>
        {t("report.cli.download")}
      </Text>
    </Part>
  );
}
