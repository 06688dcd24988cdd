import { issueText } from "../../addin/model/messages/message.catalog.js";
import type { InputIssue } from "../../addin/model/template.types.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";

/**
 * Problems found in an input, each with where it is (JSON path, file, `Sheet!cell`) and what is
 * wrong, in the pane's language when the message is in the catalogue.
 */
export function IssueList({ issues }: { issues: readonly InputIssue[] }) {
  const styles = useScreenStyles();
  const { lang } = useI18n();
  return (
    <ul className={styles.list}>
      {issues.map((issue, i) => (
        <li key={i}>
          <code>{issue.path}</code> — {issueText(issue, lang)}
        </li>
      ))}
    </ul>
  );
}
