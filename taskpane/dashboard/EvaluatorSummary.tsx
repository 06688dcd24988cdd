import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { ScoreFigures } from "../../addin/scoring/scoring.types.js";
import type { Translator } from "../i18n/i18n.js";
import { evaluatorDifferences, type DashboardFigures } from "./dashboard.state.js";

const useStyles = makeStyles({
  lines: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/**
 * The evaluator's figures beside the self-assessment's (design.md "The evaluator"): their score and
 * gap, the agreement (share within tolerance of the criteria rated by both, mean absolute
 * difference) and the reviewed evidence coverage. The caller shows it only once the evaluator rated.
 */
export function EvaluatorLines({ figures, label, i18n }: { figures: ScoreFigures; label: string; i18n: Translator }) {
  const styles = useStyles();
  const e = figures.evaluator;
  if (e === null) return null;
  return (
    <ul className={styles.lines} aria-label={i18n.t("dashboard.evaluator.group", { label })} data-evaluator-figures="true">
      <li data-evaluator-score={e.score ?? ""}>
        <Text size={200}>{evaluatorLine(figures, i18n)}</Text>
      </li>
      <li data-within-tolerance={e.withinTolerance ?? ""}>
        <Text size={200}>{agreementLine(figures, i18n)}</Text>
      </li>
      <li data-reviewed-coverage={figures.reviewedCoverage ?? ""}>
        <Text size={200}>{reviewedLine(figures, i18n)}</Text>
      </li>
    </ul>
  );
}

/**
 * The criteria where the self-assessment and the evaluator differ beyond the workbook's tolerance,
 * each with both ratings: the list the visit report takes up.
 */
export function DifferenceList({ figures, i18n }: { figures: DashboardFigures; i18n: Translator }) {
  const styles = useStyles();
  const headingId = useId();
  const differences = evaluatorDifferences(figures);
  const tolerance = i18n.number(figures.agreementTolerance, 2);
  return (
    <section aria-labelledby={headingId} className={styles.section} data-differences="true">
      <Subtitle2 as="h3" id={headingId}>
        {i18n.t("dashboard.evaluator.differences", { tolerance })}
      </Subtitle2>
      {differences.length === 0 ? (
        <Text block>{i18n.t("dashboard.evaluator.differencesNone", { tolerance })}</Text>
      ) : (
        <ul className={styles.list}>
          {differences.map((d) => (
            <li key={d.id} data-criterion={d.id}>
              <Text size={200}>
                {i18n.t("dashboard.evaluator.difference", {
                  id: d.id,
                  consolidated: i18n.number(d.consolidated, 2),
                  evaluator: i18n.number(d.evaluator, 2),
                  diff: i18n.number(d.difference, 2),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** « Évaluateur : 62,5 (écart 3,5) », « non évalué » where the evaluator scored nothing. */
export function evaluatorLine(figures: ScoreFigures, i18n: Translator): string {
  const e = figures.evaluator;
  const none = i18n.t("app.noValue");
  return i18n.t("dashboard.evaluator.line", {
    score: e?.score == null ? i18n.t("dashboard.notScored") : i18n.number(e.score),
    gap: e?.gap == null ? none : i18n.number(e.gap),
  });
}

/** « Accord dans la tolérance : 80 % de 5 critères cotés des deux côtés · écart moyen 0,4 ». */
export function agreementLine(figures: ScoreFigures, i18n: Translator): string {
  const e = figures.evaluator;
  if (!e || e.both === 0 || e.withinTolerance === null || e.meanAbsDiff === null) return i18n.t("dashboard.evaluator.agreementNone");
  return i18n.plural("dashboard.evaluator.agreement", e.both, { share: i18n.percent(e.withinTolerance), mean: i18n.number(e.meanAbsDiff, 2) });
}

/** « Couverture des preuves revues : 40 % ». */
export function reviewedLine(figures: ScoreFigures, i18n: Translator): string {
  return i18n.t("dashboard.evaluator.reviewed", { coverage: figures.reviewedCoverage === null ? i18n.t("app.noValue") : i18n.percent(figures.reviewedCoverage) });
}
