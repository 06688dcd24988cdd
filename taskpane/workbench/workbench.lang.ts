import type { Lang } from "../../addin/model/template.types.js";

/**
 * The language of the page outside Office: `?lang=fr|en` when given, else the browser's
 * (`en…` is English, anything else French: Qualigrid's users are mostly French-speaking).
 */
function pageLanguage(search: string, browserLanguage: string | undefined): Lang {
  const asked = new URLSearchParams(search).get("lang")?.toLowerCase();
  if (asked === "fr" || asked === "en") return asked;
  return (browserLanguage ?? "").toLowerCase().startsWith("en") ? "en" : "fr";
}

/** The running page's language (see `pageLanguage`). */
export function currentPageLanguage(): Lang {
  return pageLanguage(typeof location === "undefined" ? "" : location.search, typeof navigator === "undefined" ? undefined : navigator.language);
}
