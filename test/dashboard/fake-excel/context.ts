import { cellName, parseAddress, rangeName } from "../../../core/plan/a1.js";
import type { FakeChart, FakeSheet, FakeOp, FakeWorkbook } from "./book.js";
import { Loadable, type Queue } from "./base.js";
import { RangeProxy, ChartProxy } from "./range.js";

/** The request context and the workbook, settings and worksheet proxies. */

export class FakeContext {
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

export class WorkbookProxy {
  readonly worksheets: WorksheetsProxy;
  readonly settings: SettingsProxy;
  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetsProxy(ctx);
    this.settings = new SettingsProxy(ctx);
  }
  getSelectedRange(): RangeProxy {
    return this.onActiveSheet(() => this.ctx.book.selection);
  }
  getActiveCell(): RangeProxy {
    return this.onActiveSheet(() => {
      const { row, col } = parseAddress(this.ctx.book.selection).rect;
      return cellName(row, col);
    });
  }
  /** A range of the active sheet at the address `address` returns. */
  private onActiveSheet(address: () => string): RangeProxy {
    return this.ctx.track(new RangeProxy(this.ctx, () => this.ctx.book.activeSheet, address));
  }
}

export class SettingProxy extends Loadable {
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

export class SettingsProxy {
  constructor(private readonly ctx: FakeContext) {}
  getItemOrNullObject(key: string): SettingProxy {
    return this.ctx.track(new SettingProxy(this.ctx, key));
  }
  add(key: string, value: unknown): void {
    this.ctx.later({ op: "setting", sheet: "", range: key }, () => this.ctx.book.settings.set(key, value));
  }
}

export class WorksheetsProxy extends Loadable {
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

export class WorksheetProxy extends Loadable {
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
