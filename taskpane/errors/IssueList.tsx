import type { InputIssue } from "../../addin/model/template.types.js";
import { useScreenStyles } from "../styles.js";

/** Problems found in an input, each with where it is (JSON path, file, `Sheet!cell`) and what is wrong. */
export function IssueList({ issues }: { issues: readonly InputIssue[] }) {
  const styles = useScreenStyles();
  return (
    <ul className={styles.list}>
      {issues.map((issue, i) => (
        <li key={i}>
          <code>{issue.path}</code> — {issue.message}
        </li>
      ))}
    </ul>
  );
}
