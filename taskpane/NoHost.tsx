import { FluentProvider, Subtitle1, Text, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { LANGS } from "../addin/model/template.types.js";
import { CATALOGUES } from "./i18n/i18n.js";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
});

/** Shown when the page is opened outside Office: how to open Qualigrid from Excel, in French then English. */
export function NoHost({ dark = false }: { dark?: boolean }) {
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.page}>
      {LANGS.map((lang) => (
        <section key={lang} lang={lang}>
          <Subtitle1 as="h1" block>
            {CATALOGUES[lang]["noHost.title"]}
          </Subtitle1>
          <Text block>{CATALOGUES[lang]["noHost.body"]}</Text>
        </section>
      ))}
    </FluentProvider>
  );
}
