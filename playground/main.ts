import { createUniver, LocaleType, mergeLocales, type FUniver } from "@univerjs/presets";
import { UniverSheetsConditionalFormattingPreset } from "@univerjs/presets/preset-sheets-conditional-formatting";
import {
  ArrayValueObject,
  BooleanValueObject,
  ErrorValueObject,
  FormulaDataModel,
  IFunctionService,
  NumberValueObject,
  StringValueObject,
  UniverSheetsCorePreset,
  type BaseValueObject,
  type ErrorType,
  type FWorkbook,
} from "@univerjs/presets/preset-sheets-core";
import { sampleSheets } from "../core/dashboard/sample-data.js";
import { ChartLayer } from "./charts.js";
import {
  ErrorCauses,
  registerKpis,
  type FormulaRegistrar,
  type UniverCell,
  type UniverExecutor,
  type UniverResult,
} from "./kpi-functions.js";
import { kpiSheet, plainSampleSheet } from "./kpi-sheet.js";
import { acceptFrenchTyping, readPastedText } from "./local-input.js";
import { forgetWork, loadWork } from "./storage.js";
import { keepWork, resetWork } from "./keep-work.js";
import { openCsvFiles } from "./open-csv.js";
import { printDashboard } from "./print.js";
import { showCauses } from "./error-tips.js";
import { element, lang, paneToggle, TEXT } from "./page.js";
import { UniverHost, type SpillLookup } from "./univer-host.js";
import { workbookSnapshot } from "./workbook.js";

/**
 * Only the page's language is loaded: Univer's function help alone is about 360 KB per language, and the page
 * never switches language without a reload.
 */
async function univerLocale() {
  const [core, conditional] =
    lang === "fr"
      ? await Promise.all([
          import("@univerjs/presets/preset-sheets-core/locales/fr-FR"),
          import("@univerjs/presets/preset-sheets-conditional-formatting/locales/fr-FR"),
        ])
      : await Promise.all([
          import("@univerjs/presets/preset-sheets-core/locales/en-US"),
          import("@univerjs/presets/preset-sheets-conditional-formatting/locales/en-US"),
        ]);
  return mergeLocales(core.default, conditional.default);
}

/**
 * Toolbar buttons left out so that the number-format tools (percent, currency, decimals, the format menu) fit in
 * the toolbar beside the pane instead of hiding behind its "more" button; all of these stay in menus or shortcuts.
 */
const LESS_USED_TOOLS = Object.fromEntries(
  [
    "sheet.command.set-range-font-increase",
    "sheet.command.set-range-font-decrease",
    "sheet.command.set-range-stroke",
    "sheet.command.set-text-rotation",
    "sheet.command.set-once-format-painter",
    "sheet.command.clear-selection-all",
  ].map((id) => [id, { hidden: true }]),
);

/** A result cell as a Univer value object; text stays text (the engine's factory would turn "123" into a number). */
const ERROR_CODES = new Set(["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"]);
const valueObject = (cell: UniverCell, pattern = ""): BaseValueObject => {
  if (typeof cell === "number")
    return pattern ? NumberValueObject.create(cell, pattern) : NumberValueObject.create(cell);
  if (typeof cell === "boolean") return BooleanValueObject.create(cell);
  if (typeof cell === "string" && ERROR_CODES.has(cell)) return ErrorValueObject.create(cell as ErrorType);
  return StringValueObject.create(cell ?? "");
};
const toObjects = (result: UniverResult, formats?: readonly (readonly string[])[]): BaseValueObject => {
  if (!Array.isArray(result)) return valueObject(result, formats?.[0]?.[0]);
  return ArrayValueObject.create({
    calculateValueList: result.map((row, r) => row.map((cell, c) => valueObject(cell, formats?.[r]?.[c]))),
    rowCount: result.length,
    columnCount: result[0]?.length ?? 0,
    unitId: "",
    sheetId: "",
    row: -1,
    column: -1,
  });
};

