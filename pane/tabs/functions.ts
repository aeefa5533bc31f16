import { searchKpis } from "../../core/catalogue.js";
import { kpiName } from "../../core/dashboard/index.js";
import { isKpiError, type AnyKpi } from "../../core/index.js";
import { BY_GROUP, formulaOf, hasWholeColumn, type ArgInput } from "../arguments.js";
import type { PaneContext, PaneTab } from "../context.js";
import { h } from "../dom.js";
import { callUnit, insertionFormats, previewResult, resultRows } from "../format.js";

/** The first tab: search the catalogue, open a KPI, fill its arguments, see the result live, insert the formula. */
export class FunctionsTab implements PaneTab {
  private query = "";
  private kpi: AnyKpi | null = null;
  private args = new Map<string, ArgInput>();
  /** The detail view's live parts, set while it is shown. */
  private live: { preview: HTMLElement; formula: HTMLElement; warning: HTMLElement } | null = null;

  constructor(
    private readonly ctx: PaneContext,
    /** The first screen's shortcut to the dashboard: builds it in one click. */
    private readonly dashboardShortcut: () => HTMLElement,
  ) {}

  render(): Node[] {
    this.live = null;
    return this.kpi ? this.detailView(this.kpi) : this.searchView();
  }

  selectionChanged(): void {
    this.renderPreview();
  }

  private qualified(kpi: AnyKpi): string {
    return kpiName(this.ctx.host.formulaSyntax, kpi.id);
  }

  private searchView(): Node[] {
    const { s } = this.ctx;
    const lang = this.ctx.lang();
    const input = h("input", {
      type: "search",
      placeholder: s("searchHint"),
      "aria-label": s("search"),
      "data-test": "search",
      value: this.query,
    });
    const list = h("ul", { class: "results", "data-test": "results" });
    const fill = (): void => {
      const found = searchKpis(this.query, lang);
      list.replaceChildren(
        ...found.map((kpi) => {
          const button = h(
            "button",
            { "data-kpi": kpi.id },
            h("span", { class: "name" }, this.qualified(kpi)),
            h("span", { class: "title" }, ` ${kpi.title[lang]}`),
            h("div", { class: "muted" }, kpi.description[lang].split(/(?<=\.)\s/)[0] ?? ""),
          );
          button.addEventListener("click", () => this.open(kpi));
          return h("li", {}, button);
        }),
      );
      if (found.length === 0) list.append(h("li", { class: "muted" }, s("noResults")));
    };
    input.addEventListener("input", () => {
      this.query = input.value;
      fill();
    });
    fill();
    return [this.dashboardShortcut(), h("label", { class: "field" }, s("search"), input), list];
  }

  private open(kpi: AnyKpi | null): void {
    this.kpi = kpi;
    if (kpi) this.args = new Map(kpi.params.map((p) => [p.name, { text: "" }]));
    this.ctx.setStatus("");
    this.ctx.rerender();
  }

