import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { HostError } from "../addin/host/host.types.js";
import type { Lang } from "../addin/model/template.types.js";
import { HostErrorBar } from "./errors/HostErrorBar.js";
import { I18nContext, translatorFor } from "./i18n/i18n.js";

/** Shown when the workbook host could not be made (an Excel too old for the add-in, say). */
export function StartError({ error, lang }: { error: HostError; lang: Lang }) {
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <I18nContext.Provider value={translatorFor(lang)}>
        <HostErrorBar error={error} />
      </I18nContext.Provider>
    </FluentProvider>
  );
}
