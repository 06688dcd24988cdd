import { Text } from "@fluentui/react-components";
import type { RoundRecord } from "../../addin/model/history.types.js";
import type { DimensionChange } from "../../addin/scoring/round.change.js";
import type { Translator } from "../i18n/i18n.js";
import { signed } from "./rounds.lines.js";

/** A change in points, signed, with the right plural (« +1,5 point », « −12 points »); « — » when not comparable. */
export function pointsText(change: number | null, i18n: Translator): string {
  if (change === null) return i18n.t("app.noValue");
  return i18n.plural("rounds.points", Math.abs(change), { n: signed(change, (n) => i18n.number(n)) });
}

/**
 * Under a dimension's (or the overall) score on the dashboard: its change since the last closed
 * round and, when there were several, since the first. Nothing without history.
 */
export function RoundChange({ change, history, i18n }: { change: DimensionChange | undefined; history: readonly RoundRecord[]; i18n: Translator }) {
  const last = history.at(-1);
  const first = history[0];
  if (!change || !last || !first) return null;
  const since = i18n.t("dashboard.change.since", { label: last.label, change: pointsText(change.change, i18n) });
  const text =
    history.length > 1 ? `${since}${i18n.t("dashboard.change.sinceFirst", { label: first.label, change: pointsText(change.changeFirst, i18n) })}` : since;
  return (
    <Text size={200} data-change={change.change ?? ""} data-change-first={change.changeFirst ?? ""}>
      {text}
    </Text>
  );
}
