import type { HostError } from "../../addin/host/host.types.js";
import type { Translator } from "../i18n/i18n.js";

/** What a failure means for the user: what happened, what to do, and the technical detail. */
export interface ErrorMessage {
  title: string;
  body: string;
  /** Excel's own words or the object concerned, when the body does not already say it. */
  detail: string | null;
}

/** The message of a host failure, in the translator's language. */
export function hostErrorMessage(error: HostError, i18n: Translator): ErrorMessage {
  const { t } = i18n;
  const detail = error.detail.trim() === "" ? null : error.detail;
  switch (error.code) {
    case "tableMissing":
      return { title: t("error.tableMissing.title"), body: t("error.tableMissing.body", { detail: detail ?? "QG_…" }), detail: null };
    case "tableRenamed":
      return { title: t("error.tableRenamed.title"), body: t("error.tableRenamed.body", { detail: detail ?? "QG_…" }), detail: null };
    case "unknownCriterion":
      return { title: t("error.unknownCriterion.title"), body: t("error.unknownCriterion.body", { detail: detail ?? "?" }), detail: null };
    case "unknownEvidence":
      return { title: t("error.unknownEvidence.title"), body: t("error.unknownEvidence.body", { detail: detail ?? "?" }), detail: null };
    case "protected":
    case "noGrid":
    case "gridExists":
    case "apiUnsupported":
    case "tooLarge":
    case "noActiveCell":
    case "unknown":
      return { title: t(`error.${error.code}.title`), body: t(`error.${error.code}.body`), detail };
  }
}
