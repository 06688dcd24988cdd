// The task pane page is also the functions' page (one shared runtime), and it loads office.js only
// when Office launched it (taskpane/office.launch.ts): never outside Office, and inside Office only
// after this bundle has run. The build appends `CustomFunctions.associate(id, fn)` calls to
// functions.ts, which would throw without the global; imported first by functions.ts, this module
// queues those calls until office.js is there, and then makes them on the real `CustomFunctions`.

/** Dispatched on `window` by the bootstrap just before it adds office.js to the page. */
export const OFFICE_JS_LOADING = "qualigrid:office-js-loading";
/** Dispatched on `window` by the bootstrap once office.js has loaded (before `Office.onReady`). */
export const OFFICE_JS_LOADED = "qualigrid:office-js-loaded";

type Associate = (id: string, fn: unknown) => void;
interface RuntimeGlobal {
  CustomFunctions?: { associate: Associate };
  addEventListener?: (type: string, listener: () => void) => void;
}

/**
 * Installs a stand-in `CustomFunctions` whose `associate` queues, when the global is absent in a
 * browser page. The stand-in is removed before office.js loads (office.js extends an existing
 * `CustomFunctions` object rather than replacing it), and the queue is replayed once it has loaded.
 * In Node (tests) or when the global already exists, does nothing.
 */
export function deferAssociations(global: RuntimeGlobal): void {
  if (global.CustomFunctions !== undefined || typeof global.addEventListener !== "function") return;
  const pending: [string, unknown][] = [];
  const standIn = { associate: (id: string, fn: unknown) => void pending.push([id, fn]) };
  global.CustomFunctions = standIn;
  global.addEventListener(OFFICE_JS_LOADING, () => {
    if (global.CustomFunctions === standIn) delete global.CustomFunctions;
  });
  global.addEventListener(OFFICE_JS_LOADED, () => {
    const real = global.CustomFunctions;
    // office.js outside Excel (or in an Office without custom functions) defines no runtime: nothing to register.
    if (!real || real === standIn || typeof real.associate !== "function") return;
    for (const [id, fn] of pending.splice(0)) real.associate(id, fn);
  });
}

deferAssociations(globalThis as RuntimeGlobal);
