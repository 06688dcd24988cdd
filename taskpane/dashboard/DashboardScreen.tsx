import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { textOf } from "../../addin/model/text.js";
import type { Dimension } from "../../addin/model/template.types.js";
import type { DimensionResult, ScoreFigures } from "../../addin/scoring/scoring.types.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { ScreenHead } from "../ScreenHead.js";
import { useScreenStyles } from "../styles.js";
import { hasRequired, showsEvaluator, type DashboardFigures, type DashboardState } from "./dashboard.state.js";
import { DifferenceList, EvaluatorLines } from "./EvaluatorSummary.js";
import { RequiredList } from "./RequiredList.js";
import { ScoreBar } from "./ScoreBar.js";
import { StepsCard } from "./StepsCard.js";
import { OVERALL_ROW } from "../../addin/model/history.types.js";
import { DimensionDetail } from "../rounds/DimensionDetail.js";
import { RoundChange } from "../rounds/RoundChange.js";

const useStyles = makeStyles({
  figures: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  dimensions: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  dimension: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  overall: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  themes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
});

/**
 * The Dashboard screen: the overall score (said provisional below the workbook's completion
 * threshold; the pane shows no maturity level), the required criteria not met listed apart, and,
 * per dimension, score, target and gap as text and as a bar, with completion, evidence coverage,
 * required criteria not met and its themes' scores — computed by the engine from the workbook read back.
 * Once the evaluator rated, their score, gap and agreement beside each, and the criteria where they differ.
 * With closed rounds, each score's change since the last (and the first) round; a dimension's detail
 * lists its criteria and those that went down (taskpane/rounds).
 */
export function DashboardScreen({ state }: { state: DashboardState }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <ScreenHead headingId={headingId} title={t("dashboard.heading")} state={state} />
      {state.figures && state.phase !== "failed" && <Figures figures={state.figures} i18n={i18n} />}
      {state.figures?.steps && state.phase !== "failed" && <StepsCard steps={state.figures.steps} i18n={i18n} />}
    </section>
  );
}

