import { Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import { FunctionCard } from "./FunctionCard.js";
import { FUNCTIONS } from "./functions.catalog.js";
import { functionExample } from "./functions.examples.js";
import type { FunctionsState } from "./functions.state.js";

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
});

/**
 * The Functions screen: each QG custom function under its name in the user's language, with its
 * description, arguments and an example on this workbook's tables, and a button that writes the
 * example into the active cell.
 */
export function FunctionsScreen({ state }: { state: FunctionsState }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const noGridId = useId();
  const loading = state.phase === "loading";
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("functions.heading")}
      </Subtitle1>
      <Text block>{t("functions.intro")}</Text>
      <Text block size={200}>
        {t("functions.names")}
      </Text>
      <div className={styles.row}>
        <Button onClick={() => void state.refresh()} disabled={loading}>
          {t("app.refresh")}
        </Button>
        {loading && <Spinner size="tiny" label={t("app.loading")} />}
      </div>
      {state.readError && <HostErrorBar error={state.readError} />}
      {state.noGrid && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody id={noGridId}>{t("functions.noGrid")}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={own.list} aria-label={t("functions.list")}>
        {FUNCTIONS.map((entry) => {
          const example = functionExample(entry.id, state.source, lang);
          const outcome = state.outcome?.id === entry.id ? state.outcome.result : null;
          return (
            <FunctionCard
              key={entry.id}
              entry={entry}
              example={example}
              blockedBy={state.noGrid ? { id: noGridId } : null}
              busy={loading || state.inserting !== null}
              outcome={outcome}
              onInsert={() => void state.insert(entry.id)}
            />
          );
        })}
      </ul>
    </section>
  );
}
