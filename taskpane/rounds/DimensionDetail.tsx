import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import type { RoundRecord } from "../../addin/model/history.types.js";
import { criteriaDown } from "../../addin/scoring/round.change.js";
import type { AssessmentResult, CriterionResult } from "../../addin/scoring/scoring.types.js";
import type { Translator } from "../i18n/i18n.js";
import { pointsText } from "./RoundChange.js";

const useStyles = makeStyles({
  detail: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingInlineStart: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  toggle: { alignSelf: "flex-start", paddingInline: 0, minWidth: 0 },
});

/** A criterion's state on the dashboard: its score (100 × s), N/A, its text answer, or not rated. */
function criterionText(c: CriterionResult, i18n: Translator): string {
  const { t } = i18n;
  if (c.score !== null) return t("dashboard.detail.criterion", { id: c.id, state: i18n.number(100 * c.score) });
  const state = c.rating.kind === "na" ? t("dashboard.detail.na") : c.type === "text" && c.text !== "" ? t("dashboard.detail.text") : t("dashboard.notScored");
  return t("dashboard.detail.criterion", { id: c.id, state });
}

/**
 * A dimension's detail, shown on demand (a disclosure button): its criteria with their scores and,
 * with history, the criteria that went down since the last closed round, largest fall first.
 */
export function DimensionDetail({ dimension, label, result, history, i18n }: { dimension: string; label: string; result: AssessmentResult; history: readonly RoundRecord[]; i18n: Translator }) {
  const { t } = i18n;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const regionId = useId();
  const downId = useId();
  const criteria = useMemo(() => result.criteria.filter((c) => c.dimensionId === dimension).sort((a, b) => a.order - b.order), [result, dimension]);
  const down = useMemo(() => (history.length > 0 ? criteriaDown(result, history, dimension) : []), [result, history, dimension]);
  const last = history.at(-1);
  return (
    <>
      <Button className={styles.toggle} appearance="transparent" size="small" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
        {t(open ? "dashboard.detail.hide" : "dashboard.detail.show", { dimension: label })}
      </Button>
      {last && !open && down.length > 0 && (
        <Text size={200} data-down-count={down.length}>
          {i18n.plural("dashboard.down.count", down.length, { label: last.label })}
        </Text>
      )}
      <div id={regionId} className={styles.detail} hidden={!open} data-detail={dimension}>
        {open && (
          <>
            <ul className={styles.list} aria-label={t("dashboard.detail.list", { dimension: label })}>
              {criteria.map((c) => (
                <li key={c.id} data-criterion={c.id}>
                  <Text size={200}>{criterionText(c, i18n)}</Text>
                </li>
              ))}
            </ul>
            {last &&
              (down.length === 0 ? (
                <Text size={200} data-down-none="true">
                  {t("dashboard.down.none", { label: last.label })}
                </Text>
              ) : (
                <>
                  <Text size={200} weight="semibold" id={downId}>
                    {t("dashboard.down.heading", { label: last.label })}
                  </Text>
                  <ul className={styles.list} aria-labelledby={downId} data-down={dimension}>
                    {down.map((d) => (
                      <li key={d.id} data-criterion-down={d.id}>
                        <Text size={200}>
                          {t("dashboard.down.line", { id: d.id, previous: i18n.number(d.previous), current: i18n.number(d.current), change: pointsText(d.change, i18n) })}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </>
              ))}
          </>
        )}
      </div>
    </>
  );
}
