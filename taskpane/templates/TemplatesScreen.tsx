import { Badge, Button, Radio, RadioGroup, Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { textOf } from "../../addin/model/text.js";
import { useI18n } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import { FromWorkbook } from "./FromWorkbook.js";
import type { FromWorkbookState } from "./fromWorkbook.state.js";
import { TemplateImport } from "./TemplateImport.js";
import type { TemplatesState } from "./templates.state.js";

const useStyles = makeStyles({
  item: {
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  details: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingInlineStart: "32px" },
  group: { rowGap: 0 },
  title: { fontWeight: tokens.fontWeightSemibold },
});

/** Props of `TemplatesScreen`. */
export interface TemplatesScreenProps {
  state: TemplatesState;
  /** Goes on to the Generate screen. */
  onContinue: () => void;
  /** « Depuis ce classeur »: reading the open workbook's own template; absent, the section is not shown. */
  fromWorkbook?: FromWorkbookState;
}

/**
 * The Templates screen: the built-in and imported templates as one radio group (arrow keys move
 * the choice), each with its description and source, and the import of a template JSON file.
 */
export function TemplatesScreen({ state, onContinue, fromWorkbook }: TemplatesScreenProps) {
  const { t, lang } = useI18n();
  const styles = useScreenStyles();
  const own = useStyles();
  const headingId = useId();
  const listId = useId();
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("templates.heading")}
      </Subtitle1>
      <Text block>{t("templates.intro")}</Text>
      <Text id={listId} weight="semibold">
        {t("templates.list")}
      </Text>
      <RadioGroup className={own.group} aria-labelledby={listId} value={state.selected?.key ?? ""} onChange={(_, d) => state.select(d.value)}>
        {state.entries.map((entry, i) => {
          const tpl = entry.template;
          const detailsId = `${listId}-details-${i}`;
          const criteria = tpl.dimensions.reduce((n, d) => n + d.criteria.length, 0);
          return (
            <div key={entry.key} className={own.item}>
              <Radio
                value={entry.key}
                aria-describedby={detailsId}
                label={{
                  className: own.title,
                  children: (
                    <>
                      {textOf(tpl.title, lang)}
                      {entry.imported && (
                        <>
                          {" "}
                          <Badge appearance="tint" color="informative">
                            {t(entry.fromWorkbook ? "templates.fromWorkbook" : "templates.imported")}
                          </Badge>
                        </>
                      )}
                    </>
                  ),
                }}
              />
              <div id={detailsId} className={own.details}>
                <Text block size={200}>
                  {t("templates.meta", { id: tpl.id, version: tpl.version, dimensions: tpl.dimensions.length, criteria })}
                </Text>
                {tpl.description !== undefined && <Text block>{textOf(tpl.description, lang)}</Text>}
                <Text block size={200} italic>
                  {t("templates.source", { source: textOf(tpl.source, lang) })}
                </Text>
              </div>
            </div>
          );
        })}
      </RadioGroup>
      <div className={styles.row}>
        <Button appearance="primary" disabled={!state.selected} onClick={onContinue}>
          {t("templates.continue")}
        </Button>
      </div>
      <TemplateImport state={state} />
      {fromWorkbook && <FromWorkbook state={fromWorkbook} onContinue={onContinue} />}
    </section>
  );
}
