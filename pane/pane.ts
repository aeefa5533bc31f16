import type { PaneContext, PaneTab, Tab } from "./context.js";
import { h } from "./dom.js";
import type { Lang, PaneHost } from "./host.js";
import { t, type StringKey } from "./strings.js";
import { PANE_CSS } from "./styles.js";
import { ChartTab } from "./tabs/chart.js";
import { DashboardTab } from "./tabs/dashboard.js";
import { FunctionsTab } from "./tabs/functions.js";

const TABS: readonly [Tab, StringKey][] = [
  ["functions", "tabFunctions"],
  ["chart", "tabChart"],
  ["dashboard", "tabDashboard"],
];

/**
 * The pane's frame: title, language, tabs and the status line. Each tab (pane/tabs/) renders its own content and
 * talks to the host through the PaneContext the frame gives it.
 */
export class Pane {
  private lang: Lang;
  private tab: Tab = "functions";
  private statusText = "";
  private statusError = false;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private readonly doc: Document;
  private readonly tabs: Readonly<Record<Tab, PaneTab>>;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PaneHost,
  ) {
    this.lang = host.language();
    this.doc = root.ownerDocument;
    this.body = h("div");
    this.status = h("div", { role: "status", "data-test": "status" });
    const ctx: PaneContext = {
      host,
      lang: () => this.lang,
      s: (key, ...args) => t(this.lang, key, ...args),
      act: (button, action) => void this.perform(button, action),
      setStatus: (text, error = false) => this.setStatus(text, error),
      rerender: () => this.render(),
      show: (tab) => this.show(tab),
    };
    const dashboard = new DashboardTab(ctx);
    this.tabs = {
      // The first screen builds the dashboard in one click, then shows the dashboard tab with its alerts.
      functions: new FunctionsTab(ctx, () =>
        h(
          "div",
          { class: "shortcut" },
          dashboard.buildButton("quick-dashboard", () => this.show("dashboard")),
          h("span", { class: "muted" }, ` ${t(this.lang, "quickDashboardHelp")}`),
        ),
      ),
      chart: new ChartTab(ctx),
      dashboard,
    };
  }

  start(): void {
    if (!this.doc.getElementById("kpi-pane-style")) {
      const style = h("style", { id: "kpi-pane-style" });
      style.textContent = PANE_CSS;
      this.doc.head.append(style);
    }
    this.root.classList.add("kpi-pane");
    this.host.onSelectionChanged?.(() => this.tabs[this.tab].selectionChanged?.());
    this.render();
  }

  private show(tab: Tab): void {
    this.tab = tab;
    this.render();
  }

  private render(): void {
    const language = h(
      "select",
      { "aria-label": t(this.lang, "language"), "data-test": "language" },
      h("option", { value: "en", selected: this.lang === "en" }, "English"),
      h("option", { value: "fr", selected: this.lang === "fr" }, "Français"),
    );
    language.addEventListener("change", () => {
      this.lang = language.value === "fr" ? "fr" : "en";
      this.render();
    });
    language.style.width = "auto";
    const tabs = h("nav", { role: "tablist" });
    for (const [tab, key] of TABS) {
      const button = h(
        "button",
        { role: "tab", "aria-selected": String(this.tab === tab), "data-test": `tab-${tab}` },
        t(this.lang, key),
      );
      button.addEventListener("click", () => {
        this.statusText = "";
        this.show(tab);
      });
      tabs.append(button);
    }
    this.showStatus();
    this.body.replaceChildren(...this.tabs[this.tab].render());
    this.root.replaceChildren(
      h("header", {}, h("h1", {}, t(this.lang, "title")), language),
      tabs,
      this.status,
      this.body,
    );
  }

  private setStatus(text: string, error: boolean): void {
    this.statusText = text;
    this.statusError = error;
    this.showStatus();
  }

  private showStatus(): void {
    this.status.textContent = this.statusText;
    this.status.className = this.statusError ? "status error" : "status muted";
  }

  /**
   * Runs a button's action from its click handler, which cannot wait for it: deliberately fire-and-forget, and safe
   * to be, because `perform` never rejects (every failure ends in the status line).
   */
  private async perform(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
    button.disabled = true;
    this.setStatus(t(this.lang, "working"), false);
    try {
      await action();
    } catch (error) {
      this.setStatus(t(this.lang, "error", error instanceof Error ? error.message : String(error)), true);
    } finally {
      button.disabled = false;
    }
  }
}
