/**
 * jsdom shims for Fluent UI v9 and its focus manager (tabster), imported first by every task pane
 * test. jsdom lays nothing out: tabster takes an element without `offsetParent`, or a page whose
 * body measures 0×0, for hidden, and would let no arrow key or Tab move focus.
 */
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

const g = globalThis as Record<string, unknown>;
// tabster walks the DOM with NodeFilter, which vitest's jsdom environment does not make global.
if (!g.NodeFilter) g.NodeFilter = window.NodeFilter;

function hidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e instanceof HTMLElement && (e.hidden || window.getComputedStyle(e).display === "none")) return true;
  }
  return false;
}

Object.defineProperty(HTMLElement.prototype, "offsetParent", {
  configurable: true,
  get(this: HTMLElement) {
    return hidden(this) ? null : this.parentElement;
  },
});

HTMLBodyElement.prototype.getBoundingClientRect = function getBoundingClientRect(): DOMRect {
  return { x: 0, y: 0, top: 0, left: 0, right: 400, bottom: 800, width: 400, height: 800, toJSON: () => ({}) };
};

if (typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof g.ResizeObserver !== "function") {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// user-event finds a radio's group with CSS.escape, which jsdom lacks.
if (typeof g.CSS !== "object" || g.CSS === null) {
  g.CSS = { escape: (value: string) => value.replace(/([^\w-])/g, "\\$1"), supports: () => false };
}

if (typeof Element.prototype.scrollIntoView !== "function") Element.prototype.scrollIntoView = () => {};

// Two test workers share two cores with LibreOffice suites: give findBy/waitFor room before failing.
configure({ asyncUtilTimeout: 5000 });

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());
