import { Button, Subtitle2, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { HostResult } from "../../addin/host/host.types.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { useI18n } from "../i18n/i18n.js";
import { functionName, functionSyntax, type FunctionEntry } from "./functions.catalog.js";
import type { FunctionExample } from "./functions.examples.js";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBlockStart: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { margin: 0 },
  details: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
  code: {
    display: "block",
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    // Formulas are long and the pane is narrow: break anywhere rather than scroll sideways.
    overflowWrap: "anywhere",
    userSelect: "all",
  },
  args: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  argName: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXS },
});

/** Props of `FunctionCard`. */
export interface FunctionCardProps {
  entry: FunctionEntry;
  example: FunctionExample;
  /** The element that says why no example can be inserted in this workbook (no grid), if so. */
  blockedBy: { id: string } | null;
  /** Another action is under way: the button waits (it stays focusable). */
  busy: boolean;
  /** The last insertion of this function's example. */
  outcome: HostResult<string> | null;
  onInsert(): void;
}

/**
 * One function of the Functions screen: its name and syntax in the user's language, what it
 * computes, its arguments, the example as Excel shows it, and the button that inserts it.
 */
export function FunctionCard({ entry, example, blockedBy, busy, outcome, onInsert }: FunctionCardProps) {
  const { t, lang } = useI18n();
  const styles = useStyles();
  const nameId = useId();
  const reasonId = useId();
  const name = functionName(entry.id, lang);
  const missing = example.missingTables[0];
  const describedBy = blockedBy?.id ?? (missing ? reasonId : undefined);
  return (
    <li className={styles.card} aria-labelledby={nameId} data-function={entry.id}>
      <Subtitle2 as="h3" id={nameId} className={styles.name}>
        {name}
      </Subtitle2>
      <Text block>{entry.description[lang]}</Text>
      <dl className={styles.details}>
        <dt className={styles.term}>{t("functions.syntax")}</dt>
        <dd className={styles.value}>
          <code className={styles.code}>{functionSyntax(entry.id, lang)}</code>
        </dd>
        <dt className={styles.term}>{t("functions.arguments")}</dt>
        <dd className={styles.value}>
          <ul className={styles.args}>
            {entry.arguments.map((a) => (
              <li key={a.key}>
                <span className={styles.argName}>{a.name[lang]}</span>
                {a.optional && ` (${t("functions.optional")})`}
                {` — ${a.description[lang]}`}
              </li>
            ))}
          </ul>
        </dd>
        <dt className={styles.term}>{t("functions.example")}</dt>
        <dd className={styles.value}>
          <code className={styles.code} data-formula="localized">
            {example.localized}
          </code>
          {entry.spills && (
            <Text block size={200}>
              {t("functions.spills")}
            </Text>
          )}
        </dd>
      </dl>
      <div className={styles.actions}>
        {missing && !blockedBy && (
          <Text block size={200} id={reasonId}>
            {t("functions.missingTable", { table: missing })}
          </Text>
        )}
        <Button
          aria-label={t("functions.insert.named", { name })}
          aria-describedby={describedBy}
          disabledFocusable={busy || blockedBy !== null || missing !== undefined}
          onClick={onInsert}
        >
          {t("functions.insert")}
        </Button>
        <div role="status">{outcome?.ok && <Text>{t("functions.inserted", { address: outcome.value })}</Text>}</div>
        {outcome && !outcome.ok && <HostErrorBar error={outcome.error} />}
      </div>
    </li>
  );
}
