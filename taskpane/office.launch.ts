import { OFFICE_JS_LOADED, OFFICE_JS_LOADING } from "../functions/functions.deferred.js";

/**
 * The query parameter the manifest puts on the task pane's URL (`taskpane.html?office=1`): the page
 * is then launched by Office. Every launch by Office goes through a manifest URL, so the marker is
 * the reliable signal; Office's own signals below also count, in case a host drops the query.
 */
export const OFFICE_MARKER = "office";

/** What `launchedByOffice` looks at: the page's query string, session storage and window globals. */
export interface LaunchSignals {
  search: string;
  sessionStorage?: Pick<Storage, "length" | "key"> | null;
  external?: unknown;
  webkit?: unknown;
}

/**
 * Whether Office launched the page, so that office.js may be loaded: the manifest's marker
 * (`?office=1`), Office's `_host_Info` (in the query string on the web and on Windows; office.js
 * keeps it in session storage as `hostInfoValue`, which survives a reload without the query), the Windows host's `window.external.GetContext`, or the
 * Mac and iPad host's `window.webkit.messageHandlers.Agave`. A page opened in a browser has none of
 * them, and then never requests office.js (which, outside Office, calls a Microsoft telemetry page).
 */
export function launchedByOffice(signals: LaunchSignals): boolean {
  const query = new URLSearchParams(signals.search);
  if (query.get(OFFICE_MARKER) === "1" || query.has("_host_Info")) return true;
  const storage = signals.sessionStorage;
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      if (storage.key(i) === "hostInfoValue") return true;
    }
  } catch {
    // Session storage can be refused (privacy settings): the other signals remain.
  }
  const external = signals.external as { GetContext?: unknown } | null | undefined;
  if (external && typeof external === "object" && "GetContext" in external) return true;
  const webkit = signals.webkit as { messageHandlers?: { Agave?: unknown } } | null | undefined;
  return Boolean(webkit?.messageHandlers?.Agave);
}

/** The launch signals of the running page. */
export function pageLaunchSignals(win: Window): LaunchSignals {
  let storage: Storage | null = null;
  try {
    storage = win.sessionStorage;
  } catch {
    storage = null;
  }
  const w = win as unknown as { external?: unknown; webkit?: unknown };
  return { search: win.location.search, sessionStorage: storage, external: w.external, webkit: w.webkit };
}

/**
 * Adds office.js (`url`, Microsoft's CDN: Office requires it from there) to the page and resolves
 * with its `Office` global once loaded; rejects when it cannot be loaded (offline, blocked). Tells
 * the functions bundle before and after (functions/functions.deferred.ts).
 */
export function loadOfficeJs(url: string, win: Window = window): Promise<typeof Office> {
  return new Promise((resolve, reject) => {
    const script = win.document.createElement("script");
    script.src = url;
    script.addEventListener("load", () => {
      win.dispatchEvent(new Event(OFFICE_JS_LOADED));
      const office = (win as unknown as { Office?: typeof Office }).Office;
      if (office) resolve(office);
      else reject(new Error(`${url} loaded but defined no Office object`));
    });
    script.addEventListener("error", () => reject(new Error(`office.js could not be loaded from ${url}`)));
    win.dispatchEvent(new Event(OFFICE_JS_LOADING));
    win.document.head.appendChild(script);
  });
}

/** office.js's address, which webpack.config.js writes into the page (`<meta name="qualigrid:office-js">`). */
export function officeJsUrl(doc: Document): string | null {
  return doc.querySelector<HTMLMetaElement>('meta[name="qualigrid:office-js"]')?.content || null;
}
