import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { WorkbookStatus } from "../../addin/host/host.types.js";
import { clashDetail } from "../../addin/plan/plan.clashes.js";
import { useI18n } from "../i18n/i18n.js";

/**
 * The refusal to generate into a workbook that already holds a Qualigrid grid (or any of its tables
 * or names: `status.clashes`), naming its template, else what is in the way.
 */
export function GridExistsBar({ status }: { status: WorkbookStatus }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-error-code="gridExists">
      <MessageBarBody>
        <MessageBarTitle>{t("error.gridExists.title")}</MessageBarTitle>
        {status.template && <Text block>{t("error.gridExists.template", status.template)}</Text>}
        {!status.template && status.clashes.length > 0 && <Text block>{t("app.detail", { detail: clashDetail(status.clashes) })}</Text>}
        <Text block>{t("error.gridExists.body")}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
