import type { PaneHost } from "./host.js";
import { Pane } from "./pane.js";

export type { PaneHost, SelectionInfo, TableData, SheetInfo } from "./host.js";

/** Renders the dashboard pane into `root` and wires it to `host`. The same call serves every host. */
export function mountPane(root: HTMLElement, host: PaneHost): void {
  new Pane(root, host).start();
}