/** The samples as a fresh workbook: the KPIs sheet first, then one sheet per sample table. */
function sampleWorkbook() {
  const samples = sampleSheets(lang);
  return workbookSnapshot("kpi-playground", "KPI playground", [
    kpiSheet(samples, lang),
    ...samples.map((sample) => plainSampleSheet(sample, lang)),
  ]);
}

/** Opens the saved workbook when there is one, the samples otherwise (or when the saved one cannot be read). */
function openWorkbook(api: FUniver, saved: Parameters<FUniver["createWorkbook"]>[0] | undefined): FWorkbook {
  if (saved) {
    try {
      return api.createWorkbook(saved);
    } catch {
      forgetWork(lang);
      const broken = api.getActiveWorkbook();
      if (broken) api.disposeUnit(broken.getId());
    }
  }
  return api.createWorkbook(sampleWorkbook());
}

async function start(): Promise<void> {
  const locale = lang === "fr" ? LocaleType.FR_FR : LocaleType.EN_US;
  const { univer, univerAPI } = createUniver({
    locale,
    locales: { [locale]: await univerLocale() },
    presets: [
      UniverSheetsCorePreset({ container: "sheet", menu: LESS_USED_TOOLS }),
      UniverSheetsConditionalFormattingPreset(),
    ],
  });

  const saved = loadWork(lang);
  // A snapshot this page saved (storage.ts checks its version); Univer rejects a broken one, then the samples open.
  const workbook = openWorkbook(univerAPI, saved?.workbook as Parameters<FUniver["createWorkbook"]>[0] | undefined);
  // numfmt draws every number format with the language's marks: `1 014 655,00`, `49,5 %`, `janv. 2025`.
  workbook.setNumfmtLocal(lang === "fr" ? "fr" : "en");

  const injector = univer.__getInjector();
  const functions = injector.get(IFunctionService);
  const causes = new ErrorCauses();
  // Univer starts its formula plugins with the first workbook, so the functions are registered just after it;
  // registering forces a recalculation of the formulas already loaded.
  registerKpis(univerAPI.getFormula() as unknown as FormulaRegistrar, {
    lang,
    executor: (name) => functions.getExecutor(name) as unknown as UniverExecutor | undefined,
    toObjects,
    sheetName: (unitId, sheetId) => univerAPI.getUniverSheet(unitId)?.getSheetBySheetId(sheetId)?.getSheetName(),
    causes,
  });
  if (lang === "fr") acceptFrenchTyping(injector, univerAPI);
  const sheetElement = element("sheet");
  readPastedText(univerAPI, lang, sheetElement);

  showCauses(univerAPI, causes, sheetElement);

  const formulaData = injector.get(FormulaDataModel);
  const spills: SpillLookup = (unitId, sheetId, row, col) =>
    formulaData.getArrayFormulaCellData()[unitId]?.[sheetId]?.[row]?.[col]?.v;
  const charts = new ChartLayer(sheetElement, lang === "fr" ? "fr-FR" : "en-US");
  const host = new UniverHost(univerAPI, charts, lang, spills);
  for (const chart of saved?.charts ?? []) charts.place(chart.sheet, chart.spec, chart.at);
  if (saved?.charts.length) void host.calculated().then(() => host.redrawCharts());

  keepWork(univerAPI, charts);
  openCsvFiles(univerAPI, sheetElement);
  paneToggle();
  element("print").addEventListener("click", () => void printDashboard(univerAPI, host));
  element("reset").addEventListener("click", () => {
    if (confirm(TEXT.confirmReset)) resetWork();
  });

  // The browser tests drive the page through this handle, as a user's console could.
  Object.assign(window, { playground: { univerAPI, host, causes, charts } });

  // The pane comes after the grid: the first screen is the KPIs sheet, and the pane's code is not needed to draw it.
  const { mountPane } = await import(/* webpackChunkName: "pane" */ "../pane/index.js");
  mountPane(element("pane"), host);
}

void start();
