import type { FUniver } from "@univerjs/presets";
import type { FWorkbook } from "@univerjs/presets/preset-sheets-core";
import { readCsv } from "./csv.js";
import { writeTable } from "./local-input.js";
import { element, lang, status, TEXT } from "./page.js";

/** Sheet names Univer accepts: no `[]:*?/\`, at most 31 characters, not already taken. */
function newSheetName(workbook: FWorkbook, wanted: string): string {
  const base =
    wanted
      .replace(/\.[^.]+$/, "")
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 28) || "CSV";
  const taken = new Set(workbook.getSheets().map((s) => s.getSheetName().toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

/** Opens a CSV export into a new sheet (never over an existing one), its separator and conventions detected. */
async function openCsv(api: FUniver, file: File): Promise<void> {
  const workbook = api.getActiveWorkbook();
  if (!workbook) return;
  const table = readCsv(await file.text(), lang);
  if (table.rows.length === 0) {
    status.textContent = TEXT.unreadable(file.name);
    return;
  }
  const width = Math.max(...table.rows.map((row) => row.length));
  const sheet = workbook.insertSheet(newSheetName(workbook, file.name), {
    index: workbook.getSheets().length,
    sheet: { rowCount: Math.max(200, table.rows.length + 50), columnCount: Math.max(26, width + 5) },
  });
  writeTable(sheet, 0, 0, table, lang);
  sheet.getRange(0, 0, 1, width).setFontWeight("bold");
  for (let col = 0; col < width; col++) sheet.setColumnWidth(col, 120);
  sheet.activate();
  status.textContent = TEXT.imported(file.name, table.rows.length - 1);
}

/** The file picker button and files dropped on the grid. */
export function openCsvFiles(api: FUniver, sheetElement: HTMLElement): void {
  const input = element("csv-file") as HTMLInputElement;
  element("open-csv").addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    input.value = "";
    if (file) void openCsv(api, file);
  });
  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes("Files") ?? false;
  sheetElement.addEventListener("dragover", (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    sheetElement.classList.add("drop-target");
  });
  sheetElement.addEventListener("dragleave", () => sheetElement.classList.remove("drop-target"));
  sheetElement.addEventListener("drop", (event) => {
    sheetElement.classList.remove("drop-target");
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void openCsv(api, file);
  });
}
