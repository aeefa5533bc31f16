import { FakeWorkbook } from "./fake-excel/book.js";
import { FakeContext } from "./fake-excel/context.js";

export { FakeWorkbook, type FakeCell, type FakeChart, type FakeOp, type FakeSheet } from "./fake-excel/book.js";

/** The fake's entry points: an Excel.run, a context, and a fake Office on a window (test/dashboard/fake-excel/). */

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
