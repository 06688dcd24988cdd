import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { WorkbookStatus } from "../../addin/host/host.types.js";
import { useI18n } from "../i18n/i18n.js";

/** The refusal to generate into a workbook that already holds a Qualigrid grid, naming its template. */
export function GridExistsBar({ status }: { status: WorkbookStatus }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" data-error-code="gridExists">
      <MessageBarBody>
        <MessageBarTitle>{t("error.gridExists.title")}</MessageBarTitle>
        {status.template && <Text block>{t("error.gridExists.template", status.template)}</Text>}
        <Text block>{t("error.gridExists.body")}</Text>
      </MessageBarBody>
    </MessageBar>
  );
}
