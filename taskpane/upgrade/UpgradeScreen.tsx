import { Button, Checkbox, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle1, Text } from "@fluentui/react-components";
import { useId } from "react";
import { textOf } from "../../addin/model/text.js";
import { HostErrorBar } from "../errors/HostErrorBar.js";
import { IssueList } from "../errors/IssueList.js";
import type { DimensionChange } from "../../addin/host/host.outcomes.js";
import { useI18n, type Translator } from "../i18n/i18n.js";
import { useScreenStyles } from "../styles.js";
import type { UpgradeState } from "./upgrade.state.js";

/**
 * The Upgrade screen: applies a newer version of the workbook's template without losing an answer,
 * then says what was kept, updated, archived and added. An older, equal or other template needs
 * « Appliquer quand même ».
 */
export function UpgradeScreen({ state }: { state: UpgradeState }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const styles = useScreenStyles();
  const headingId = useId();
  const current = state.current;
  const chosen = state.chosen;
  const busy = state.phase === "upgrading";
  return (
    <section className={styles.screen} aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.heading}>
        {t("upgrade.heading")}
      </Subtitle1>
      <Text block>{t("upgrade.intro")}</Text>
      {!current ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("upgrade.noGrid")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text block weight="semibold">
            {t("upgrade.current", { id: current.id, version: current.version })}
          </Text>
          {!chosen && <Text block>{t("upgrade.none")}</Text>}
          <Field label={t("upgrade.choose")}>
            <Select className={styles.fill} value={chosen?.key ?? ""} onChange={(_, d) => state.choose(d.value)}>
              {!chosen && <option value="">—</option>}
              {state.candidates.map((e) => (
                <option key={e.key} value={e.key}>
                  {t("upgrade.option", { title: textOf(e.template.title, lang), id: e.template.id, version: e.template.version })}
                </option>
              ))}
            </Select>
          </Field>
          {chosen && state.refusal && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <Text block>
                  {t(`upgrade.refused.${state.refusal}`, {
                    id: chosen.template.id,
                    version: chosen.template.version,
                    current: state.refusal === "otherTemplate" ? current.id : current.version,
                  })}
                </Text>
                <Checkbox checked={state.force} onChange={(_, d) => state.setForce(d.checked === true)} label={t("upgrade.force")} />
              </MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={!chosen || busy || (state.refusal !== null && !state.force)} onClick={() => void state.run()}>
              {t("upgrade.run")}
            </Button>
            {busy && <Spinner size="tiny" label={t("upgrade.running")} />}
          </div>
        </>
      )}
      {state.error && <HostErrorBar error={state.error} />}
      {state.issues && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("upgrade.failed")}</MessageBarTitle>
            <IssueList issues={state.issues} />
          </MessageBarBody>
        </MessageBar>
      )}
      {state.done && <UpgradeDone done={state.done} />}
    </section>
  );
}

/** How many answers to review the pane lists; all of them are on the notes sheet. */
const REVIEW_SHOWN = 10;

function UpgradeDone({ done }: { done: NonNullable<UpgradeState["done"]> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useScreenStyles();
  const s = done.summary;
  // Dimensions whose score changed, or whose criteria did: what the user needs to know to trust the new figures.
  const moved = s.dimensions.filter((d) => d.before !== d.after || d.archived.length + d.added.length + d.updated.length > 0);
  const ids = (list: string[]): string => (list.length > 0 ? ` (${list.join(", ")})` : "");
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{t("upgrade.done", { from: `${s.from.id} ${s.from.version}`, to: `${s.to.id} ${s.to.version}` })}</MessageBarTitle>
        <Text block>{t(`upgrade.where.${done.as}`, { name: done.name })}</Text>
        <ul className={styles.list}>
          <li>{t("upgrade.kept", { n: s.kept.length })}</li>
          <li>
            {t("upgrade.updated", { n: s.updated.length })}
            {ids(s.updated)}
          </li>
          <li>
            {s.archiveSheet ? t("upgrade.archivedSheet", { n: s.archived.length, sheet: s.archiveSheet }) : t("upgrade.archived", { n: s.archived.length })}
            {ids(s.archived)}
          </li>
          <li>
            {t("upgrade.added", { n: s.added.length })}
            {ids(s.added)}
          </li>
          {s.columnsCopied.length > 0 && <li>{t("upgrade.columns", { list: s.columnsCopied.join(", ") })}</li>}
          {s.sheetsCopied.length > 0 && <li>{t("upgrade.sheets", { list: s.sheetsCopied.join(", ") })}</li>}
          {s.notesKept.length > 0 && <li>{t("upgrade.notesKept", { n: s.notesKept.length })}</li>}
          {s.notesMoved.length > 0 && <li>{t("upgrade.notesMoved", { n: s.notesMoved.length, sheet: s.notesSheet ?? "" })}</li>}
          {s.replaced.length > 0 && (
            <li>
              {t("upgrade.replaced", { n: s.replaced.length })}
              {ids(s.replaced.map((r) => `${r.id} ← ${r.from.join(" + ")}`))}
            </li>
          )}
          {s.review.length > 0 && (
            <li>
              {t("upgrade.review", { n: s.review.length, sheet: s.notesSheet ?? "" })}
              <ul className={styles.list}>
                {s.review.slice(0, REVIEW_SHOWN).map((r, i) => (
                  <li key={i}>{t("upgrade.reviewItem", { criterion: r.criterion, from: r.from, column: r.column, value: String(r.value) })}</li>
                ))}
                {s.review.length > REVIEW_SHOWN && <li>{t("upgrade.reviewMore", { n: s.review.length - REVIEW_SHOWN })}</li>}
              </ul>
            </li>
          )}
        </ul>
        {moved.length > 0 && (
          <>
            <Text block weight="semibold">
              {t("upgrade.scores")}
            </Text>
            <ul className={styles.list}>
              {moved.map((d) => (
                <li key={d.id}>{dimensionLine(d, i18n)}</li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** « GOUV : 53,3 → 66,7 — retirés : GOUV-03 ; ajoutés : GOUV-09 » */
function dimensionLine(d: DimensionChange, i18n: Translator): string {
  const { t } = i18n;
  const score = (x: number | null): string => (x === null ? t("dashboard.notScored") : i18n.number(x));
  const why = [
    d.archived.length > 0 && t("upgrade.scores.archived", { list: d.archived.join(", ") }),
    d.added.length > 0 && t("upgrade.scores.added", { list: d.added.join(", ") }),
    d.updated.length > 0 && t("upgrade.scores.updated", { list: d.updated.join(", ") }),
  ].filter((x): x is string => typeof x === "string");
  return t("upgrade.scores.line", { id: d.id, before: score(d.before), after: score(d.after), why: why.length > 0 ? ` — ${why.join(t("upgrade.scores.sep"))}` : "" });
}