  private detailView(kpi: AnyKpi): Node[] {
    const { s } = this.ctx;
    const lang = this.ctx.lang();
    const back = h("button", { class: "secondary", "data-test": "back" }, `← ${s("back")}`);
    back.addEventListener("click", () => this.open(null));
    const example = kpi.examples[0];
    const exampleText = example
      ? `=${this.qualified(kpi)}(${example.args.map((a) => JSON.stringify(a)).join(", ")}) → ${
          typeof example.result === "string" && example.result.startsWith("#")
            ? example.result
            : resultRows(example.result as never, lang, this.qualified(kpi), kpi.unit)
                .map((row) => row.join(" | "))
                .join(" ; ")
        }`
      : "";
    const params = kpi.params.map((param) =>
      this.argumentField(param.name, param.name, param.description[lang], param.optional === true),
    );
    // Any single-value KPI can be computed per group (KPI.BY): one more reference, the column of groups.
    const byGroup =
      kpi.result === "spill" || kpi.id === "BY"
        ? null
        : this.argumentField(BY_GROUP, s("byGroup"), s("byGroupHelp"), true);
    const insert = h("button", { class: "primary", "data-test": "insert" }, s("insert"));
    insert.addEventListener("click", () =>
      this.ctx.act(insert, async () => {
        const where = await this.ctx.host.insertFormula(
          this.formula(kpi),
          undefined,
          insertionFormats(kpi, this.args, this.ctx.lang()),
        );
        this.ctx.setStatus(s("inserted", where));
      }),
    );
    this.live = {
      preview: h("div", { class: "preview", "data-test": "preview" }),
      formula: h("div", { class: "muted", "data-test": "formula" }),
      warning: h("div", { class: "status error", "data-test": "warning" }),
    };
    queueMicrotask(() => this.renderPreview());
    return [
      back,
      h(
        "h2",
        {},
        h("span", { class: "name" }, this.qualified(kpi)),
        h("span", { class: "title" }, ` ${kpi.title[lang]}`),
      ),
      h("p", {}, kpi.description[lang]),
      h("h3", {}, s("formula")),
      h("p", {}, h("code", {}, kpi.formula)),
      example ? h("h3", {}, s("example")) : null,
      example ? h("p", { class: "muted", "data-test": "example" }, exampleText) : null,
      h("h3", {}, s("arguments")),
      ...params,
      byGroup,
      h("h3", {}, s("preview")),
      this.live.preview,
      this.live.formula,
      this.live.warning,
      insert,
    ].filter((n) => n !== null);
  }

  /** One argument: its name, what it is, a text box and a button that fills it from the selection. */
  private argumentField(key: string, label: string, help: string, optional: boolean): HTMLElement {
    const { s } = this.ctx;
    const state = this.args.get(key) ?? { text: "" };
    const input = h("input", {
      value: state.text,
      placeholder: s("argPlaceholder"),
      "aria-label": label,
      "data-param": key,
    });
    input.addEventListener("input", () => {
      this.args.set(key, { text: input.value });
      this.renderPreview();
    });
    const use = h("button", { class: "secondary", "data-use": key }, s("useSelection"));
    use.addEventListener("click", () =>
      this.ctx.act(use, async () => {
        const selection = await this.ctx.host.getSelection();
        this.args.set(key, { text: selection.address, values: selection.values });
        input.value = selection.address;
        this.ctx.setStatus("");
        this.renderPreview();
      }),
    );
    return h(
      "div",
      { class: "param" },
      h("code", {}, label),
      optional ? h("span", { class: "muted" }, ` (${s("optional")})`) : null,
      h("div", { class: "muted" }, help),
      h("div", { class: "row" }, input, use),
    );
  }

  private formula(kpi: AnyKpi): string {
    return formulaOf(kpi, this.args, this.ctx.host.formulaSyntax);
  }

  /** Recomputes the preview with the core on the selected values and typed literals. */
  private renderPreview(): void {
    const kpi = this.kpi;
    const live = this.live;
    if (!kpi || !live) return;
    const { s } = this.ctx;
    const lang = this.ctx.lang();
    live.formula.textContent = this.formula(kpi);
    live.warning.textContent = hasWholeColumn(this.args) ? s("wholeColumn") : "";
    const box = live.preview;
    box.className = "preview";
    const result = previewResult(kpi, this.args);
    if (result === undefined) {
      box.textContent = s("previewEmpty");
      return;
    }
    if (isKpiError(result)) box.className = "preview error";
    const rows = resultRows(result, lang, this.qualified(kpi), callUnit(kpi, this.args));
    if (rows.length === 1 && rows[0]?.length === 1) {
      box.textContent = rows[0][0] ?? "";
      return;
    }
    box.replaceChildren(
      h("table", {}, ...rows.slice(0, 12).map((row) => h("tr", {}, ...row.map((cell) => h("td", {}, cell))))),
    );
  }
}
