import type { ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { HostError, WorkbookHost } from "../addin/host/host.types.js";
import type { Lang } from "../addin/model/template.types.js";
import { App } from "./App.js";
import { StartError } from "./StartError.js";

const roots = new WeakMap<HTMLElement, Root>();

/** The React root of `element`, made once: mounting again (another host) replaces what it shows. */
function rootOf(element: HTMLElement): Root {
  let root = roots.get(element);
  if (!root) roots.set(element, (root = createRoot(element)));
  return root;
}

/** Shows `node` in `root`, on the same React root as the pane (the browser workbench). */
export function mountInto(root: HTMLElement, node: ReactNode): void {
  rootOf(root).render(node);
}

/** Shows the task pane in `root`, acting on the workbook through `host` (Excel, or any other host). */
export function mountTaskPane(root: HTMLElement, host: WorkbookHost): void {
  rootOf(root).render(<App host={host} />);
}

/** Shows why the task pane could not start, as a host error message in `lang`. */
export function mountStartError(root: HTMLElement, error: HostError, lang: Lang): void {
  rootOf(root).render(<StartError error={error} lang={lang} />);
}
