import { cellName, parseAddress, rangeName, type Rect } from "../../core/dashboard/a1.js";

/**
 * An in-memory Excel with Office.js batching semantics, for the executor tests and (bundled) for the browser
 * tests: writes are queued and applied at `context.sync()`, loaded properties can only be read after a sync,
 * and every sync and write is recorded so that tests can count round trips and operations.
 */

export interface FakeCell {
  value?: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  anchor?: string;
  width?: number;
  height?: number;
  valueAxisFormat?: string;
  reversed?: boolean;
  seriesTypes: Record<number, string>;
  deletedSeries?: number[];
  lineStyles?: Record<number, string>;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  charts: FakeChart[];
  conditionalFormats: {
    type: string;
    range: string;
    rule?: unknown;
    criteria?: unknown;
    fill?: string;
    font?: string;
  }[];
  styles: { range: string; property: string; value: unknown }[];
  frozenRows?: number;
}

export interface FakeOp {
  readonly op: string;
  readonly sheet: string;
  readonly range?: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  syncs = 0;
  /** Syncs of each Excel.run, in order: a dashboard build must fit in a few. */
  runs: number[] = [];
  ops: FakeOp[] = [];
  activeSheet = "";
  selection = "A1";
  displayLanguage = "en-US";

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = sheetNames[0] ?? "";
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const sheet: FakeSheet = { name, cells: new Map(), charts: [], conditionalFormats: [], styles: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  mustSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: worksheet ${name}`);
    return sheet;
  }

  /** Writes literal values with their top-left at `address` of `sheet` (test set-up, no op recorded). */
  put(sheetName: string, address: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { rect } = parseAddress(address);
    values.forEach((row, r) =>
      row.forEach((value, c) => sheet.cells.set(`${rect.row + r},${rect.col + c}`, { value })),
    );
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const { rect } = parseAddress(address);
    return this.mustSheet(sheetName).cells.get(`${rect.row},${rect.col}`);
  }

  /** Displayed value of a rectangle: formulas show as their text (the fake computes nothing). */
  read(sheetName: string, rect: Rect): unknown[][] {
    const sheet = this.mustSheet(sheetName);
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => {
        const cell = sheet.cells.get(`${rect.row + r},${rect.col + c}`);
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
  }

  /** The bounding box of the non-empty cells, like Worksheet.getUsedRange(true). */
  usedRect(sheetName: string): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [key, cell] of this.mustSheet(sheetName).cells) {
      if ((cell.value === undefined || cell.value === "") && !cell.formula) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** The contiguous block around a cell, like Range.getSurroundingRegion() for a table with no gaps. */
  regionAround(sheetName: string, rect: Rect): Rect {
    const used = this.usedRect(sheetName);
    if (!used) return rect;
    return used;
  }
}

type Queue = (() => void)[];

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

class Loadable {
  protected loaded = false;
  protected requested = false;
  load(_props?: string): this {
    this.requested = true;
    return this;
  }
  /** Called by sync for objects whose load was requested. */
  resolve(): void {
    if (this.requested) this.loaded = true;
  }
  protected check(what: string): void {
    if (!this.loaded) throw new NotLoaded(what);
  }
}

class FakeContext {
  readonly queue: Queue = [];
  readonly loadables: Loadable[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly book: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  track<T extends Loadable>(item: T): T {
    this.loadables.push(item);
    return item;
  }
  later(op: FakeOp | null, apply: () => void): void {
    this.queue.push(() => {
      if (op) this.book.ops.push(op);
      apply();
    });
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const work = this.queue.splice(0);
    for (const apply of work) apply();
    for (const item of this.loadables) item.resolve();
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly settings: SettingsProxy;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.settings = new SettingsProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    const book = this.ctx.book;
    return this.ctx.track(
      new RangeProxy(
        this.ctx,
        () => book.activeSheet,
        () => book.selection,
      ),
    );
  }
  getActiveCell(): RangeProxy {
    const book = this.ctx.book;
    return this.ctx.track(
      new RangeProxy(
        this.ctx,
        () => book.activeSheet,
        () => cellName(parseAddress(book.selection).rect.row, parseAddress(book.selection).rect.col),
      ),
    );
  }
}

class SettingProxy extends Loadable {
  constructor(
    private readonly ctx: FakeContext,
    private readonly key: string,
  ) {
    super();
  }
  get isNullObject(): boolean {
    this.check("isNullObject");
    return !this.ctx.book.settings.has(this.key);
  }
  get value(): unknown {
    this.check("value");
    return this.ctx.book.settings.get(this.key);
  }
}

class SettingsProxy {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(key: string): SettingProxy {
    return this.ctx.track(new SettingProxy(this.ctx, key));
  }
  add(key: string, value: unknown): void {
    this.ctx.later({ op: "setting", sheet: "", range: key }, () => this.ctx.book.settings.set(key, value));
  }
}

class WorksheetsProxy extends Loadable {
  private snapshot: WorksheetProxy[] = [];
  constructor(private readonly ctx: FakeContext) {
    super();
    ctx.track(this);
  }
  override resolve(): void {
    super.resolve();
    if (this.loaded) this.snapshot = this.ctx.book.sheets.map((s) => new WorksheetProxy(this.ctx, s.name, true));
  }
  get items(): WorksheetProxy[] {
    this.check("worksheets.items");
    return this.snapshot;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, name, false);
  }
  getActiveWorksheet(): WorksheetProxy {
    return this.ctx.track(new WorksheetProxy(this.ctx, this.ctx.book.activeSheet, false));
  }
  add(name: string): WorksheetProxy {
    this.ctx.later({ op: "addSheet", sheet: name }, () => this.ctx.book.addSheet(name));
    return new WorksheetProxy(this.ctx, name, false);
  }
}

class WorksheetProxy extends Loadable {
  readonly freezePanes = {
    freezeRows: (n: number) =>
      this.ctx.later({ op: "freeze", sheet: this.sheetName }, () => (this.sheet().frozenRows = n)),
  };
  readonly charts = {
    add: (type: string, source: RangeProxy, seriesBy: string) => this.addChart(type, source, seriesBy),
  };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    loaded: boolean,
  ) {
    super();
    this.loaded = loaded;
  }
  get name(): string {
    this.check("worksheet.name");
    return this.sheetName;
  }
  private sheet(): FakeSheet {
    return this.ctx.book.mustSheet(this.sheetName);
  }
  getRange(address: string): RangeProxy {
    return this.ctx.track(
      new RangeProxy(
        this.ctx,
        () => this.sheetName,
        () => address,
      ),
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return this.getRange(rangeName(row, col, rows, cols));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    const range = this.ctx.track(
      new RangeProxy(
        this.ctx,
        () => this.sheetName,
        () => {
          const used = this.ctx.book.usedRect(this.sheetName);
          return used ? rangeName(used.row, used.col, used.rows, used.cols) : "";
        },
      ),
    );
    return range;
  }
  activate(): void {
    this.ctx.later({ op: "activate", sheet: this.sheetName }, () => (this.ctx.book.activeSheet = this.sheetName));
  }
  delete(): void {
    this.ctx.later({ op: "deleteSheet", sheet: this.sheetName }, () => {
      const sheet = this.sheet();
      this.ctx.book.sheets = this.ctx.book.sheets.filter((s) => s !== sheet);
    });
  }
  private addChart(type: string, source: RangeProxy, seriesBy: string): ChartProxy {
    const chart: FakeChart = { type, source: "", seriesBy, seriesTypes: {} };
    this.ctx.later({ op: "chart", sheet: this.sheetName, range: source.addressText() }, () => {
      chart.source = `${source.sheetText()}!${source.addressText()}`;
      this.sheet().charts.push(chart);
    });
    return new ChartProxy(chart);
  }
}

class ChartProxy {
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

class RangeProxy extends Loadable {
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
    this.check("rowIndex");
    return this.rect().row;
  }
  get columnIndex(): number {
    this.check("columnIndex");
    return this.rect().col;
  }
  get rowCount(): number {
    this.check("rowCount");
    return this.rect().rows;
  }
  get columnCount(): number {
    this.check("columnCount");
    return this.rect().cols;
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
export function fakeExcelRun(book: FakeWorkbook) {
  return async <T>(callback: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(book);
    const before = book.syncs;
    try {
      const result = await callback(context as unknown as Excel.RequestContext);
      if (context.queue.length > 0) await context.sync();
      return result;
    } finally {
      book.runs.push(book.syncs - before);
    }
  };
}

/** A fake `Excel.RequestContext` for calling an executor directly. */
export const fakeContext = (book: FakeWorkbook): Excel.RequestContext =>
  new FakeContext(book) as unknown as Excel.RequestContext;

/** Installs `Office` and `Excel` globals over `book` (the browser tests run this in the page before the pane). */
export function installFakeOffice(target: Record<string, unknown>, book: FakeWorkbook): void {
  const selectionHandlers: (() => void)[] = [];
  const associated: string[] = [];
  target.Excel = { run: fakeExcelRun(book) };
  // functions.js shares the task pane page (shared runtime) and registers the custom functions on load.
  target.CustomFunctions = {
    associate: (id: string) => associated.push(id),
    associated,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    Error: class extends Error {},
  };
  target.Office = {
    onReady: (callback?: (info: { host: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      get displayLanguage() {
        return book.displayLanguage;
      },
      document: {
        addHandlerAsync: (_type: string, handler: () => void) => selectionHandlers.push(handler),
      },
      requirements: { isSetSupported: () => true },
    },
    EventType: { DocumentSelectionChanged: "documentSelectionChanged" },
    HostType: { Excel: "Excel" },
  };
  target.__fakeSelect = (sheet: string, address: string) => {
    book.activeSheet = sheet;
    book.selection = address;
    for (const handler of selectionHandlers) handler();
  };
}
