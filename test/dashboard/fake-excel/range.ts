import { parseAddress, rangeName, type Rect } from "../../../core/plan/a1.js";
import type { FakeChart, FakeSheet } from "./book.js";
import { Loadable } from "./base.js";
import { type FakeContext, WorksheetProxy } from "./context.js";

/** Ranges (values, formulas, formats, conditional formats) and charts. */

export class ChartProxy {
  readonly title: { text: string };
  readonly axes: { valueAxis: { numberFormat: string }; categoryAxis: { reversePlotOrder: boolean } };
  readonly series: {
    getItemAt: (i: number) => { chartType: string; delete(): void; format: { line: { lineStyle: string } } };
  };
  constructor(private readonly chart: FakeChart) {
    this.title = {
      set text(value: string) {
        chart.title = value;
      },
      get text() {
        return chart.title ?? "";
      },
    };
    this.axes = {
      valueAxis: {
        set numberFormat(value: string) {
          chart.valueAxisFormat = value;
        },
        get numberFormat() {
          return chart.valueAxisFormat ?? "";
        },
      },
      categoryAxis: {
        set reversePlotOrder(value: boolean) {
          chart.reversed = value;
        },
        get reversePlotOrder() {
          return chart.reversed ?? false;
        },
      },
    };
    this.series = {
      getItemAt: (i: number) => ({
        set chartType(value: string) {
          chart.seriesTypes[i] = value;
        },
        get chartType() {
          return chart.seriesTypes[i] ?? chart.type;
        },
        // By position in the source, as series are addressed before any deletion.
        delete: () => void (chart.deletedSeries ??= []).push(i),
        format: {
          line: {
            set lineStyle(value: string) {
              (chart.lineStyles ??= {})[i] = value;
            },
            get lineStyle() {
              return chart.lineStyles?.[i] ?? "Continuous";
            },
          },
        },
      }),
    };
  }
  setPosition(anchor: string): void {
    this.chart.anchor = anchor;
  }
  set width(value: number) {
    this.chart.width = value;
  }
  set height(value: number) {
    this.chart.height = value;
  }
}

export class RangeProxy extends Loadable {
  private snapshot: { address: string; values: unknown[][] } | null = null;
  constructor(
    private readonly ctx: FakeContext,
    readonly sheetText: () => string,
    readonly addressText: () => string,
  ) {
    super();
  }
  override resolve(): void {
    super.resolve();
    if (!this.loaded) return;
    const address = this.addressText();
    if (!address) {
      this.snapshot = null;
      return;
    }
    const { rect } = parseAddress(address);
    const quoted = /^[A-Za-z0-9_]+$/.test(this.sheetText()) ? this.sheetText() : `'${this.sheetText()}'`;
    this.snapshot = { address: `${quoted}!${address}`, values: this.ctx.book.read(this.sheetText(), rect) };
  }
  get isNullObject(): boolean {
    this.check("isNullObject");
    return this.snapshot === null;
  }
  get address(): string {
    this.check("address");
    return this.snapshot?.address ?? "";
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.sheetText(), true);
  }
  getSurroundingRegion(): RangeProxy {
    return this.ctx.track(
      new RangeProxy(this.ctx, this.sheetText, () => {
        const region = this.ctx.book.regionAround(this.sheetText(), parseAddress(this.addressText()).rect);
        return rangeName(region.row, region.col, region.rows, region.cols);
      }),
    );
  }
  private rect(): Rect {
    return parseAddress(this.addressText()).rect;
  }
  /** The range's rectangle, for a property that Excel only gives once it is loaded. */
  private loadedRect(property: string): Rect {
    this.check(property);
    return this.rect();
  }
  private write(kind: "values" | "formulas" | "numberFormat", data: unknown[][]): void {
    const sheetName = this.sheetText();
    const address = this.addressText();
    this.ctx.later({ op: kind, sheet: sheetName, range: address }, () => {
      const rect = this.rect();
      if (data.length !== rect.rows || data.some((row) => row.length !== rect.cols)) {
        throw new Error(`InvalidArgument: ${kind} of ${data.length} rows does not fit ${address}`);
      }
      const sheet = this.ctx.book.mustSheet(sheetName);
      data.forEach((row, r) =>
        row.forEach((item, c) => {
          const key = `${rect.row + r},${rect.col + c}`;
          const cell = sheet.cells.get(key) ?? {};
          if (kind === "numberFormat") cell.numberFormat = String(item);
          else if (kind === "formulas" && typeof item === "string" && item.startsWith("=")) {
            cell.formula = item;
            cell.value = undefined;
          } else {
            cell.value = item;
            cell.formula = undefined;
          }
          sheet.cells.set(key, cell);
        }),
      );
    });
  }
  set values(data: unknown[][]) {
    this.write("values", data);
  }
  get values(): unknown[][] {
    this.check("values");
    return this.snapshot?.values ?? [];
  }
  /** A formula's text, else the value: what Range.formulas reads. */
  get formulas(): unknown[][] {
    this.check("formulas");
    return this.snapshot?.values ?? [];
  }
  set formulas(data: unknown[][]) {
    this.write("formulas", data);
  }
  get rowIndex(): number {
    return this.loadedRect("rowIndex").row;
  }
  get columnIndex(): number {
    return this.loadedRect("columnIndex").col;
  }
  get rowCount(): number {
    return this.loadedRect("rowCount").rows;
  }
  get columnCount(): number {
    return this.loadedRect("columnCount").cols;
  }

  set numberFormat(data: unknown[][]) {
    this.write("numberFormat", data);
  }
  get format(): unknown {
    const style = (property: string, value: unknown) =>
      this.ctx.later({ op: "style", sheet: this.sheetText(), range: this.addressText() }, () =>
        this.ctx.book.mustSheet(this.sheetText()).styles.push({ range: this.addressText(), property, value }),
      );
    const setter = (prefix: string) =>
      new Proxy(
        {},
        {
          set: (_t, key, value) => {
            style(`${prefix}${String(key)}`, value);
            return true;
          },
        },
      );
    return new Proxy(
      { font: setter("font."), fill: setter("fill.") },
      {
        set: (_t, key, value) => {
          style(String(key), value);
          return true;
        },
      },
    );
  }
  get conditionalFormats(): { add: (type: string) => unknown } {
    return {
      add: (type: string) => {
        const entry: FakeSheet["conditionalFormats"][number] = { type, range: this.addressText() };
        this.ctx.later({ op: "conditionalFormat", sheet: this.sheetText(), range: this.addressText() }, () =>
          this.ctx.book.mustSheet(this.sheetText()).conditionalFormats.push(entry),
        );
        const format = {
          fill: {
            set color(v: string) {
              entry.fill = v;
            },
          },
          font: {
            set color(v: string) {
              entry.font = v;
            },
          },
        };
        return {
          cellValue: {
            set rule(v: unknown) {
              entry.rule = v;
            },
            format,
          },
          colorScale: {
            set criteria(v: unknown) {
              entry.criteria = v;
            },
          },
        };
      },
    };
  }
}

/** An `Excel.run` over `book`: the callback gets a fresh context, as in Office.js. */
