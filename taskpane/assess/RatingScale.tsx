import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";
import type { Rating } from "../../addin/model/scale.js";
import type { Scale } from "../../addin/model/template.types.js";
import { textOf } from "../../addin/model/text.js";
import type { Translator } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import { ratingKey } from "./assessment.nav.js";

/** One choice of the rating scale: a level, or « sans objet » / N/A. */
export interface RatingOption {
  key: string;
  rating: Rating;
  /** The value as written in the grid (`3`, `S. O.`). */
  value: string;
  label: string;
  description: string;
}

/** The choices of a scale in the user's language, N/A last when the scale allows it. */
export function ratingOptions(scale: Scale, i18n: Translator): RatingOption[] {
  const options: RatingOption[] = scale.levels.map((l) => {
    const rating: Rating = { kind: "level", value: l.value };
    return { key: ratingKey(rating), rating, value: i18n.number(l.value, 2), label: textOf(l.label, i18n.lang), description: textOf(l.description, i18n.lang) };
  });
  if (scale.notApplicable) {
    options.push({ key: "na", rating: { kind: "na" }, value: i18n.t("assess.na.token"), label: i18n.t("assess.na.label"), description: "" });
  }
  return options;
}

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  option: { justifyContent: "flex-start", textAlign: "start", width: "100%", columnGap: tokens.spacingHorizontalS },
  value: { minWidth: "2.5em", fontWeight: tokens.fontWeightBold },
});

/** Props of `RatingScale`. */
export interface RatingScaleProps {
  options: RatingOption[];
  /** The key of the checked option, or null. */
  checkedKey: string | null;
  onChoose: (option: RatingOption) => void;
  /** The id of the element naming the group. */
  labelledBy: string;
  /** A prefix for the ids of the hidden level descriptions. */
  idPrefix: string;
}

/**
 * The rating scale as buttons with radio semantics: one tab stop (the checked option, or the
 * first), arrow keys, Home and End move and choose, Space and Enter choose the focused option.
 */
export function RatingScale({ options, checkedKey, onChoose, labelledBy, idPrefix }: RatingScaleProps) {
  const styles = useStyles();
  const shared = useScreenStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const checkedIndex = options.findIndex((o) => o.key === checkedKey);
  const tabStop = checkedIndex >= 0 ? checkedIndex : 0;

  const move = (to: number): void => {
    const n = options.length;
    const i = ((to % n) + n) % n;
    const option = options[i];
    if (!option) return;
    buttons.current[i]?.focus();
    onChoose(option);
  };
  const onKeyDown = (e: KeyboardEvent, i: number): void => {
    const targets: Record<string, number> = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: options.length - 1 };
    const target = targets[e.key];
    if (target === undefined) return;
    e.preventDefault();
    move(target);
  };

  const checkedDescription = options[checkedIndex]?.description;
  return (
    <div className={styles.group}>
      <div role="radiogroup" aria-labelledby={labelledBy} className={styles.group}>
        {options.map((o, i) => (
          // A plain Button: ToggleButton would add aria-pressed, which a radio must not carry.
          <Button
            key={o.key}
            ref={(el) => {
              buttons.current[i] = el as HTMLButtonElement | null;
            }}
            role="radio"
            aria-checked={o.key === checkedKey}
            appearance={o.key === checkedKey ? "primary" : "secondary"}
            tabIndex={i === tabStop ? 0 : -1}
            className={styles.option}
            aria-describedby={o.description ? `${idPrefix}-${i}` : undefined}
            onClick={() => onChoose(o)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            <span className={styles.value}>{o.value}</span> <span>{o.label}</span>
          </Button>
        ))}
      </div>
      <div className={shared.visuallyHidden}>
        {options.map(
          (o, i) =>
            o.description && (
              <span key={o.key} id={`${idPrefix}-${i}`}>
                {o.description}
              </span>
            ),
        )}
      </div>
      {checkedDescription && <Text size={200}>{checkedDescription}</Text>}
    </div>
  );
}
