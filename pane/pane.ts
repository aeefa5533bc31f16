import {
  buildDashboard,
  detectTables,
  evaluateTiles,
  kpiFormula,
  kpiName,
  mapColumns,
  planChart,
  ROLES_OF,
  samplePlan,
  searchKpis,
  type ChartType,
  type FormulaArg,
  type MappedTable,
  type Role,
  type TableKind,
  type TileResult,
} from "../core/dashboard/index.js";
import { evaluate, isKpiError, kpiById, type AnyKpi } from "../core/index.js";
import { h } from "./dom.js";
import { displayValue, resultRows } from "./format.js";
import type { Lang, PaneHost, PlanValue } from "./host.js";
import { t, type StringKey } from "./strings.js";
import { PANE_CSS } from "./styles.js";

type Tab = "functions" | "chart" | "dashboard";

/** The optional "by group" argument of a single-value KPI: filled, the formula becomes KPI.BY over that column. */
const BY_GROUP = "$by";

/** What the user typed or picked for one argument; `values` is set when it comes from the selection. */
interface ArgInput {
  text: string;
  values?: PlanValue[][];
}

const CHART_TYPES: readonly [ChartType, StringKey][] = [
  ["column", "chartColumn"],
  ["line", "chartLine"],
  ["bar", "chartBar"],
  ["doughnut", "chartDoughnut"],
  ["combo", "chartCombo"],
  ["funnel", "chartFunnel"],
  ["stacked100", "chartStacked"],
];

const KIND_LABEL: Readonly<Record<TableKind, StringKey>> = {
  orders: "kindOrders",
  opportunities: "kindOpportunities",
  survey: "kindSurvey",
  costs: "kindCosts",
};

/** Each role's label: a role without one is a type error, not a blank in the mapping form. */
const ROLE_LABEL: Readonly<Record<Role, StringKey>> = {
  date: "roleDate",
  amount: "roleAmount",
  customer: "roleCustomer",
  order: "roleOrder",
  channel: "roleChannel",
  salesperson: "roleSalesperson",
  region: "roleRegion",
  segment: "roleSegment",
  product: "roleProduct",
  created: "roleCreated",
  closed: "roleClosed",
  stage: "roleStage",
  outcome: "roleOutcome",
  probability: "roleProbability",
  score: "roleScore",
  csat: "roleCsat",
  month: "roleMonth",
  marketing: "roleMarketing",
  sales: "roleSales",
  newCustomers: "roleNewCustomers",
};
const roleKey = (role: Role): StringKey => ROLE_LABEL[role];

/** A1 reference, optionally sheet-qualified: typed text that should go into a formula as a reference. */
const REFERENCE = /^(('[^']+'|[^\s!'",()]+)!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** "A:A", "Orders!$F:$F": a whole column, which desktop Excel may pass with its empty cells as zeros. */
const WHOLE_COLUMN = /(^|!)\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/;

/** A typed literal as a host would pass it: numbers (either decimal mark), booleans, else text. */
function literal(text: string): PlanValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^(true|vrai)$/i.test(trimmed)) return true;
  if (/^(false|faux)$/i.test(trimmed)) return false;
  const number = Number(trimmed.replace(",", "."));
  if (!Number.isNaN(number) && /^[-+]?[\d.,]+(e[-+]?\d+)?$/i.test(trimmed)) return number;
  return trimmed.replace(/^"(.*)"$/, "$1");
}

/**
 * The pane: catalogue (search, details, use selection, live preview, insert), chart from the selection,
 * dashboard (sample data, table detection and mapping, build) and alerts. It only talks to its PaneHost.
 */
