import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { textOf } from "../../addin/model/text.js";
import type { StepStanding, StepsStanding } from "../../addin/scoring/steps.status.js";
import type { Translator } from "../i18n/i18n.js";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  overdue: {
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteDarkOrangeBorder2,
  },
});

/**
 * The « Démarche » card of the dashboard: how many of the template's process steps are completed,
 * the next one with its planned date, and the overdue ones (planned before today, not completed) —
 * the engine's `stepsStanding`, the same as the process table's « En retard » column.
 */
export function StepsCard({ steps, i18n }: { steps: StepsStanding; i18n: Translator }) {
  const styles = useStyles();
  const headingId = useId();
  const overdueId = useId();
  const { t } = i18n;
  // No step has a planned date: the workbook has no assessment date yet.
  const noDate = steps.steps.every((s) => s.planned === null);
  return (
    <section aria-labelledby={headingId} className={styles.section} data-steps="true">
      <Subtitle2 as="h3" id={headingId}>
        {t("dashboard.steps.heading")}
      </Subtitle2>
      <Text block>{t("dashboard.steps.progress", { done: steps.done, total: steps.total })}</Text>
      {steps.next ? (
        <Text block data-next-step={steps.next.id}>
          {`${t("dashboard.steps.next", { step: stepName(steps.next, i18n) })} · ${
            steps.next.planned ? t("dashboard.steps.planned", { date: day(steps.next.planned) }) : t("dashboard.steps.notPlanned")
          }`}
        </Text>
      ) : (
        <Text block>{t("dashboard.steps.allDone")}</Text>
      )}
      {noDate && <Text size={200}>{t("dashboard.steps.noDate")}</Text>}
      {steps.overdue.length === 0 ? (
        <Text block size={200}>
          {t("dashboard.steps.noneOverdue")}
        </Text>
      ) : (
        <>
          <Text id={overdueId} weight="semibold">
            {t("dashboard.steps.overdue")}
          </Text>
          <ul className={styles.list} aria-labelledby={overdueId}>
            {steps.overdue.map((s) => (
              <li key={s.id} className={styles.overdue} data-step={s.id}>
                <Text size={200}>{t("dashboard.steps.overdueLine", { step: stepName(s, i18n), date: s.planned ? day(s.planned) : "" })}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function stepName(s: StepStanding, i18n: Translator): string {
  return `${s.id} — ${textOf(s.title, i18n.lang)}`;
}

/** A day as the workbook shows it (`yyyy-mm-dd`), whatever the language. */
function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
