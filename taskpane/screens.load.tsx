/**
 * The secondary screens' chunk (`screens.tsx`), loaded on demand: the first time one of them is
 * shown, or earlier once the pane is idle (`preloadScreensWhenIdle`), so that a tab switch rarely
 * waits for the network.
 */
import { Component, use, type ReactNode } from "react";
import { unknownError } from "./host/host.context.js";
import { HostErrorBar } from "./errors/HostErrorBar.js";
import type * as ScreensModule from "./screens.js";

/** The module of the secondary screens. */
export type Screens = typeof ScreensModule;

let loading: Promise<Screens> | undefined;
// Once loaded, the screens render synchronously: no Suspense fallback, not even for a frame.
let loaded: Screens | undefined;

/**
 * Loads the secondary screens' chunk, once. A failed load (the network, a deployment replaced
 * meanwhile) is forgotten, so that showing a screen again tries again.
 */
export function loadScreens(): Promise<Screens> {
  loading ??= import(/* webpackChunkName: "screens" */ "./screens.js").then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/**
 * Starts loading the secondary screens once the browser is idle (after the first screen is up),
 * and returns what cancels it if it has not started. Safari's web views (Mac Excel) have no
 * `requestIdleCallback`: a short timeout stands in for it.
 */
export function preloadScreensWhenIdle(): () => void {
  const start = (): void => void loadScreens().catch(() => undefined);
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(start, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(start, 200);
  return () => clearTimeout(id);
}

/** Renders `render(screens)`, suspending until the secondary screens' chunk is loaded. */
export function WithScreens({ render }: { render: (screens: Screens) => ReactNode }) {
  // `use` may be called conditionally; the promise is the module's own, the same until it settles.
  return render(loaded ?? use(loadScreens()));
}

/**
 * Shows a screen that failed to load or render as an `unknown` host error instead of an empty
 * pane; the tab list stays usable. Give it the screen as `key`: another tab starts afresh. React
 * reports the error to the console itself.
 */
export class ScreenBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error: error ?? new Error("unknown") };
  }

  override render(): ReactNode {
    return this.state.error === undefined ? this.props.children : <HostErrorBar error={unknownError(this.state.error)} />;
  }
}
