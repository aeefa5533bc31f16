import { planChart, type ChartType } from "../../core/dashboard/index.js";
import type { PaneContext, PaneTab } from "../context.js";
import { h } from "../dom.js";
import { CHART_TYPES } from "../labels.js";

/** A native chart from the selection: its type and title, placed next to the data. */
export class ChartTab implements PaneTab {
  private type: ChartType = "column";
  private title = "";

  constructor(private readonly ctx: PaneContext) {}

  render(): Node[] {
    const { s, host } = this.ctx;
    const type = h("select", { "data-test": "chart-type" });
    for (const [value, key] of CHART_TYPES) type.append(h("option", { value, selected: value === this.type }, s(key)));
    type.addEventListener("change", () => (this.type = type.value as ChartType));
    const title = h("input", { value: this.title, placeholder: s("chartTitleDefault"), "data-test": "chart-title" });
    title.addEventListener("input", () => (this.title = title.value));
    const build = h("button", { class: "primary", "data-test": "build-chart" }, s("buildChart"));
    build.addEventListener("click", () =>
      this.ctx.act(build, async () => {
        const selection = await host.getSelection();
        const region = await host.readTable().catch(() => undefined);
        const plan = planChart({
          sheet: selection.sheet,
          address: selection.address,
          values: selection.values,
          type: this.type,
          title: this.title.trim() || s("chartTitleDefault"),
          ...(region && region.sheet === selection.sheet ? { regionAddress: region.address } : {}),
        });
        await host.executePlan(plan);
        this.ctx.setStatus(s("chartDone", selection.address));
      }),
    );
    return [
      h("p", { class: "muted" }, s("chartHelp")),
      h("label", { class: "field" }, s("chartType"), type),
      h("label", { class: "field" }, s("chartTitle"), title),
      build,
    ];
  }
}
