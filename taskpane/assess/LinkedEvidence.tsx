import { Text } from "@fluentui/react-components";
import { useId } from "react";
import type { EvidenceRowRead } from "../../addin/workbook/workbook.types.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";

/** The evidence register's items that name the criterion: code, title and status. */
export function LinkedEvidence({ evidence }: { evidence: EvidenceRowRead[] | null }) {
  const { t } = useI18n();
  const styles = useScreenStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Text as="h4" id={headingId} weight="semibold" block className={styles.heading}>
        {t("assess.evidence")}
      </Text>
      {evidence === null ? (
        <Text block>{t("assess.evidence.noRegister")}</Text>
      ) : evidence.length === 0 ? (
        <Text block>{t("assess.evidence.none")}</Text>
      ) : (
        <ul className={styles.list}>
          {evidence.map((e) => (
            <li key={e.row}>
              <Text weight="semibold">{e.id || t("app.noValue")}</Text> — {e.title || t("app.noValue")} ({e.status || t("assess.evidence.noStatus")})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
