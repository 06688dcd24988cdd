import { Button, Spinner, Subtitle1 } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { HostError } from "../addin/host/host.types.js";
import { HostErrorBar } from "./errors/HostErrorBar.js";
import { useI18n } from "./i18n/i18n.js";
import { useScreenStyles } from "./styles.js";

/** Where a screen's reading of the workbook stands, as `useHostRead` gives it. */
export interface ScreenReading {
  phase: string;
  error: HostError | null;
  refresh(): Promise<void>;
}

/**
 * The head of a screen that reads the workbook: its heading (`headingId` labels the section), the
 * « Actualiser » button with a spinner while reading, and the host's error.
 */
export function ScreenHead({ headingId, title, state }: { headingId: string; title: ReactNode; state: ScreenReading }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  return (
    <>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {title}
      </Subtitle1>
      <div className={styles.row}>
        <Button onClick={() => void state.refresh()} disabled={state.phase === "loading"}>
          {t("app.refresh")}
        </Button>
        {state.phase === "loading" && <Spinner size="tiny" label={t("app.loading")} />}
      </div>
      {state.error && <HostErrorBar error={state.error} />}
    </>
  );
}
