import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  track: {
    position: "relative",
    height: "10px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground5,
    // Windows high contrast: the track keeps an outline where backgrounds are dropped.
    outline: `${tokens.strokeWidthThin} solid transparent`,
  },
  fill: { position: "absolute", insetBlock: 0, insetInlineStart: 0, borderRadius: tokens.borderRadiusSmall },
  reached: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  short: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  target: { position: "absolute", top: "-3px", bottom: "-3px", width: "2px", backgroundColor: tokens.colorNeutralForeground1 },
});

/**
 * A score (0–100) as a bar with its target as a mark. Decorative: the numbers are written beside
 * it as text, so it is hidden from screen readers.
 */
export function ScoreBar({ score, target }: { score: number | null; target: number }) {
  const styles = useStyles();
  const clamp = (n: number): number => Math.max(0, Math.min(100, n));
  return (
    <div className={styles.track} aria-hidden="true" data-score={score ?? ""} data-target={target}>
      {score !== null && (
        <div className={`${styles.fill} ${score >= target ? styles.reached : styles.short}`} style={{ width: `${clamp(score)}%` }} />
      )}
      <div className={styles.target} style={{ insetInlineStart: `calc(${clamp(target)}% - 1px)` }} />
    </div>
  );
}