export class Pane {
  private lang: Lang;
  private tab: Tab = "functions";
  private query = "";
  private kpi: AnyKpi | null = null;
  private args = new Map<string, ArgInput>();
  private chartType: ChartType = "column";
  private chartTitle = "";
  private tables: MappedTable[] | null = null;
  private alerts: TileResult[] | null = null;
  private statusText = "";
  private statusError = false;
  private readonly body: HTMLElement;
  private readonly doc: Document;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PaneHost,
  ) {
    this.lang = host.language();
    this.doc = root.ownerDocument;
    this.body = h("div");
  }

  start(): void {
    if (!this.doc.getElementById("kpi-pane-style")) {
      const style = h("style", { id: "kpi-pane-style" });
      style.textContent = PANE_CSS;
      this.doc.head.append(style);
    }
    this.root.classList.add("kpi-pane");
    this.host.onSelectionChanged?.(() => {
      if (this.tab === "functions" && this.kpi) this.renderPreview();
    });
    this.render();
  }

  private s(key: StringKey, ...args: (string | number)[]): string {
    return t(this.lang, key, ...args);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Frame

  private render(): void {
    const language = h(
      "select",
      { "aria-label": this.s("language"), "data-test": "language" },
      h("option", { value: "en", selected: this.lang === "en" }, "English"),
      h("option", { value: "fr", selected: this.lang === "fr" }, "Français"),
    );
    language.addEventListener("change", () => {
      this.lang = language.value === "fr" ? "fr" : "en";
      this.render();
    });
    language.style.width = "auto";
    const tabs = h("nav", { role: "tablist" });
    for (const [tab, key] of [
      ["functions", "tabFunctions"],
      ["chart", "tabChart"],
      ["dashboard", "tabDashboard"],
    ] as const) {
      const button = h(
        "button",
        { role: "tab", "aria-selected": String(this.tab === tab), "data-test": `tab-${tab}` },
        this.s(key),
      );
      button.addEventListener("click", () => {
        this.tab = tab;
        this.statusText = "";
        this.render();
      });
      tabs.append(button);
    }
    this.body.replaceChildren(...this.renderTab());
    this.root.replaceChildren(
      h("header", {}, h("h1", {}, this.s("title")), language),
      tabs,
      this.statusLine(),
      this.body,
    );
  }

  private statusLine(): HTMLElement {
    const line = h("div", {
      class: this.statusError ? "status error" : "status muted",
      role: "status",
      "data-test": "status",
    });
    line.textContent = this.statusText;
    return line;
  }

  private setStatus(text: string, error = false): void {
    this.statusText = text;
    this.statusError = error;
    const line = this.root.querySelector<HTMLElement>("[data-test=status]");
    if (line) {
      line.textContent = text;
      line.className = error ? "status error" : "status muted";
    }
  }

  /** Runs a host action with the button disabled and any failure reported in the status line. */
  /**
   * Runs a button's action from its click handler, which cannot wait for it: deliberately fire-and-forget, and safe
   * to be, because `perform` never rejects (every failure ends in the status line).
   */
  private act(button: HTMLButtonElement, action: () => Promise<void>): void {
    void this.perform(button, action);
  }

  private async perform(button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
    button.disabled = true;
    this.setStatus(this.s("working"));
    try {
      await action();
    } catch (error) {
      this.setStatus(this.s("error", error instanceof Error ? error.message : String(error)), true);
    } finally {
      button.disabled = false;
    }
  }

  private renderTab(): Node[] {
    // The dashboard tab's dynamic parts fill their placeholders once the tab is in the document.
    queueMicrotask(() => {
      this.renderMapping();
      this.renderAlerts();
      this.renderPreview();
    });
    if (this.tab === "chart") return this.chartTab();
    if (this.tab === "dashboard") return this.dashboardTab();
    return this.kpi ? this.detailView(this.kpi) : this.searchView();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Functions: search, details, arguments, preview, insert

  private searchView(): Node[] {
    const input = h("input", {
      type: "search",
      placeholder: this.s("searchHint"),
      "aria-label": this.s("search"),
      "data-test": "search",
      value: this.query,
    });
    const list = h("ul", { class: "results", "data-test": "results" });
    const fill = (): void => {
      const found = searchKpis(this.query, this.lang);
      list.replaceChildren(
        ...found.map((kpi) => {
          const button = h(
            "button",
            { "data-kpi": kpi.id },
            h("span", { class: "name" }, kpiName(this.host.formulaSyntax, kpi.id)),
            h("div", { class: "muted" }, kpi.description[this.lang].split(/(?<=\.)\s/)[0] ?? ""),
          );
          button.addEventListener("click", () => this.openKpi(kpi));
          return h("li", {}, button);
        }),
      );
      if (found.length === 0) list.append(h("li", { class: "muted" }, this.s("noResults")));
    };
    input.addEventListener("input", () => {
      this.query = input.value;
      fill();
    });
    fill();
    return [h("label", { class: "field" }, this.s("search"), input), list];
  }

  private openKpi(kpi: AnyKpi): void {
    this.kpi = kpi;
    this.args = new Map(kpi.params.map((p) => [p.name, { text: "" }]));
    this.statusText = "";
    this.render();
  }

  private qualified(kpi: AnyKpi): string {
    return kpiName(this.host.formulaSyntax, kpi.id);
  }

  private detailView(kpi: AnyKpi): Node[] {
    const back = h("button", { class: "secondary", "data-test": "back" }, `← ${this.s("back")}`);
    back.addEventListener("click", () => {
      this.kpi = null;
      this.render();
    });
    const example = kpi.examples[0];
    const exampleText = example
      ? `=${this.qualified(kpi)}(${example.args.map((a) => JSON.stringify(a)).join(", ")}) → ${
          typeof example.result === "string" && example.result.startsWith("#")
            ? example.result
            : resultRows(example.result as never, this.lang, this.qualified(kpi))
                .map((row) => row.join(" | "))
                .join(" ; ")
        }`
      : "";
    const params = kpi.params.map((param) =>
      this.argumentField(param.name, param.name, param.description[this.lang], param.optional === true),
    );
    // Any single-value KPI can be computed per group (KPI.BY): one more reference, the column of groups.
    const byGroup =
      kpi.result === "spill" || kpi.id === "BY"
        ? null
        : this.argumentField(BY_GROUP, this.s("byGroup"), this.s("byGroupHelp"), true);
    const insert = h("button", { class: "primary", "data-test": "insert" }, this.s("insert"));
    insert.addEventListener("click", () =>
      this.act(insert, async () => {
        const where = await this.host.insertFormula(this.formula(kpi));
        this.setStatus(this.s("inserted", where));
      }),
    );
    return [
      back,
      h("h2", {}, h("span", { class: "name" }, this.qualified(kpi))),
      h("p", {}, kpi.description[this.lang]),
      h("h3", {}, this.s("formula")),
      h("p", {}, h("code", {}, kpi.formula)),
      example ? h("h3", {}, this.s("example")) : null,
      example ? h("p", { class: "muted", "data-test": "example" }, exampleText) : null,
      h("h3", {}, this.s("arguments")),
      ...params,
      byGroup,
      h("h3", {}, this.s("preview")),
      h("div", { class: "preview", "data-test": "preview" }),
      h("div", { class: "muted", "data-test": "formula" }),
      h("div", { class: "status error", "data-test": "warning" }),
      insert,
    ].filter((n) => n !== null);
  }

  /** One argument: its name, what it is, a text box and a button that fills it from the selection. */
  private argumentField(key: string, label: string, help: string, optional: boolean): HTMLElement {
    const state = this.args.get(key) ?? { text: "" };
    const input = h("input", {
      value: state.text,
      placeholder: this.s("argPlaceholder"),
      "aria-label": label,
      "data-param": key,
    });
    input.addEventListener("input", () => {
      this.args.set(key, { text: input.value });
      this.renderPreview();
    });
    const use = h("button", { class: "secondary", "data-use": key }, this.s("useSelection"));
    use.addEventListener("click", () =>
      this.act(use, async () => {
        const selection = await this.host.getSelection();
        this.args.set(key, { text: selection.address, values: selection.values });
        input.value = selection.address;
        this.setStatus("");
        this.renderPreview();
      }),
    );
    return h(
      "div",
      { class: "param" },
      h("code", {}, label),
      optional ? h("span", { class: "muted" }, ` (${this.s("optional")})`) : null,
      h("div", { class: "muted" }, help),
      h("div", { class: "row" }, input, use),
    );
  }

  /** The formula the arguments spell, in the host's syntax; with groups, the same KPI per group through BY. */
  private formula(kpi: AnyKpi): string {
    const argOf = (name: string): FormulaArg => {
      const state = this.args.get(name);
      const text = state?.text.trim() ?? "";
      if (state?.values || REFERENCE.test(text) || WHOLE_COLUMN.test(text)) return { ref: text };
      return literal(text);
    };
    const args = kpi.params.map((param) => argOf(param.name));
    const groups = this.args.get(BY_GROUP)?.text.trim();
    if (groups) return kpiFormula(this.host.formulaSyntax, "BY", [argOf(BY_GROUP), kpi.id, ...args]);
    return kpiFormula(this.host.formulaSyntax, kpi.id, args);
  }

  /** Recomputes the preview with the core on the selected values and typed literals. */
  private renderPreview(): void {
    const kpi = this.kpi;
    const box = this.root.querySelector<HTMLElement>("[data-test=preview]");
    const formulaLine = this.root.querySelector<HTMLElement>("[data-test=formula]");
    if (!kpi || !box) return;
    if (formulaLine) formulaLine.textContent = this.formula(kpi);
    const warning = this.root.querySelector<HTMLElement>("[data-test=warning]");
    const wholeColumn = [...this.args.values()].some((arg) => WHOLE_COLUMN.test(arg.text.trim()));
    if (warning) warning.textContent = wholeColumn ? this.s("wholeColumn") : "";
    const raw: unknown[] = [];
    let complete = true;
    for (const param of kpi.params) {
      const state = this.args.get(param.name);
      const text = state?.text.trim() ?? "";
      if (state?.values) raw.push(state.values);
      else if (text === "") {
        if (!param.optional) complete = false;
        raw.push(undefined);
      } else if (REFERENCE.test(text) || WHOLE_COLUMN.test(text)) complete = false;
      else raw.push(literal(text));
    }
    box.className = "preview";
    if (!complete) {
      box.textContent = this.s("previewEmpty");
      return;
    }
    while (raw.length > 0 && raw[raw.length - 1] === undefined) raw.pop();
    const groups = this.args.get(BY_GROUP);
    const by = kpiById("BY");
    if (groups?.text.trim() && !groups.values) {
      box.textContent = this.s("previewEmpty");
      return;
    }
    const result = groups?.values && by ? evaluate(by, [groups.values, kpi.id, ...raw]) : evaluate(kpi, raw);
    if (isKpiError(result)) box.className = "preview error";
    const rows = resultRows(result, this.lang, this.qualified(kpi));
    if (rows.length === 1 && rows[0]?.length === 1) {
      box.textContent = rows[0][0] ?? "";
      return;
    }
    box.replaceChildren(
      h("table", {}, ...rows.slice(0, 12).map((row) => h("tr", {}, ...row.map((cell) => h("td", {}, cell))))),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // Chart from the selection

  private chartTab(): Node[] {
    const type = h("select", { "data-test": "chart-type" });
    for (const [value, key] of CHART_TYPES)
      type.append(h("option", { value, selected: value === this.chartType }, this.s(key)));
    type.addEventListener("change", () => (this.chartType = type.value as ChartType));
    const title = h("input", {
      value: this.chartTitle,
      placeholder: this.s("chartTitleDefault"),
      "data-test": "chart-title",
    });
    title.addEventListener("input", () => (this.chartTitle = title.value));
    const build = h("button", { class: "primary", "data-test": "build-chart" }, this.s("buildChart"));
    build.addEventListener("click", () =>
      this.act(build, async () => {
        const selection = await this.host.getSelection();
        const region = await this.host.readTable().catch(() => undefined);
        const plan = planChart({
          sheet: selection.sheet,
          address: selection.address,
          values: selection.values,
          type: this.chartType,
          title: this.chartTitle.trim() || this.s("chartTitleDefault"),
          ...(region && region.sheet === selection.sheet ? { regionAddress: region.address } : {}),
        });
        await this.host.executePlan(plan);
        this.setStatus(this.s("chartDone", selection.address));
      }),
    );
    return [
      h("p", { class: "muted" }, this.s("chartHelp")),
      h("label", { class: "field" }, this.s("chartType"), type),
      h("label", { class: "field" }, this.s("chartTitle"), title),
      build,
    ];
  }

  // -------------------------------------------------------------------------------------------------------------
  // Dashboard: sample data, detection and mapping, build, alerts

  private dashboardTab(): Node[] {
    const sample = h("button", { class: "secondary", "data-test": "insert-sample" }, this.s("insertSample"));
    sample.addEventListener("click", () =>
      this.act(sample, async () => {
        const sheets = await this.host.listSheets();
        const result = await this.host.executePlan(
          samplePlan(
            this.lang,
            sheets.map((s) => s.name),
          ),
        );
        this.tables = null;
        this.setStatus(this.s("sampleDone", result.sheets.join(", ")));
        this.renderMapping();
      }),
    );
    const detect = h("button", { class: "secondary", "data-test": "detect" }, this.s("detect"));
    detect.addEventListener("click", () =>
      this.act(detect, async () => {
        await this.detect();
        this.setStatus("");
      }),
    );
    const build = h("button", { class: "primary", "data-test": "build-dashboard" }, this.s("buildDashboard"));
    build.addEventListener("click", () =>
      this.act(build, async () => {
        const tables = this.tables ?? (await this.detect());
        if (tables.length === 0) throw new Error(this.s("noTables"));
        const existingSheets = await this.host.listSheets();
        const plan = buildDashboard({ tables, syntax: this.host.formulaSyntax, lang: this.lang, existingSheets });
        await this.host.executePlan(plan);
        this.alerts = evaluateTiles(plan, tables);
        this.setStatus(this.s("dashboardDone", plan.dashboardSheet));
        this.renderAlerts();
      }),
    );
    return [
      h("p", { class: "muted" }, this.s("sampleHelp")),
      sample,
      h("h2", {}, this.s("tabDashboard")),
      h("p", { class: "muted" }, this.s("detectHelp")),
      h("div", {}, detect, " ", build),
      h("div", { "data-test": "mapping" }),
      h("h2", {}, this.s("alerts")),
      h("div", { "data-test": "alerts" }),
    ];
  }

  private async detect(): Promise<MappedTable[]> {
    this.tables = detectTables(await this.host.readTables());
    this.renderMapping();
    return this.tables;
  }

  private renderMapping(): void {
    const box = this.root.querySelector<HTMLElement>("[data-test=mapping]");
    if (!box) return;
    if (this.tables === null) {
      box.replaceChildren();
      return;
    }
    if (this.tables.length === 0) {
      box.replaceChildren(h("p", { class: "muted" }, this.s("noTables")));
      return;
    }
    box.replaceChildren(
      ...this.tables.map((table, index) => {
        const headers = table.values[0] ?? [];
        const kind = h("select", { "data-table": String(index), "data-field": "kind" });
        for (const k of Object.keys(ROLES_OF) as TableKind[])
          kind.append(h("option", { value: k, selected: k === table.kind }, this.s(KIND_LABEL[k])));
        kind.addEventListener("change", () => {
          const next = kind.value as TableKind;
          this.updateTable(index, { ...table, kind: next, mapping: mapColumns(headers, next) });
          this.renderMapping();
        });
        const roles = ROLES_OF[table.kind].map((role) => {
          const select = h("select", { "data-table": String(index), "data-role": role });
          select.append(h("option", { value: "" }, this.s("notMapped")));
          headers.forEach((header, col) =>
            select.append(
              h("option", { value: String(col), selected: table.mapping[role] === col }, String(header ?? "")),
            ),
          );
          select.addEventListener("change", () => {
            const mapping = { ...table.mapping };
            if (select.value === "") delete mapping[role];
            else mapping[role] = Number(select.value);
            this.updateTable(index, { ...table, mapping });
          });
          return h("label", {}, this.s(roleKey(role)), select);
        });
        return h(
          "div",
          { class: "mapping" },
          h("h3", {}, this.s("table", table.address)),
          h("label", {}, this.s("kind"), kind),
          ...roles,
        );
      }),
    );
  }

  private updateTable(index: number, table: MappedTable): void {
    if (!this.tables) return;
    this.tables = this.tables.map((current, i) => (i === index ? table : current));
  }

  private renderAlerts(): void {
    const box = this.root.querySelector<HTMLElement>("[data-test=alerts]");
    if (!box) return;
    if (this.alerts === null) {
      box.replaceChildren(h("p", { class: "muted" }, this.s("alertsEmpty")));
      return;
    }
    const flagged = this.alerts.filter((a) => a.status === "WARN" || a.status === "ALERT");
    if (flagged.length === 0) {
      box.replaceChildren(h("p", { class: "muted" }, this.s("alertsNone")));
      return;
    }
    box.replaceChildren(
      h(
        "table",
        {},
        h("tr", {}, h("th", {}, "KPI"), h("th", {}, this.s("value")), h("th", {}, this.s("target")), h("th", {}, "")),
        ...flagged.map((alert) =>
          h(
            "tr",
            { "data-alert": alert.tile.kpi },
            h("td", {}, alert.tile.label),
            h("td", {}, displayValue(alert.value, this.lang, alert.tile.format)),
            h("td", {}, displayValue(alert.tile.target, this.lang, alert.tile.format)),
            h("td", {}, h("span", { class: `badge ${String(alert.status)}` }, String(alert.status))),
          ),
        ),
      ),
    );
  }
}
