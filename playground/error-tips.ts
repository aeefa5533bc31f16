import type { FUniver } from "@univerjs/presets";
import type { ErrorCauses } from "./kpi-functions.js";
import { element, status } from "./page.js";

/**
 * Error causes where users look: the status line tells the selected cell's, and a tooltip the cause of the error
 * cell under the pointer.
 */
export function showCauses(api: FUniver, causes: ErrorCauses, sheetElement: HTMLElement): void {
  let selected: { sheetId: string; row: number; col: number } | undefined;
  const showSelected = (): void => {
    const workbook = api.getActiveWorkbook();
    if (!workbook || !selected) return;
    status.textContent = causes.at({ unitId: workbook.getId(), ...selected }) ?? "";
  };
  // The event's own selection: the facade's active range can still be the previous one when it fires.
  api.addEvent(api.Event.SelectionChanged, ({ worksheet, selections }) => {
    const range = selections[0];
    if (range) selected = { sheetId: worksheet.getSheetId(), row: range.startRow, col: range.startColumn };
    showSelected();
  });
  api.getFormula().calculationResultApplied(() => showSelected());

  const tip = element("cell-tip");
  let pointer = { x: 0, y: 0 };
  sheetElement.addEventListener("pointermove", (event) => (pointer = { x: event.clientX, y: event.clientY }), {
    capture: true,
  });
  // The cell under the pointer: its cause can appear after the pointer arrived (the formula was just entered).
  let hovered: { unitId: string; sheetId: string; row: number; col: number; name: string } | undefined;
  const showHovered = (): void => {
    // Only over the sheet in view: another one can come forward under a still pointer (the dashboard's does), and
    // a recalculation must not then bring back the cause of a cell on the sheet left behind.
    const inView = hovered !== undefined && api.getActiveWorkbook()?.getActiveSheet().getSheetId() === hovered.sheetId;
    const cause = hovered && inView ? causes.at(hovered) : undefined;
    tip.hidden = cause === undefined;
    if (!hovered || cause === undefined) return;
    tip.textContent = cause;
    tip.dataset.cell = hovered.name;
    // Below and right of the pointer, kept inside the window.
    const left = Math.min(pointer.x + 14, window.innerWidth - 430);
    Object.assign(tip.style, { left: `${Math.max(4, left)}px`, top: `${pointer.y + 18}px` });
  };
  const forget = (): void => {
    hovered = undefined;
    tip.hidden = true;
  };
  sheetElement.addEventListener("pointerleave", forget);
  api.addEvent(api.Event.ActiveSheetChanged, forget);
  api.addEvent(api.Event.CellHover, ({ workbook, worksheet, row, column }) => {
    const name = `${worksheet.getSheetName()}!${worksheet.getRange(row, column).getA1Notation()}`;
    hovered = { unitId: workbook.getId(), sheetId: worksheet.getSheetId(), row, col: column, name };
    showHovered();
  });
  api.getFormula().calculationResultApplied(() => showHovered());
}
