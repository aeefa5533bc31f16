import { createUniver, LocaleType, mergeLocales } from "@univerjs/presets";
import { UniverSheetsConditionalFormattingPreset } from "@univerjs/presets/preset-sheets-conditional-formatting";
import conditionalFormattingEnUS from "@univerjs/presets/preset-sheets-conditional-formatting/locales/en-US";
import conditionalFormattingFrFR from "@univerjs/presets/preset-sheets-conditional-formatting/locales/fr-FR";
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
} from "@univerjs/presets/preset-sheets-core";
import sheetsCoreEnUS from "@univerjs/presets/preset-sheets-core/locales/en-US";
import sheetsCoreFrFR from "@univerjs/presets/preset-sheets-core/locales/fr-FR";
import type { Lang } from "../core/dashboard/plan.js";
import { sampleSheets } from "../core/dashboard/sample-data.js";
import { mountPane } from "../pane/index.js";
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
import { UniverHost, type SpillLookup } from "./univer-host.js";
import { workbookSnapshot } from "./workbook.js";

const element = (id: string): HTMLElement => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no #${id}`);
  return found;
};

// `?lang=fr` shows the French sample data, function help and pane.
const lang: Lang = new URLSearchParams(location.search).get("lang") === "fr" ? "fr" : "en";
document.documentElement.lang = lang;
if (lang === "fr") {
  document.title = "Bac à sable des fonctions KPI";
  element("title").textContent = document.title;
  element("intro").textContent =
    "Tapez une formule =KPI.NOM(...) dans une cellule : elle est calculée par le même cœur que les compléments Excel et Sheets.";
}
const status = element("status");

const { univer, univerAPI } = createUniver({
  locale: lang === "fr" ? LocaleType.FR_FR : LocaleType.EN_US,
  locales: {
    [LocaleType.EN_US]: mergeLocales(sheetsCoreEnUS, conditionalFormattingEnUS),
    [LocaleType.FR_FR]: mergeLocales(sheetsCoreFrFR, conditionalFormattingFrFR),
  },
  presets: [UniverSheetsCorePreset({ container: "sheet" }), UniverSheetsConditionalFormattingPreset()],
});

const samples = sampleSheets(lang);
univerAPI.createWorkbook(
  workbookSnapshot("kpi-playground", "KPI playground", [kpiSheet(samples, lang), ...samples.map(plainSampleSheet)]),
);
/** A result cell as a Univer value object; text stays text (the engine's factory would turn "123" into a number). */
const ERROR_CODES = new Set(["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"]);
const valueObject = (cell: UniverCell): BaseValueObject => {
  if (typeof cell === "number") return NumberValueObject.create(cell);
  if (typeof cell === "boolean") return BooleanValueObject.create(cell);
  if (typeof cell === "string" && ERROR_CODES.has(cell)) return ErrorValueObject.create(cell as ErrorType);
  return StringValueObject.create(cell ?? "");
};
const toObjects = (result: UniverResult): BaseValueObject => {
  if (!Array.isArray(result)) return valueObject(result);
  return ArrayValueObject.create({
    calculateValueList: result.map((row) => row.map(valueObject)),
    rowCount: result.length,
    columnCount: result[0]?.length ?? 0,
    unitId: "",
    sheetId: "",
    row: -1,
    column: -1,
  });
};

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

/** The status line tells the cause of the selected cell's error, and nothing when it has none. */
let selected: { sheetId: string; row: number; col: number } | undefined;
function showSelectedCause(): void {
  const workbook = univerAPI.getActiveWorkbook();
  if (!workbook || !selected) return;
  status.textContent = causes.at({ unitId: workbook.getId(), ...selected }) ?? "";
}
// The event's own selection: the facade's active range can still be the previous one when it fires.
univerAPI.addEvent(univerAPI.Event.SelectionChanged, ({ worksheet, selections }) => {
  const range = selections[0];
  if (range) selected = { sheetId: worksheet.getSheetId(), row: range.startRow, col: range.startColumn };
  showSelectedCause();
});
univerAPI.getFormula().calculationResultApplied(() => showSelectedCause());

const formulaData = injector.get(FormulaDataModel);
const spills: SpillLookup = (unitId, sheetId, row, col) =>
  formulaData.getArrayFormulaCellData()[unitId]?.[sheetId]?.[row]?.[col]?.v;
const host = new UniverHost(univerAPI, new ChartLayer(element("sheet")), lang, spills);
mountPane(element("pane"), host);

// The browser tests drive the page through this handle, as a user's console could.
Object.assign(window, { playground: { univerAPI, host, causes } });
