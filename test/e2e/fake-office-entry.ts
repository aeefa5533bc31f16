import { FakeWorkbook, installFakeOffice } from "../dashboard/fake-excel.js";

/** Bundled by the pane browser test and run in the page before anything else: Office and Excel over a fake workbook. */
const page = globalThis as unknown as Record<string, unknown>;
const book = new FakeWorkbook(["Sheet1"]);
book.displayLanguage = typeof page.__displayLanguage === "string" ? page.__displayLanguage : "en-US";
book.put("Sheet1", "A1", [["Amount"], [120], [80], [100]]);
book.selection = "A2:A4";
installFakeOffice(page, book);
page.__book = book;
