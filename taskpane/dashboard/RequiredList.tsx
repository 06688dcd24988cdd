import { Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { textOf } from "../../addin/model/text.js";
import type { Translator } from "../i18n/i18n.js";
import { requiredShortfalls, type DashboardFigures, type RequiredShortfall } from "./dashboard.state.js";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    paddingInlineStart: tokens.spacingHorizontalS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: "solid",
    borderInlineStartColor: tokens.colorPaletteRedBorder2,
  },
});

/**
 * The required criteria not rated at or above their target level, apart from the dimensions and
 * whatever their weight: each with its rating (or « sans réponse ») and its target level.
 */
export function RequiredList({ figures, i18n }: { figures: DashboardFigures; i18n: Translator }) {
  const styles = useStyles();
  const headingId = useId();
  const shortfalls = requiredShortfalls(figures);
  return (
    <section aria-labelledby={headingId} className={styles.section} data-required-list="true">
      <Subtitle2 as="h3" id={headingId}>
        {i18n.t("dashboard.required.heading")}
      </Subtitle2>
      {shortfalls.length === 0 ? (
        <Text block>{i18n.t("dashboard.required.allMet")}</Text>
      ) : (
        <ul className={styles.list}>
          {shortfalls.map((s) => (
            <li key={s.criterion.id} className={styles.item} data-criterion={s.criterion.id}>
              <Text weight="semibold">{`${s.criterion.id} — ${textOf(s.criterion.text, i18n.lang)}`}</Text>
              <Text size={200}>{shortfallLine(s, i18n)}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the criterion holds against its target level, in words. */
export function shortfallLine(s: RequiredShortfall, i18n: Translator): string {
  const target = levelName(s, s.targetLevel, i18n);
  const r = s.rating;
  if (r.kind === "level") return i18n.t("dashboard.required.rated", { rating: levelName(s, r.value, i18n), target });
  if (r.kind === "blank") return i18n.t("dashboard.required.unanswered", { target });
  const raw = r.kind === "invalid" ? r.raw : i18n.t("assess.na.token");
  return i18n.t("dashboard.required.unreadable", { raw, target });
}

function levelName(s: RequiredShortfall, value: number, i18n: Translator): string {
  const label = textOf(s.scale.levels.find((l) => l.value === value)?.label, i18n.lang);
  const n = i18n.number(value, 2);
  return label ? `${n} — ${label}` : n;
}