function Figures({ figures, i18n }: { figures: DashboardFigures; i18n: Translator }) {
  const { t, lang } = i18n;
  const styles = useStyles();
  const overallId = useId();
  const dimensionsId = useId();
  const { result, template } = figures;
  const required = hasRequired(template.dimensions.flatMap((d) => d.criteria));
  const evaluator = showsEvaluator(figures);
  const history = figures.history ?? [];
  const changeOf = (id: string) => figures.changes?.find((c) => c.id === id);
  return (
    <>
      <Text block size={200}>
        {t("dashboard.note")}
      </Text>
      <section aria-labelledby={overallId} className={styles.overall}>
        <Subtitle2 as="h3" id={overallId}>
          {t("dashboard.overall")}
        </Subtitle2>
        {result.overall.provisional && (
          <Text block weight="semibold" data-provisional="true">
            {t("dashboard.provisional", { completion: i18n.percent(result.overall.completion), threshold: i18n.percent(figures.completionThreshold) })}
          </Text>
        )}
        <FigureList figures={result.overall} i18n={i18n} required={required} />
        <ScoreBar score={result.overall.score} target={result.overall.target} />
        <RoundChange change={changeOf(OVERALL_ROW)} history={history} i18n={i18n} />
        <RespondentScores figures={result.overall} label={t("dashboard.overall")} i18n={i18n} />
        {evaluator && <EvaluatorLines figures={result.overall} label={t("dashboard.overall")} i18n={i18n} />}
      </section>
      {evaluator && <DifferenceList figures={figures} i18n={i18n} />}
      {required && <RequiredList figures={figures} i18n={i18n} />}
      <section aria-labelledby={dimensionsId}>
        <Subtitle2 as="h3" id={dimensionsId}>
          {t("dashboard.dimensions")}
        </Subtitle2>
        <ul className={styles.dimensions}>
          {result.dimensions.map((d) => {
            const dimension = template.dimensions.find((x) => x.id === d.id);
            return (
              <li key={d.id} className={styles.dimension} data-dimension={d.id}>
                <Text weight="semibold">{`${d.id} — ${textOf(dimension?.title, lang)}`}</Text>
                <Text>{figureLine(d, i18n)}</Text>
                <ScoreBar score={d.score} target={d.target} />
                <RoundChange change={changeOf(d.id)} history={history} i18n={i18n} />
                <Text size={200}>
                  {t("dashboard.completionLine", { completion: i18n.percent(d.completion), coverage: coverage(d.evidenceCoverage, i18n) })}
                </Text>
                {dimension && hasRequired(dimension.criteria) && (
                  <Text size={200} data-required-not-met={d.requiredNotMet}>
                    {t("dashboard.requiredLine", { count: d.requiredNotMet })}
                  </Text>
                )}
                {dimension && d.themes.length > 0 && <ThemeList dimension={dimension} result={d} i18n={i18n} />}
                <RespondentScores figures={d} label={`${d.id} — ${textOf(dimension?.title, lang)}`} i18n={i18n} />
                {evaluator && <EvaluatorLines figures={d} label={`${d.id} — ${textOf(dimension?.title, lang)}`} i18n={i18n} />}
                <DimensionDetail dimension={d.id} label={`${d.id} — ${textOf(dimension?.title, lang)}`} result={result} history={history} i18n={i18n} />
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function ThemeList({ dimension, result, i18n }: { dimension: Dimension; result: DimensionResult; i18n: Translator }) {
  const styles = useStyles();
  return (
    <ul className={styles.themes} aria-label={i18n.t("dashboard.themes", { dimension: `${dimension.id} — ${textOf(dimension.title, i18n.lang)}` })}>
      {result.themes.map((th) => {
        const title = textOf(dimension.themes?.find((x) => x.id === th.id)?.title, i18n.lang);
        return (
          <li key={th.id} data-theme={th.id}>
            <Text size={200}>{i18n.t("dashboard.themeLine", { theme: `${th.id} — ${title}`, score: score(th.score, i18n), answered: th.answered, total: th.total })}</Text>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Each respondent's own score beside the consolidated one, and the criteria to discuss: only when
 * the workbook has several respondents (a one-respondent dashboard is today's).
 */
function RespondentScores({ figures, label, i18n }: { figures: ScoreFigures; label: string; i18n: Translator }) {
  const styles = useStyles();
  const { t } = i18n;
  if (figures.respondents.length < 2) return null;
  return (
    <>
      <ul className={styles.themes} aria-label={`${t("dashboard.respondents")} — ${label}`} data-respondent-scores="true">
        <li>
          <Text size={200} weight="semibold">
            {t("dashboard.consolidatedLine", { score: score(figures.score, i18n) })}
          </Text>
        </li>
        {figures.respondents.map((r, i) => (
          <li key={i} data-respondent={r.name}>
            <Text size={200}>{t("dashboard.respondentLine", { name: r.name, score: score(r.score, i18n) })}</Text>
          </li>
        ))}
      </ul>
      <Text size={200} data-to-discuss={figures.toDiscuss}>
        {figures.toDiscuss === 0 ? t("discuss.none") : i18n.plural("discuss.count", figures.toDiscuss)}
      </Text>
    </>
  );
}

function FigureList({ figures, i18n, required }: { figures: ScoreFigures; i18n: Translator; required: boolean }) {
  const { t } = i18n;
  const styles = useStyles();
  const rows: [string, string][] = [
    [t("dashboard.score"), score(figures.score, i18n)],
    [t("dashboard.target"), i18n.number(figures.target)],
    [t("dashboard.gap"), figures.gap === null ? t("app.noValue") : i18n.number(figures.gap)],
    [
      t("dashboard.completion"),
      `${i18n.percent(figures.completion)} (${t("dashboard.counts", { answered: figures.answered, na: figures.notApplicable, total: figures.total })})`,
    ],
    [t("dashboard.coverage"), coverage(figures.evidenceCoverage, i18n)],
    ...(required ? [[t("dashboard.requiredNotMet"), i18n.number(figures.requiredNotMet)] as [string, string]] : []),
  ];
  return (
    <dl className={styles.figures}>
      {rows.map(([term, value]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function figureLine(d: ScoreFigures, i18n: Translator): string {
  return i18n.t("dashboard.figures", {
    score: score(d.score, i18n),
    target: i18n.number(d.target),
    gap: d.gap === null ? i18n.t("app.noValue") : i18n.number(d.gap),
  });
}

function score(s: number | null, i18n: Translator): string {
  return s === null ? i18n.t("dashboard.notScored") : i18n.number(s);
}

function coverage(c: number | null, i18n: Translator): string {
  return c === null ? i18n.t("app.noValue") : i18n.percent(c);
}
