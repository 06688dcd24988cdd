import { makeStyles, tokens } from "@fluentui/react-components";

/** Layout shared by the screens: a column of sections with even gaps, narrow enough for a task pane. */
export const useScreenStyles = makeStyles({
  screen: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalM },
  heading: { margin: 0 },
  /** A control as wide as the pane and no wider, even with long option texts. */
  fill: { width: "100%", maxWidth: "100%", minWidth: 0, boxSizing: "border-box" },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  /** A block set apart on a tinted background: a criterion and what goes with it. */
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
    border: 0,
  },
});
