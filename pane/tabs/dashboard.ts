import {
  detectTables,
  evaluateTiles,
  samplePlan,
  type DashboardPlan,
  type MappedTable,
  type TableKind,
  type TileResult,
} from "../../core/dashboard/index.js";
import type { PaneContext, PaneTab } from "../context.js";
import { h } from "../dom.js";
import { displayValue } from "../format.js";
import { tableChoice } from "../table-choice.js";
import { buildKeepingTargets, readLiveTiles } from "../targets.js";
import { mappingForms } from "./mapping.js";

/** Sample data, table detection and mapping, the dashboard build and the alerts it raises. */
export class DashboardTab implements PaneTab {
  private tables: MappedTable[] | null = null;
  /** The table the user chose for each kind that has several. */
  private chosen: Partial<Record<TableKind, string>> = {};
  /** The last dashboard built, whose tiles the Alerts list reads back as the user edits targets and data. */
  private plan: DashboardPlan | null = null;
  private alerts: TileResult[] | null = null;
  /** The tab's live parts, set while it is shown. */
  private live: { mapping: HTMLElement; alerts: HTMLElement } | null = null;

  constructor(private readonly ctx: PaneContext) {}

  render(): Node[] {
    const { s, host } = this.ctx;
    const sample = h("button", { class: "secondary", "data-test": "insert-sample" }, s("insertSample"));
    sample.addEventListener("click", () =>
      this.ctx.act(sample, async () => {
        const sheets = await host.listSheets();
        const result = await host.executePlan(
          samplePlan(
            this.ctx.lang(),
            sheets.map((sheet) => sheet.name),
          ),
        );
        this.tables = null;
        this.ctx.setStatus(s("sampleDone", result.sheets.join(", ")));
        this.renderMapping();
      }),
    );
    const detect = h("button", { class: "secondary", "data-test": "detect" }, s("detect"));
    detect.addEventListener("click", () =>
      this.ctx.act(detect, async () => {
        await this.detect();
        this.ctx.setStatus("");
      }),
    );
    this.live = { mapping: h("div", { "data-test": "mapping" }), alerts: h("div", { "data-test": "alerts" }) };
    this.renderMapping();
    this.renderAlerts();
    return [
      h("p", { class: "muted" }, s("sampleHelp")),
      sample,
      h("h2", {}, s("tabDashboard")),
      h("p", { class: "muted" }, s("detectHelp")),
      h("div", {}, detect, " ", this.buildButton("build-dashboard")),
      this.live.mapping,
      h("h2", {}, s("alerts")),
      this.live.alerts,
    ];
  }

  /** A button that detects the tables if the user has not, and builds the dashboard: one click from any screen. */
  buildButton(test: string, afterBuild?: () => void): HTMLButtonElement {
    const build = h("button", { class: "primary", "data-test": test }, this.ctx.s("buildDashboard"));
    build.addEventListener("click", () =>
      this.ctx.act(build, async () => {
        await this.build();
        afterBuild?.();
      }),
    );
    return build;
  }

  private async build(): Promise<void> {
    const { s, host } = this.ctx;
    const tables = this.tables ?? (await this.detect());
    if (tables.length === 0) throw new Error(s("noTables"));
    const existingSheets = await host.listSheets();
    const plan = await buildKeepingTargets(host, {
      tables,
      syntax: host.formulaSyntax,
      lang: this.ctx.lang(),
      existingSheets,
      chosenTables: this.chosen,
    });
    await host.executePlan(plan);
    this.plan = plan;
    this.alerts = evaluateTiles(plan, tables);
    this.ctx.setStatus(s("dashboardDone", plan.dashboardSheet));
    this.renderAlerts();
  }

  /**
   * After the user edits the sheet (a target, the data), the Alerts list reads the tiles back: it follows the sheet,
   * not the build. Hosts that cannot read cells keep the list of the build.
   */
  selectionChanged(): void {
    const plan = this.plan;
    if (!plan) return;
    readLiveTiles(this.ctx.host, plan)
      .then((tiles) => {
        if (!tiles || plan !== this.plan) return;
        this.alerts = tiles;
        this.renderAlerts();
      })
      // A failed read leaves the last list in place: the next selection change tries again.
      .catch(() => undefined);
  }

  private async detect(): Promise<MappedTable[]> {
    this.tables = detectTables(await this.ctx.host.readTables());
    this.renderMapping();
    return this.tables;
  }

  private renderMapping(): void {
    if (!this.live) return;
    if (this.tables === null) {
      this.live.mapping.replaceChildren();
      return;
    }
    const choice = tableChoice(this.ctx.s, this.tables, this.chosen, (kind, address) => {
      this.chosen = { ...this.chosen, [kind]: address };
    });
    this.live.mapping.replaceChildren(
      ...(choice ? [choice] : []),
      ...mappingForms(this.ctx, this.tables, (index, table, redraw) => {
        this.tables = (this.tables ?? []).map((current, i) => (i === index ? table : current));
        if (redraw) this.renderMapping();
      }),
    );
  }

  private renderAlerts(): void {
    if (!this.live) return;
    const { s } = this.ctx;
    const lang = this.ctx.lang();
    const box = this.live.alerts;
    if (this.alerts === null) {
      box.replaceChildren(h("p", { class: "muted" }, s("alertsEmpty")));
      return;
    }
    const flagged = this.alerts.filter((a) => a.status === "WARN" || a.status === "ALERT");
    if (flagged.length === 0) {
      box.replaceChildren(h("p", { class: "muted" }, s("alertsNone")));
      return;
    }
    box.replaceChildren(
      h(
        "table",
        {},
        h("tr", {}, h("th", {}, "KPI"), h("th", {}, s("value")), h("th", {}, s("target")), h("th", {}, "")),
        ...flagged.map((alert) =>
          h(
            "tr",
            { "data-alert": alert.tile.kpi },
            h("td", {}, alert.tile.label),
            h("td", {}, displayValue(alert.value, lang, alert.tile.format)),
            h("td", {}, displayValue(alert.tile.target, lang, alert.tile.format)),
            h("td", {}, h("span", { class: `badge ${String(alert.status)}` }, String(alert.status))),
          ),
        ),
      ),
    );
  }
}
