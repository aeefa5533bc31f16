import type { Lang, PaneHost } from "./host.js";
import type { StringKey } from "./strings.js";

/**
 * What a tab may ask of the pane frame: the host, the UI language, words, the status line and a re-render. Tabs keep
 * references to the elements they update, so nothing at run time looks elements up by their test attributes.
 */
export interface PaneContext {
  readonly host: PaneHost;
  /** The language the user chose in the pane (it can change while the pane is open). */
  readonly lang: () => Lang;
  // Function-valued properties rather than methods: tabs destructure them (`const { s } = this.ctx`).
  readonly s: (key: StringKey, ...args: (string | number)[]) => string;
  /** Runs a button's action with the button disabled and any failure reported in the status line. */
  readonly act: (button: HTMLButtonElement, action: () => Promise<void>) => void;
  readonly setStatus: (text: string, error?: boolean) => void;
  /** Renders the whole pane again (after a change of view inside a tab). */
  readonly rerender: () => void;
  /** Shows another tab. */
  readonly show: (tab: Tab) => void;
}

export type Tab = "functions" | "chart" | "dashboard";

/** One tab: its content for the current state, and what it does when the selection changes. */
export interface PaneTab {
  render(): Node[];
  selectionChanged?(): void;
}
